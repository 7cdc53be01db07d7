/** Data-driven runs: a CSV file of values, one run per row, every risky step still approved. */
import type { Page } from '@playwright/test';
import type { Task } from '../../lib/task/schema';
import { allowOrigin, expect, setUpVault, tabIdOf, test } from './fixtures';
import { approveIn, expectRunState, expectStepCount, record, signIn, watchConfirmWindows } from './helpers';

test.beforeEach(async ({ extension, demo }) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
});

function variableFor(task: Task, recordedValue: string): string {
  const found = task.variables.find((variable) => variable.defaultValue === recordedValue);
  if (!found) throw new Error(`no variable recorded with ${recordedValue}`);
  return found.name;
}

/** Approves confirmation windows as they open, each once, until `count` were approved. */
async function approveEach(opened: Page[], count: number): Promise<void> {
  const seen = new Set<string>();
  for (let index = 0; index < count; index++) {
    await expect.poll(() => opened.length, { timeout: 30_000 }).toBeGreaterThan(index);
    const window = opened[index] as Page;
    const id = new URL(window.url()).searchParams.get('approval') ?? '';
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    await approveIn(window);
  }
}

test('a 20-row CSV run adds 20 contacts, each approved, with progress by row', async ({ extension, demo }) => {
  test.setTimeout(300_000);
  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/contacts/new`);
  const recording = await record(extension, page);
  await page.getByLabel('First name').fill('Grace');
  await page.getByLabel('Last name').fill('Hopper');
  await page.getByLabel('Email address').fill('grace@example.test');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.waitForURL(/\/contacts(\?|$)/);
  await expectStepCount(recording.popup, 5);
  const task = await recording.stop('Add a contact');
  await recording.popup.close();
  demo.reset();

  const columns = [variableFor(task, 'Grace'), variableFor(task, 'Hopper'), variableFor(task, 'grace@example.test')];
  const rows = Array.from({ length: 20 }, (_, index) => [
    `Row${index + 1}`,
    `Batch, "${index + 1}"`,
    `row${index + 1}@example.test`,
  ]);
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const csv = [columns.join(','), ...rows.map((row) => row.map(quote).join(','))].join('\r\n');

  const popup = await extension.openPage(`popup.html?tabId=${await tabIdOf(extension, page)}`);
  await popup.getByRole('button', { name: 'Run with CSV: Add a contact' }).click();
  const form = popup.getByRole('form', { name: 'CSV run of Add a contact' });
  // A file naming a column the task doesn't have runs nothing and says why.
  await form.getByLabel(/CSV file/).setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('phone\n555-0100\n'),
  });
  await expect(form.getByRole('alert')).toContainText('Column “phone” is not a variable of this task');
  await expect(form.getByRole('button', { name: /^Start/ })).toBeDisabled();

  await form
    .getByLabel(/CSV file/)
    .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(form.getByTestId('csv-summary')).toContainText('20 rows');
  const confirmations = watchConfirmWindows(extension);
  await form.getByRole('button', { name: 'Start 20 runs' }).click();
  await expect(popup.getByTestId('run-batch')).toContainText(/Row \d+ of 20/);

  await approveEach(confirmations, 20);
  await expect(popup.getByTestId('run-batch')).toHaveText('Row 20 of 20', { timeout: 30_000 });
  await expectRunState(popup, 'succeeded');
  await expect(popup.getByTestId('run-message')).toHaveText('Batch done: 20 rows, none failed.');

  const added = demo.state().contacts.filter((contact) => contact.firstName.startsWith('Row'));
  expect(added.map((contact) => [contact.firstName, contact.lastName, contact.email])).toEqual(rows);
});
