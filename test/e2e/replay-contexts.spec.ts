/**
 * Replays of tasks recorded across the places pages hide things: an open shadow root, a
 * same-origin and an allowed cross-origin iframe, SPA route changes, page loads and a tab the page
 * opens; and the contact add / change / delete round. Each is replayed on the site as recorded and on
 * its rebuilt ("changed") variant, and the server state says whether the right things happened.
 */
import type { Page } from '@playwright/test';
import type { DemoSite } from '../demo-site/server.mjs';
import { allowOrigin, type ExtensionHandle, expect, sendFromExtensionPage, setUpVault, test } from './fixtures';
import { approveIn, expectRecordingFrames, expectStepCount, record, runFromPopup, signIn, summary } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

/**
 * Starts the task from the popup, approves every confirmation window it opens (each once) and
 * confirms the single outlined candidate whenever it asks whether a renamed control is the one,
 * until the run ends; returns how it ended and how often it asked.
 */
async function runApprovingEach(
  extension: ExtensionHandle,
  page: Page,
  title: string,
): Promise<{ state: string; message: string | undefined; approvals: number; picks: string[] }> {
  const windows: Page[] = [];
  const onPage = (opened: Page) => {
    if (opened.url().includes('/confirm.html?approval=')) windows.push(opened);
  };
  extension.context.on('page', onPage);
  const popup = await runFromPopup(extension, page, title);
  let approved = 0;
  const picks: string[] = [];
  let run: { state: string; message?: string; runId?: string; choice?: { candidates: string[] } } = {
    state: 'running',
  };
  await expect
    .poll(
      async () => {
        const next = windows[approved];
        if (next) {
          await approveIn(next);
          approved += 1;
        }
        const reply = (await sendFromExtensionPage(popup, { type: 'run:status' })) as { value: { run: typeof run } };
        run = reply.value.run;
        const candidates = run.choice?.candidates ?? [];
        if (run.state === 'paused' && candidates.length === 1) {
          picks.push(candidates[0] as string);
          await popup.getByRole('button', { name: /^Pick 1:/ }).click();
        }
        return run.state;
      },
      { timeout: 90_000, intervals: [200] },
    )
    .toMatch(/succeeded|failed|cancelled/);
  extension.context.off('page', onPage);
  await popup.close();
  return { state: run.state, message: run.message, approvals: approved, picks };
}

async function forEachVariant(demo: DemoSite, body: (variant: string) => Promise<void>): Promise<void> {
  for (const variant of ['normal', 'changed'] as const) {
    await test.step(`on the ${variant} site`, async () => {
      demo.setVariant(variant);
      demo.reset();
      await body(variant);
    });
  }
}

test('replays a note in a shadow root and settings in a same-origin and a cross-origin iframe', async ({
  extension,
  demo,
}) => {
  test.setTimeout(180_000);
  await allowOrigin(extension, demo.crossOriginUrl);
  const page = await extension.context.newPage();
  await signIn(page, demo);
  const recording = await record(extension, page);
  await page.getByLabel('Quick note').fill('Call the printer vendor');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.waitForURL(`${demo.url}/settings`);
  await expectRecordingFrames(extension, recording.popup, page, 3);
  const sameOrigin = page.frameLocator('iframe[title="Notification preferences"]');
  await sameOrigin.getByLabel('Email me when a contact is added').click();
  await sameOrigin.getByRole('button', { name: 'Save notifications' }).click();
  await expectStepCount(recording.popup, 6);
  const crossOrigin = page.frameLocator('iframe[title="Chat integration"]');
  await crossOrigin.getByLabel('Channel name').fill('sales');
  await crossOrigin.getByRole('button', { name: 'Connect channel' }).click();
  await expect(crossOrigin.getByText('Connected to #sales.')).toBeVisible();
  await expectStepCount(recording.popup, 8);
  await recording.stop('Notes and settings');
  await recording.popup.close();

  await forEachVariant(demo, async (variant) => {
    await page.goto(`${demo.url}/contacts`);
    const before = demo.state();
    expect(before.quickNotes.some((note) => note.text === 'Call the printer vendor')).toBe(false);
    const run = await runApprovingEach(extension, page, 'Notes and settings');
    expect(run, run.message).toMatchObject({ state: 'succeeded' });
    // Adding a note (a script's fetch, caught by the network backstop), saving notifications and
    // connecting a channel each send something: each asked.
    expect(run.approvals).toBe(3);
    // The rebuild renamed "Save notifications" to "Save preferences", the only button left in its
    // frame, so the run asked ("Connect channel" → "Connect" still matches by name).
    expect(run.picks).toEqual(variant === 'changed' ? ["button 'Save preferences'"] : []);
    const after = demo.state();
    expect(after.quickNotes.filter((note) => note.text === 'Call the printer vendor')).toHaveLength(1);
    expect(after.settings.notifications.contactAdded).toBe(!before.settings.notifications.contactAdded);
    expect(after.widget.connectedChannels).toEqual(['sales']);
  });
});

