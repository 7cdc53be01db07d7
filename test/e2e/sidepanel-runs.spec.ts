/** Runs started from the side panel, and the run history it keeps. */
import type { Page } from '@playwright/test';
import type { DemoSite } from '../demo-site/server.mjs';
import {
  allowOrigin,
  type ExtensionHandle,
  expect,
  sendFromExtensionPage,
  setUpVault,
  tabIdOf,
  test,
} from './fixtures';
import { expectRunState, expectStepCount, record, recordOpenDana, runFromPopup, signIn } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

test('a task runs from the side panel and its run shows in History with per-step results', async ({
  extension,
  demo,
}) => {
  const page = await recordOpenDana(extension, demo);
  await page.goto(`${demo.url}/`);
  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, page)}`);
  await panel.getByRole('button', { name: 'Run Open Dana', exact: true }).click();
  await panel.getByRole('tab', { name: 'Run' }).click();
  await expect(panel.getByTestId('run-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
  await expect(page).toHaveURL(/\/contacts\/\d+\/edit$/);
  const steps = panel.getByTestId('run-steps').getByRole('listitem');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(1)).toContainText("Click link 'Edit Dana Scully' — done in");

  await panel.getByRole('tab', { name: 'History' }).click();
  const history = panel.getByTestId('history').getByRole('listitem');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toHaveAttribute('data-state', 'succeeded');
  await expect(history.first()).toContainText('Open Dana · succeeded · 2/2 steps');
  await history.first().getByRole('button', { name: 'Details of Open Dana run' }).click();
  const details = panel.getByTestId('history-run');
  await expect(details.getByTestId('run-steps').getByRole('listitem')).toHaveCount(2);
  await expect(details).toContainText('found by');
  // Keyboard: back to the list without a mouse.
  await details.getByRole('button', { name: 'Back to history' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('history')).toBeVisible();
});

const QUESTIONS = 25;

/** Records answering the demo survey's 25 questions (26 steps with the page load), then reopens the survey. */
async function recordSurvey(
  extension: ExtensionHandle,
  demo: DemoSite,
): Promise<{ page: Page; answered: () => Promise<number> }> {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/survey`);
  const recording = await record(extension, page);
  for (let n = 1; n <= QUESTIONS; n++) await page.getByLabel(`Question ${n}`, { exact: true }).fill(`Answer ${n}`);
  // The field still being typed into when Stop is pressed becomes the last step too.
  await expectStepCount(recording.popup, QUESTIONS);
  expect((await recording.stop('Answer the survey')).steps).toHaveLength(QUESTIONS + 1);
  await recording.popup.close();
  await page.goto(`${demo.url}/survey`);
  const answered = () =>
    page.evaluate(
      (count) =>
        Array.from(
          { length: count },
          (_, n) => document.getElementById(`question-${n + 1}`) as HTMLInputElement | null,
        ).filter((input, n) => input?.value === `Answer ${n + 1}`).length,
      QUESTIONS,
    );
  return { page, answered };
}

/** Takes question 10's row out of every survey page load: a run waits at its step (step 11). */
async function holdQuestion10(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const row = document.getElementById('question-10')?.parentElement?.closest('div') as HTMLElement;
      (window as unknown as { heldRow: [HTMLElement, Node | null] }).heldRow = [row, row.nextSibling];
      row.remove();
    });
  });
}

/** Puts the row holdQuestion10 took out back where it was: the waiting step goes on. */
async function putQuestion10Back(page: Page): Promise<void> {
  await page.evaluate(() => {
    const [row, next] = (window as unknown as { heldRow: [HTMLElement, Node | null] }).heldRow;
    next?.parentNode?.insertBefore(row, next);
  });
}

test('Pause stops a run before its next step, and Resume goes on from there', async ({ extension, demo }) => {
  test.setTimeout(120_000);
  const { page, answered } = await recordSurvey(extension, demo);
  // Question 10's row is held out of the page, so the run waits at its step (step 11) while Pause is
  // clicked: a run this fast would otherwise finish before the click lands.
  await holdQuestion10(page);

  const popup = await runFromPopup(extension, page, 'Answer the survey');
  await expect.poll(answered).toBe(9);
  await popup.getByRole('button', { name: 'Pause run' }).click();
  await expect(popup.getByTestId('run-headline')).toHaveText('Pausing after step 11…');
  await putQuestion10Back(page);
  await expect(popup.getByTestId('run-progress')).toHaveAttribute('data-state', 'paused');
  await expect(popup.getByTestId('run-headline')).toHaveText('Paused by you');
  const status = (await sendFromExtensionPage(popup, { type: 'run:status' })) as {
    value: { run: { currentStep: number; stepCount: number } };
  };
  const { currentStep, stepCount } = status.value.run;
  // The step under way when Pause was clicked finished; none after it ran (the first is the page load).
  expect(currentStep).toBe(11);
  expect(currentStep).toBeLessThan(stepCount);
  expect(await answered()).toBe(currentStep - 1);
  await expect(popup.getByTestId('run-message')).toContainText(`Paused before step ${currentStep + 1} of ${stepCount}`);

  // A side panel opened now whose status poll never runs keeps showing the run paused: its Resume, clicked
  // once the run finished, is refused and says why.
  const stale = await extension.context.newPage();
  await stale.addInitScript(() => {
    window.setInterval = (() => 0) as unknown as typeof window.setInterval;
  });
  await stale.goto(`${extension.origin}/sidepanel.html?tab=run`);
  await expect(stale.getByTestId('run-headline')).toHaveText('Paused by you');

  await popup.getByRole('button', { name: 'Resume run' }).click();
  await expectRunState(popup, 'succeeded');
  expect(await answered()).toBe(QUESTIONS);
  expect(await page.getByLabel('Question 25', { exact: true }).inputValue()).toBe('Answer 25');

  await stale.getByRole('button', { name: 'Resume run' }).click();
  await expect(stale.getByTestId('run-control-error')).toHaveText('This run is not paused.');
  await expect(stale.getByRole('alert')).toBeVisible();
});

