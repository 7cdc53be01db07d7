import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeAnchor, decodeCheckpoint, encodeAnchors } from '@/lib/audit/chain';
import { appendAuditEntries, appendAuditEntry, pruneAuditLog, readAuditLog } from '@/lib/audit/log';
import { randomBytes } from '@/lib/crypto/bytes';
import { KDF_FLOOR } from '@/lib/crypto/kdf';
import { openUnderstudyDb, VAULT_HEADER_ID } from '@/lib/store/db';
import { resealHeader, serializeHeader, VAULT_FORMAT_VERSION } from '@/lib/store/header';
import { DAY_MS } from '@/lib/store/retention';
import { VaultSession } from '@/lib/store/session';

const NOW = Date.UTC(2026, 10, 23, 12);
const daysAgo = (days: number) => NOW - days * DAY_MS;
const db = openUnderstudyDb(`audit-log-test-${crypto.randomUUID()}`);
let session: VaultSession;

// A real header (MAC'd under the data key) so the head and checkpoint go through setAuditHead.
beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const dataKey = randomBytes(32);
  const header = resealHeader(
    dataKey,
    {
      version: VAULT_FORMAT_VERSION,
      kdf: { ...KDF_FLOOR, salt: randomBytes(32) },
      wrappedKey: randomBytes(72),
      epoch: 1,
      auditHead: null,
    },
    {},
  );
  await db.vault.put({ id: VAULT_HEADER_ID, json: serializeHeader(header) });
  session = new VaultSession(db, dataKey, 1, null);
});
afterAll(() => db.delete());

async function logAt(...ages: number[]): Promise<void> {
  for (const [index, age] of ages.entries()) {
    const appended = await appendAuditEntry(session, 'step', `Event ${index + 1}`, daysAgo(age));
    if (!appended.ok) throw new Error(appended.error.message);
  }
}

