import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFields, fromBase64, randomBytes, toBase64 } from '@/lib/crypto/bytes';
import {
  ENVELOPE_OVERHEAD,
  openEnvelope,
  openRecord,
  recordAad,
  sealEnvelope,
  sealRecord,
} from '@/lib/crypto/envelope';
import { deriveSubkey, SUBKEY_INFO } from '@/lib/crypto/subkeys';

const key = randomBytes(32);
const name = fc.string({ minLength: 1, maxLength: 24 });
/** Code points of every UTF-8 length (1 to 4 bytes), lone surrogates included (encoded as U+FFFD). */
const anyChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0x7ff }),
    fc.integer({ min: 0x800, max: 0xffff }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((codePoint) => String.fromCodePoint(codePoint));
const anyName = fc.string({ unit: anyChar, minLength: 1, maxLength: 24 });

describe('record envelope', () => {
  it('round-trips arbitrary bytes for any table and id', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), name, name, (plaintext, table, id) => {
        const envelope = sealRecord(key, table, id, plaintext);
        expect(envelope.length).toBe(plaintext.length + ENVELOPE_OVERHEAD);
        const opened = openRecord(key, table, id, envelope);
        expect(opened.ok && opened.value).toEqual(plaintext);
      }),
    );
  });

  it('detects every sampled single-bit flip anywhere in the envelope', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), (plaintext, bitSeed) => {
        const envelope = sealRecord(key, 'tasks', 'a', plaintext);
        const bit = bitSeed % (envelope.length * 8);
        envelope[bit >> 3] = (envelope[bit >> 3] as number) ^ (1 << (bit & 7));
        const opened = openRecord(key, 'tasks', 'a', envelope);
        expect(opened.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a ciphertext opened under another table or id', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), name, name, name, name, (plaintext, t1, i1, t2, i2) => {
        fc.pre(t1 !== t2 || i1 !== i2);
        const opened = openRecord(key, t2, i2, sealRecord(key, t1, i1, plaintext));
        expect(opened.ok).toBe(false);
      }),
    );
  });

  it('builds the record AAD as exactly encodeFields([domain, table, id]), so stored records still open', () => {
    fc.assert(
      fc.property(name, name, (table, id) => {
        expect(recordAad(table, id)).toEqual(encodeFields(['understudy/record', table, id]));
        // Second call for the same table uses the cached prefix.
        expect(recordAad(table, `${id}x`)).toEqual(encodeFields(['understudy/record', table, `${id}x`]));
      }),
    );
  });

  it('builds the same record AAD for non-ASCII ids and tables, and round-trips records under them', () => {
    for (const id of ['\u007f', '\u0080', '\u00e9', '\u00ff', 'ab\u20ac', '\u{1f600}', '\ud800', 'x\udfffy']) {
      expect(recordAad('tasks', id)).toEqual(encodeFields(['understudy/record', 'tasks', id]));
    }
    fc.assert(
      fc.property(anyName, anyName, fc.uint8Array({ maxLength: 64 }), (table, id, plaintext) => {
        expect(recordAad(table, id)).toEqual(encodeFields(['understudy/record', table, id]));
        expect(recordAad(table, `a${id}`)).toEqual(encodeFields(['understudy/record', table, `a${id}`]));
        const opened = openEnvelope(
          key,
          encodeFields(['understudy/record', table, id]),
          sealRecord(key, table, id, plaintext),
        );
        expect(opened.ok && opened.value).toEqual(plaintext);
      }),
    );
  });

  it('seals records exactly as an envelope over recordAad, so records sealed either way open either way', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), name, name, (plaintext, table, id) => {
        const viaEnvelope = openEnvelope(key, recordAad(table, id), sealRecord(key, table, id, plaintext));
        expect(viaEnvelope.ok && viaEnvelope.value).toEqual(plaintext);
        const viaRecord = openRecord(key, table, id, sealEnvelope(key, recordAad(table, id), plaintext));
        expect(viaRecord.ok && viaRecord.value).toEqual(plaintext);
      }),
    );
  });

  it('refuses a truncated record and an unknown record version with distinct codes', () => {
    const envelope = sealRecord(key, 'tasks', 'a', new Uint8Array([1, 2, 3]));
    const short = openRecord(key, 'tasks', 'a', envelope.subarray(0, ENVELOPE_OVERHEAD - 1));
    expect(!short.ok && short.error.code).toBe('envelope-malformed');
    const versioned = envelope.slice();
    versioned[0] = 2;
    const version = openRecord(key, 'tasks', 'a', versioned);
    expect(!version.ok && version.error.code).toBe('envelope-version');
  });

  it('throws for an empty table or id when opening, whatever the envelope', () => {
    expect(() => openRecord(key, '', 'a', new Uint8Array(0))).toThrow(/table/);
    expect(() => openRecord(key, 'tasks', '', new Uint8Array(0))).toThrow(/id/);
  });

  it('keeps table/id boundaries unambiguous ("ab"+"c" is not "a"+"bc")', () => {
    const envelope = sealRecord(key, 'ab', 'c', new Uint8Array([1]));
    expect(openRecord(key, 'a', 'bc', envelope).ok).toBe(false);
  });

  it('refuses a wrong key, a truncated envelope and an unknown version with distinct codes', () => {
    const envelope = sealEnvelope(key, new Uint8Array(0), new Uint8Array([1, 2, 3]));
    const wrongKey = openEnvelope(randomBytes(32), new Uint8Array(0), envelope);
    expect(!wrongKey.ok && wrongKey.error.code).toBe('envelope-auth');
    const short = openEnvelope(key, new Uint8Array(0), envelope.subarray(0, ENVELOPE_OVERHEAD - 1));
    expect(!short.ok && short.error.code).toBe('envelope-malformed');
    const versioned = envelope.slice();
    versioned[0] = 2;
    const version = openEnvelope(key, new Uint8Array(0), versioned);
    expect(!version.ok && version.error.code).toBe('envelope-version');
  });

  it('uses a fresh nonce for each seal', () => {
    const a = sealRecord(key, 'tasks', 'x', new Uint8Array(8));
    const b = sealRecord(key, 'tasks', 'x', new Uint8Array(8));
    expect(a.subarray(1, 25)).not.toEqual(b.subarray(1, 25));
  });

  it('names the argument when given a key of the wrong length', () => {
    expect(() => sealRecord(new Uint8Array(16), 'tasks', 'x', new Uint8Array(1))).toThrow(/key/);
    expect(() => sealRecord(key, '', 'x', new Uint8Array(1))).toThrow(/table/);
  });
});

describe('sub-keys', () => {
  it('derives a distinct 32-byte key for every purpose', () => {
    const dataKey = randomBytes(32);
    const keys = (Object.keys(SUBKEY_INFO) as (keyof typeof SUBKEY_INFO)[]).map((purpose) =>
      toBase64(deriveSubkey(dataKey, purpose)),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(Object.values(SUBKEY_INFO)).size).toBe(keys.length);
  });

  it('refuses a data key of the wrong length', () => {
    expect(() => deriveSubkey(new Uint8Array(31), 'records')).toThrow(/dataKey/);
  });
});

describe('byte helpers', () => {
  it('round-trips base64 and rejects malformed input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64('abc')).toBeUndefined();
    expect(fromBase64('ab$=')).toBeUndefined();
  });

  it('encodes different field lists to different bytes', () => {
    const fields = fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 });
    fc.assert(
      fc.property(fields, fields, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(encodeFields(a)).not.toEqual(encodeFields(b));
      }),
    );
  });
});
