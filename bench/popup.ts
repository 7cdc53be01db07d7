/**
 * Popup first paint with many tasks (issue 8): the built TEST extension (.output-test/chrome-mv3) in
 * Debian's Chromium, an unlocked vault holding N realistic tasks saved through the background
 * (`vault:create`, `task:save`, as the extension's own pages send them), an allowed demo tab, then
 * `popup.html?tabId=<demo tab>` opened in a fresh page per run, as the e2e tests open it.
 *
 * Measured in the page (bench/popup/in-page.ts, ms since navigation start): first paint, first
 * contentful paint, the task list holding all N tasks, and the end of the frame that paints it.
 * Peer, interleaved in the same browser: the same view as static HTML (bench/popup/peer.ts) in a copy
 * of the build, opened the same way: the floor. The first runs of each are warm-up and not counted.
 *
 *   npm run bench:popup -- [--json] [--tasks N] [--runs N] [--no-build]
 *
 * Target: first paint < 100 ms with 1,000 tasks.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/browser';
import { bundleForPage } from './lib/bundle';
import { buildTestExtension, parseBenchArgs, percentile, printJsonLast, ratio, readNumber } from './lib/cli';
import type { PageTimings } from './popup/in-page';
import { RESULT_GLOBAL } from './popup/in-page';
import { PEER_FILE, peerHtml } from './popup/peer';
import { makeTask } from './popup/tasks';

const ROOT = path.resolve(import.meta.dirname, '..');
// UNDERSTUDY_OUT_DIR: the build and test runs' own output dir (wxt.config.ts), for a checkout shared by several people.
const BUILD = path.join(ROOT, process.env.UNDERSTUDY_OUT_DIR ?? '.output-test', 'chrome-mv3');
const DEFAULT_TASKS = 1000;
const DEFAULT_RUNS = 20;
const WARM_UP_RUNS = 2;
const FIRST_PAINT_TARGET_MS = 100;
const SAVE_BATCH = 50;
/** Chrome's popup is at most 800x600; the popup itself is 340 px wide. */
const POPUP_VIEWPORT = { width: 360, height: 600 };
/** Backstop for a popup that never shows its list (an error, a locked vault): fails the bench. */
const RUN_TIMEOUT_MS = 30_000;
const PASSPHRASE = 'benchmark passphrase, not secret';
const LIB_GLOBAL = '__popupBenchLib';

const HELP = `Usage: npm run bench:popup -- [--json] [--tasks N] [--runs N] [--no-build]

Opens the built test extension's popup in Debian's Chromium with N saved tasks, fresh page per run,
and reports first paint, first contentful paint and when the task list is rendered and painted, beside
a static HTML page of the same view opened the same way (the floor).
  --tasks N    tasks in the vault (default ${DEFAULT_TASKS})
  --runs N     measured runs of each page, interleaved, after ${WARM_UP_RUNS} warm-up runs each (default ${DEFAULT_RUNS})
  --no-build   use the existing build ($UNDERSTUDY_OUT_DIR or .output-test) instead of npm run build:test first
  --json       print the figures as one JSON object on the last line
  --help       show this help`;

/** A copy of the build with the peer page added, so both pages come from one extension origin. */
function copyBuildWithPeer(tasks: readonly { title: string; stepCount: number }[], origin: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'understudy-bench-popup-ext-'));
  fs.cpSync(BUILD, dir, { recursive: true });
  const popupHtml = fs.readFileSync(path.join(dir, 'popup.html'), 'utf8');
  // The popup's own styles, linked or inline, so the peer is styled, and loads its style, the same way.
  const styles = [...popupHtml.matchAll(/<link rel="stylesheet"[^>]*>|<style>[\s\S]*?<\/style>/g)].map(
    (match) => match[0],
  );
  fs.writeFileSync(path.join(dir, PEER_FILE), peerHtml(styles, origin, tasks));
  return dir;
}

