import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  decodeAnchor,
  decodeCheckpoint,
  encodeAnchor,
  encodeAnchors,
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

const point = (entry: AuditEntry | undefined) => ({ seq: entry?.seq ?? 0, mac: entry?.mac ?? '' });

describe('audit chain with a retention checkpoint', () => {
  const entries = chain(8);
  const head = point(entries.at(-1));
  // Retention deleted entries 1–3: the checkpoint is entry 3.
  const checkpoint = point(entries[2]);
  const kept = entries.slice(3);

  it('verifies a log whose oldest entries were deleted up to the checkpoint', () => {
    expect(verifyChain(KEY, kept, head, 0, checkpoint)).toEqual({ ok: true, count: 5 });
  });

  it('without the checkpoint, the same log reports the deleted entries as missing', () => {
    expect(verifyChain(KEY, kept, head)).toMatchObject({ ok: false, problems: ['Entries 1–3 are missing.'] });
  });

  it('skips leftovers at or before the checkpoint (a prune interrupted before deleting)', () => {
    expect(verifyChain(KEY, entries, head, 0, checkpoint)).toEqual({ ok: true, count: 5 });
  });

  it('still reports an entry edited after the checkpoint', () => {
    const edited = kept.map((entry) => (entry.seq === 5 ? { ...entry, detail: 'Nothing happened' } : entry));
    expect(verifyChain(KEY, edited, head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['Entry 5 was changed after it was written.'],
    });
  });

  it('still reports the first kept entry edited (it must follow the checkpoint MAC)', () => {
    const forged = nextEntry(KEY, { seq: 3, mac: 'f'.repeat(64) }, 'step', 'Forged', 2_000);
    expect(verifyChain(KEY, [forged, ...kept.slice(1)], head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['Entry 4 does not follow the entry before it.'],
    });
  });

  it('still reports reordered entries and a gap after the checkpoint', () => {
    const swapped = [kept[1], kept[0], ...kept.slice(2)] as AuditEntry[];
    expect(verifyChain(KEY, swapped, head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['Entries 4–4 are missing.'],
    });
    const gap = kept.filter((entry) => entry.seq !== 6);
    expect(verifyChain(KEY, gap, head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['Entries 6–6 are missing.'],
    });
  });

  it('still reports entries cut off the end, even all of them', () => {
    expect(verifyChain(KEY, kept.slice(0, 3), head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['The log was cut short: entries after 6 (up to 8) are gone.'],
    });
    expect(verifyChain(KEY, [], head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['The log was cut short: entries after 3 (up to 8) are gone.'],
    });
  });

  it('refuses a checkpoint moved further than the deletion (more entries deleted than retention did)', () => {
    // An attacker who deletes entries 4–5 too, without the key, cannot move the MAC'd checkpoint.
    expect(verifyChain(KEY, kept.slice(2), head, 0, checkpoint)).toMatchObject({
      ok: false,
      problems: ['Entries 4–5 are missing.'],
    });
  });

  it('verifies a log emptied up to its head (everything deleted)', () => {
    expect(verifyChain(KEY, [], head, 0, head)).toEqual({ ok: true, count: 0 });
  });

  it('encodes head and checkpoint in one anchor, and a head alone in the original form', () => {
    const both = encodeAnchors(head, checkpoint);
    expect(both.length).toBe(80);
    expect(decodeAnchor(both)).toEqual(head);
    expect(decodeCheckpoint(both)).toEqual(checkpoint);
    const alone = encodeAnchors(head, null);
    expect(alone).toEqual(encodeAnchor(head));
    expect(decodeAnchor(alone)).toEqual(head);
    expect(decodeCheckpoint(alone)).toBeNull();
    expect(decodeCheckpoint(new Uint8Array(79))).toBeNull();
    expect(decodeAnchor(new Uint8Array(79))).toBeNull();
    expect(() => encodeAnchors(checkpoint, head)).toThrow(RangeError);
  });
});