test('a service worker killed mid-step resumes the run at that step, which then finishes', async ({
  extension,
  demo,
}) => {
  test.setTimeout(120_000);
  const { page, answered } = await recordSurvey(extension, demo);
  // Question 10's row is taken out of every survey page load (the run starts by loading the page),
  // so the run waits at its step (step 11) until the row is put back.
  await holdQuestion10(page);
  const popup = await runFromPopup(extension, page, 'Answer the survey');
  const runId = await popup.getByTestId('run-progress').getAttribute('data-run-id');
  await expect.poll(answered).toBe(9);
  await expect(popup.getByTestId('run-headline')).toHaveText('Running step 11 of 26');

  // The worker (and every extension page with it) dies while the step waits for its field.
  await extension.restartServiceWorker();
  await putQuestion10Back(page);

  // The restarted worker picks the run up by itself; a fresh side panel shows it finish.
  const panel = await extension.openPage(`sidepanel.html?tab=run&tabId=${await tabIdOf(extension, page)}`);
  const progress = panel.getByTestId('run-progress');
  await expect(progress).toHaveAttribute('data-run-id', runId ?? 'missing');
  await expect(progress).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  expect(await answered()).toBe(QUESTIONS);
  const details = (await sendFromExtensionPage(panel, { type: 'run:get', runId })) as {
    ok: boolean;
    value: { run: { results: { status: string }[] } };
  };
  expect(details.ok).toBe(true);
  expect(details.value.run.results.map((result) => result.status)).toEqual(Array(QUESTIONS + 1).fill('done'));
});

test('locking pauses a run at its step under way, nothing acts while locked, and Resume goes on after unlocking', async ({
  extension,
  demo,
}) => {
  test.setTimeout(120_000);
  const { page, answered } = await recordSurvey(extension, demo);
  // The run waits at step 11 for question 10's row while Understudy locks.
  await holdQuestion10(page);
  const popup = await runFromPopup(extension, page, 'Answer the survey');
  const runId = await popup.getByTestId('run-progress').getAttribute('data-run-id');
  await expect.poll(answered).toBe(9);
  await expect(popup.getByTestId('run-headline')).toHaveText('Running step 11 of 26');

  const options = await extension.openPage('options.html');
  expect(await sendFromExtensionPage(options, { type: 'vault:lock' })).toMatchObject({ ok: true });
  // The field the waiting step wants comes back while Understudy is locked: the step stopped, so
  // nothing fills it (three animation frames are time enough for a waiting step to act).
  await putQuestion10Back(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      ),
  );
  expect(await answered()).toBe(9);

  expect(
    await sendFromExtensionPage(options, { type: 'vault:unlock', passphrase: 'lantern orbit mossy kettle' }),
  ).toMatchObject({ ok: true });
  const panel = await extension.openPage(`sidepanel.html?tab=run&tabId=${await tabIdOf(extension, page)}`);
  const progress = panel.getByTestId('run-progress');
  await expect(progress).toHaveAttribute('data-run-id', runId ?? 'missing');
  await expect(progress).toHaveAttribute('data-state', 'paused');
  await expect(panel.getByTestId('run-headline')).toHaveText('Paused: Understudy was locked');
  // Step 11 was under way (waiting for its field): it runs again on Resume.
  await expect(panel.getByTestId('run-message')).toContainText('locked while step 11 of 26 was under way');
  expect(await answered()).toBe(9);

  await panel.getByRole('button', { name: 'Resume run' }).click();
  await expect(progress).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  expect(await answered()).toBe(QUESTIONS);
});

test('cancelling a run whose step waits for its target stops that step: nothing acts after Cancel', async ({
  extension,
  demo,
}) => {
  test.setTimeout(120_000);
  const { page, answered } = await recordSurvey(extension, demo);
  await holdQuestion10(page);
  const popup = await runFromPopup(extension, page, 'Answer the survey');
  await expect.poll(answered).toBe(9);
  await expect(popup.getByTestId('run-headline')).toHaveText('Running step 11 of 26');
  await popup.getByRole('button', { name: 'Cancel run' }).click();
  await expectRunState(popup, 'cancelled');
  await putQuestion10Back(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      ),
  );
  expect(await answered()).toBe(9);
});
