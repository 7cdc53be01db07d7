/**
 * Replay speed benchmark (issue 6): one task of N logical steps (default 200: a navigation, then typing, key
 * presses, lists, checkboxes and toggle buttons on the demo site's /bench/replay page) replayed by Understudy,
 * by Playwright and by @puppeteer/replay, all in Debian's Chromium, interleaved in the same run.
 *
 *   npx tsx bench/replay.ts [--json] [--steps N] [--rounds N] [--no-build]
 *
 * - Understudy: the built test extension replays a task saved through the background (targets described by
 *   the recorder's describeElement on the live page; bench/replay/understudy.ts).
 * - Playwright: playwright-core's auto-waiting locator actions (bench/replay/playwright.ts).
 * - @puppeteer/replay: a Chrome Recorder flow of the same steps (bench/replay/puppeteer.ts).
 *
 * After every run the page's state is read and compared with what the steps must leave (bench/replay/plan.ts);
 * any difference fails the benchmark. "Per-step overhead" is per-step time: wall time / steps for the target,
 * with each tool's own per-step median and p95 beside it (Understudy's from the run's step durations).
 * Target: Understudy's per-step time at least 3x lower than Playwright's.
 */
import path from 'node:path';
import { startDemoSite } from '../test/demo-site/server.mjs';
import { launchChromium } from './lib/browser';
import { bundleForPage } from './lib/bundle';
import { buildTestExtension, parseBenchArgs, percentile, printJsonLast, ratio, readNumber } from './lib/cli';
import { assertState, makePlan, type Plan, type RowState } from './replay/plan';
import { runPlaywright } from './replay/playwright';
import { launchPuppeteer, recorderFlow, runRecorderFlow } from './replay/puppeteer';
import { launchUnderstudy, prepare, prepareTask, runTask, VIEWPORT } from './replay/understudy';

const DEFAULT_STEPS = 200;
const DEFAULT_ROUNDS = 3;
const TARGET_RATIO = 3;
const GLOBAL_NAME = '__replayBench';
/** Backstop for a hung run only: a step that cannot find its element fails on its own after 10 s. */
const RUN_TIMEOUT_PER_STEP_MS = 2000;
const ROOT = path.resolve(import.meta.dirname, '..');

const TOOLS = ['understudy', 'playwright', 'puppeteerReplay'] as const;
type Tool = (typeof TOOLS)[number];
const TOOL_NAMES: Record<Tool, string> = {
  understudy: 'Understudy',
  playwright: 'Playwright',
  puppeteerReplay: '@puppeteer/replay',
};

const HELP = `Usage: npm run bench:replay -- [--json] [--steps N] [--rounds N] [--no-build]

Replays one task on the demo site with Understudy (built test extension), Playwright and @puppeteer/replay
in Debian's Chromium, checks the page after every run, and reports wall time and per-step time.
  --steps N    logical steps in the task, navigation included (default ${DEFAULT_STEPS}, 2 to 1001)
  --rounds N   runs per tool, interleaved; wall times are medians, per-step figures pool all rounds (default ${DEFAULT_ROUNDS})
  --no-build   use the existing .output-test/chrome-mv3 instead of running npm run build:test first
  --json       print the figures as one JSON object on the last line
  --help       show this help`;

const round1 = (value: number) => Math.round(value * 10) / 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface ToolRuns {
  wallMs: number[];
  /** Per logical step, all rounds pooled. */
  stepMs: number[];
}

interface ToolFigures {
  wallMs: number;
  wallRunsMs: number[];
  /** Wall time / steps: everything the tool did, spread over its steps. */
  perStepMeanMs: number;
  perStepMedianMs: number;
  perStepP95Ms: number;
}

function figuresOf(runs: ToolRuns, steps: number): ToolFigures {
  const sorted = [...runs.stepMs].sort((a, b) => a - b);
  const wallMs = median(runs.wallMs);
  return {
    wallMs: round1(wallMs),
    wallRunsMs: runs.wallMs.map(round1),
    perStepMeanMs: round1(wallMs / steps),
    perStepMedianMs: round1(percentile(sorted, 50)),
    perStepP95Ms: round1(percentile(sorted, 95)),
  };
}

const KINDS = ['navigate', 'fill', 'press', 'select', 'check', 'click'] as const;
type Kind = (typeof KINDS)[number];

