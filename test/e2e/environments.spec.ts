/**
 * Environments and dry runs (issue 10): the demo site served twice, as "staging" (127.0.0.1, where
 * the task is recorded) and "production" (localhost, its own cookies and state). The task runs on
 * production through its environment's origin mapping and values: first as a dry run that changes
 * nothing there and lists what it skipped, then for real, with production shown in the confirmation.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { Task } from '../../lib/task/schema';
import { type DemoSite, startDemoSite } from '../demo-site/server.mjs';
import {
  allowOrigin,
  type ExtensionHandle,
  expect,
  sendFromExtensionPage,
  setUpVault,
  tabIdOf,
  test,
} from './fixtures';
import { approveIn, expectRunState, expectStepCount, nextConfirmWindow, record, signIn } from './helpers';

let production: DemoSite;

test.beforeEach(async ({ extension, demo }) => {
  production = await startDemoSite({ host: 'localhost' });
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
  await allowOrigin(extension, production.url);
});

test.afterEach(async () => {
  await production.close();
});

function variableFor(task: Task, recordedValue: string): string {
  const found = task.variables.find((variable) => variable.defaultValue === recordedValue);
  if (!found) throw new Error(`no variable recorded with ${recordedValue}`);
  return found.name;
}

const PRODUCTION_VALUES = { first: 'Katherine', last: 'Johnson', email: 'katherine@example.test' };

/** Picks Production in the popup's run form for the task and presses its start button. */
async function startOnProduction(popup: Page, dry: boolean): Promise<void> {
  await popup.getByRole('button', { name: `${dry ? 'Dry run' : 'Run'} Add a contact`, exact: true }).click();
  const form = popup.getByRole('form', { name: 'Values for Add a contact' });
  await form.getByLabel('Where to run').selectOption({ label: 'Production (production)' });
  await expect(form.getByRole('note')).toContainText('Production: Production.');
  // The environment's own values fill the form once it is picked.
  await expect(form.getByRole('textbox').first()).toHaveValue(PRODUCTION_VALUES.first);
  await form.getByRole('button', { name: dry ? 'Start dry run' : 'Start run on Production' }).click();
}

