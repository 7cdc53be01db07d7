/**
 * @puppeteer/replay's side of bench:replay: the plan as the Chrome DevTools Recorder JSON a recording of the
 * same task holds (setViewport, navigate with its asserted navigation, `change` for typed text and lists,
 * `click` with its offset for checkboxes and buttons, keyDown + keyUp for a key press), each target with the
 * selector set the Recorder writes (aria, CSS id, XPath, pierce, and text for buttons). It is passed through
 * the library's own `parse`, as a saved recording would be, and run with createRunner and
 * PuppeteerRunnerExtension on puppeteer-core driving Debian's Chromium.
 *
 * The Recorder records typing into a field as a click plus a change; only the change is kept here, so every
 * tool does the same logical steps. A key press is two Recorder steps; their times are summed into one.
 * Note that the library waits a fixed 100 ms after every keyDown and keyUp (PuppeteerRunnerExtension).
 */
import { createRunner, PuppeteerRunnerExtension, parse, type Step, type UserFlow } from '@puppeteer/replay';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/browser';
import type { Described } from './page-entry';
import type { Action, Plan } from './plan';

export const PAGE_TITLE = 'Inventory review · Acme CRM';

export function launchPuppeteer(viewport: { width: number; height: number }): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: viewport,
  });
}

function selectorsFor(action: Action): string[][] {
  const selectors = [
    [`aria/${action.name}`],
    [`#${action.elementId}`],
    [`xpath///*[@id="${action.elementId}"]`],
    [`pierce/#${action.elementId}`],
  ];
  if (action.kind === 'click') selectors.push([`text/${action.name}`]);
  return selectors;
}

export function recorderFlow(plan: Plan, described: readonly Described[], viewport: { width: number; height: number }) {
  const steps: unknown[] = [
    { type: 'setViewport', ...viewport, deviceScaleFactor: 1, isMobile: false, hasTouch: false, isLandscape: false },
    { type: 'navigate', url: plan.url, assertedEvents: [{ type: 'navigation', url: plan.url, title: PAGE_TITLE }] },
  ];
  for (const [index, action] of plan.actions.entries()) {
    const selectors = selectorsFor(action);
    const { offset } = described[index] as Described;
    switch (action.kind) {
      case 'fill':
      case 'select':
        steps.push({ type: 'change', target: 'main', selectors, value: action.value });
        break;
      case 'press':
        steps.push({ type: 'keyDown', target: 'main', key: action.key });
        steps.push({ type: 'keyUp', target: 'main', key: action.key });
        break;
      case 'check':
      case 'click':
        steps.push({ type: 'click', target: 'main', selectors, offsetY: offset.y, offsetX: offset.x });
        break;
    }
  }
  return parse({ title: `Replay benchmark (${plan.steps} steps)`, steps });
}

/** Times each Recorder step; `runStep` is where the library does the step's work. */
class TimedExtension extends PuppeteerRunnerExtension {
  readonly times: { type: Step['type']; ms: number }[] = [];

  override async runStep(step: Step, flow?: UserFlow): Promise<void> {
    const started = performance.now();
    await super.runStep(step, flow);
    this.times.push({ type: step.type, ms: performance.now() - started });
  }
}

export async function runRecorderFlow(
  browser: Browser,
  page: Page,
  plan: Plan,
  flow: UserFlow,
): Promise<{ wallMs: number; stepMs: number[] }> {
  const extension = new TimedExtension(browser, page);
  const runner = await createRunner(flow, extension);
  const started = performance.now();
  const completed = await runner.run();
  const wallMs = performance.now() - started;
  if (!completed) throw new Error('@puppeteer/replay stopped before the end of the flow');
  // Back to logical steps: drop setViewport, join each keyDown with its keyUp.
  const stepMs: number[] = [];
  for (const { type, ms } of extension.times) {
    if (type === 'setViewport') continue;
    if (type === 'keyUp') stepMs[stepMs.length - 1] = (stepMs.at(-1) ?? 0) + ms;
    else stepMs.push(ms);
  }
  if (stepMs.length !== plan.steps) {
    throw new Error(`@puppeteer/replay ran ${stepMs.length} logical steps, expected ${plan.steps}`);
  }
  return { wallMs, stepMs };
}
