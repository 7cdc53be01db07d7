import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES, MAX_CSV_ROWS, parseRowsCsv } from '@/lib/run/csv';

const VARIABLES = ['firstName', 'lastName', 'notes'];

describe('parseRowsCsv', () => {
  it('reads one values object per row, keyed by the header', () => {
    const parsed = parseRowsCsv('firstName,lastName\nGrace,Hopper\nAda,Lovelace\n', VARIABLES);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { firstName: 'Grace', lastName: 'Hopper' },
        { firstName: 'Ada', lastName: 'Lovelace' },
      ],
    });
  });

  it('handles quotes, doubled quotes, commas and line breaks inside a value, CRLF and a BOM', () => {
    const text = '\uFEFFfirstName,notes\r\n"Grace","Said ""hi"", then left,\nlater"\r\nAda,plain\r\n';
    expect(parseRowsCsv(text, VARIABLES)).toEqual({
      ok: true,
      value: [
        { firstName: 'Grace', notes: 'Said "hi", then left,\nlater' },
        { firstName: 'Ada', notes: 'plain' },
      ],
    });
  });

  it('an empty cell or a missing column means the default (left out of the row)', () => {
    expect(parseRowsCsv('firstName,lastName\n,Hopper\nAda\n', VARIABLES)).toEqual({
      ok: true,
      value: [{ lastName: 'Hopper' }, { firstName: 'Ada' }],
    });
  });

  it('skips blank lines', () => {
    expect(parseRowsCsv('firstName\n\nGrace\n\n', VARIABLES)).toEqual({ ok: true, value: [{ firstName: 'Grace' }] });
  });

  it('refuses what would put values in the wrong fields, with a message that says why', () => {
    const cases: [string, string][] = [
      ['email\nx@example.test', 'unknown-column'],
      ['firstName,firstName\na,b', 'duplicate-column'],
      ['firstName\na,b', 'malformed'],
      ['firstName\n"never closed', 'malformed'],
      ['firstName\n', 'empty'],
      ['', 'empty'],
    ];
    for (const [text, code] of cases) {
      const parsed = parseRowsCsv(text, VARIABLES);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code, text).toBe(code);
        expect(parsed.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('caps the file size before parsing and the number of rows', () => {
    expect(parseRowsCsv(`firstName\n${'a'.repeat(MAX_CSV_BYTES)}`, VARIABLES)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, index) => `n${index}`).join('\n');
    expect(parseRowsCsv(`firstName\n${rows}`, VARIABLES)).toMatchObject({
      ok: false,
      error: { code: 'too-many-rows' },
    });
  });

  it('round-trips any values written the RFC 4180 way', () => {
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string({ minLength: 1 })), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const text = ['firstName,notes', ...rows.map(([a, b]) => `${quote(a)},${quote(b)}`)].join('\r\n');
          const parsed = parseRowsCsv(text, VARIABLES);
          expect(parsed).toEqual({ ok: true, value: rows.map(([a, b]) => ({ firstName: a, notes: b })) });
        },
      ),
    );
  });
});
