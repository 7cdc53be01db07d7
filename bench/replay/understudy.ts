/**
 * Understudy's side of bench:replay: the built TEST extension (.output-test/chrome-mv3, which pre-grants
 * loopback host access because nobody can answer Chrome's permission prompt headless) in a persistent
 * Chromium profile, loaded the way test/e2e/fixtures.ts loads it. That file is not imported: it pulls in
 * @playwright/test's runner.
 *
 * Everything goes through the background router as the extension's own pages send it: vault:create, the
 * options page's "Allow site" form, task:save, run:start and run:status. The end of a run is seen on the
 * toolbar badge (✓ or !), which costs the service worker nothing; polling run:status instead would decrypt
 * and validate the whole task on every poll, in the worker that is running the steps being timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { RunView } from '../../lib/messages';
import { type Step, type Task, TaskSchema, type Variable } from '../../lib/task/schema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/browser';
import type { Described } from './page-entry';
import type { Plan } from './plan';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_PATH = path.join(ROOT, '.output-test/chrome-mv3');
export const VIEWPORT = { width: 1280, height: 800 };
const PASSPHRASE = 'bench replay lantern orbit';
/** Badge texts runner.ts shows when a run ends (✓, !) or waits for the person (OK?). */
const FINISHED_BADGES = new Set(['✓', '!']);
const PAUSED_BADGE = 'OK?';
const BADGE_POLL_MS = 50;
/** Backstop for badge texts this bench does not know (a run cancelled, or a new pause reason). */
const STATUS_POLL_MS = 5000;

export interface UnderstudyBrowser {
  context: BrowserContext;
  userDataDir: string;
  /** The extension's options page, used as the sender of every message. */
  options: Page;
  send: (message: unknown) => Promise<unknown>;
  close: () => Promise<void>;
}

/** `extraArgs` and `extensionPath`: a debugging port and an unminified build, for bench/replay/profile.ts. */
export async function launchUnderstudy(
  extraArgs: string[] = [],
  extensionPath = EXTENSION_PATH,
): Promise<UnderstudyBrowser> {
  if (!fs.existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built test extension at ${extensionPath}. Run "npm run build:test" first.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'understudy-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...extraArgs,
    ],
    viewport: VIEWPORT,
  });
  try {
    const worker =
      context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const options = await context.newPage();
    await options.goto(`${origin}/options.html`);
    const send = (message: unknown) => options.evaluate((msg) => chrome.runtime.sendMessage(msg), message);
    return {
      context,
      userDataDir,
      options,
      send,
      close: async () => {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      },
    };
  } catch (error) {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    throw error;
  }
}

function expectOk<T>(what: string, reply: unknown): T {
  const value = reply as { ok?: boolean; value?: T; error?: { code: string; message: string } };
  if (value?.ok !== true) throw new Error(`${what} failed: ${JSON.stringify(value?.error ?? reply)}`);
  return value.value as T;
}

/** Creates the vault and allow-lists the demo origin through the options page, as a person would. */
export async function prepare(understudy: UnderstudyBrowser, demoOrigin: string): Promise<void> {
  expectOk('vault:create', await understudy.send({ type: 'vault:create', passphrase: PASSPHRASE }));
  const { options } = understudy;
  await options.reload();
  await options.getByLabel('Site address').fill(demoOrigin);
  await options.getByRole('button', { name: 'Allow site' }).click();
  await options.getByTestId('allowlist').filter({ hasText: demoOrigin }).waitFor();
  const listed = expectOk<{ origins: string[] }>('allowlist:list', await understudy.send({ type: 'allowlist:list' }));
  if (!listed.origins.includes(demoOrigin)) throw new Error(`${demoOrigin} did not make it onto the allow-list`);
}

/** "Item 7 name" → "item7Name", as the recorder names a typed value's variable (lib/recorder/capture.ts). */
function variableName(label: string): string {
  return label
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}

/**
 * The task a recording of the plan would produce: a navigate step, then one step per action with the target
 * described by the recorder's describeElement on the live page, and every typed value a variable.
 */
