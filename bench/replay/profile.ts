/**
 * Diagnostic for bench:replay (not part of `npm run bench`): runs Understudy's replay of the benchmark task
 * once while CPU-profiling, over CDP, the extension's service worker and the tab (the content script runs in
 * its isolated world), and prints where each spent its time: busy vs idle, the inclusive time of the replay's
 * main functions (loading and saving the run, resolving targets, …) and the top functions by self time.
 * It builds its own copy of the test build without minification first (bench/replay/wxt.profile.config.ts,
 * written to a temporary directory), so the functions it names are the source's.
 *
 *   npx tsx bench/replay/profile.ts [--steps N] [--top N] [--trace]
 *
 * With --trace it records a browser-wide Chrome trace instead of the CPU profiles and prints, per busy thread,
 * the self time of the traced events: what the CPU profile calls "(program)" (style, layout, paint, extension
 * messaging, Dexie's promise ticks in the worker) by name.
 *
 * PROFILE_WORKER_PHASES and PROFILE_PAGE_PHASES (comma-separated function names) add functions to the
 * inclusive-time lines of the worker and of the tab.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { startDemoSite } from '../../test/demo-site/server.mjs';
import { bundleForPage } from '../lib/bundle';
import { makePlan } from './plan';
import { launchUnderstudy, prepare, prepareTask, runTask } from './understudy';
import { PROFILE_BUILD_DIR } from './wxt.profile.config';

const ROOT = path.resolve(import.meta.dirname, '../..');

function buildUnminified(): string {
  const result = spawnSync('npx', ['wxt', 'build', '-c', 'bench/replay/wxt.profile.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, UNDERSTUDY_TEST_BUILD: '1' },
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}\n`);
    throw new Error('The unminified test build failed (output above)');
  }
  return path.join(PROFILE_BUILD_DIR, 'chrome-mv3');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Functions whose inclusive time (their own plus everything they call synchronously) is worth a line. */
const WORKER_PHASES = [
  'loadRun',
  'saveRun',
  'showProgress',
  'toView',
  'runStep',
  'sendToFrame',
  'ask',
  'get',
  'put',
  '#decode',
  '#seal',
  'safeParse',
  ...(process.env.PROFILE_WORKER_PHASES ?? '').split(',').filter(Boolean),
];
const PAGE_PHASES = [
  'handleReplay',
  'safeParse',
  'inspect',
  'act',
  'resolveTarget',
  'waitForElement',
  'waitForActionable',
  'executeStep',
  'riskOf',
  'digestOf',
  'computeFingerprint',
  'formPreview',
  'describeForHumans',
  ...(process.env.PROFILE_PAGE_PHASES ?? '').split(',').filter(Boolean),
];

function summarize(label: string, profile: Profile, wallMs: number, top: number, phases: readonly string[]): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const nameOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'}${url ? ` ${path.basename(url)}:${lineNumber + 1}` : ''}`;
  };
  const byName = new Map<string, number>();
  let idle = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (node.callFrame.functionName === '(idle)') idle += ms;
    // Built-ins (no URL) are named with their caller, e.g. a native IndexedDB call and who made it.
    const parent = parents.get(node.id);
    const key = node.callFrame.url || !parent ? nameOf(node) : `${nameOf(node)} ← ${nameOf(parent)}`;
    byName.set(key, (byName.get(key) ?? 0) + ms);
  }
  // Inclusive: each sample counts once for every listed function on its stack (synchronous stacks only:
  // an async function's time after an await counts where it resumes).
  const inclusive = new Map<string, number>();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let node = nodes.get(id); node; node = parents.get(node.id)) seen.add(node.callFrame.functionName);
    for (const name of phases) if (seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  }
  const total = [...self.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(
    `\n${label}: ${Math.round(total - idle)} ms busy of ${Math.round(wallMs)} ms wall (idle ${Math.round(idle)})`,
  );
  console.log(
    `  inclusive: ${phases.map((name) => `${name} ${Math.round(inclusive.get(name) ?? 0)}`).join(', ')} (ms)`,
  );
  for (const [name, ms] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  }
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'blink',
  'v8',
  'disabled-by-default-devtools.timeline',
  'ipc',
  'mojom',
  'extensions',
];

