/**
 * Vault benchmark in real Chromium (IndexedDB under fake-indexeddb would measure the fake):
 * unlock time at the default KDF params, and encrypt+write / read+decrypt / list (decrypt + zod)
 * of realistic task records, each beside the same operation on a plain, unencrypted Dexie table.
 * What each row measures is spelled out atop bench/vault/page.ts and in the printed table.
 *
 *   npx tsx bench/vault.ts [--json] [--records N] [--rounds N] [--unlocks N]
 *
 * Targets: listing 10,000 tasks right after unlock < 1 s (issue 4); encrypted writes < 2x plain Dexie writes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from './lib/browser';
import { bundleForPage } from './lib/bundle';
import { parseBenchArgs, printJsonLast, ratio, readNumber } from './lib/cli';
import type { PageFigures } from './vault/page';

const DEFAULT_RECORDS = 10_000;
const DEFAULT_ROUNDS = 3;
const DEFAULT_UNLOCKS = 3;
const LIST_TARGET_MS = 1000;
const WRITE_TARGET_RATIO = 2;
const GLOBAL_NAME = '__vaultBench';
/** Lets bench/vault/page.ts collect earlier phases' garbage before the list (see "Before the list" there). */
const CHROMIUM_JS_FLAGS = '--js-flags=--expose-gc';

