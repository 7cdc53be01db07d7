/**
 * Page side of bench/vault.ts: runs in real Chromium (real IndexedDB), bundled with the exact
 * lib/ code the extension ships. Each figure is measured beside the same operation on an
 * UNENCRYPTED Dexie database holding the same objects, in the same page and run:
 *
 * - write: session.putMany of every task WITH its summary (what saveTask/import do: task row +
 *   summary row, one transaction) vs plain bulkPut of the same tasks and summaries, one transaction.
 * - read: session.get of every task by id (decrypt + zod) vs plain get by id.
 * - list: what the task list does (entrypoints/background/tasks.ts listTasks): session.listSummaries
 *   (summaries + task keys read, decrypted, zod-validated) vs plain toArray of a summaries table.
 * - listFull: session.list of every full task (decrypt + zod) vs plain toArray of the tasks.
 */
import { Dexie, type Table } from 'dexie';
import { z } from 'zod';
import { utf8Decode } from '../../lib/crypto/bytes';
import { openRecord } from '../../lib/crypto/envelope';
import type { KdfParams } from '../../lib/crypto/kdf';
import { DEFAULT_KDF_PARAMS } from '../../lib/crypto/kdf';
import { deriveSubkey } from '../../lib/crypto/subkeys';
import { coarseNow, openUnderstudyDb } from '../../lib/store/db';
import { summarizeTask, TASK_SUMMARY, type TaskSummaryValue } from '../../lib/store/task-summary';
import { createVault, unlockVault, wipeVault } from '../../lib/store/vault';

const BENCH_PASSPHRASE = 'benchmark passphrase, not secret';
const STEPS_PER_TASK = 10;

const LocatorSchema = z.strictObject({
  testId: z.string().optional(),
  role: z.string(),
  name: z.string(),
  css: z.string(),
});
const StepSchema = z.strictObject({
  kind: z.enum(['click', 'type', 'select', 'navigate']),
  url: z.string(),
  locator: LocatorSchema,
  value: z.string().optional(),
  secret: z.boolean(),
});
export const BenchTaskSchema = z.strictObject({
  title: z.string(),
  description: z.string(),
  startUrl: z.string(),
  origins: z.array(z.string()),
  steps: z.array(StepSchema),
  version: z.number().int(),
});
export type BenchTask = z.infer<typeof BenchTaskSchema>;

/** A realistic recorded task: title, URLs and 10 steps with locators (~1.9 KB as JSON). */
export function makeTask(index: number): BenchTask {
  const origin = `https://shop${index % 50}.example`;
  const kinds = ['navigate', 'click', 'type', 'select'] as const;
  return {
    title: `Reorder printer paper and toner, batch ${index}`,
    description: 'Repeat the last office supplies order and check out.',
    startUrl: `${origin}/account/orders?page=1&sort=recent`,
    origins: [origin, 'https://payments.example'],
    version: 1,
    steps: Array.from({ length: STEPS_PER_TASK }, (_, step) => ({
      kind: kinds[step % kinds.length] as BenchTask['steps'][number]['kind'],
      url: `${origin}/checkout/${step}`,
      locator: {
        testId: step % 3 === 0 ? `checkout-button-${step}` : undefined,
        role: 'button',
        name: `Continue ${step + 1}`,
        css: `#step-${step} > button`,
      },
      value: step % 4 === 2 ? `Quantity ${step}` : undefined,
      secret: false,
    })).map((s) => JSON.parse(JSON.stringify(s)) as BenchTask['steps'][number]),
  };
}

interface PlainRow<T = BenchTask> {
  id: string;
  createdAt: number;
  value: T;
}
type PlainDb = Dexie & { tasks: Table<PlainRow, string>; taskSummaries: Table<PlainRow<TaskSummaryValue>, string> };

function openPlainDb(name: string): PlainDb {
  const db = new Dexie(name) as PlainDb;
  db.version(1).stores({ tasks: 'id', taskSummaries: 'id' });
  return db;
}

