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
import {
  approveIn,
  denyIn,
  expectRunState,
  expectStepCount,
  nextConfirmWindow,
  record,
  runFromPopup,
  signIn,
} from './helpers';

const PASSWORD = 'correct horse battery staple';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

/** Records signing in (the task starts on /login), then signs out so a replay has work to do. */
async function recordSignIn(extension: ExtensionHandle, demo: DemoSite): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`${demo.url}/login`);
  const recording = await record(extension, page);
  await page.getByLabel('Email').fill('ada@example.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${demo.url}/`);
  await expectStepCount(recording.popup, 4);
  await recording.stop('Sign in');
  await recording.popup.close();
  await extension.context.clearCookies();
  await page.goto(`${demo.url}/login`);
  return page;
}

test('a replayed sign-in pauses for approval, then signs in; it also works on the rebuilt site', async ({
  extension,
  demo,
}) => {
  const page = await recordSignIn(extension, demo);
  for (const variant of ['normal', 'changed'] as const) {
    demo.setVariant(variant);
    await extension.context.clearCookies();
    await page.goto(`${demo.url}/login?from=test`);
    const posted = demo.state().requests.filter((request) => request.path === '/login').length;
    const popup = await runFromPopup(extension, page, 'Sign in');

    const confirm = await nextConfirmWindow(extension);
    await expect(confirm.getByRole('heading', { level: 1 })).toHaveText('Submit data?');
    await expect(confirm.getByTestId('confirm-summary')).toContainText(demo.url);
    await expect(confirm.getByTestId('confirm-target')).toContainText('Sign in');
    await expect(confirm.getByTestId('confirm-data')).toContainText('ada@example.test');
    expect(await confirm.content()).not.toContain(PASSWORD);
    // Nothing was sent while waiting.
    expect(demo.state().requests.filter((request) => request.path === '/login').length).toBe(posted);
    await expect(popup.getByTestId('run-progress')).toHaveAttribute('data-state', 'paused');

    await approveIn(confirm);
    await expectRunState(popup, 'succeeded');
    await expect(page).toHaveURL(`${demo.url}/`);
    expect(demo.state().requests.filter((request) => request.path === '/login').length).toBe(posted + 1);
    await popup.close();
  }
});

test('Deny or closing the confirmation window stops the run and sends nothing', async ({ extension, demo }) => {
  const page = await recordSignIn(extension, demo);
  const before = demo.state().requests.length;

  let popup = await runFromPopup(extension, page, 'Sign in');
  let confirm = await nextConfirmWindow(extension);
  await denyIn(confirm);
  await expectRunState(popup, 'cancelled');
  await expect(popup.getByTestId('run-message')).toContainText('Nothing was sent');
  await popup.close();

  popup = await runFromPopup(extension, page, 'Sign in');
  confirm = await nextConfirmWindow(extension);
  await expect(confirm.getByRole('button', { name: 'Approve' })).toBeVisible();
  await confirm.close();
  await expectRunState(popup, 'cancelled');

  expect(demo.state().requests.length).toBe(before);
  await expect(page).toHaveURL(`${demo.url}/login`);
});

test('an approval cannot come from a content script, another extension page or before the delay', async ({
  extension,
  demo,
}) => {
  const page = await recordSignIn(extension, demo);
  const signIns = () => demo.state().requests.filter((request) => request.path === '/login').length;
  const recorded = signIns();
  const popup = await runFromPopup(extension, page, 'Sign in');
  const confirm = await nextConfirmWindow(extension);
  const id = new URL(confirm.url()).searchParams.get('approval') ?? '';

  // From the popup (an extension page, but not the confirmation window): refused.
  expect(await sendFromExtensionPage(popup, { type: 'approval:decide', id, approve: true })).toMatchObject({
    ok: false,
    error: { code: 'forbidden-sender' },
  });
  // From the page's content-script world: refused by the router.
  const worker = await extension.serviceWorker();
  const tabId = await tabIdOf(extension, page);
  const fromPage = await worker.evaluate(
    async ({ tabId, id }) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId },
        args: [id],
        func: (approval: string) =>
          chrome.runtime.sendMessage({ type: 'approval:decide', id: approval, approve: true }),
      });
      return result?.result;
    },
    { tabId, id },
  );
  expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  // A script in the confirmation window itself clicking Approve is not a real click.
  await confirm.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((element) => element.textContent === 'Approve');
    button?.removeAttribute('disabled');
    button?.click();
  });
  await expect(popup.getByTestId('run-progress')).toHaveAttribute('data-state', 'paused');
  expect(signIns()).toBe(recorded);

  // The scripted click left the button enabled; a real click before the delay is refused ("Not
  // yet") and only one after it counts, so click until the run goes on.
  await expect(async () => {
    if (!confirm.isClosed()) {
      await confirm
        .getByRole('button', { name: 'Approve' })
        .click({ timeout: 1000 })
        .catch((error: unknown) => {
          if (!confirm.isClosed()) throw error; // closed: the approval landed
        });
    }
    await expect(popup.getByTestId('run-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  expect(signIns()).toBe(recorded + 1);
});

test('a run waiting for approval survives a service-worker restart and still needs approval', async ({
  extension,
  demo,
}) => {
  const page = await recordSignIn(extension, demo);
  const signIns = () => demo.state().requests.filter((request) => request.path === '/login').length;
  const recorded = signIns();
  let popup = await runFromPopup(extension, page, 'Sign in');
  const first = await nextConfirmWindow(extension);
  await expect(first.getByRole('button', { name: 'Approve' })).toBeVisible();

  await extension.restartServiceWorker();
  // The old window's approval died with the worker; the resumed run asks again in a new window. It
  // may open while the restart is still being confirmed, so look at the open pages, not for an event.
  const newWindow = () =>
    extension.context.pages().find((candidate) => candidate !== first && candidate.url().includes('/confirm.html'));
  await expect.poll(newWindow, { timeout: 30_000 }).toBeTruthy();
  const second = newWindow() as Page;
  await second.waitForLoadState();
  expect(signIns()).toBe(recorded);
  await approveIn(second);
  popup = await extension.openPage(`popup.html?tabId=${await tabIdOf(extension, page)}`);
  await expectRunState(popup, 'succeeded');
  expect(signIns()).toBe(recorded + 1);
  await expect(page).toHaveURL(`${demo.url}/`);
});

test('a signed-in replay of creating a contact fills every field type', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts/new`);
  const recording = await record(extension, page);
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  await page.getByLabel('Email address').fill('grace@example.test');
  await page.getByLabel('Company').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('radio', { name: 'Phone' }).check();
  await page.getByLabel('Subscribe to newsletter').check();
  await page.getByLabel('Notes').fill('Invented the first compiler.');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.waitForURL(/\/contacts(\?|$)/);
  await expectStepCount(recording.popup, 9);
  await recording.stop('Add a contact');
  await recording.popup.close();
  const recorded = demo.state().contacts.find((contact) => contact.lastName === 'Hopper');
  demo.reset();
  expect(demo.state().contacts.some((contact) => contact.lastName === 'Hopper')).toBe(false);

  const popup = await runFromPopup(extension, page, 'Add a contact');
  const confirm = await nextConfirmWindow(extension);
  await expect(confirm.getByTestId('confirm-data')).toContainText('Hopper');
  await approveIn(confirm);
  await expectRunState(popup, 'succeeded');
  const replayed = demo.state().contacts.find((contact) => contact.lastName === 'Hopper');
  expect({ ...replayed, id: 0 }).toEqual({ ...recorded, id: 0 });
});