const HELP = `Usage: npx tsx bench/vault.ts [--json] [--records N] [--rounds N] [--unlocks N]

Runs in Chromium (${'`launchChromium`'}) on a page served from 127.0.0.1.
  --records N  task records per round (default ${DEFAULT_RECORDS})
  --rounds N   write/read/list rounds; medians are reported (default ${DEFAULT_ROUNDS})
  --unlocks N  timed unlocks at the default KDF params (default ${DEFAULT_UNLOCKS})
  --json       print the figures as one JSON object on the last line`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const args = parseBenchArgs();
  if (args.help) {
    console.log(HELP);
    return;
  }
  const options = {
    records: readNumber(args.rest, '--records', DEFAULT_RECORDS),
    rounds: readNumber(args.rest, '--rounds', DEFAULT_ROUNDS),
    unlocks: readNumber(args.rest, '--unlocks', DEFAULT_UNLOCKS),
  };
  const bundle = await bundleForPage('bench/vault/page.ts', GLOBAL_NAME);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html><head><title>vault bench</title></head><body></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium({ args: [CHROMIUM_JS_FLAGS] });
  let figures: PageFigures;
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.addScriptTag({ content: bundle });
    figures = await page.evaluate(
      ({ name, options }) =>
        (window as unknown as Record<string, typeof import('./vault/page')>)[name]?.run(
          options,
        ) as Promise<PageFigures>,
      { name: GLOBAL_NAME, options },
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  const pair = (entry: { understudyMs: number[]; plainMs: number[] }) => {
    const understudyMs = round1(median(entry.understudyMs));
    const plainMs = round1(median(entry.plainMs));
    return { understudyMs, plainMs, ratio: Math.round((understudyMs / plainMs) * 100) / 100 };
  };
  const write = pair(figures.write);
  const read = pair(figures.read);
  const list = pair(figures.list);
  const listFull = pair(figures.listFull);
  const unlockMs = round1(median(figures.unlockMs));
  const listUnlockMs = round1(median(figures.listUnlockMs));
  const settleMs = round1(median(figures.settleMs));
  const perSecond = (ms: number) => Math.round((figures.records / ms) * 1000);

  console.log(
    `Vault benchmark: Chromium, ${figures.records} tasks (~${figures.avgRecordBytes} B JSON each), median of ${options.rounds} rounds`,
  );
  console.log(
    `scrypt params: N=2^${Math.log2(figures.kdf.N)} r=${figures.kdf.r} p=${figures.kdf.p}; unlock median ${unlockMs} ms (runs: ${figures.unlockMs.map(Math.round).join(', ')} ms)`,
  );
  console.log('');
  const rows = [
    ['operation', 'understudy (encrypted)', 'plain Dexie', 'ratio'],
    [
      'write: task + summary, encrypt, 1 txn',
      `${write.understudyMs} ms (${perSecond(write.understudyMs)}/s)`,
      `${write.plainMs} ms (${perSecond(write.plainMs)}/s)`,
      ratio(write.understudyMs, write.plainMs),
    ],
    [
      'read each task by id + decrypt + zod',
      `${read.understudyMs} ms (${perSecond(read.understudyMs)}/s)`,
      `${read.plainMs} ms (${perSecond(read.plainMs)}/s)`,
      ratio(read.understudyMs, read.plainMs),
    ],
    [
      'list after unlock: task list (summaries)',
      `${list.understudyMs} ms`,
      `${list.plainMs} ms`,
      ratio(list.understudyMs, list.plainMs),
    ],
    [
      'list full tasks + decrypt + zod',
      `${listFull.understudyMs} ms`,
      `${listFull.plainMs} ms`,
      ratio(listFull.understudyMs, listFull.plainMs),
    ],
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  console.log('');
  console.log('write: session.putMany of each task + its summary (as saveTask/import) vs plain bulkPut of both.');
  console.log('list after unlock: listTasks as entrypoints/background/tasks.ts (session.listSummaries: decrypt + zod,');
  console.log('  then the response) on a freshly unlocked session vs plain toArray of a summaries table + response.');
  console.log(
    `  Before it, each round waited for IndexedDB to finish the read phase's transactions (median ${settleMs} ms, runs: ${figures.settleMs.map(Math.round).join(', ')} ms),`,
  );
  console.log(
    `  ${figures.gcBeforeList ? 'collected' : 'could not collect (no gc exposed)'} earlier phases' garbage, then locked and unlocked (median ${listUnlockMs} ms); none of this is in the figure.`,
  );
  console.log(
    `  list runs: ours ${figures.list.understudyMs.map(Math.round).join(', ')} ms; plain ${figures.list.plainMs.map(Math.round).join(', ')} ms.`,
  );
  console.log('list full: session.list of whole tasks vs plain toArray of the tasks table.');
  for (const [label, breakdown] of [
    ['list', figures.listBreakdown.at(-1)],
    ['list full', figures.listFullBreakdown.at(-1)],
  ] as const) {
    if (!breakdown) continue;
    console.log(
      `${label} breakdown (last round, phases run separately): IndexedDB ${Math.round(breakdown.idbMs)} ms, decrypt ${Math.round(breakdown.openMs)} ms, JSON.parse ${Math.round(breakdown.parseMs)} ms, zod ${Math.round(breakdown.zodMs)} ms`,
    );
  }
  console.log('');
  console.log(
    `target: list ${figures.records} after unlock < ${LIST_TARGET_MS} ms → ${list.understudyMs < LIST_TARGET_MS ? 'met' : 'MISSED'} (${list.understudyMs} ms)`,
  );
  console.log(
    `target: write < ${WRITE_TARGET_RATIO}x plain → ${write.ratio < WRITE_TARGET_RATIO ? 'met' : 'MISSED'} (${write.ratio}x)`,
  );
  if (args.json) {
    printJsonLast({
      bench: 'vault',
      records: figures.records,
      avgRecordBytes: figures.avgRecordBytes,
      rounds: options.rounds,
      kdf: figures.kdf,
      unlockMs,
      unlockRunsMs: figures.unlockMs.map(round1),
      listUnlockMs,
      listUnlockRunsMs: figures.listUnlockMs.map(round1),
      settleBeforeListRunsMs: figures.settleMs.map(round1),
      gcBeforeList: figures.gcBeforeList,
      write,
      read,
      list,
      listMeasures:
        'after unlock: listTasks (summaries decrypted + zod-validated, response built) vs plain summaries toArray + response',
      listFull,
      listBreakdown: figures.listBreakdown.at(-1),
      listFullBreakdown: figures.listFullBreakdown.at(-1),
      runsMs: { write: figures.write, read: figures.read, list: figures.list, listFull: figures.listFull },
      targets: { listUnder1s: list.understudyMs < LIST_TARGET_MS, writeUnder2x: write.ratio < WRITE_TARGET_RATIO },
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