test('replays SPA route changes, a typed address and a search in the tab the page opens', async ({
  extension,
  demo,
}) => {
  test.setTimeout(180_000);
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/app/inbox`);
  const recording = await record(extension, page);
  await page.locator('a[href^="/app/tasks/"]').first().click();
  await page.waitForURL(/\/app\/tasks\//);
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('Task marked as done.')).toBeVisible();
  await page.goto(`${demo.url}/`);
  await expectStepCount(recording.popup, 4);
  await recording.closePopup();
  const opened = extension.context.waitForEvent('page');
  await page.getByRole('link', { name: 'Open help center' }).click();
  const help = await opened;
  await recording.reopenPopup();
  await help.waitForURL(`${demo.url}/help`);
  await expect(help.locator('understudy-indicator')).toBeAttached();
  await help.getByLabel('Search help articles').fill('export');
  await help.getByRole('button', { name: 'Search' }).click();
  await expectStepCount(recording.popup, 7);
  await recording.stop('SPA and help');
  await recording.popup.close();
  await help.close();

  // "Mark as done" sends with fetch from a plain button, which no DOM reading shows. The backstop
  // blocks it (nothing sent), the run asks, and since this page leaves the button disabled after a
  // failed request, the run stops and says so; the step now asks first, so the next run succeeds.
  demo.reset(); // the recording itself marked the task done
  const doneCount = () => demo.state().tasks.filter((task) => task.status === 'done').length;
  const seededDone = doneCount();
  await page.goto(`${demo.url}/contacts`);
  const blocked = await runApprovingEach(extension, page, 'SPA and help');
  expect(blocked, blocked.message).toMatchObject({ state: 'failed', approvals: 1 });
  expect(blocked.message).toContain('Understudy blocked it (nothing was sent)');
  expect(doneCount()).toBe(seededDone);
  expect(demo.state().requests.filter((request) => request.path.endsWith('/done'))).toHaveLength(0);
  for (const opened of extension.context.pages()) if (opened.url().includes('/help')) await opened.close();

  await forEachVariant(demo, async () => {
    await page.goto(`${demo.url}/contacts`);
    const firstTask = demo.state().tasks[0];
    expect(firstTask?.status).toBe('open');
    const helpTab = extension.context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/help') });
    const run = await runApprovingEach(extension, page, 'SPA and help');
    expect(run, run.message).toMatchObject({ state: 'succeeded', approvals: 1 });
    // "Mark as done" → "Mark done" on the rebuilt site still matches by name: nothing to pick.
    expect(run.picks).toEqual([]);
    expect(demo.state().tasks[0]?.status).toBe('done');
    expect(doneCount()).toBe(seededDone + 1);
    const replayedHelp = await helpTab;
    await expect(replayedHelp).toHaveURL(/\/help\?q=export/);
    await replayedHelp.close();
  });
});

test('a send the page puts off past the last step is blocked, reported, and approved on the next run', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/reports`);
  const recording = await record(extension, page);
  await page.getByRole('button', { name: 'Generate report' }).click();
  await page.getByRole('button', { name: 'Archive report' }).click();
  await expect(page.getByText('Report archived.')).toBeVisible();
  // The address it started on, then the two clicks.
  await expectStepCount(recording.popup, 3);
  await recording.stop('Archive a report');
  await recording.popup.close();
  demo.reset(); // the recording itself archived one
  const archiveRequests = () => demo.state().requests.filter((request) => request.path === '/api/reports/archive');

  // "Archive report" reads as harmless and sends 150 ms after the click, after the step's own watch:
  // the guard still blocks it, and the run waits for the tab to be quiet before it ends and lifts it.
  await page.goto(`${demo.url}/reports`);
  const first = await runApprovingEach(extension, page, 'Archive a report');
  expect(first, first.message).toMatchObject({ state: 'failed', approvals: 0 });
  expect(first.message).toContain(
    "After step 3 (Click button 'Archive report'), the page tried to send data later than Understudy watched for (POST /api/reports/archive). It was blocked: nothing was sent.",
  );
  expect(first.message).toContain('Step 3 now asks first');
  await expect(page.getByText('Could not archive the report.')).toBeVisible();
  expect(archiveRequests()).toHaveLength(0);
  expect(demo.state().reports.archived).toEqual([]);

  // Approved, the step's sends are let through until the tab is quiet, the delayed one included.
  await page.goto(`${demo.url}/reports`);
  const second = await runApprovingEach(extension, page, 'Archive a report');
  expect(second, second.message).toMatchObject({ state: 'succeeded', approvals: 1 });
  await expect(page.getByText('Report archived.')).toBeVisible();
  expect(archiveRequests()).toHaveLength(1);
  expect(demo.state().reports.archived).toHaveLength(1);
});