export function buildTask(plan: Plan, described: readonly Described[]): Task {
  const base = (index: number) => ({
    id: `bench${index.toString(36)}`,
    optional: false,
    alwaysAsk: false,
    frame: [],
    tab: 0,
  });
  const variables: Variable[] = [];
  const steps: Step[] = [{ ...base(0), kind: 'navigate', url: plan.url }];
  for (const [index, action] of plan.actions.entries()) {
    const target = (described[index] as Described).descriptor;
    const common = { ...base(index + 1), target };
    switch (action.kind) {
      case 'fill': {
        const name = variableName(action.name);
        variables.push({ name, secret: false, defaultValue: action.value });
        steps.push({ ...common, kind: 'fill', value: `{{${name}}}` });
        break;
      }
      case 'press':
        steps.push({ ...common, kind: 'press', key: action.key, modifiers: [] });
        break;
      case 'select':
        steps.push({ ...common, kind: 'select', value: action.value, label: action.label });
        break;
      case 'check':
        steps.push({ ...common, kind: 'check', checked: true });
        break;
      case 'click':
        steps.push({ ...common, kind: 'click' });
        break;
    }
  }
  const task = {
    version: 1,
    title: `Replay benchmark (${plan.steps} steps)`,
    origins: [new URL(plan.url).origin],
    variables,
    steps,
  };
  // Validated here as well as by the router, so a schema change names the problem instead of "invalid-message".
  const parsed = TaskSchema.safeParse(task);
  if (!parsed.success) throw new Error(`The benchmark task does not fit TaskSchema: ${parsed.error.message}`);
  return parsed.data;
}

export async function saveTask(understudy: UnderstudyBrowser, task: Task): Promise<string> {
  return expectOk<{ id: string }>('task:save', await understudy.send({ type: 'task:save', task })).id;
}

/** The id the extension knows `page`'s tab by. */
export async function tabIdOf(understudy: UnderstudyBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await understudy.options.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab found for ${url}`);
  return id;
}

export interface PreparedTask {
  /** The tab the task runs in (left on about:blank). */
  tab: Page;
  tabId: number;
  taskId: string;
  described: Described[];
}

/**
 * Records the plan's targets with describeElement on the live page, each as the page shows it at its step (the
 * steps before it done, as when a person records the task), saves the task built from them, and leaves the tab
 * on about:blank so the task's navigate step loads a fresh page.
 */
export async function prepareTask(understudy: UnderstudyBrowser, plan: Plan, bundle: string): Promise<PreparedTask> {
  const tab = await understudy.context.newPage();
  await tab.goto(plan.url);
  await tab.addScriptTag({ content: bundle });
  const described = await tab.evaluate(
    (actions) =>
      (window as unknown as Record<string, typeof import('./page-entry')>).__replayBench?.describeActions(actions) as
        | Described[]
        | { missing: string },
    plan.actions,
  );
  if (!Array.isArray(described)) throw new Error(`The bench page has no element #${described.missing}`);
  const taskId = await saveTask(understudy, buildTask(plan, described));
  const tabId = await tabIdOf(understudy, tab);
  await tab.goto('about:blank');
  return { tab, tabId, taskId, described };
}

export interface UnderstudyRun {
  wallMs: number;
  view: RunView;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the task in `tabId` and waits for it to end. Wall time runs from sending run:start until the badge
 * says it ended. A pause (a step judged risky, or ambiguous) fails the benchmark: nobody is there to answer.
 */
export async function runTask(
  understudy: UnderstudyBrowser,
  taskId: string,
  tabId: number,
  timeoutMs: number,
): Promise<UnderstudyRun> {
  const { options, send } = understudy;
  const badge = () => options.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
  const status = async () => expectOk<{ run: RunView | null }>('run:status', await send({ type: 'run:status' })).run;
  await options.evaluate((tab) => chrome.action.setBadgeText({ tabId: tab, text: '' }), tabId);

  const started = performance.now();
  const { runId } = expectOk<{ runId: string }>(
    'run:start',
    await send({ type: 'run:start', taskId, tabId, values: {} }),
  );
  let wallMs = Number.NaN;
  let lastStatusAt = started;
  for (;;) {
    const text = await badge();
    const now = performance.now();
    if (FINISHED_BADGES.has(text)) {
      wallMs = now - started;
      break;
    }
    if (text === PAUSED_BADGE) break;
    if (now - lastStatusAt >= STATUS_POLL_MS) {
      lastStatusAt = now;
      const run = await status();
      if (run?.runId === runId && run.state !== 'running') {
        wallMs = performance.now() - started;
        break;
      }
    }
    if (now - started > timeoutMs) {
      await send({ type: 'run:cancel', runId });
      throw new Error(`Understudy's run did not finish within ${Math.round(timeoutMs / 1000)} s`);
    }
    await sleep(BADGE_POLL_MS);
  }
  const view = await status();
  if (!view || view.runId !== runId) throw new Error('run:status does not show the run just started');
  if (view.state !== 'succeeded') {
    if (view.state === 'paused' || view.state === 'running') await send({ type: 'run:cancel', runId });
    const failed = view.results.findIndex((result) => result.status !== 'done');
    const step = failed >= 0 ? ` at step ${failed + 1} (${view.results[failed]?.text})` : '';
    throw new Error(
      `Understudy's run ended ${view.state}${step}: ${view.pauseReason ? `paused for ${view.pauseReason}: ` : ''}${view.message ?? ''}`,
    );
  }
  return { wallMs, view };
}