/** Records adding a contact on staging and gives the task a Production environment in the side panel. */
async function recordWithProduction(extension: ExtensionHandle, demo: DemoSite): Promise<Task> {
  const staging = await extension.context.newPage();
  await signIn(staging, demo);
  await staging.goto(`${demo.url}/contacts/new`);
  const recording = await record(extension, staging);
  await staging.getByLabel('First name').fill('Grace');
  await staging.getByLabel('Last name').fill('Hopper');
  await staging.getByLabel('Email address').fill('grace@example.test');
  await staging.getByRole('button', { name: 'Save contact' }).click();
  await staging.waitForURL(/\/contacts(\?|$)/);
  await expectStepCount(recording.popup, 5);
  const task = await recording.stop('Add a contact');
  await recording.popup.close();

  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, staging)}`);
  await panel.getByRole('button', { name: 'Review Add a contact' }).click();
  await panel.getByRole('button', { name: 'Add environment' }).click();
  const environment = panel.getByTestId('environment');
  await environment.getByLabel('Name', { exact: true }).fill('Production');
  await environment.getByRole('checkbox', { name: /^Production \(real data\)/ }).check();
  // A typo is caught where it is typed, and nothing is mapped until it parses.
  await environment.getByLabel(`Instead of ${demo.url}`).fill('ftp://files.example');
  await expect(environment.getByText('http and https sites only')).toBeVisible();
  await environment.getByLabel(`Instead of ${demo.url}`).fill(production.url);
  await expect(environment.getByText('http and https sites only')).toHaveCount(0);
  await environment.getByLabel(`{{${variableFor(task, 'Grace')}}} here`).fill(PRODUCTION_VALUES.first);
  await environment.getByLabel(`{{${variableFor(task, 'Hopper')}}} here`).fill(PRODUCTION_VALUES.last);
  await environment.getByLabel(`{{${variableFor(task, 'grace@example.test')}}} here`).fill(PRODUCTION_VALUES.email);
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await panel.close();
  await staging.close();
  return task;
}

test('a task recorded on staging dry-runs, then runs, on production through its environment', async ({
  extension,
  demo,
}) => {
  test.setTimeout(120_000);
  const stagingContacts = demo.state().contacts.length;
  await recordWithProduction(extension, demo);
  expect(demo.state().contacts.length).toBe(stagingContacts + 1); // the recording itself

  // Production has its own session.
  const live = await extension.context.newPage();
  await signIn(live, production);
  const productionContacts = production.state().contacts.length;
  const productionWrites = production.state().requests.length;
  const popup = await extension.openPage(`popup.html?tabId=${await tabIdOf(extension, live)}`);

  // Dry run: the harmless steps run on production, the submit is skipped and listed.
  await startOnProduction(popup, true);
  await expectRunState(popup, 'succeeded');
  await expect(popup.getByTestId('run-environment')).toHaveAttribute('data-production', 'true');
  await expect(popup.getByTestId('run-dry')).toBeVisible();
  await expect(popup.getByTestId('run-message')).toContainText('1 risky action skipped; nothing was sent.');
  await expect(live).toHaveURL(`${production.url}/contacts/new`);
  expect(production.state().contacts.length).toBe(productionContacts);
  expect(production.state().requests.length).toBe(productionWrites);
  const runPanel = await extension.openPage(`sidepanel.html?tab=run&tabId=${await tabIdOf(extension, live)}`);
  const item = runPanel.getByTestId('preview-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-kind', 'submit');
  await expect(item).toContainText('Save contact');
  await expect(item).toContainText(PRODUCTION_VALUES.email);
  await expect(item).toContainText(`${production.url}/contacts/new`);
  await runPanel.close();

  // The real run: production's environment is in the confirmation window, and the contact lands there.
  await startOnProduction(popup, false);
  const confirm = await nextConfirmWindow(extension);
  await expect(confirm.getByTestId('run-environment')).toContainText('Production: Production');
  await expect(confirm.getByTestId('confirm-summary')).toContainText(production.url);
  await expect(confirm.getByTestId('confirm-data')).toContainText(PRODUCTION_VALUES.email);
  await approveIn(confirm);
  await expectRunState(popup, 'succeeded');
  await expect
    .poll(() => production.state().contacts.map((contact) => `${contact.firstName} ${contact.lastName}`))
    .toContain(`${PRODUCTION_VALUES.first} ${PRODUCTION_VALUES.last}`);
  expect(production.state().contacts.length).toBe(productionContacts + 1);
  expect(demo.state().contacts.length).toBe(stagingContacts + 1);
});

test('a CSV batch on production runs its first row alone and waits for the go-ahead', async ({ extension, demo }) => {
  test.setTimeout(120_000);
  const task = await recordWithProduction(extension, demo);
  const live = await extension.context.newPage();
  await signIn(live, production);
  const before = production.state().contacts.length;
  const columns = [variableFor(task, 'Grace'), variableFor(task, 'Hopper'), variableFor(task, 'grace@example.test')];
  const csv = [columns.join(','), 'Mary,Jackson,mary@example.test', 'Dorothy,Vaughan,dorothy@example.test'].join('\n');

  const popup = await extension.openPage(`popup.html?tabId=${await tabIdOf(extension, live)}`);
  await popup.getByRole('button', { name: 'Run with CSV: Add a contact' }).click();
  const form = popup.getByRole('form', { name: 'CSV run of Add a contact' });
  await form.getByLabel('Where to run').selectOption({ label: 'Production (production)' });
  await expect(form.getByText('the first row runs alone')).toBeVisible();
  await form.getByLabel(/CSV file/).setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByRole('button', { name: 'Start 2 runs' }).click();

  await approveIn(await nextConfirmWindow(extension));
  const goOn = popup.getByRole('button', { name: 'Run the other 1 row' });
  await expect(goOn).toBeVisible({ timeout: 30_000 });
  await expect(popup.getByTestId('run-message')).toContainText('Row 1 of 2 ran on Production (production)');
  await expect(popup.getByTestId('run-environment')).toHaveAttribute('data-production', 'true');
  expect(production.state().contacts.length).toBe(before + 1);

  await goOn.click();
  await expect(popup.getByTestId('run-batch')).toContainText('Row 2 of 2');
  await approveIn(await nextConfirmWindow(extension));
  await expectRunState(popup, 'succeeded');
  await expect(popup.getByTestId('run-message')).toHaveText('Batch done: 2 rows, none failed.');
  const added = production
    .state()
    .contacts.slice(before)
    .map((contact) => contact.firstName);
  expect(added).toEqual(['Mary', 'Dorothy']);
});

test('no export carries a secret value: encrypted bundle, Chrome Recorder JSON, Playwright test', async ({
  extension,
  demo,
}) => {
  const PASSWORD = 'correct horse battery staple';
  const ENVIRONMENT_SECRET = 'Env-Only-Secret-5521';
  const page = await extension.context.newPage();
  await page.goto(`${demo.url}/login`);
  const recording = await record(extension, page);
  await page.getByLabel('Email').fill('ada@example.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${demo.url}/`);
  await expectStepCount(recording.popup, 4);
  const recorded = await recording.stop('Sign in');
  await recording.popup.close();
  const secretName = variableFor(recorded, PASSWORD);
  expect(recorded.variables.find((variable) => variable.name === secretName)?.secret).toBe(true);

  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, page)}`);
  const list = (await sendFromExtensionPage(panel, { type: 'task:list' })) as { value: { tasks: { id: string }[] } };
  const id = list.value.tasks[0]?.id as string;
  const stored = (await sendFromExtensionPage(panel, { type: 'task:get', id })) as { value: { task: Task } };
  const environment = {
    id: 'e'.repeat(32),
    name: 'Production',
    production: true,
    origins: [],
    values: { [secretName]: ENVIRONMENT_SECRET },
  };
  const saved = await sendFromExtensionPage(panel, {
    type: 'task:save',
    id,
    task: { ...stored.value.task, environments: [environment] },
  });
  expect(saved).toMatchObject({ ok: true });

  // The two files for other tools, downloaded from the side panel as a person would.
  for (const format of ['Export for Chrome Recorder', 'Export as Playwright test']) {
    const downloading = panel.waitForEvent('download');
    await panel.getByRole('button', { name: `${format}: Sign in` }).click();
    const text = fs.readFileSync((await (await downloading).path()) as string, 'utf8');
    expect(text.length).toBeGreaterThan(100);
    expect(text, format).not.toContain(PASSWORD);
    expect(text, format).not.toContain(ENVIRONMENT_SECRET);
  }
  // The panel says so.
  await expect(panel.getByTestId('export-note')).toContainText(`Secret values (${secretName}) are not in the file`);

  // The encrypted bundle, opened again: the secret and the environment's secret value come back empty.
  const exported = (await sendFromExtensionPage(panel, {
    type: 'export:create',
    taskIds: [id],
    includeRuns: false,
    passphrase: 'export pass phrase',
  })) as { value: { text: string } };
  const imported = await sendFromExtensionPage(panel, {
    type: 'import:file',
    text: exported.value.text,
    passphrase: 'export pass phrase',
  });
  expect(imported).toMatchObject({ ok: true, value: { imported: 1 } });
  const after = (await sendFromExtensionPage(panel, { type: 'task:list' })) as { value: { tasks: { id: string }[] } };
  const copyId = after.value.tasks.find((task) => task.id !== id)?.id;
  const copy = (await sendFromExtensionPage(panel, { type: 'task:get', id: copyId })) as { value: { task: Task } };
  expect(JSON.stringify(copy.value.task)).not.toContain(PASSWORD);
  expect(JSON.stringify(copy.value.task)).not.toContain(ENVIRONMENT_SECRET);
  expect(copy.value.task.variables.find((variable) => variable.name === secretName)?.defaultValue).toBe('');
  expect(copy.value.task.environments?.[0]?.values[secretName]).toBe('');
});