test('a send a page makes after the next paint is still asked about at its own step', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/dashboard/pins`);
  const recording = await record(extension, page);
  await page.getByRole('button', { name: 'Pin Revenue' }).click();
  await page.getByRole('button', { name: 'Pin New contacts' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expectStepCount(recording.popup, 3);
  await recording.stop('Pin widgets');
  await recording.popup.close();
  demo.reset();
  await page.goto(`${demo.url}/dashboard/pins`);
  // The request sensor is in the page's own world of an allowed site (registered at document_start).
  expect(await page.evaluate(() => Symbol.for('understudy.requestSensor') in window)).toBe(true);

  // Each click only flips its button; the POST leaves a frame and a task later (as UI libraries'
  // effects do). The page's request sensor tells the run to watch the network after each click, so
  // the blocked POST is asked about at its own step (not reported after it, which stops the run).
  const run = await runApprovingEach(extension, page, 'Pin widgets');
  expect(run, run.message).toMatchObject({ state: 'succeeded', approvals: 2, picks: [] });
  expect(demo.state().pinnedWidgets).toEqual(['Revenue', 'New contacts']);
  // The blocked attempts never reached the server: one POST per approved pin.
  expect(demo.state().requests.filter((request) => request.path === '/api/widgets/pins')).toHaveLength(2);
});

test('the "Continue" button that secretly posts is held by the backstop until approved', async ({
  extension,
  demo,
}) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/onboarding`);
  const recording = await record(extension, page);
  await page.getByLabel('Company name').fill('Initech');
  await page.getByLabel('Website').fill('https://initech.example');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText("You're all set")).toBeVisible();
  await expectStepCount(recording.popup, 4);
  await recording.stop('Onboarding');
  await recording.popup.close();
  demo.reset();
  await page.goto(`${demo.url}/`);

  const run = await runApprovingEach(extension, page, 'Onboarding');
  // Nothing in the DOM says "Continue" sends data; the blocked request made the run ask, once.
  expect(run, run.message).toMatchObject({ state: 'succeeded', approvals: 1, picks: [] });
  expect(demo.state().submissions.onboarding).toEqual([
    expect.objectContaining({ companyName: 'Initech', website: 'https://initech.example' }),
  ]);
  // The attempt that was blocked never reached the server: exactly one POST arrived.
  expect(demo.state().requests.filter((request) => request.path === '/api/onboarding/profile')).toHaveLength(1);
});

test('replays adding, changing and deleting a contact, on the site as recorded and rebuilt', async ({
  extension,
  demo,
}) => {
  test.setTimeout(240_000);
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts/new`);
  const recording = await record(extension, page);
  await page.getByLabel('First name').fill('Katherine');
  await page.getByLabel('Last name').fill('Johnson');
  await page.getByLabel('Email address').fill('katherine@example.test');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.waitForURL(/\/contacts(\?|$)/);
  await page.getByRole('link', { name: 'Edit Dana Scully' }).click();
  await page.getByLabel('Email address').fill('dana@fbi.example');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.waitForURL(/\/contacts(\?|$)/);
  await page.getByRole('button', { name: 'Delete Fox Mulder' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('link', { name: 'Edit Fox Mulder' })).toHaveCount(0);
  await expectStepCount(recording.popup, 10);
  expect(summary((await recording.stop('Contact upkeep')).steps)).toEqual([
    'navigate',
    'fill:First name',
    'fill:Last name',
    'fill:Email address',
    'click:Save contact',
    'click:Edit Dana Scully',
    'fill:Email address',
    'click:Save contact',
    'click:Delete Fox Mulder',
    'click:Delete',
  ]);
  await recording.popup.close();

  await forEachVariant(demo, async (variant) => {
    await page.goto(`${demo.url}/contacts/new`);
    const named = (first: string) => demo.state().contacts.filter((contact) => contact.firstName === first);
    expect(named('Katherine')).toHaveLength(0);
    expect(named('Fox')).toHaveLength(1);
    const run = await runApprovingEach(extension, page, 'Contact upkeep');
    expect(run, run.message).toMatchObject({ state: 'succeeded' });
    // Two saves, the row's Delete and the dialog's Delete each asked.
    expect(run.approvals).toBe(4);
    expect(run.picks, variant).toEqual([]);
    expect(named('Katherine')).toMatchObject([{ lastName: 'Johnson', email: 'katherine@example.test' }]);
    expect(named('Dana')).toMatchObject([{ email: 'dana@fbi.example' }]);
    expect(named('Fox')).toHaveLength(0);
  });
});
