/**
 * Page side of bench/vault.ts: runs in real Chromium (real IndexedDB), bundled with the exact
 * lib/ code the extension ships. Each figure is measured beside the same operation on an
 * UNENCRYPTED Dexie database holding the same objects, in the same page and run:
 *
 * - write: session.putMany of every task WITH its summary (what saveTask/import do: task row +
 *   summary row, one transaction) vs plain bulkPut of the same tasks and summaries, one transaction.
 * - read: session.get of every task by id (decrypt + zod) vs plain get by id.
 * - list: the issue-4 target, "time to list 10,000 tasks after unlock": the session is locked and
 *   unlocked again (unlock timed on its own), then {@link listTasks} runs what the task list does
 *   with its tasks (entrypoints/background/tasks.ts listTasks: session.listSummaries — summaries and
 *   task keys read, decrypted, zod-validated — and the response built from them; the product also
 *   adds each task's last run from the run history, which this bench, having no runs, leaves out)
 *   vs plain toArray of a
 *   summaries table and the same response. Both sides start from the same state: see "Before the
 *   list" below.
 * - listFull: session.list of every full task (decrypt + zod) vs plain toArray of the tasks.
 *
 * Before the list (issue 4): the read phase's 20,000 get() calls resolve when their requests
 * succeed, but IndexedDB then goes on finishing those read transactions for one to several seconds,
 * and whichever list ran first waited behind that backlog (ours ran first in two of three rounds,
 * so our median paid it and plain's didn't). Each round now waits until IndexedDB has finished every
 * earlier transaction ({@link settleIndexedDb}; timed and reported, not counted), drops the read
 * phase's results and, when Chromium exposes `gc` (bench/vault.ts asks for it), collects the
 * garbage the earlier phases left (hundreds of MB of rows and decoded tasks), then locks and
 * unlocks. Nothing the listing itself does moves out of the timed region and nothing is cached
 * between calls: the unlock's garbage (scrypt's buffers) is left in place, and any collection the
 * listing triggers, of that or of its own allocations, happens inside the timed region.
 */
import { Dexie, type Table } from 'dexie';
import { z } from 'zod';
import { utf8Decode } from '../../lib/crypto/bytes';
import { openRecord } from '../../lib/crypto/envelope';
import type { KdfParams } from '../../lib/crypto/kdf';
import { DEFAULT_KDF_PARAMS } from '../../lib/crypto/kdf';
import { deriveSubkey } from '../../lib/crypto/subkeys';
import type { Result } from '../../lib/result';
import { coarseNow, openUnderstudyDb, type UnderstudyDb } from '../../lib/store/db';
import type { SessionErrorCode, VaultSession } from '../../lib/store/session';
import {
  listTaskSummaries,
  summarizeTask,
  TASK_SUMMARY,
  type TaskList,
  type TaskSummaryValue,
  toTaskList,
} from '../../lib/store/task-summary';
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

/**
 * What entrypoints/background/tasks.ts listTasks does with the tasks once requireSession() has
 * returned the unlocked session (its last-run lookup in the run history aside): the same lib function, with BenchTaskSchema where the product passes TaskSchema
 * (it validates full tasks, read only to rebuild a missing summary; none are missing here, the run
 * checks it).
 */
export function listTasks(session: VaultSession): Promise<Result<TaskList, SessionErrorCode>> {
  return listTaskSummaries(session, BenchTaskSchema);
}

/** The plain peer of {@link listTasks}: the summaries table read as is, the same response built. */
async function listPlainTasks(plain: PlainDb): Promise<TaskList> {
  return toTaskList(await plain.taskSummaries.toArray(), 0);
}

/** A key no record uses: {@link settleIndexedDb} only needs its transaction to start. */
const SETTLE_KEY = 'bench-settle';