async function expectOk(page: Page, message: unknown): Promise<unknown> {
  const reply = (await page.evaluate((msg) => chrome.runtime.sendMessage(msg), message)) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  if (!reply.ok) throw new Error(`${(message as { type: string }).type} failed: ${reply.error?.message}`);
  return reply.value;
}

async function measure(context: BrowserContext, url: string): Promise<PageTimings> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const timings = page.evaluate(
      (name) => (window as unknown as Record<string, Promise<PageTimings>>)[name] as Promise<PageTimings>,
      RESULT_GLOBAL,
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${url} did not render its task list within ${RUN_TIMEOUT_MS} ms`)),
        RUN_TIMEOUT_MS,
      ),
    );
    return await Promise.race([timings, timeout]);
  } finally {
    await page.close();
  }
}

interface Stats {
  median: number;
  p95: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round1(percentile(sorted, 50)), p95: round1(percentile(sorted, 95)) };
}

/** One run's figures without its message log, rounded to 0.1 ms. */
function roundRun({ firstPaintMs, firstContentfulPaintMs, listInDomMs, listPaintedMs }: PageTimings) {
  const maybe = (value: number | null) => (value === null ? null : round1(value));
  return {
    firstPaintMs: maybe(firstPaintMs),
    firstContentfulPaintMs: maybe(firstContentfulPaintMs),
    listInDomMs: round1(listInDomMs),
    listPaintedMs: round1(listPaintedMs),
  };
}

function summarize(runs: readonly PageTimings[]) {
  return {
    firstPaintMs: stats(runs.map((run) => run.firstPaintMs ?? run.firstContentfulPaintMs ?? Number.NaN)),
    firstContentfulPaintMs: stats(runs.map((run) => run.firstContentfulPaintMs ?? Number.NaN)),
    listInDomMs: stats(runs.map((run) => run.listInDomMs)),
    listPaintedMs: stats(runs.map((run) => run.listPaintedMs)),
  };
}

/** Median start and duration of each message type the popup sent, in the order it first sent them. */
function messageBreakdown(runs: readonly PageTimings[]) {
  const types = [...new Set(runs.flatMap((run) => run.messages.map((message) => message.type)))];
  return types.map((type) => {
    const firsts = runs.flatMap((run) => run.messages.filter((message) => message.type === type).slice(0, 1));
    return {
      type,
      sentAtMs: stats(firsts.map((message) => message.startMs)).median,
      tookMs: stats(firsts.map((message) => message.endMs - message.startMs)).median,
    };
  });
}

async function main(): Promise<void> {
  const args = parseBenchArgs();
  if (args.help) {
    console.log(HELP);
    return;
  }
  const rest = [...args.rest];
  const taskCount = readNumber(rest, '--tasks', DEFAULT_TASKS);
  const runs = readNumber(rest, '--runs', DEFAULT_RUNS);
  const build = !rest.includes('--no-build');
  const unknown = rest.filter((arg) => arg !== '--no-build');
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')} (see --help)`);
  if (build) buildTestExtension(ROOT);
  if (!fs.existsSync(path.join(BUILD, 'manifest.json'))) {
    throw new Error(`No built test extension at ${BUILD}. Run "npm run build:test" first.`);
  }

  const tasks = Array.from({ length: taskCount }, (_, index) => makeTask(index));
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><head><title>Demo</title></head><body><h1>Demo</h1></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const siteOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const extensionPath = copyBuildWithPeer(
    tasks.map((task) => ({ title: task.title, stepCount: task.steps.length })),
    siteOrigin,
  );
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'understudy-bench-popup-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
    viewport: POPUP_VIEWPORT,
  });
  const ours: PageTimings[] = [];
  const peer: PageTimings[] = [];
  try {
    const worker =
      context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    // Bundled rather than passed as a function: tsx adds helpers (keepNames) that the page lacks.
    const instrument = await bundleForPage('bench/popup/in-page.ts', LIB_GLOBAL);
    const options = { paths: ['/popup.html', `/${PEER_FILE}`], expected: taskCount, global: RESULT_GLOBAL };
    await context.addInitScript({
      content: `${instrument}\n${LIB_GLOBAL}.instrumentPage(${JSON.stringify(options)});`,
    });

    const demo = await context.newPage();
    await demo.goto(`${siteOrigin}/`);
    const setup = await context.newPage();
    await setup.goto(`${origin}/options.html`);
    const started = performance.now();
    await expectOk(setup, { type: 'vault:create', passphrase: PASSPHRASE });
    await expectOk(setup, { type: 'allowlist:add', origin: siteOrigin });
    for (let index = 0; index < tasks.length; index += SAVE_BATCH) {
      const batch = tasks.slice(index, index + SAVE_BATCH);
      await Promise.all(batch.map((task) => expectOk(setup, { type: 'task:save', task })));
    }
    const tabId = await worker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id ?? null;
    }, `${siteOrigin}/`);
    if (tabId === null) throw new Error('Could not find the demo tab');
    await setup.close();
    console.log(
      `Set up: vault created, ${siteOrigin} allowed, ${taskCount} tasks saved in ${Math.round(performance.now() - started)} ms`,
    );

    const popupUrl = `${origin}/popup.html?tabId=${tabId}`;
    const peerUrl = `${origin}/${PEER_FILE}`;
    for (let run = 0; run < WARM_UP_RUNS + runs; run++) {
      // Alternate which page goes first, so neither always follows the other.
      const order = run % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const);
      for (const which of order) {
        const timings = await measure(context, which === 'ours' ? popupUrl : peerUrl);
        if (run >= WARM_UP_RUNS) (which === 'ours' ? ours : peer).push(timings);
      }
    }
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    fs.rmSync(extensionPath, { recursive: true, force: true });
  }

  const understudy = summarize(ours);
  const floor = summarize(peer);
  const messages = messageBreakdown(ours);
  const rows = [
    ['metric (ms since navigation start)', 'Understudy median / p95', 'static HTML median / p95', 'ratio (medians)'],
    ...(
      [
        ['first paint', 'firstPaintMs'],
        ['first contentful paint', 'firstContentfulPaintMs'],
        [`task list in the DOM (${taskCount} items)`, 'listInDomMs'],
        ['task list painted (end of next frame)', 'listPaintedMs'],
      ] as const
    ).map(([label, key]) => [
      label,
      `${understudy[key].median} / ${understudy[key].p95}`,
      `${floor[key].median} / ${floor[key].p95}`,
      ratio(understudy[key].median, floor[key].median),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  console.log(
    `\nPopup benchmark: Chromium, ${taskCount} tasks, unlocked vault, allowed tab; ${runs} runs each (+${WARM_UP_RUNS} warm-up), fresh page per run, viewport ${POPUP_VIEWPORT.width}x${POPUP_VIEWPORT.height}\n`,
  );
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
  console.log('\nWhere the popup waits (median of each first message: sent at → reply after):');
  for (const message of messages)
    console.log(`  ${message.type.padEnd(16)} sent at ${message.sentAtMs} ms, reply after ${message.tookMs} ms`);
  const firstPaint = understudy.firstPaintMs.median;
  const met = firstPaint < FIRST_PAINT_TARGET_MS;
  console.log(
    `\ntarget: first paint < ${FIRST_PAINT_TARGET_MS} ms → ${met ? 'met' : 'MISSED'} (median ${firstPaint} ms, p95 ${understudy.firstPaintMs.p95} ms)`,
  );
  if (args.json) {
    printJsonLast({
      bench: 'popup',
      tasks: taskCount,
      runs,
      warmUpRuns: WARM_UP_RUNS,
      viewport: POPUP_VIEWPORT,
      understudy,
      staticHtml: floor,
      ratios: Object.fromEntries(
        (Object.keys(understudy) as (keyof typeof understudy)[]).map((key) => [
          key,
          Math.round((understudy[key].median / floor[key].median) * 100) / 100,
        ]),
      ),
      messages,
      runsMs: { understudy: ours.map(roundRun), staticHtml: peer.map(roundRun) },
      targets: { firstPaintUnder100ms: met },
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
