/**
 * Task summaries (session.ts protocol, db.ts SUMMARY_TABLES): written, deleted and quarantined with
 * their task in one transaction; listed without decrypting task bodies; rebuilt when missing.
 */
import { Dexie } from 'dexie';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { randomBytes, utf8Encode } from '@/lib/crypto/bytes';
import { sealRecord } from '@/lib/crypto/envelope';
import { deriveSubkey } from '@/lib/crypto/subkeys';
import { coarseNow, openUnderstudyDb } from '@/lib/store/db';
import { VaultSession } from '@/lib/store/session';
import { listTaskSummaries, TASK_SUMMARY } from '@/lib/store/task-summary';
import { type Task, TaskSchema } from '@/lib/task/schema';

// Parsed, so defaults fill in whatever the step schema adds.
const task = (title: string, steps = 1): Task =>
  TaskSchema.parse({
    version: 1,
    title,
    origins: ['https://shop.example'],
    variables: [],
    steps: Array.from({ length: steps }, (_, index) => ({
      id: `s${index}`,
      kind: 'navigate',
      url: `https://shop.example/${index}`,
    })),
  });

const db = openUnderstudyDb(`summaries-test-${crypto.randomUUID()}`);
let dataKey: Uint8Array;
let session: VaultSession;

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  dataKey = randomBytes(32);
  session = new VaultSession(db, dataKey.slice(), 1, null);
});
afterAll(() => db.delete());

async function saveTask(value: Task, id?: string): Promise<string> {
  const put = await session.put('tasks', id, value, TaskSchema, TASK_SUMMARY);
  if (!put.ok) throw new Error(put.error.message);
  return put.value.id;
}

async function listTitles(): Promise<{ titles: string[]; quarantined: string[] }> {
  const listed = await session.listSummaries('tasks', TaskSchema, TASK_SUMMARY);
  if (!listed.ok) throw new Error(listed.error.message);
  return {
    titles: listed.value.items.map((item) => item.value.title).sort(),
    quarantined: listed.value.quarantined.map((item) => item.id).sort(),
  };
}

