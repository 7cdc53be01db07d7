/**
 * Page side of bench/vault.ts: runs in real Chromium (real IndexedDB), bundled with the exact
 * lib/ code the extension ships. Each figure is measured beside the same operation on an
 * UNENCRYPTED Dexie table holding the same objects, in the same page and run.
 */
import { Dexie, type Table } from 'dexie';
import { z } from 'zod';
import { utf8Decode } from '../../lib/crypto/bytes';
import { openRecord } from '../../lib/crypto/envelope';
import type { KdfParams } from '../../lib/crypto/kdf';
import { DEFAULT_KDF_PARAMS } from '../../lib/crypto/kdf';
import { deriveSubkey } from '../../lib/crypto/subkeys';
import { coarseNow, openUnderstudyDb } from '../../lib/store/db';
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

interface PlainRow {
  id: string;
  createdAt: number;
  value: BenchTask;
}
type PlainDb = Dexie & { tasks: Table<PlainRow, string> };

function openPlainDb(name: string): PlainDb {
  const db = new Dexie(name) as PlainDb;
  db.version(1).stores({ tasks: 'id' });
  return db;
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
  listBreakdown: { idbMs: number; openMs: number; parseMs: number; zodMs: number }[];
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
      listBreakdown: [],
    };

    // Warm-up (JIT, IndexedDB files) on a small batch for both sides; not timed.
    const warm = tasks.slice(0, 500);
    await session.putMany([{ table: 'tasks', schema: BenchTaskSchema, items: warm.map((value) => ({ value })) }]);
    await session.list('tasks', BenchTaskSchema);
    await plain.tasks.bulkPut(warm.map((value, index) => ({ id: `warm${index}`, createdAt: coarseNow(), value })));
    await plain.tasks.toArray();

    for (let round = 0; round < options.rounds; round++) {
      await db.tasks.clear();
      await plain.tasks.clear();

      // Plain first on even rounds, encrypted first on odd rounds, to cancel ordering effects.
      const plainRows = (): PlainRow[] =>
        tasks.map((value) => ({ id: crypto.randomUUID().replaceAll('-', ''), createdAt: coarseNow(), value }));
      const writePlain = () => time(() => plain.tasks.bulkPut(plainRows()));
      const writeOurs = () =>
        time(async () => {
          const put = await session.putMany([
            { table: 'tasks', schema: BenchTaskSchema, items: tasks.map((value) => ({ value })) },
          ]);
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

      // List everything: decrypt + zod-validate every task vs toArray.
      const listOurs = await time(() => session.list('tasks', BenchTaskSchema));
      if (!listOurs.value.ok || listOurs.value.value.items.length !== options.records) throw new Error('list failed');
      const listPlain = await time(() => plain.tasks.toArray());
      if (listPlain.value.length !== options.records) throw new Error('plain list failed');
      figures.list.understudyMs.push(listOurs.ms);
      figures.list.plainMs.push(listPlain.ms);

      // Where list time goes (diagnostic): IndexedDB read, XChaCha20-Poly1305 open, JSON.parse, zod.
      const exported = session.exportDataKey();
      if (!exported.ok) throw new Error('locked');
      const recordsKey = deriveSubkey(exported.value, 'records');
      const rows = await time(() => db.tasks.toArray());
      const opened = await time(async () =>
        rows.value.map((row) => {
          const result = openRecord(recordsKey, 'tasks', row.id, row.ciphertext);
          if (!result.ok) throw new Error('open failed');
          return result.value;
        }),
      );
      const parsed = await time(async () => opened.value.map((bytes) => JSON.parse(utf8Decode(bytes) ?? 'null')));
      const validated = await time(async () => parsed.value.map((value) => BenchTaskSchema.safeParse(value)));
      figures.listBreakdown.push({ idbMs: rows.ms, openMs: opened.ms, parseMs: parsed.ms, zodMs: validated.ms });
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
