/**
 * Guardrails beyond the plain approve/deny flow (issue 7): an approval does not cover a form whose
 * action changed after it was given; a page flooding the network with sends gets one question, not
 * a storm of windows; a redirect off the allowed sites stops the run at once and says where it went.
 */
import type { Page } from '@playwright/test';
import { allowOrigin, expect, sendFromExtensionPage, setUpVault, test } from './fixtures';
import {
  approveIn,
  denyIn,
  expectRunState,
  expectStepCount,
  record,
  runFromPopup,
  signIn,
  watchConfirmWindows,
} from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

test('a form action changed after approval is asked about again, and Deny sends nothing', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${demo.url}/login`);
  const recording = await record(extension, page);
  await page.getByLabel('Email').fill('ada@example.test');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${demo.url}/`);
  await expectStepCount(recording.popup, 4);
  await recording.stop('Sign in');
  await recording.popup.close();
  await extension.context.clearCookies();
  await page.goto(`${demo.url}/login`);
  const sentBefore = demo.state().requests.length;

  const windows = watchConfirmWindows(extension);
  const popup = await runFromPopup(extension, page, 'Sign in');
  await expect.poll(() => windows.length).toBe(1);
  const first = windows[0] as Page;
  await expect(first.getByTestId('confirm-target')).toContainText('Sign in');
  // While the person reads the window, the page points the form somewhere else.
  await page.evaluate(() => document.querySelector('form')?.setAttribute('action', '/contacts/new'));
  await approveIn(first);

  // The approval was for the form as it was: the run asks again instead of sending.
  await expect.poll(() => windows.length, { timeout: 20_000 }).toBe(2);
  const second = windows[1] as Page;
  expect(new URL(second.url()).searchParams.get('approval')).not.toBe(
    new URL(first.url()).searchParams.get('approval'),
  );
  await expect(second.getByRole('heading', { level: 1 })).toBeVisible();
  expect(demo.state().requests.length).toBe(sentBefore);
  await denyIn(second);
  await expectRunState(popup, 'cancelled');
  expect(demo.state().requests.length).toBe(sentBefore);
  await expect(page).toHaveURL(`${demo.url}/login`);
});

