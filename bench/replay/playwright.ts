/**
 * Playwright's side of bench:replay: the plan as the script a Playwright user writes (what codegen emits:
 * role and label locators, `exact` where "Item 1" would also match "Item 10"), run with playwright-core's
 * auto-waiting actions in Debian's Chromium. Each step is timed in Node around its awaited call.
 */
import type { Page } from 'playwright-core';
import type { Action, Plan } from './plan';

async function act(page: Page, action: Action): Promise<void> {
  switch (action.kind) {
    case 'fill':
      return page.getByLabel(action.name, { exact: true }).fill(action.value);
    case 'press':
      return page.getByLabel(action.name, { exact: true }).press(action.key);
    case 'select':
      await page.getByLabel(action.name, { exact: true }).selectOption(action.value);
      return;
    case 'check':
      return page.getByLabel(action.name, { exact: true }).check();
    case 'click':
      return page.getByRole(action.role, { name: action.name, exact: true }).click();
  }
}

/** Runs the plan from navigation to the last action; returns each logical step's duration. */
export async function runPlaywright(page: Page, plan: Plan): Promise<{ wallMs: number; stepMs: number[] }> {
  const stepMs: number[] = [];
  const started = performance.now();
  let mark = started;
  await page.goto(plan.url);
  stepMs.push(performance.now() - mark);
  for (const action of plan.actions) {
    mark = performance.now();
    await act(page, action);
    stepMs.push(performance.now() - mark);
  }
  return { wallMs: performance.now() - started, stepMs };
}
