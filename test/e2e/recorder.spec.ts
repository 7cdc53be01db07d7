import type { Page } from '@playwright/test';
import type { Step } from '../../lib/task/schema';
import { allowOrigin, expect, setUpVault, tabIdOf, test } from './fixtures';
import { expectRecordingFrames, expectStepCount, record, signIn, summary } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

test('records a sign-in as navigate, fills with variables (password secret) and a click', async ({
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
  const task = await recording.stop('Sign in');

  expect(summary(task.steps)).toEqual(['navigate', 'fill:Email', 'fill:Password', 'click:Sign in']);
  expect(task.steps[0]).toMatchObject({ kind: 'navigate', url: `${demo.url}/login` });
  expect(task.steps[1]).toMatchObject({ value: '{{email}}' });
  expect(task.steps[2]).toMatchObject({ value: '{{password}}' });
  expect(task.variables).toEqual([
    { name: 'email', secret: false, defaultValue: 'ada@example.test' },
    { name: 'password', secret: true, defaultValue: 'correct horse battery staple' },
  ]);
  expect(task.origins).toEqual([demo.url]);
});

test('records a contact form with every field type', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts/new`);
  const recording = await record(extension, page);
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  await page.getByLabel('Email address').fill('grace@example.test');
  // Chosen with the keyboard, as a person would: a scripted selectOption is not a user event.
  await page.getByLabel('Company').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('radio', { name: 'Phone' }).check();
  await page.getByLabel('Subscribe to newsletter').check();
  await page.getByLabel('Birthday').focus();
  await page.keyboard.type('12091906');
  await page.getByLabel('Notes').fill('Invented the first compiler.');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.waitForURL(/\/contacts(\?|$)/);
  await expectStepCount(recording.popup, 10);
  const task = await recording.stop('Add a contact');

  expect(summary(task.steps)).toEqual([
    'navigate',
    'fill:First name',
    'fill:Last name',
    'fill:Email address',
    'select:Company',
    'check:Phone',
    'check:Subscribe to newsletter',
    'fill:Birthday',
    'fill:Notes',
    'click:Save contact',
  ]);
  const select = task.steps[4] as Extract<Step, { kind: 'select' }>;
  expect(select.value).not.toBe('');
  expect(select.label).not.toBe('');
  expect(task.variables.map((variable) => variable.name)).toEqual([
    'firstName',
    'lastName',
    'emailAddress',
    'birthday',
    'notes',
  ]);
  expect(task.variables.find((variable) => variable.name === 'birthday')?.defaultValue).toBe('1906-12-09');
  expect(demo.state().contacts.some((contact) => contact.lastName === 'Hopper')).toBe(true);
});

test('records inside an open shadow root, a same-origin iframe and an allowed cross-origin iframe', async ({
  extension,
  demo,
}) => {
  await allowOrigin(extension, demo.crossOriginUrl);
  const page = await extension.context.newPage();
  await signIn(page, demo);
  const recording = await record(extension, page);
  await page.getByLabel('Quick note').fill('Call the printer vendor');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('Note added.')).toBeVisible();
  await expectStepCount(recording.popup, 3);

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
  const task = await recording.stop('Notes and settings');

  expect(summary(task.steps)).toEqual([
    'navigate',
    'fill:Quick note',
    'click:Add',
    'click:Settings',
    'check:Email me when a contact is added',
    'click:Save notifications',
    'fill:Channel name',
    'click:Connect channel',
  ]);
  const [, note, add, , check, saveFrame, channel, connect] = task.steps as Step[];
  for (const step of [note, add]) {
    expect(step && 'target' in step && step.target?.shadowHosts.length).toBe(1);
  }
  for (const step of [check, saveFrame, channel, connect]) expect(step?.frame.length).toBe(1);
  expect(check?.frame[0]?.fingerprint.name).toBe('Notification preferences');
  expect(connect?.frame[0]?.fingerprint.name).toBe('Chat integration');
  expect(task.origins).toEqual([demo.url, demo.crossOriginUrl]);
});

test('follows SPA route changes, page loads, typed addresses and a tab the page opens', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/app/inbox`);
  const recording = await record(extension, page);
  const taskLink = page.locator('a[href^="/app/tasks/"]').first();
  await taskLink.click();
  await page.waitForURL(/\/app\/tasks\//);
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('Task marked as done.')).toBeVisible();
  await expectStepCount(recording.popup, 3);

  // A typed address: recorded as a navigate step.
  await page.goto(`${demo.url}/`);
  await expectStepCount(recording.popup, 4);
  await expect(page.locator('understudy-indicator')).toBeAttached();
  await recording.closePopup();
  const opened = extension.context.waitForEvent('page');
  await page.getByRole('link', { name: 'Open help center' }).click();
  const help = await opened;
  await recording.reopenPopup();
  const helpTab = await tabIdOf(extension, help);
  const sw = await extension.serviceWorker();
  await expect.poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), helpTab)).toBe('REC');
  await help.waitForURL(`${demo.url}/help`);
  await expect(help.locator('understudy-indicator')).toBeAttached();
  await help.getByLabel('Search help articles').fill('export');
  await help.getByRole('button', { name: 'Search' }).click();
  await expectStepCount(recording.popup, 7);
  const task = await recording.stop('SPA and help');

  expect(summary(task.steps)).toEqual([
    'navigate',
    expect.stringMatching(/^click:/),
    'click:Mark as done',
    'navigate',
    'click:Open help center',
    'fill:Search help articles',
    'click:Search',
  ]);
  expect(task.steps.map((step) => step.tab)).toEqual([0, 0, 0, 0, 0, 1, 1]);
  expect(task.steps[3]).toMatchObject({ kind: 'navigate', url: `${demo.url}/` });
  expect(demo.state().tasks.some((item) => item.status === 'done')).toBe(true);
});