describe('task summaries', () => {
  it('stores an encrypted summary row beside the task, with its id and createdAt', async () => {
    const id = await saveTask(task('Pay the rent', 3));
    const [taskRow, summaryRow] = await Promise.all([db.tasks.get(id), db.taskSummaries.get(id)]);
    expect(Object.keys(summaryRow ?? {}).sort()).toEqual(['ciphertext', 'createdAt', 'id']);
    expect(summaryRow?.createdAt).toBe(taskRow?.createdAt);
    expect(new TextDecoder().decode(summaryRow?.ciphertext)).not.toContain('Pay the rent');
    const listed = await session.listSummaries('tasks', TaskSchema, TASK_SUMMARY);
    expect(listed.ok && listed.value).toEqual({
      items: [
        {
          id,
          createdAt: taskRow?.createdAt,
          value: { title: 'Pay the rent', origins: ['https://shop.example'], stepCount: 3 },
        },
      ],
      quarantined: [],
    });
  });

  it('keeps the summary createdAt equal to the task createdAt on update', async () => {
    const put = await session.putMany([
      {
        table: 'tasks',
        schema: TaskSchema,
        summary: TASK_SUMMARY,
        items: [{ id: 'fixed', value: task('a'), createdAt: 0 }],
      },
    ]);
    expect(put.ok).toBe(true);
    await saveTask(task('b'), 'fixed');
    expect((await db.taskSummaries.get('fixed'))?.createdAt).toBe(0);
    expect(await listTitles()).toEqual({ titles: ['b'], quarantined: [] });
  });

  it('writes nothing, task or summary, when any item of the transaction is refused', async () => {
    const result = await session.putMany([
      { table: 'tasks', schema: TaskSchema, summary: TASK_SUMMARY, items: [{ value: task('ok') }] },
      { table: 'runs', schema: TaskSchema, items: [{ value: { nope: true } }] },
    ]);
    expect(!result.ok && result.error.code).toBe('invalid-value');
    expect(await db.tasks.count()).toBe(0);
    expect(await db.taskSummaries.count()).toBe(0);
  });

  it('refuses a task whose summary fails the summary schema', async () => {
    const strict = { schema: TASK_SUMMARY.schema, summarize: () => ({ title: '' }) };
    const put = await session.put('tasks', undefined, task('x'), TaskSchema, strict);
    expect(!put.ok && put.error.code).toBe('invalid-value');
    expect(await db.tasks.count()).toBe(0);
    expect(await db.taskSummaries.count()).toBe(0);
  });

  it('deletes the summary with its task', async () => {
    const keep = await saveTask(task('keep'));
    const gone = await saveTask(task('gone'));
    expect((await session.delete('tasks', gone)).ok).toBe(true);
    expect(await db.taskSummaries.toCollection().primaryKeys()).toEqual([keep]);
    expect(await listTitles()).toEqual({ titles: ['keep'], quarantined: [] });
  });

  it('never leaves a stale summary: a write without one deletes the old one, and listing rebuilds it', async () => {
    const id = await saveTask(task('old title'));
    const put = await session.put('tasks', id, task('new title'), TaskSchema);
    expect(put.ok).toBe(true);
    expect(await db.taskSummaries.count()).toBe(0);
    expect(await listTitles()).toEqual({ titles: ['new title'], quarantined: [] });
    expect(await db.taskSummaries.count()).toBe(1);
  });

  it('quarantines a tampered summary, reports it and lists the task from its authentic body', async () => {
    const a = await saveTask(task('a'));
    const b = await saveTask(task('b'));
    const [rowA, rowB] = await db.taskSummaries.bulkGet([a, b]);
    if (!rowA || !rowB) throw new Error('summary rows missing');
    // Swap the two summaries: each still opens under the key, but not under its own (table, id).
    await db.taskSummaries.bulkPut([
      { ...rowA, ciphertext: rowB.ciphertext },
      { ...rowB, ciphertext: rowA.ciphertext },
    ]);
    expect(await listTitles()).toEqual({ titles: ['a', 'b'], quarantined: [a, b].sort() });
    const quarantine = await db.quarantine.toArray();
    expect(quarantine.map((row) => [row.table, row.recordId, row.reason]).sort()).toEqual(
      [
        ['taskSummaries', a, 'failed-authentication'],
        ['taskSummaries', b, 'failed-authentication'],
      ].sort(),
    );
    // Rebuilt summaries were stored: the next listing reads them and reports nothing.
    expect(await db.taskSummaries.count()).toBe(2);
    expect(await listTitles()).toEqual({ titles: ['a', 'b'], quarantined: [] });
  });

  it('quarantines a tampered task together with its summary', async () => {
    const good = await saveTask(task('good'));
    const bad = await saveTask(task('bad'));
    const row = await db.tasks.get(bad);
    if (!row) throw new Error('row missing');
    const ciphertext = row.ciphertext.slice();
    ciphertext[ciphertext.length - 1] = (ciphertext[ciphertext.length - 1] as number) ^ 1;
    await db.tasks.put({ ...row, ciphertext });
    const got = await session.get('tasks', bad, TaskSchema);
    expect(!got.ok && got.error.code).toBe('quarantined');
    expect(await db.taskSummaries.toCollection().primaryKeys()).toEqual([good]);
    expect(await listTitles()).toEqual({ titles: ['good'], quarantined: [] });
  });

  it('quarantines a tampered task that has no summary when listing rebuilds it', async () => {
    const id = await saveTask(task('bad'));
    const row = await db.tasks.get(id);
    if (!row) throw new Error('row missing');
    await db.taskSummaries.clear();
    await db.tasks.put({ ...row, ciphertext: row.ciphertext.subarray(0, -1) });
    expect(await listTitles()).toEqual({ titles: [], quarantined: [id] });
    expect((await db.quarantine.toArray()).map((q) => q.table)).toEqual(['tasks']);
  });

  it('does not list a summary whose task is gone', async () => {
    const keep = await saveTask(task('keep'));
    const orphan = await saveTask(task('orphan'));
    await db.tasks.delete(orphan);
    expect(await listTitles()).toEqual({ titles: ['keep'], quarantined: [] });
    expect(keep).not.toBe(orphan);
  });

  it('refuses direct writes to the summary table (a programmer error)', async () => {
    await expect(session.put('taskSummaries', 'x', { title: 'x' }, z.object({ title: z.string() }))).rejects.toThrow(
      TypeError,
    );
    await expect(session.put('runs', 'x', task('x'), TaskSchema, TASK_SUMMARY)).rejects.toThrow(TypeError);
  });

  it('upgrades a version-1 database and builds summaries for its tasks on first listing', async () => {
    const name = `summaries-v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      tasks: 'id',
      runs: 'id',
      approvals: 'id',
      audit: 'id, seq',
      settings: 'id',
      quarantine: 'id',
      vault: 'id',
    });
    const key = randomBytes(32);
    const recordsKey = deriveSubkey(key, 'records');
    const old = task('from version 1', 2);
    await v1.table('tasks').put({
      id: 'legacy',
      createdAt: coarseNow(),
      ciphertext: sealRecord(recordsKey, 'tasks', 'legacy', utf8Encode(JSON.stringify(old))),
    });
    v1.close();
    const upgraded = openUnderstudyDb(name);
    try {
      const legacySession = new VaultSession(upgraded, key, 1, null);
      const listed = await legacySession.listSummaries('tasks', TaskSchema, TASK_SUMMARY);
      expect(listed.ok && listed.value.items.map((item) => [item.id, item.value.title, item.value.stepCount])).toEqual([
        ['legacy', 'from version 1', 2],
      ]);
      expect(await upgraded.taskSummaries.count()).toBe(1);
      expect(upgraded.verno).toBe(3);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('a lock while the list is read', () => {
  it('returns locked and sets no summary aside', async () => {
    await saveTask(task('Pay the rent'));
    const listing = session.listSummaries('tasks', TaskSchema, TASK_SUMMARY);
    session.lock(); // lands while the summaries are read
    const listed = await listing;
    expect(!listed.ok && listed.error.code).toBe('locked');
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.taskSummaries.count()).toBe(1);
  });

  it('returns locked and sets no task aside while a missing summary is rebuilt', async () => {
    const id = await saveTask(task('Pay the rent'));
    await db.taskSummaries.delete(id);
    // The rebuild reads the whole task; the lock lands as it does.
    const lockOnRead = (row: unknown) => {
      session.lock();
      return row;
    };
    db.tasks.hook('reading', lockOnRead);
    try {
      const listed = await session.listSummaries('tasks', TaskSchema, TASK_SUMMARY);
      expect(!listed.ok && listed.error.code).toBe('locked');
    } finally {
      db.tasks.hook('reading').unsubscribe(lockOnRead);
    }
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.tasks.count()).toBe(1);
  });
});

describe('listTaskSummaries (what the task list sends)', () => {
  it('lists id, createdAt, title, origins and step count per task, and the quarantined count', async () => {
    const id = await saveTask(task('Pay the rent', 3));
    const row = await db.tasks.get(id);
    const listed = await listTaskSummaries(session, TaskSchema);
    expect(listed).toEqual({
      ok: true,
      value: {
        tasks: [
          { id, createdAt: row?.createdAt, title: 'Pay the rent', origins: ['https://shop.example'], stepCount: 3 },
        ],
        quarantined: 0,
      },
    });
  });
});
