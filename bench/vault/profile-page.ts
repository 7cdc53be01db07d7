/**
 * Page side of bench/vault/profile.ts (a diagnostic, not a benchmark): exposes the vault operations
 * one at a time so the runner can CPU-profile each with CDP. `*Phases` time each step over all rows.
 */
import { Dexie } from 'dexie';
import { randomBytes, utf8Decode } from '../../lib/crypto/bytes';
import { openRecord } from '../../lib/crypto/envelope';
import { deriveSubkey } from '../../lib/crypto/subkeys';
import { openUnderstudyDb, type UnderstudyDb } from '../../lib/store/db';
import { VaultSession } from '../../lib/store/session';
import { TASK_SUMMARY } from '../../lib/store/task-summary';
import { BenchTaskSchema, makeTask } from './page';

let db: UnderstudyDb;
let session: VaultSession;
let dataKey: Uint8Array;
let ids: string[] = [];
const tasks: ReturnType<typeof makeTask>[] = [];

export async function setup(records: number): Promise<void> {
  db = openUnderstudyDb(`profile-${Math.random().toString(36).slice(2)}`);
  dataKey = randomBytes(32);
  session = new VaultSession(db, dataKey.slice(), 1, null);
  for (let index = 0; index < records; index++) tasks.push(makeTask(index));
}

export async function write(): Promise<number> {
  await db.tasks.clear();
  const start = performance.now();
  const put = await session.putMany([
    { table: 'tasks', schema: BenchTaskSchema, summary: TASK_SUMMARY, items: tasks.map((value) => ({ value })) },
  ]);
  if (!put.ok) throw new Error(put.error.message);
  ids = put.value.ids;
  return performance.now() - start;
}

export async function list(): Promise<number> {
  const start = performance.now();
  const listed = await session.list('tasks', BenchTaskSchema);
  if (!listed.ok || listed.value.items.length !== tasks.length) throw new Error('list failed');
  return performance.now() - start;
}

export async function listSummaries(): Promise<number> {
  const start = performance.now();
  const listed = await session.listSummaries('tasks', BenchTaskSchema, TASK_SUMMARY);
  if (!listed.ok || listed.value.items.length !== tasks.length) throw new Error('list failed');
  return performance.now() - start;
}

export async function summaryPhases(): Promise<Record<string, number>> {
  const key = deriveSubkey(dataKey, 'records');
  const t0 = performance.now();
  const [rows] = await Promise.all([db.taskSummaries.toArray(), db.tasks.toCollection().primaryKeys()]);
  const t1 = performance.now();
  const opened = rows.map((row) => {
    const result = openRecord(key, 'taskSummaries', row.id, row.ciphertext);
    if (!result.ok) throw new Error('open failed');
    return result.value;
  });
  const t2 = performance.now();
  const parsed = opened.map((bytes) => JSON.parse(utf8Decode(bytes) ?? 'null'));
  const t3 = performance.now();
  for (const value of parsed) TASK_SUMMARY.schema.safeParse(value);
  const t4 = performance.now();
  return { idb: t1 - t0, open: t2 - t1, parse: t3 - t2, zod: t4 - t3, total: t4 - t0 };
}

export async function readById(): Promise<number> {
  const start = performance.now();
  await Promise.all(ids.map((id) => session.get('tasks', id, BenchTaskSchema)));
  return performance.now() - start;
}

export async function phases(): Promise<Record<string, number>> {
  const key = deriveSubkey(dataKey, 'records');
  const t0 = performance.now();
  const rows = await db.tasks.toArray();
  const t1 = performance.now();
  const opened = rows.map((row) => {
    const result = openRecord(key, 'tasks', row.id, row.ciphertext);
    if (!result.ok) throw new Error('open failed');
    return result.value;
  });
  const t2 = performance.now();
  const parsed = opened.map((bytes) => JSON.parse(utf8Decode(bytes) ?? 'null'));
  const t3 = performance.now();
  for (const value of parsed) BenchTaskSchema.safeParse(value);
  const t4 = performance.now();
  return { idb: t1 - t0, open: t2 - t1, parse: t3 - t2, zod: t4 - t3, total: t4 - t0 };
}

export async function teardown(): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/** Waits until IndexedDB has finished every earlier transaction on the record tables. */
export async function settle(): Promise<number> {
  const start = performance.now();
  await db.transaction('rw', db.tasks, db.taskSummaries, () => db.tasks.get('settle'));
  return performance.now() - start;
}
