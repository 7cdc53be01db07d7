/**
 * The first-use journey of issue 8, as a new user walks it with the built extension: the popup's
 * onboarding → create the vault → allow the demo site → record a task → review and edit it in the
 * side panel → run it with a variable value → approve the submit in the confirmation window → the
 * result in the popup, History and the Audit log → lock → unlock. axe-core checks every page and
 * state reached (no serious or critical violation, light and dark), and the popup's task search and
 * pending-approval banner are checked on the way.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, sendFromExtensionPage, tabIdOf, test } from './fixtures';
import { approveIn, expectRunState, expectStepCount, nextConfirmWindow, signIn } from './helpers';

const PASSPHRASE = 'lantern orbit mossy kettle';
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
/** The whole journey in one browser profile; each step waits on a condition, this is a backstop. */
const JOURNEY_TIMEOUT_MS = 300_000;

async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        elements: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
      }));
    expect.soft(blocking, `serious or critical axe violations: ${state}, ${colorScheme} scheme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test('a new user goes from onboarding to an approved run, sees it in History and the Audit log, locks and unlocks', async ({
  extension,
  demo,
}) => {
  test.setTimeout(JOURNEY_TIMEOUT_MS);
  const page = await extension.context.newPage();
  await signIn(page, demo); // the demo site's own sign-in, before Understudy knows the site
  await page.goto(`${demo.url}/contacts/new`);
  const tabId = await tabIdOf(extension, page);
  const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
  const tasks = popup.getByTestId('task-list').getByRole('listitem');
  const taskRow = (title: string) => tasks.filter({ hasText: title });

  await test.step('onboarding, then create the vault', async () => {
    const onboarding = popup.getByTestId('onboarding');
    await expect(onboarding.getByRole('heading', { name: 'Welcome to Understudy' })).toBeVisible();
    await expect(onboarding).toContainText('encrypted on this computer and never sent anywhere');
    await expect(onboarding).toContainText('only on sites you allow');
    await expect(onboarding).toContainText('before it submits a form, deletes something or sends a message');
    await expect(onboarding.getByTestId('onboarding-steps').getByRole('listitem')).toHaveCount(3);
    await expect(popup.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await expectAccessible(popup, 'popup, first run');

    await popup.getByLabel('Passphrase').fill(PASSPHRASE);
    await popup.getByLabel('Type it again').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Create vault' }).click();
    await expect(popup.getByTestId('onboarding')).toHaveCount(0);
    const next = popup.getByTestId('getting-started');
    await expect(next).toContainText('Allow this site');
    await expect(popup.getByTestId('site-not-allowed')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Record a task' })).toBeDisabled();
    await expect(tasks).toHaveCount(1);
    await expect(tasks.first()).toContainText('No tasks yet');
    await expectAccessible(popup, 'popup, vault created, site not allowed');
  });

  await test.step('allow the demo site and reload the page', async () => {
    await popup.getByRole('button', { name: 'Allow this site' }).click();
    await expect(popup.getByTestId('site-allowed')).toContainText('Reload the page');
    await expect(popup.getByTestId('getting-started').getByRole('listitem').first()).toContainText('Done.');
    await popup.getByRole('button', { name: 'Reload the page' }).click();
    await expect(popup.getByTestId('site-allowed')).toContainText('ready on this page');
    await expect(popup.getByRole('button', { name: 'Record a task' })).toBeEnabled();
    await expectAccessible(popup, 'popup, site allowed');
  });

  await test.step('record adding a contact; the task list shows it at once', async () => {
    await popup.getByRole('button', { name: 'Record a task' }).click();
    await expectStepCount(popup, 1);
    await expect(page.locator('understudy-indicator')).toBeAttached();
    await expectAccessible(popup, 'popup, recording');
    await page.bringToFront();
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Email address').fill('grace@example.test');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.waitForURL(/\/contacts(\?|$)/);
    await expectStepCount(popup, 5);
    await popup.getByLabel('Task name').fill('Add a contact');
    await popup.getByRole('button', { name: 'Stop and save' }).click();
    await expect(popup.getByTestId('recording-saved')).toContainText('Saved “Add a contact” with 5 steps');
    // Refreshed after saving, without reopening the popup; first-run guidance is done.
    await expect(tasks).toHaveCount(1);
    await expect(taskRow('Add a contact')).toContainText('5 steps');
    await expect(taskRow('Add a contact').getByTestId('last-run')).toHaveCount(0);
    await expect(popup.getByTestId('getting-started')).toHaveCount(0);
    expect(demo.state().contacts.filter((contact) => contact.lastName === 'Hopper')).toHaveLength(1);
  });

  await test.step('record a second task, then search the list', async () => {
    await popup.getByRole('button', { name: 'Record a task' }).click();
    await expectStepCount(popup, 1);
    await page.bringToFront();
    await page.getByRole('link', { name: 'Edit Dana Scully' }).click();
    await page.waitForURL(/\/contacts\/\d+\/edit$/);
    await expectStepCount(popup, 2);
    await popup.getByLabel('Task name').fill('Open Dana');
    await popup.getByRole('button', { name: 'Stop and save' }).click();
    await expect(tasks).toHaveCount(2);

    const search = popup.getByLabel('Search tasks');
    await search.fill('dANA');
    await expect(tasks).toHaveCount(1);
    await expect(tasks.first()).toContainText('Open Dana');
    await search.fill('contact');
    await expect(tasks).toHaveCount(1);
    await expect(tasks.first()).toContainText('Add a contact');
    await search.fill('invoices');
    await expect(tasks).toHaveCount(0);
    await expect(popup.getByTestId('task-search-status')).toHaveText('No task matches “invoices”.');
    await expectAccessible(popup, 'popup, search without a match');
    await search.fill('');
    await expect(tasks).toHaveCount(2);
    await expect(popup.getByTestId('task-search-status')).toHaveText('');
  });

  await test.step('review the task in the side panel: rename it, change a variable default', async () => {
    const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${tabId}`);
    await panel.getByRole('button', { name: 'Review Add a contact', exact: true }).click();
    await expect(panel.getByRole('heading', { name: 'Review task' })).toBeVisible();
    await expect(panel.getByTestId('step-list').getByRole('listitem')).toHaveCount(5);
    await expectAccessible(panel, 'side panel, task editor');
    await panel.getByLabel('Name', { exact: true }).fill('Add a new contact');
    await panel.getByLabel('{{lastName}}').fill('Johnson');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const saved = (await sendFromExtensionPage(panel, { type: 'task:list' })) as {
      value: { tasks: { title: string }[] };
    };
    expect(saved.value.tasks.map((task) => task.title).sort()).toEqual(['Add a new contact', 'Open Dana']);
    await panel.close();
  });

  const confirm = await test.step('run it with a variable value; the popup shows the waiting approval', async () => {
    // The person reopens the popup (on the page where the task starts) and sees the new name.
    await popup.reload();
    await expect(taskRow('Add a new contact')).toBeVisible();
    await popup.getByRole('button', { name: 'Run Add a new contact', exact: true }).click();
    const values = popup.getByRole('form', { name: 'Values for Add a new contact' });
    await expect(values.getByLabel('lastName')).toHaveValue('Johnson'); // the edited default
    await values.getByLabel('firstName').fill('Katherine');
    await expectAccessible(popup, 'popup, values for a run');
    await values.getByRole('button', { name: 'Start run' }).click();

    const window = await nextConfirmWindow(extension);
    await expect(window.getByRole('heading', { level: 1 })).toHaveText('Submit data?');
    await expect(window.getByTestId('confirm-data')).toContainText('Katherine');
    await expect(window.getByTestId('confirm-data')).toContainText('Johnson');

    const banner = popup.getByTestId('pending-banner');
    await expect(banner.getByRole('heading')).toHaveText('1 action waiting for your OK');
    await expect(banner).toContainText('“Add a new contact” wants to submit a form on');
    await expect(taskRow('Add a new contact').getByTestId('last-run')).toHaveText('Running now, waiting for you');
    await expectAccessible(popup, 'popup, approval waiting');
    // The person minimized the confirmation window; the banner brings that same window back (a
    // focused window is restored) and opens no second one.
    const worker = await extension.serviceWorker();
    const confirmWindow = await window.evaluate(async () => (await chrome.windows.getCurrent()).id as number);
    const windowState = () => worker.evaluate(async (id) => (await chrome.windows.get(id)).state, confirmWindow);
    await worker.evaluate((id) => chrome.windows.update(id, { state: 'minimized' }), confirmWindow);
    await expect.poll(windowState).toBe('minimized');
    await banner.getByRole('button', { name: 'Open the confirmation window' }).click();
    await expect.poll(windowState).not.toBe('minimized');
    await expect(banner.getByRole('alert')).toBeHidden();
    expect(extension.context.pages().filter((candidate) => candidate.url().includes('/confirm.html'))).toHaveLength(1);
    await expectAccessible(window, 'confirmation window');
    return window;
  });

  await test.step('approve the submit; the run succeeds and the popup says so', async () => {
    expect(demo.state().contacts.some((contact) => contact.firstName === 'Katherine')).toBe(false);
    await approveIn(confirm);
    await expectRunState(popup, 'succeeded');
    await expect(popup.getByTestId('pending-banner')).toHaveCount(0);
    const added = demo.state().contacts.filter((contact) => contact.firstName === 'Katherine');
    expect(added).toMatchObject([{ lastName: 'Johnson', email: 'grace@example.test' }]);
    // Refreshed when the run ended.
    const lastRun = taskRow('Add a new contact').getByTestId('last-run');
    await expect(lastRun).toHaveText('Last run succeeded just now');
    await expect(lastRun).toHaveAttribute('data-state', 'succeeded');
    await expect(taskRow('Open Dana').getByTestId('last-run')).toHaveCount(0);
    await expectAccessible(popup, 'popup, run finished');
  });

  await test.step('the run in History and the Audit log', async () => {
    const panel = await extension.openPage(`sidepanel.html?tab=history&tabId=${tabId}`);
    const history = panel.getByTestId('history').getByRole('listitem');
    await expect(history).toHaveCount(1);
    await expect(history.first()).toHaveAttribute('data-state', 'succeeded');
    await expect(history.first()).toContainText('Add a new contact · succeeded · 5/5 steps');
    await expectAccessible(panel, 'side panel, history');

    await panel.getByRole('tab', { name: 'Audit' }).click();
    await expect(panel.getByTestId('audit-verification')).toHaveAttribute('data-ok', 'true');
    const audit = panel.getByTestId('audit-entries');
    await expect(audit).toContainText(`Allowed ${demo.url}`);
    await expect(audit).toContainText('Saved “Add a contact” (5 steps)');
    await expect(audit).toContainText(`Approved submit on ${demo.url}`);
    await expect(audit).toContainText('Run of “Add a new contact” succeeded');
    await expectAccessible(panel, 'side panel, audit');
    await panel.close();
  });

  await test.step('lock, then unlock: the tasks and their last run are back', async () => {
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Lock now' }).click();
    await expect(popup.getByRole('heading', { name: 'Unlock Understudy' })).toBeVisible();
    await expect(popup.getByTestId('task-list')).toHaveCount(0);
    await expectAccessible(popup, 'popup, locked');
    await popup.getByLabel('Passphrase').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect(tasks).toHaveCount(2);
    await expect(taskRow('Add a new contact').getByTestId('last-run')).toHaveText(/^Last run succeeded /);
    await expect(popup.getByTestId('site-allowed')).toContainText('ready on this page');
    await expectAccessible(popup, 'popup, unlocked again');
  });
});
