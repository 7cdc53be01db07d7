import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { randomBytes } from '@/lib/crypto/bytes';
import { coarseNow, HOUR_MS, openUnderstudyDb } from '@/lib/store/db';
import { VaultSession } from '@/lib/store/session';

const Task = z.strictObject({ title: z.string(), steps: z.array(z.string()) });
type Task = z.infer<typeof Task>;
const task = (title: string): Task => ({ title, steps: ['click Save'] });

// Sessions are built directly from a random data key: these tests cover records, not the header.
const db = openUnderstudyDb(`session-test-${crypto.randomUUID()}`);
let session: VaultSession;

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  session = new VaultSession(db, randomBytes(32), 1, null);
});
afterAll(() => db.delete());

describe('VaultSession records', () => {
  it('stores only id, coarse createdAt and ciphertext, and reads the value back', async () => {
    const put = await session.put('tasks', undefined, task('Pay the rent'), Task);
    if (!put.ok) throw new Error(put.error.message);
    expect(put.value.id).toMatch(/^[0-9a-f]{32}$/);
    const row = await db.tasks.get(put.value.id);
    expect(Object.keys(row ?? {}).sort()).toEqual(['ciphertext', 'createdAt', 'id']);
    expect((row?.createdAt ?? 1) % HOUR_MS).toBe(0);
    expect(new TextDecoder().decode(row?.ciphertext)).not.toContain('Pay the rent');
    const got = await session.get('tasks', put.value.id, Task);
    expect(got).toEqual({ ok: true, value: task('Pay the rent') });
  });

  it('keeps createdAt when a record is updated', async () => {
    await db.tasks.clear();
    const put = await session.putMany([
      { table: 'tasks', schema: Task, items: [{ id: 'fixed', value: task('a'), createdAt: 0 }] },
    ]);
    expect(put.ok).toBe(true);
    await session.put('tasks', 'fixed', task('b'), Task);
    const listed = await session.list('tasks', Task);
    expect(listed.ok && listed.value.items).toEqual([{ id: 'fixed', createdAt: 0, value: task('b') }]);
  });

  it('refuses to store a value that fails its schema', async () => {
    const put = await session.put('tasks', undefined, { title: 1 } as unknown as Task, Task);
    expect(!put.ok && put.error.code).toBe('invalid-value');
    expect(await db.tasks.count()).toBe(0);
  });

  it('returns not-found for a missing id and deletes', async () => {
    const put = await session.put('tasks', undefined, task('x'), Task);
    if (!put.ok) throw new Error('put failed');
    expect((await session.delete('tasks', put.value.id)).ok).toBe(true);
    const got = await session.get('tasks', put.value.id, Task);
    expect(!got.ok && got.error.code).toBe('not-found');
  });

  it('quarantines ciphertexts swapped between records and keeps the rest usable', async () => {
    const ids: string[] = [];
    for (const title of ['a', 'b', 'c']) {
      const put = await session.put('tasks', undefined, task(title), Task);
      if (put.ok) ids.push(put.value.id);
    }
    const [a, b, c] = ids as [string, string, string];
    const rowA = await db.tasks.get(a);
    const rowB = await db.tasks.get(b);
    if (!rowA || !rowB) throw new Error('rows missing');
    await db.tasks.bulkPut([
      { ...rowA, ciphertext: rowB.ciphertext },
      { ...rowB, ciphertext: rowA.ciphertext },
    ]);
    const listed = await session.list('tasks', Task);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.items.map((item) => item.id)).toEqual([c]);
    expect(listed.value.quarantined.map((q) => q.id).sort()).toEqual([a, b].sort());
    expect(listed.value.quarantined.every((q) => q.reason === 'failed-authentication')).toBe(true);
    const quarantine = await db.quarantine.toArray();
    expect(quarantine.map((row) => [row.table, row.recordId]).sort()).toEqual(
      [
        ['tasks', a],
        ['tasks', b],
      ].sort(),
    );
    expect(quarantine.find((row) => row.recordId === a)?.ciphertext).toEqual(rowB.ciphertext);
    expect(await db.tasks.count()).toBe(1);
  });

  it('quarantines a ciphertext moved to another table under the same id', async () => {
    const put = await session.put('tasks', 'same-id', task('moved'), Task);
    if (!put.ok) throw new Error('put failed');
    const row = await db.tasks.get('same-id');
    if (!row) throw new Error('row missing');
    await db.runs.put(row);
    const got = await session.get('runs', 'same-id', Task);
    expect(!got.ok && got.error.code).toBe('quarantined');
    expect(await db.runs.count()).toBe(0);
    expect((await db.quarantine.toArray()).map((q) => q.table)).toEqual(['runs']);
    expect((await session.get('tasks', 'same-id', Task)).ok).toBe(true);
  });

  it('quarantines an authentic record that no longer matches the schema', async () => {
    await session.put('settings', 'general', { theme: 'dark' }, z.object({ theme: z.string() }));
    const listed = await session.list('settings', z.object({ theme: z.literal('light') }));
    expect(listed.ok && listed.value.quarantined).toEqual([{ id: 'general', reason: 'invalid-contents' }]);
  });

  it('writes a putMany batch atomically: one invalid item writes nothing', async () => {
    const result = await session.putMany([
      { table: 'tasks', schema: Task, items: [{ value: task('ok') }] },
      { table: 'runs', schema: Task, items: [{ value: { nope: true } }] },
    ]);
    expect(!result.ok && result.error.code).toBe('invalid-value');
    expect(await db.tasks.count()).toBe(0);
  });

  it("writes a run's save (one table, its createdAt given) in one plain transaction: each version reads back", async () => {
    const Run = z.strictObject({ step: z.number() });
    const startedAt = Date.UTC(2026, 0, 2, 3, 4, 5);
    const dexieTransactions = vi.spyOn(db, 'transaction');
    try {
      for (const step of [1, 2, 3]) {
        const put = await session.putMany([
          { table: 'runs', schema: Run, items: [{ id: 'run-1', value: { step }, createdAt: startedAt }] },
        ]);
        expect(put).toEqual({ ok: true, value: { ids: ['run-1'] } });
        expect(await session.get('runs', 'run-1', Run)).toEqual({ ok: true, value: { step } });
      }
      expect(dexieTransactions).not.toHaveBeenCalled();
    } finally {
      dexieTransactions.mockRestore();
    }
    expect(await db.runs.count()).toBe(1);
    expect((await db.runs.get('run-1'))?.createdAt).toBe(coarseNow(startedAt));
  });

  it('writes through Dexie, which reopens it, when the connection was closed under it', async () => {
    const name = `session-reopen-${crypto.randomUUID()}`;
    const reopening = openUnderstudyDb(name);
    const Run = z.strictObject({ step: z.number() });
    const own = new VaultSession(reopening, randomBytes(32), 1, null);
    const first = await own.putMany([{ table: 'runs', schema: Run, items: [{ id: 'r', value: { step: 1 } }] }]);
    expect(first.ok).toBe(true);
    // The connection closes under Dexie (as when the browser shuts it): Dexie still calls it open.
    reopening.backendDB().close();
    expect(reopening.isOpen()).toBe(true);
    const again = await own.putMany([
      { table: 'runs', schema: Run, items: [{ id: 'r', value: { step: 2 }, createdAt: 0 }] },
    ]);
    expect(again.ok).toBe(true);
    expect(await own.get('runs', 'r', Run)).toEqual({ ok: true, value: { step: 2 } });
    await reopening.delete();
  });

  it('orders audit rows by an increasing seq', async () => {
    const Entry = z.object({ n: z.number() });
    for (const n of [1, 2, 3]) await session.put('audit', undefined, { n }, Entry);
    const listed = await session.list('audit', Entry);
    expect(listed.ok && listed.value.items.map((item) => item.value.n)).toEqual([1, 2, 3]);
    expect((await db.audit.orderBy('seq').toArray()).map((row) => row.seq)).toEqual([1, 2, 3]);
  });

  it('a lock while reads are in flight makes them return locked and sets no row aside', async () => {
    const put = await session.put('tasks', undefined, task('x'), Task);
    if (!put.ok) throw new Error('put failed');
    // Each read checks the lock, then awaits IndexedDB; the lock lands during that await, so the
    // rows come back to a session whose keys are zeroes (the popup's "Lock now" during a poll).
    const reads = [session.get('tasks', put.value.id, Task), session.list('tasks', Task)];
    session.lock();
    for (const result of await Promise.all(reads)) expect(!result.ok && result.error.code).toBe('locked');
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.tasks.count()).toBe(1);
  });

  it('after lock, every call returns a locked error and the keys are gone', async () => {
    const put = await session.put('tasks', undefined, task('x'), Task);
    if (!put.ok) throw new Error('put failed');
    const exported = session.exportDataKey();
    session.lock();
    expect(session.isLocked).toBe(true);
    const results = [
      await session.get('tasks', put.value.id, Task),
      await session.list('tasks', Task),
      await session.put('tasks', undefined, task('y'), Task),
      await session.delete('tasks', put.value.id),
      session.exportDataKey(),
      session.auditKey(),
      await session.setAuditHead(new Uint8Array(32)),
    ];
    for (const result of results) expect(!result.ok && result.error.code).toBe('locked');
    // The copy handed out before lock is the caller's; lock doesn't reach it.
    expect(exported.ok && exported.value.some((byte) => byte !== 0)).toBe(true);
    expect(coarseNow(HOUR_MS + 5)).toBe(HOUR_MS);
  });
});
