/** Runs started from the side panel, and the run history it keeps. */
import { allowOrigin, expect, setUpVault, tabIdOf, test } from './fixtures';
import { recordOpenDana } from './helpers';

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
