/**
 * Retention (issue 7) and History filters (issue 8). Ages are not faked here: which records are
 * old enough to delete is unit-tested with an injected clock (test/unit/store/retention.test.ts,
 * test/unit/audit/log.test.ts); these tests drive the setting, the prune and the filters for real.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { allowOrigin, expect, sendFromExtensionPage, setUpVault, tabIdOf, test } from './fixtures';
import { recordOpenDana } from './helpers';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
  expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test('the retention setting is saved encrypted, and "Delete old history now" is logged in a log that still verifies', async ({
  extension,
}) => {
  await setUpVault(extension);
  const options = await extension.openPage('options.html');
  // The background checks the value too: out of range is refused and changes nothing.
  const refused = await sendFromExtensionPage(options, { type: 'settings:retention', days: 0 });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  expect(await sendFromExtensionPage(options, { type: 'settings:retention-get' })).toEqual({
    ok: true,
    value: { days: 90 },
  });
  const section = options.getByRole('region', { name: 'Retention' });
  const days = section.getByLabel('Days to keep history');
  // The default until the person chooses.
  await expect(days).toHaveValue('90');
  await expect(section.getByTestId('retention-current')).toHaveText(
    'Understudy deletes runs and audit log entries older than 90 days.',
  );

  await days.fill('30');
  await section.getByRole('button', { name: 'Save retention' }).click();
  await expect(section.getByTestId('retention-saved')).toHaveText(
    'Saved. Understudy deletes runs and audit log entries older than 30 days.',
  );
  await options.reload();
  await expect(days).toHaveValue('30');

  // Out of range: a clear error, and the saved setting stays.
  await days.fill('0');
  await section.getByRole('button', { name: 'Save retention' }).click();
  await expect(section.getByRole('alert')).toHaveText('Enter a whole number of days from 1 to 3650.');
  await options.reload();
  await expect(days).toHaveValue('30');

  // Keep forever, by keyboard.
  await section.getByLabel('Keep history forever').focus();
  await options.keyboard.press('Space');
  await expect(days).toBeDisabled();
  await section.getByRole('button', { name: 'Save retention' }).focus();
  await options.keyboard.press('Enter');
  await expect(section.getByTestId('retention-saved')).toHaveText(
    'Saved. Understudy keeps run history and the audit log forever.',
  );
  await options.reload();
  await expect(section.getByLabel('Keep history forever')).toBeChecked();
  await expect(days).toBeDisabled();
  await section.getByRole('button', { name: 'Delete old history now' }).click();
  await expect(section.getByTestId('retention-result')).toHaveText('Nothing was deleted: history is kept forever.');

  await section.getByLabel('Keep history forever').uncheck();
  await days.fill('7');
  await section.getByRole('button', { name: 'Save retention' }).click();
  await expect(section.getByTestId('retention-saved')).toContainText('older than 7 days');
  await section.getByRole('button', { name: 'Delete old history now' }).click();
  await expect(section.getByTestId('retention-result')).toHaveText(
    'Deleted 0 runs and 0 log entries older than 7 days.',
  );
  await expectNoSeriousViolations(options);

  // Stored only as an encrypted record: nothing about it in extension storage or in clear in IndexedDB.
  const local = await options.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(local).filter((key) => key.toLowerCase().includes('retention'))).toEqual([]);
  const settingsRow = await options.evaluate(
    () =>
      new Promise<{ keys: string[]; text: string }>((resolve, reject) => {
        const open = indexedDB.open('understudy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('retention');
          request.onsuccess = () => {
            const row = request.result as Record<string, unknown> & { ciphertext: Uint8Array };
            resolve({ keys: Object.keys(row).sort(), text: new TextDecoder().decode(row.ciphertext) });
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
  expect(settingsRow.keys).toEqual(['ciphertext', 'createdAt', 'id']);
  expect(settingsRow.text).not.toContain('days');

  // The audit log: the setting changes and the deletion, newest first, and the chain verifies.
  const panel = await extension.openPage('sidepanel.html?tab=audit');
  const entries = panel.getByTestId('audit-entries').getByRole('listitem');
  await expect(entries.first()).toHaveAttribute('data-kind', 'retention');
  await expect(entries.first()).toContainText('Deleted 0 runs and 0 log entries older than 7 days');
  await expect(panel.getByTestId('audit-entries')).toContainText('Set history to be kept for 30 days');
  await expect(panel.getByTestId('audit-entries')).toContainText('Set history to be kept forever');
  await expect(panel.getByTestId('audit-verification')).toHaveAttribute('data-ok', 'true');
});

test('History filters narrow the runs by task, result and time, and say how to clear them', async ({
  extension,
  demo,
}) => {
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);
  const page = await recordOpenDana(extension, demo);
  await page.goto(`${demo.url}/`);
  // A second task that stops at once: it tries to go to a site that is not allowed.
  const options = await extension.openPage('options.html');
  const saved = (await sendFromExtensionPage(options, {
    type: 'task:save',
    task: {
      version: 1,
      title: 'Leave the site',
      origins: [demo.url],
      variables: [],
      steps: [{ id: 's1', kind: 'navigate', url: 'http://127.0.0.1:9/elsewhere' }],
    },
  })) as { ok: boolean };
  expect(saved.ok).toBe(true);
  await options.close();

  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, page)}`);
  await panel.getByRole('button', { name: 'Run Open Dana', exact: true }).click();
  await panel.getByRole('tab', { name: 'Run' }).click();
  await expect(panel.getByTestId('run-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
  await panel.getByRole('tab', { name: 'Tasks' }).click();
  await panel.getByRole('button', { name: 'Run Leave the site', exact: true }).click();
  await panel.getByRole('tab', { name: 'Run' }).click();
  await expect(panel.getByTestId('run-progress')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });

  await panel.getByRole('tab', { name: 'History' }).click();
  const runs = panel.getByTestId('history').getByRole('listitem');
  await expect(runs).toHaveCount(2);
  const count = panel.getByTestId('history-count');

  await panel.getByLabel('Task').selectOption('Open Dana');
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText('Open Dana · succeeded');
  await expect(count).toHaveText('Showing 1 of 2 runs.');

  // Open Dana never failed: the empty state says so and how to get every run back.
  await panel.getByLabel('Result').selectOption('Failed');
  await expect(runs).toHaveCount(1);
  const empty = panel.getByTestId('history-empty');
  await expect(empty).toContainText('No run matches these filters.');
  await expectNoSeriousViolations(panel);
  await empty.getByRole('button', { name: 'Clear filters' }).focus();
  await panel.keyboard.press('Enter');
  await expect(runs).toHaveCount(2);
  await expect(panel.getByLabel('Task')).toBeFocused();
  await expect(panel.getByLabel('Result')).toHaveValue('all');

  await panel.getByLabel('Result').selectOption('Failed');
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toHaveAttribute('data-state', 'failed');
  await expect(runs.first()).toContainText('Leave the site');
  // Both runs started moments ago, so "last 24 hours" keeps the failed one.
  await panel.getByLabel('Started').selectOption('Last 24 hours');
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText('Leave the site');
  await panel.getByLabel('Result').selectOption('Any result');
  await expect(runs).toHaveCount(2);
  await expectNoSeriousViolations(panel);
});