/** Median per step kind; `stepMs` holds whole rounds back to back, so index modulo steps is the step. */
function mediansByKind(stepMs: readonly number[], plan: Plan): Record<Kind, number> {
  const groups = Object.fromEntries(KINDS.map((kind): [Kind, number[]] => [kind, []])) as Record<Kind, number[]>;
  for (const [index, ms] of stepMs.entries()) {
    const step = index % plan.steps;
    groups[step === 0 ? 'navigate' : (plan.actions[step - 1]?.kind ?? 'navigate')].push(ms);
  }
  return Object.fromEntries(KINDS.map((kind) => [kind, round1(median(groups[kind]))])) as Record<Kind, number>;
}

type PageLike = {
  addScriptTag: (options: { content: string }) => Promise<unknown>;
  evaluate: <R, A>(fn: (arg: A) => R, arg: A) => Promise<R>;
};

async function checkPage(tool: Tool, page: PageLike, bundle: string, plan: Plan): Promise<void> {
  // Injected after the run, so the tools replay on the page exactly as served.
  await page.addScriptTag({ content: bundle });
  const state = await page.evaluate(
    (rows: number) =>
      (window as unknown as Record<string, typeof import('./replay/page-entry')>).__replayBench?.readPageState(
        rows,
      ) as RowState[],
    plan.rows,
  );
  assertState(TOOL_NAMES[tool], plan, state);
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
}