/**
 * Resolves once IndexedDB has finished every transaction started earlier on the record stores of
 * both databases: a readwrite transaction can't start while an earlier one overlapping its stores
 * is still running. Returns how long that took (the backlog the earlier phases left).
 */
async function settleIndexedDb(db: UnderstudyDb, plain: PlainDb): Promise<number> {
  const start = performance.now();
  await Promise.all([
    db.transaction('rw', db.tasks, db.taskSummaries, () => db.tasks.get(SETTLE_KEY)),
    plain.transaction('rw', plain.tasks, plain.taskSummaries, () => plain.tasks.get(SETTLE_KEY)),
  ]);
  return performance.now() - start;
}

/** Runs a full garbage collection when Chromium was started with --js-flags=--expose-gc. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}

/** Times `fn`, checks its result with `check` and returns only the time, so the result can be freed. */
async function timeChecked<T>(fn: () => Promise<T>, check: (value: T) => string | undefined): Promise<number> {
  const { ms, value } = await time(fn);
  const problem = check(value);
  if (problem) throw new Error(problem);
  return ms;
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
  /** The unlock right before each round's list (not part of the list figure). */
  listUnlockMs: number[];
  /** Per round: how long IndexedDB was still busy with earlier phases' transactions before the list. */
  settleMs: number[];
  /** Whether the earlier phases' garbage was collected before the list (Chromium exposed `gc`). */
  gcBeforeList: boolean;
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
      listUnlockMs: [],
      settleMs: [],
      gcBeforeList: false,
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
    await listTasks(session);
    await session.list('tasks', BenchTaskSchema);
    await writePlainTasks(plain, warm);
    await listPlainTasks(plain);
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
      // Only the times are kept: the 20,000 results are garbage once checked.
      figures.read.understudyMs.push(
        await timeChecked(
          () => Promise.all(ids.map((id) => session.get('tasks', id, BenchTaskSchema))),
          (results) => (results.every((result) => result.ok) ? undefined : 'a read failed'),
        ),
      );
      figures.read.plainMs.push(
        await timeChecked(
          () => Promise.all(plainIds.map((id) => plain.tasks.get(id))),
          (rows) => (rows.every((row) => row !== undefined) ? undefined : 'a plain read failed'),
        ),
      );

      // The task list after unlock, from a settled state (see "Before the list" atop this file).
      figures.settleMs.push(await settleIndexedDb(db, plain));
      figures.gcBeforeList = collectGarbage();
      session.lock();
      const relocked = await time(() => unlockVault(db, BENCH_PASSPHRASE));
      if (!relocked.value.ok) throw new Error(relocked.value.error.message);
      figures.listUnlockMs.push(relocked.ms);
      session = relocked.value.value;
      const records = options.records;
      const listOurs = () =>
        timeChecked(
          () => listTasks(session),
          (listed) =>
            !listed.ok || listed.value.tasks.length !== records
              ? 'task list failed'
              : listed.value.quarantined > 0
                ? 'task list quarantined rows'
                : undefined,
        );
      const listPlain = () =>
        timeChecked(
          () => listPlainTasks(plain),
          (listed) => (listed.tasks.length === records ? undefined : 'plain task list failed'),
        );
      // Encrypted first on even rounds, plain first on odd rounds, to cancel ordering effects.
      if (round % 2 === 0) {
        figures.list.understudyMs.push(await listOurs());
        figures.list.plainMs.push(await listPlain());
      } else {
        figures.list.plainMs.push(await listPlain());
        figures.list.understudyMs.push(await listOurs());
      }

      // Every full task.
      figures.listFull.understudyMs.push(
        await timeChecked(
          () => session.list('tasks', BenchTaskSchema),
          (listed) => (listed.ok && listed.value.items.length === records ? undefined : 'list failed'),
        ),
      );
      figures.listFull.plainMs.push(
        await timeChecked(
          () => plain.tasks.toArray(),
          (rows) => (rows.length === records ? undefined : 'plain list failed'),
        ),
      );

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