test('records nothing on an origin that is not allowed', async ({ extension, demo }) => {
  const page = await extension.context.newPage();
  await page.goto(`${demo.url}/login`);
  const recording = await record(extension, page);
  const elsewhere = demo.url.replace('127.0.0.1', 'localhost');
  await page.goto(`${elsewhere}/login`);
  await page.getByLabel('Email').fill('ada@example.test');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${elsewhere}/`);
  await expect(page.locator('understudy-indicator')).not.toBeAttached();
  // Back on the allowed origin, recording picks up again.
  await page.goto(`${demo.url}/login`);
  await expect(page.locator('understudy-indicator')).toBeAttached();
  await page.getByLabel('Email').fill('someone@example.test');
  await page.getByLabel('Email').blur();
  await expectStepCount(recording.popup, 2);
  const task = await recording.stop('Across origins');
  // Back where the task began, no second navigate is needed: replay goes to /login and fills Email.
  expect(summary(task.steps)).toEqual(['navigate', 'fill:Email']);
  expect(JSON.stringify(task)).not.toContain('localhost');
  expect(task.origins).toEqual([demo.url]);
});

test('recording does not change what the page does', async ({ extension, demo }) => {
  const createContact = async (page: Page, last: string) => {
    await page.goto(`${demo.url}/contacts/new`);
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill(last);
    await page.getByLabel('Email address').fill(`${last.toLowerCase()}@example.test`);
    await page.getByLabel('Subscribe to newsletter').check();
    await page.getByLabel('Notes').fill('Same either way.');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.waitForURL(/\/contacts(\?|$)/);
  };
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await createContact(page, 'Plain');
  const recording = await record(extension, page);
  await createContact(page, 'Recorded');
  await recording.stop('Same either way');

  const contacts = demo.state().contacts;
  const plain = contacts.find((contact) => contact.lastName === 'Plain');
  const recorded = contacts.find((contact) => contact.lastName === 'Recorded');
  const { id: _a, lastName: _b, email: _c, ...plainRest } = plain as unknown as Record<string, unknown>;
  const { id: _d, lastName: _e, email: _f, ...recordedRest } = recorded as unknown as Record<string, unknown>;
  expect(recordedRest).toEqual(plainRest);
  const posts = demo.state().requests.filter((request) => request.method === 'POST');
  expect(posts.map((request) => request.path)).toEqual(['/login', '/contacts/new', '/contacts/new']);
});