test('a page that floods 1,000 sends during a step gets one question, and nothing reaches the server', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/onboarding`);
  const recording = await record(extension, page);
  await page.getByLabel('Company name').fill('Initech');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText("You're all set")).toBeVisible();
  await expectStepCount(recording.popup, 3);
  await recording.stop('Onboarding');
  await recording.popup.close();
  demo.reset();

  // From now on the page's own script answers "Continue" with a flood of sends.
  await page.addInitScript(() => {
    document.addEventListener(
      'submit',
      () => {
        for (let n = 0; n < 1000; n++) {
          void fetch(`/api/onboarding/profile?n=${n}`, { method: 'POST', body: '{}' }).catch(() => undefined);
        }
      },
      true,
    );
  });
  await page.goto(`${demo.url}/`);
  const windows = watchConfirmWindows(extension);
  const popup = await runFromPopup(extension, page, 'Onboarding');
  await expect.poll(() => windows.length, { timeout: 30_000 }).toBe(1);
  const confirm = windows[0] as Page;
  await expect(confirm.getByRole('listitem').first()).toContainText('The page tried to send data (POST');
  await denyIn(confirm);
  await expectRunState(popup, 'cancelled');
  expect(windows).toHaveLength(1);
  expect(demo.state().requests.filter((request) => request.path === '/api/onboarding/profile')).toEqual([]);
  expect(demo.state().submissions.onboarding).toEqual([]);
});

test('a redirect off the allowed sites stops the run before acting there, and says where it went', async ({
  extension,
  demo,
}) => {
  const options = await extension.openPage('options.html');
  const away = `${demo.crossOriginUrl}/widget`;
  const saved = (await sendFromExtensionPage(options, {
    type: 'task:save',
    task: {
      version: 1,
      title: 'Follow the partner link',
      origins: [demo.url],
      variables: [],
      steps: [{ id: 's1', kind: 'navigate', url: `${demo.url}/go?to=${encodeURIComponent(away)}` }],
    },
  })) as { ok: boolean };
  expect(saved.ok).toBe(true);
  await options.close();

  const page = await extension.context.newPage();
  await page.goto(`${demo.url}/login`);
  const popup = await runFromPopup(extension, page, 'Follow the partner link');
  await expectRunState(popup, 'failed');
  const message = popup.getByTestId('run-message');
  await expect(message).toContainText(`the page went to ${demo.crossOriginUrl} (redirected from /go)`);
  await expect(message).toContainText('which Understudy may not act on, so it stopped before acting there');
  await expect(page).toHaveURL(away);
});

test('a WebSocket a harmless-looking step opens is held: Deny sends nothing, Approve lets it through', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/help`);
  const recording = await record(extension, page);
  await page.getByLabel('Your question').fill('Where is my invoice?');
  await page.getByRole('button', { name: 'Open live help' }).click();
  await expect(page.getByText('Connected: an agent will answer here.')).toBeVisible();
  await expectStepCount(recording.popup, 3);
  await recording.stop('Ask live help');
  await recording.popup.close();
  demo.reset();

  const windows = watchConfirmWindows(extension);
  for (const decision of ['Deny', 'Approve'] as const) {
    await page.goto(`${demo.url}/help`);
    const popup = await runFromPopup(extension, page, 'Ask live help');
    await expect.poll(() => windows.length, { timeout: 30_000 }).toBe(decision === 'Deny' ? 1 : 2);
    const confirm = windows.at(-1) as Page;
    await expect(confirm.getByRole('listitem').first()).toContainText(
      `The page tried to open a live connection (WebSocket to ${demo.url.replace('http', 'ws')}/support/chat)`,
    );
    // Nothing connected while the person decides.
    expect(demo.state().liveHelp.connections).toBe(0);
    if (decision === 'Deny') {
      await denyIn(confirm);
      await expectRunState(popup, 'cancelled');
      expect(demo.state().liveHelp).toEqual({ connections: 0, messages: [] });
    } else {
      await approveIn(confirm);
      await expectRunState(popup, 'succeeded');
      await expect.poll(() => demo.state().liveHelp).toEqual({ connections: 1, messages: ['Where is my invoice?'] });
    }
    await popup.close();
  }
});

test('a replayed delete asks "Delete something?" and deletes only after Approve', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts`);
  const recording = await record(extension, page);
  await page.getByRole('button', { name: 'Delete Dana Scully' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('link', { name: 'Edit Dana Scully' })).toHaveCount(0);
  await expectStepCount(recording.popup, 3);
  await recording.stop('Delete Dana');
  await recording.popup.close();
  demo.reset();
  const dana = () => demo.state().contacts.some((contact) => contact.firstName === 'Dana');
  expect(dana()).toBe(true);

  await page.goto(`${demo.url}/contacts`);
  const windows = watchConfirmWindows(extension);
  const popup = await runFromPopup(extension, page, 'Delete Dana');
  // Both the row's Delete and the dialog's Delete ask; nothing is deleted until the last Approve.
  for (let index = 0; index < 2; index++) {
    await expect.poll(() => windows.length, { timeout: 30_000 }).toBe(index + 1);
    const confirm = windows[index] as Page;
    await expect(confirm.getByRole('heading', { level: 1 })).toHaveText('Delete something?');
    await expect(confirm.getByTestId('confirm-target')).toContainText('Delete');
    expect(dana()).toBe(true);
    await approveIn(confirm);
  }
  await expectRunState(popup, 'succeeded');
  expect(dana()).toBe(false);
  expect(demo.state().requests.filter((request) => request.path.endsWith('/delete'))).toHaveLength(1);
});
