import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  AuditEntrySchema,
  decodeAnchor,
  encodeAnchor,
  nextEntry,
  verifyChain,
} from '@/lib/audit/chain';

const KEY = new Uint8Array(32).fill(7);

function chain(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let index = 0; index < count; index++) {
    entries.push(nextEntry(KEY, entries.at(-1) ?? null, 'step', `Step ${index + 1} done`, 1_000 + index));
  }
  return entries;
}

const anchorOf = (entries: AuditEntry[]) => decodeAnchor(encodeAnchor(entries.at(-1) as AuditEntry));

describe('audit hash chain', () => {
  it('verifies an intact log against its anchor; entries are valid records', () => {
    const entries = chain(5);
    for (const entry of entries) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    expect(verifyChain(KEY, entries, anchorOf(entries))).toEqual({ ok: true, count: 5 });
    expect(verifyChain(KEY, [], null)).toEqual({ ok: true, count: 0 });
  });

  it('reports an edited entry, even with a recomputed-looking MAC from another key', () => {
    const entries = chain(4);
    const edited = entries.map((entry) => (entry.seq === 2 ? { ...entry, detail: 'Nothing happened' } : entry));
    const result = verifyChain(KEY, edited, anchorOf(entries));
    expect(result).toMatchObject({ ok: false, problems: ['Entry 2 was changed after it was written.'] });
    // Rebuilding the chain needs the audit key: a different key's chain does not verify.
    const forged = chain(4).map((entry) => entry);
    const other = new Uint8Array(32).fill(9);
    const rebuilt: AuditEntry[] = [];
    for (const entry of forged)
      rebuilt.push(nextEntry(other, rebuilt.at(-1) ?? null, entry.kind, entry.detail, entry.at));
    expect(verifyChain(KEY, rebuilt, anchorOf(rebuilt)).ok).toBe(false);
  });

  it('reports reordered, missing and truncated entries, and unreadable ones', () => {
    const entries = chain(5);
    const anchor = anchorOf(entries);
    const swapped = [entries[0], entries[2], entries[1], entries[3], entries[4]] as AuditEntry[];
    expect(verifyChain(KEY, swapped, anchor)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('missing')],
    });
    const gap = entries.filter((entry) => entry.seq !== 3);
    expect(verifyChain(KEY, gap, anchor)).toMatchObject({ ok: false, problems: ['Entries 3–3 are missing.'] });
    const cut = entries.slice(0, 3);
    expect(verifyChain(KEY, cut, anchor)).toMatchObject({
      ok: false,
      problems: ['The log was cut short: entries after 3 (up to 5) are gone.'],
    });
    expect(verifyChain(KEY, entries, anchor, 1)).toMatchObject({
      ok: false,
      problems: ['1 entry was altered and could not be read.'],
    });
    expect(verifyChain(KEY, entries, null)).toMatchObject({ ok: false });
  });

  it('round-trips the anchor and rejects malformed ones', () => {
    const entries = chain(2);
    expect(anchorOf(entries)).toEqual({ seq: 2, mac: (entries[1] as AuditEntry).mac });
    expect(decodeAnchor(new Uint8Array(5))).toBeNull();
    expect(decodeAnchor(null)).toBeNull();
  });
});