async function read() {
  const read = await readAuditLog(session);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('appending several entries at once', () => {
  it('chains them in order in one write, between single appends, and the log verifies', async () => {
    await logAt(3);
    const appended = await appendAuditEntries(session, [
      { kind: 'step', detail: 'Step 1 (Click “Save”): done', at: daysAgo(2) },
      { kind: 'step', detail: 'Step 2 (Type in “Name”): done', at: daysAgo(1) },
      { kind: 'run-end', detail: 'Run finished', at: NOW },
    ]);
    expect(appended.ok && appended.value.map((entry) => entry.seq)).toEqual([2, 3, 4]);
    await appendAuditEntry(session, 'retention', 'Deleted nothing', NOW);
    const log = await read();
    expect(log.verification).toEqual({ ok: true, count: 5 });
    expect(log.entries.map((entry) => entry.detail)).toEqual([
      'Event 1',
      'Step 1 (Click “Save”): done',
      'Step 2 (Type in “Name”): done',
      'Run finished',
      'Deleted nothing',
    ]);
    const head = session.auditHead();
    expect(head.ok && decodeAnchor(head.value)?.seq).toBe(5);
  });

  it('writes nothing and leaves the head alone for no entries', async () => {
    await logAt(1);
    expect(await appendAuditEntries(session, [])).toEqual({ ok: true, value: [] });
    expect(await db.audit.count()).toBe(1);
    expect((await read()).verification).toEqual({ ok: true, count: 1 });
  });
});

describe('pruning the audit log for retention', () => {
  it('deletes the old prefix, and the log still verifies, before and after the next entry', async () => {
    await logAt(200, 120, 95, 30, 2);
    const pruned = await pruneAuditLog(session, daysAgo(90));
    expect(pruned).toEqual({ ok: true, value: { deleted: 3, refused: false } });
    expect(await db.audit.count()).toBe(2);
    const after = await read();
    expect(after.verification).toEqual({ ok: true, count: 2 });
    expect(after.entries.map((entry) => entry.seq)).toEqual([4, 5]);

    await appendAuditEntry(session, 'retention', 'Deleted 0 runs and 3 log entries older than 90 days', NOW);
    const logged = await read();
    expect(logged.verification).toEqual({ ok: true, count: 3 });
    expect(logged.entries.at(-1)?.kind).toBe('retention');
    // The checkpoint survives appends: it is entry 3, and the head moved on to entry 6.
    const head = session.auditHead();
    expect(head.ok && decodeCheckpoint(head.value)?.seq).toBe(3);
    expect(head.ok && decodeAnchor(head.value)?.seq).toBe(6);
  });

  it('prunes again later from the checkpoint, and can empty the log up to its head', async () => {
    await logAt(200, 100, 50);
    await pruneAuditLog(session, daysAgo(150));
    expect((await pruneAuditLog(session, daysAgo(10))).ok).toBe(true);
    expect(await db.audit.count()).toBe(0);
    expect((await read()).verification).toEqual({ ok: true, count: 0 });
    await appendAuditEntry(session, 'retention', 'Deleted 0 runs and 2 log entries older than 10 days', NOW);
    const logged = await read();
    expect(logged.verification).toEqual({ ok: true, count: 1 });
    expect(logged.entries.map((entry) => entry.seq)).toEqual([4]);
  });

  it('deletes nothing when nothing is old enough or history is kept forever', async () => {
    await logAt(200, 5);
    expect(await pruneAuditLog(session, null)).toEqual({ ok: true, value: { deleted: 0, refused: false } });
    await logAt(1);
    expect(await pruneAuditLog(session, daysAgo(300))).toEqual({ ok: true, value: { deleted: 0, refused: false } });
    expect(await db.audit.count()).toBe(3);
    const head = session.auditHead();
    expect(head.ok && decodeCheckpoint(head.value)).toBeNull();
  });

  it('still reports entries deleted beyond the checkpoint, or cut off the end', async () => {
    await logAt(200, 120, 30, 20, 10);
    await pruneAuditLog(session, daysAgo(90));
    // Someone deletes the oldest kept entry (seq 3) in IndexedDB: not covered by the checkpoint.
    const third = await db.audit.where('seq').equals(3).first();
    await db.audit.delete(third?.id ?? '');
    expect((await read()).verification).toMatchObject({ ok: false, problems: ['Entries 3–3 are missing.'] });
  });

  it('reports the end of a pruned log cut off', async () => {
    await logAt(200, 120, 30, 20, 10);
    await pruneAuditLog(session, daysAgo(90));
    const last = await db.audit.orderBy('seq').last();
    await db.audit.delete(last?.id ?? '');
    expect((await read()).verification).toMatchObject({
      ok: false,
      problems: ['The log was cut short: entries after 4 (up to 5) are gone.'],
    });
  });

  it('refuses to prune a log that fails verification, so evidence of tampering stays', async () => {
    await logAt(200, 120, 30);
    const row = await db.audit.where('seq').equals(2).first();
    if (!row) throw new Error('no row');
    row.ciphertext[row.ciphertext.length - 5] = (row.ciphertext[row.ciphertext.length - 5] as number) ^ 1;
    await db.audit.put(row);
    expect(await pruneAuditLog(session, daysAgo(90))).toEqual({ ok: true, value: { deleted: 0, refused: true } });
    const head = session.auditHead();
    expect(head.ok && decodeCheckpoint(head.value)).toBeNull();
  });

  it('finishes a prune interrupted after the checkpoint moved: leftovers are skipped, then deleted', async () => {
    await logAt(200, 120, 30);
    const all = (await read()).entries;
    const head = session.auditHead();
    const anchor = head.ok ? decodeAnchor(head.value) : null;
    if (!anchor) throw new Error('no anchor');
    // The header write happened; the deletes did not.
    await session.setAuditHead(encodeAnchors(anchor, { seq: 2, mac: all[1]?.mac ?? '' }));
    const interrupted = await read();
    expect(interrupted.verification).toEqual({ ok: true, count: 1 });
    expect(interrupted.entries.map((entry) => entry.seq)).toEqual([3]);
    expect(await pruneAuditLog(session, daysAgo(90))).toEqual({ ok: true, value: { deleted: 0, refused: false } });
    expect(await db.audit.count()).toBe(1);
  });
});