/** Plain Dexie doing what a product without encryption would: task + summary rows, one transaction. */
async function writePlainTasks(plain: PlainDb, tasks: readonly BenchTask[]): Promise<void> {
  const createdAt = coarseNow();
  const rows = tasks.map((value) => ({ id: crypto.randomUUID().replaceAll('-', ''), createdAt, value }));
  const summaries = rows.map(({ id, value }) => ({ id, createdAt, value: summarizeTask(value) }));
  await plain.transaction('rw', plain.tasks, plain.taskSummaries, async () => {
    await plain.tasks.bulkPut(rows);
    await plain.taskSummaries.bulkPut(summaries);
  });
}

export interface Breakdown {
  idbMs: number;
  openMs: number;
  parseMs: number;
  zodMs: number;
}

/** Where list time goes, phase by phase over all rows (diagnostic, not the product path). */
async function breakdown(
  rowsOf: () => Promise<{ id: string; ciphertext: Uint8Array }[]>,
  key: Uint8Array,
  table: string,
  schema: z.ZodType,
): Promise<Breakdown> {
  const rows = await time(rowsOf);
  const opened = await time(async () =>
    rows.value.map((row) => {
      const result = openRecord(key, table, row.id, row.ciphertext);
      if (!result.ok) throw new Error('open failed');
      return result.value;
    }),
  );
  const parsed = await time(async () => opened.value.map((bytes) => JSON.parse(utf8Decode(bytes) ?? 'null')));
  const validated = await time(async () => parsed.value.map((value) => schema.safeParse(value)));
  return { idbMs: rows.ms, openMs: opened.ms, parseMs: parsed.ms, zodMs: validated.ms };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface PageFigures {
  kdf: KdfParams;
  unlockMs: number[];
  records: number;
  avgRecordBytes: number;
  write: { understudyMs: number[]; plainMs: number[] };
  read: { understudyMs: number[]; plainMs: number[] };
  list: { understudyMs: number[]; plainMs: number[] };
  listFull: { understudyMs: number[]; plainMs: number[] };
  listBreakdown: Breakdown[];
  listFullBreakdown: Breakdown[];
}

export async function run(options: { records: number; rounds: number; unlocks: number }): Promise<PageFigures> {
  const suffix = Math.random().toString(36).slice(2);
  const db = openUnderstudyDb(`bench-vault-${suffix}`);
  const plain = openPlainDb(`bench-plain-${suffix}`);
  try {
    const created = await createVault(db, BENCH_PASSPHRASE);
    if (!created.ok) throw new Error(created.error.message);
    created.value.lock();

    const unlockMs: number[] = [];
    let session = created.value;
    for (let index = 0; index < options.unlocks; index++) {
      const unlocked = await time(() => unlockVault(db, BENCH_PASSPHRASE));
      if (!unlocked.value.ok) throw new Error(unlocked.value.error.message);
      unlockMs.push(unlocked.ms);
      session = unlocked.value.value;
    }

    const tasks = Array.from({ length: options.records }, (_, index) => makeTask(index));
    const avgRecordBytes = Math.round(
      tasks.reduce((sum, task) => sum + JSON.stringify(task).length, 0) / Math.max(1, tasks.length),
    );
    const figures: PageFigures = {
      kdf: DEFAULT_KDF_PARAMS,
      unlockMs,
      records: options.records,
      avgRecordBytes,
      write: { understudyMs: [], plainMs: [] },
      read: { understudyMs: [], plainMs: [] },
      list: { understudyMs: [], plainMs: [] },
      listFull: { understudyMs: [], plainMs: [] },
      listBreakdown: [],
      listFullBreakdown: [],
    };

    // Warm-up (JIT, IndexedDB files) on a small batch for both sides; not timed.
    const warm = tasks.slice(0, 500);
    const putAll = (values: readonly BenchTask[]) =>
      session.putMany([
        { table: 'tasks', schema: BenchTaskSchema, summary: TASK_SUMMARY, items: values.map((value) => ({ value })) },
      ]);
    await putAll(warm);
    await session.listSummaries('tasks', BenchTaskSchema, TASK_SUMMARY);
    await session.list('tasks', BenchTaskSchema);
    await writePlainTasks(plain, warm);
    await plain.taskSummaries.toArray();
    await plain.tasks.toArray();

    for (let round = 0; round < options.rounds; round++) {
      await Promise.all([db.tasks.clear(), db.taskSummaries.clear(), plain.tasks.clear(), plain.taskSummaries.clear()]);

      // Plain first on even rounds, encrypted first on odd rounds, to cancel ordering effects.
      const writePlain = () => time(() => writePlainTasks(plain, tasks));
      const writeOurs = () =>
        time(async () => {
          const put = await putAll(tasks);
          if (!put.ok) throw new Error(put.error.message);
          return put.value.ids;
        });
      let ids: string[];
      let plainIds: string[];
      if (round % 2 === 0) {
        figures.write.plainMs.push((await writePlain()).ms);
        const ours = await writeOurs();
        figures.write.understudyMs.push(ours.ms);
        ids = ours.value;
      } else {
        const ours = await writeOurs();
        figures.write.understudyMs.push(ours.ms);
        ids = ours.value;
        figures.write.plainMs.push((await writePlain()).ms);
      }
      plainIds = (await plain.tasks.toCollection().primaryKeys()) as string[];

      // Read by id: every record fetched individually (as opening tasks does), issued concurrently.
      const readOurs = await time(() => Promise.all(ids.map((id) => session.get('tasks', id, BenchTaskSchema))));
      if (readOurs.value.some((result) => !result.ok)) throw new Error('a read failed');
      const readPlain = await time(() => Promise.all(plainIds.map((id) => plain.tasks.get(id))));
      if (readPlain.value.some((row) => !row)) throw new Error('a plain read failed');
      figures.read.understudyMs.push(readOurs.ms);
      figures.read.plainMs.push(readPlain.ms);

      // The task list: summaries (decrypt + zod) vs a plain summaries table. Then every full task.
      const listOurs = () => time(() => session.listSummaries('tasks', BenchTaskSchema, TASK_SUMMARY));
      const listPlain = () => time(() => plain.taskSummaries.toArray());
      const listFullOurs = () => time(() => session.list('tasks', BenchTaskSchema));
      const listFullPlain = () => time(() => plain.tasks.toArray());
      let summariesOurs: Awaited<ReturnType<typeof listOurs>>;
      let summariesPlain: Awaited<ReturnType<typeof listPlain>>;
      if (round % 2 === 0) {
        summariesOurs = await listOurs();
        summariesPlain = await listPlain();
      } else {
        summariesPlain = await listPlain();
        summariesOurs = await listOurs();
      }
      if (!summariesOurs.value.ok || summariesOurs.value.value.items.length !== options.records) {
        throw new Error('summary list failed');
      }
      if (summariesOurs.value.value.quarantined.length > 0) throw new Error('summary list quarantined rows');
      if (summariesPlain.value.length !== options.records) throw new Error('plain summary list failed');
      figures.list.understudyMs.push(summariesOurs.ms);
      figures.list.plainMs.push(summariesPlain.ms);
      const fullOurs = await listFullOurs();
      if (!fullOurs.value.ok || fullOurs.value.value.items.length !== options.records) throw new Error('list failed');
      const fullPlain = await listFullPlain();
      if (fullPlain.value.length !== options.records) throw new Error('plain list failed');
      figures.listFull.understudyMs.push(fullOurs.ms);
      figures.listFull.plainMs.push(fullPlain.ms);

      // Where list time goes (diagnostic): IndexedDB read, XChaCha20-Poly1305 open, JSON.parse, zod.
      const exported = session.exportDataKey();
      if (!exported.ok) throw new Error('locked');
      const recordsKey = deriveSubkey(exported.value, 'records');
      figures.listBreakdown.push(
        await breakdown(() => db.taskSummaries.toArray(), recordsKey, 'taskSummaries', TASK_SUMMARY.schema),
      );
      figures.listFullBreakdown.push(await breakdown(() => db.tasks.toArray(), recordsKey, 'tasks', BenchTaskSchema));
    }
    session.lock();
    return figures;
  } finally {
    await wipeVault(db);
    db.close();
    plain.close();
    await Promise.all([Dexie.delete(db.name), Dexie.delete(plain.name)]);
  }
}

export { median };