/** Per thread: time inside traced events and the self time of each event name (nested events subtracted). */
function summarizeTrace(events: TraceEvent[], top: number): void {
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name')
      threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  }
  const byThread = new Map<string, { name: string; start: number; end: number }[]>();
  const open = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    const list = byThread.get(key) ?? [];
    byThread.set(key, list);
    const label =
      event.name === 'FunctionCall' && event.args?.data?.functionName
        ? `FunctionCall ${event.args.data.functionName}`
        : event.name;
    if (event.ph === 'X' && event.dur !== undefined)
      list.push({ name: label, start: event.ts, end: event.ts + event.dur });
    else if (event.ph === 'B') {
      const stack = open.get(key) ?? [];
      stack.push(event);
      open.set(key, stack);
    } else if (event.ph === 'E') {
      const begun = open.get(key)?.pop();
      if (begun) list.push({ name: begun.name, start: begun.ts, end: event.ts });
    }
  }
  const rows = [...byThread.entries()]
    .map(([key, list]) => {
      list.sort((a, b) => a.start - b.start || b.end - a.end);
      const self = new Map<string, number>();
      let busy = 0;
      const stack: { name: string; start: number; end: number; child: number }[] = [];
      const close = (upTo: number) => {
        while (stack.length > 0 && (stack[stack.length - 1] as { end: number }).end <= upTo) {
          const done = stack.pop() as { name: string; start: number; end: number; child: number };
          self.set(done.name, (self.get(done.name) ?? 0) + (done.end - done.start - done.child));
          const parent = stack[stack.length - 1];
          if (parent) parent.child += done.end - done.start;
          else busy += done.end - done.start;
        }
      };
      for (const item of list) {
        close(item.start);
        stack.push({ ...item, child: 0 });
      }
      close(Number.POSITIVE_INFINITY);
      return { key, name: threadNames.get(key) ?? '?', busy, self };
    })
    .filter((row) => row.busy > 50_000)
    .sort((a, b) => b.busy - a.busy);
  for (const row of rows) {
    console.log(`\n${row.name} (${row.key}): ${Math.round(row.busy / 1000)} ms in traced events`);
    for (const [name, us] of [...row.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
    }
  }
}

async function startProfiler(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
}

async function main(): Promise<void> {
  const steps = flag('--steps', 200);
  const top = flag('--top', 25);
  makePlan('http://127.0.0.1', steps); // rejects a bad --steps before anything starts
  const extensionPath = buildUnminified();
  const bundle = await bundleForPage('bench/replay/page-entry.ts', '__replayBench');
  const demo = await startDemoSite({ port: 0 });
  const plan = makePlan(demo.url, steps);
  try {
    const understudy = await launchUnderstudy(['--remote-debugging-port=0'], extensionPath);
    try {
      await prepare(understudy, demo.url);
      const { tab, tabId, taskId } = await prepareTask(understudy, plan, bundle);
      // A unique address to find this tab's CDP target by; the task navigates it to the page.
      const marker = `${demo.url}/bench/replay?rows=0`;
      await tab.goto(marker);
      const port = fs.readFileSync(path.join(understudy.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const cdp = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
      try {
        // Found by waiting: the worker's target is not always in the first listing.
        const worker = await cdp.waitForTarget(
          (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension:'),
          { timeout: 5000 },
        );
        const page = await cdp.waitForTarget((t) => t.type() === 'page' && t.url() === marker, { timeout: 5000 });
        const sessions = { worker: await worker.createCDPSession(), page: await page.createCDPSession() };
        if (process.argv.includes('--trace')) {
          const browserSession = await cdp.target().createCDPSession();
          const events: TraceEvent[] = [];
          browserSession.on('Tracing.dataCollected', (data: { value: TraceEvent[] }) => events.push(...data.value));
          const complete = new Promise<void>((resolve) =>
            browserSession.once('Tracing.tracingComplete', () => resolve()),
          );
          await browserSession.send('Tracing.start', {
            transferMode: 'ReportEvents',
            traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
          });
          const run = await runTask(understudy, taskId, tabId, plan.steps * 2000);
          await browserSession.send('Tracing.end');
          await complete;
          console.log(`Understudy, ${plan.steps} steps, traced: ${Math.round(run.wallMs)} ms wall`);
          summarizeTrace(events, top);
          return;
        }
        await startProfiler(sessions.worker);
        await startProfiler(sessions.page);
        const run = await runTask(understudy, taskId, tabId, plan.steps * 2000);
        const workerProfile = (await sessions.worker.send('Profiler.stop')).profile as unknown as Profile;
        const pageProfile = (await sessions.page.send('Profiler.stop')).profile as unknown as Profile;
        const durations = run.view.results.map((result) => result.durationMs ?? 0);
        const inSteps = durations.reduce((sum, ms) => sum + ms, 0);
        console.log(
          `Understudy, ${plan.steps} steps, profiled: ${Math.round(run.wallMs)} ms wall, ${Math.round(inSteps)} ms inside step durations`,
        );
        summarize('service worker', workerProfile, run.wallMs, top, WORKER_PHASES);
        summarize('tab (page + content script)', pageProfile, run.wallMs, top, PAGE_PHASES);
      } finally {
        await cdp.disconnect();
      }
    } finally {
      await understudy.close();
    }
  } finally {
    await demo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