async function main(): Promise<void> {
  const args = parseBenchArgs();
  if (args.help) {
    console.log(HELP);
    return;
  }
  const rest = [...args.rest];
  const steps = readNumber(rest, '--steps', DEFAULT_STEPS);
  const rounds = readNumber(rest, '--rounds', DEFAULT_ROUNDS);
  const build = !rest.includes('--no-build');
  const unknown = rest.filter((arg) => arg !== '--no-build');
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]}; see --help`);
  makePlan('http://127.0.0.1', steps); // rejects a bad --steps before anything starts
  if (build) {
    const ms = buildTestExtension(ROOT);
    console.log(`Built the test extension (.output-test/chrome-mv3) in ${Math.round(ms)} ms`);
  }
  const bundle = await bundleForPage('bench/replay/page-entry.ts', GLOBAL_NAME);

  const demo = await startDemoSite({ port: 0 });
  const plan = makePlan(demo.url, steps);
  const closers: (() => Promise<unknown>)[] = [() => demo.close()];
  const runs = Object.fromEntries(TOOLS.map((tool): [Tool, ToolRuns] => [tool, { wallMs: [], stepMs: [] }])) as Record<
    Tool,
    ToolRuns
  >;
  /** Understudy's wall time outside its steps' own durations, per round. */
  const betweenStepsMs: number[] = [];
  try {
    const understudy = await launchUnderstudy();
    closers.unshift(understudy.close);
    await prepare(understudy, demo.url);
    const { tab, tabId, taskId, described } = await prepareTask(understudy, plan, bundle);

    const playwrightBrowser = await launchChromium();
    closers.unshift(() => playwrightBrowser.close());
    const playwrightPage = await (await playwrightBrowser.newContext({ viewport: VIEWPORT })).newPage();

    const puppeteerBrowser = await launchPuppeteer(VIEWPORT);
    closers.unshift(() => puppeteerBrowser.close());
    const puppeteerPage = await puppeteerBrowser.newPage();
    const flow = recorderFlow(plan, described, VIEWPORT);

    console.log(
      `Replay benchmark: ${plan.steps} steps (1 navigation + ${plan.actions.length} actions on ${plan.rows} rows of ${demo.url}/bench/replay), ${rounds} round(s) per tool, interleaved`,
    );
    for (let round = 0; round < rounds; round++) {
      // Rotate the order so no tool always runs first (cold caches) or last.
      const order = TOOLS.map((_, index) => TOOLS[(index + round) % TOOLS.length] as Tool);
      for (const tool of order) {
        let wallMs: number;
        if (tool === 'understudy') {
          await tab.goto('about:blank');
          const run = await runTask(understudy, taskId, tabId, plan.steps * RUN_TIMEOUT_PER_STEP_MS);
          if (run.view.results.length !== plan.steps) {
            throw new Error(`Understudy's run has ${run.view.results.length} results, expected ${plan.steps}`);
          }
          const durations = run.view.results.map((result) => result.durationMs ?? Number.NaN);
          if (durations.some(Number.isNaN)) throw new Error("Understudy's run view lacks some step durations");
          runs.understudy.stepMs.push(...durations);
          betweenStepsMs.push(run.wallMs - durations.reduce((sum, ms) => sum + ms, 0));
          wallMs = run.wallMs;
          await checkPage(tool, tab, bundle, plan);
        } else if (tool === 'playwright') {
          await playwrightPage.goto('about:blank');
          const run = await runPlaywright(playwrightPage, plan);
          runs.playwright.stepMs.push(...run.stepMs);
          wallMs = run.wallMs;
          await checkPage(tool, playwrightPage, bundle, plan);
        } else {
          await puppeteerPage.goto('about:blank');
          const run = await runRecorderFlow(puppeteerBrowser, puppeteerPage, plan, flow);
          runs.puppeteerReplay.stepMs.push(...run.stepMs);
          wallMs = run.wallMs;
          await checkPage(tool, puppeteerPage as unknown as PageLike, bundle, plan);
        }
        runs[tool].wallMs.push(wallMs);
        console.log(`  round ${round + 1}: ${TOOL_NAMES[tool].padEnd(18)} ${Math.round(wallMs)} ms, page checked`);
      }
    }
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }

  const figures = Object.fromEntries(TOOLS.map((tool) => [tool, figuresOf(runs[tool], plan.steps)])) as Record<
    Tool,
    ToolFigures
  >;
  const us = figures.understudy;
  const betweenPerStepMs = round1(median(betweenStepsMs) / plan.steps);
  console.log('');
  printTable([
    ['tool', 'wall (median)', 'per step: wall/steps', 'median', 'p95'],
    ...TOOLS.map((tool) => {
      const f = figures[tool];
      return [
        TOOL_NAMES[tool],
        `${f.wallMs} ms`,
        `${f.perStepMeanMs} ms`,
        `${f.perStepMedianMs} ms`,
        `${f.perStepP95Ms} ms`,
      ];
    }),
  ]);
  const byKind = Object.fromEntries(TOOLS.map((tool) => [tool, mediansByKind(runs[tool].stepMs, plan)])) as Record<
    Tool,
    Record<Kind, number>
  >;
  console.log('');
  printTable([
    ['median by step kind', ...KINDS],
    ...TOOLS.map((tool) => [TOOL_NAMES[tool], ...KINDS.map((kind) => `${byKind[tool][kind]} ms`)]),
  ]);
  console.log('');
  console.log(
    `Understudy's median and p95 come from its run's own step durations; ${betweenPerStepMs} ms per step of its wall time falls between steps (saving and reloading the run, the toolbar badge).`,
  );
  console.log('');
  printTable([
    ['ratio (peer / Understudy)', 'wall', 'per step: wall/steps', 'median', 'p95'],
    ...(['playwright', 'puppeteerReplay'] as const).map((tool) => {
      const f = figures[tool];
      return [
        TOOL_NAMES[tool],
        ratio(f.wallMs, us.wallMs),
        ratio(f.perStepMeanMs, us.perStepMeanMs),
        ratio(f.perStepMedianMs, us.perStepMedianMs),
        ratio(f.perStepP95Ms, us.perStepP95Ms),
      ];
    }),
  ]);
  const targetRatio = figures.playwright.perStepMeanMs / us.perStepMeanMs;
  const met = targetRatio >= TARGET_RATIO;
  console.log('');
  console.log(
    `target: per-step overhead >= ${TARGET_RATIO}x lower than Playwright → ${met ? 'met' : 'MISSED'} (Playwright ${figures.playwright.perStepMeanMs} ms/step ÷ Understudy ${us.perStepMeanMs} ms/step = ${ratio(figures.playwright.perStepMeanMs, us.perStepMeanMs)}, wall/steps)`,
  );
  if (args.json) {
    const ratios = (tool: 'playwright' | 'puppeteerReplay') => ({
      wall: Math.round((figures[tool].wallMs / us.wallMs) * 100) / 100,
      perStepMean: Math.round((figures[tool].perStepMeanMs / us.perStepMeanMs) * 100) / 100,
      perStepMedian: Math.round((figures[tool].perStepMedianMs / us.perStepMedianMs) * 100) / 100,
      perStepP95: Math.round((figures[tool].perStepP95Ms / us.perStepP95Ms) * 100) / 100,
    });
    printJsonLast({
      bench: 'replay',
      steps: plan.steps,
      rounds,
      tools: figures,
      medianByKindMs: byKind,
      understudyBetweenStepsMsPerStep: betweenPerStepMs,
      ratios: { playwright: ratios('playwright'), puppeteerReplay: ratios('puppeteerReplay') },
      target: {
        measure: 'Playwright wall/steps ÷ Understudy wall/steps',
        ratio: Math.round(targetRatio * 100) / 100,
        met,
      },
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
