/**
 * Issue 9 end to end: a task recorded with Understudy is exported from the side panel as a Chrome Recorder file,
 * that file is run unchanged by @puppeteer/replay in a separate Chromium, then imported back and replayed by
 * Understudy (with its approval window). Both runs are checked against the demo site's server state.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRunner, PuppeteerRunnerExtension, parse } from '@puppeteer/replay';
import puppeteer from 'puppeteer-core';
import { allowOrigin, CHROMIUM_PATH, expect, setUpVault, tabIdOf, test } from './fixtures';
import { approveIn, expectRunState, expectStepCount, nextConfirmWindow, record, runFromPopup, signIn } from './helpers';

test('a recorded task runs in @puppeteer/replay and, imported back, in Understudy', async ({ extension, demo }) => {
  test.setTimeout(120_000);
  await setUpVault(extension);
  await allowOrigin(extension, demo.url);

  const page = await extension.context.newPage();
  await signIn(page, demo);
  await page.goto(`${demo.url}/messages/new`);
  const recording = await record(extension, page);
  await page.getByLabel('To').fill('fox@example.test');
  await page.getByLabel('Subject').fill('Quarterly numbers');
  await page.getByLabel('Message').fill('See attached.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await page.waitForURL(`${demo.url}/messages`);
  await expectStepCount(recording.popup, 5);
  await recording.stop('Send numbers');
  await recording.popup.close();
  const sent = () => demo.state().sentMessages.filter((message) => message.subject === 'Quarterly numbers').length;
  expect(sent()).toBe(1);

  // Export through the side panel, as a person would: the file arrives as a download.
  const panel = await extension.openPage(`sidepanel.html?tab=tasks&tabId=${await tabIdOf(extension, page)}`);
  const downloading = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export for Chrome Recorder: Send numbers' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('send-numbers.json');
  const text = fs.readFileSync((await download.path()) as string, 'utf8');
  const flow = parse(JSON.parse(text));
  expect(flow.steps.map((step) => step.type)).toEqual(['navigate', 'change', 'change', 'change', 'click']);

  // @puppeteer/replay runs the file unchanged in its own browser (signed in first, like the recording was).
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${demo.url}/login`);
    await tab.locator('#email').fill('ada@example.test');
    await tab.locator('#password').fill('correct horse battery staple');
    await Promise.all([tab.waitForNavigation(), tab.locator('button[type=submit]').click()]);
    const runner = await createRunner(flow, new PuppeteerRunnerExtension(browser, tab, { timeout: 10_000 }));
    expect(await runner.run()).toBe(true);
    await expect.poll(sent).toBe(2);
  } finally {
    await browser.close();
  }

  // The Playwright export runs with `npx playwright test` as written, signed in through a saved storage state.
  const playwrightDownload = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export as Playwright test: Send numbers' }).click();
  const spec = fs.readFileSync((await (await playwrightDownload).path()) as string, 'utf8');
  expect(spec).toContain('getByRole("button", { name: "Send message", exact: true })');
  const dir = fs.mkdtempSync(path.join(import.meta.dirname, '../../test-results/interop-playwright-'));
  try {
    fs.writeFileSync(path.join(dir, 'send-numbers.spec.ts'), spec);
    await extension.context.storageState({ path: path.join(dir, 'state.json') });
    fs.writeFileSync(
      path.join(dir, 'playwright.config.ts'),
      `export default { testDir: '.', outputDir: './out', reporter: 'line', use: { storageState: './state.json', launchOptions: { executablePath: ${JSON.stringify(CHROMIUM_PATH)}, args: ['--no-sandbox'] } } };\n`,
    );
    try {
      // Asynchronously: the demo site is served from this very process.
      await promisify(execFile)('npx', ['playwright', 'test', '-c', path.join(dir, 'playwright.config.ts')], {
        cwd: dir,
        timeout: 60_000,
      });
    } catch (error) {
      throw new Error(`The exported Playwright test failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
    await expect.poll(sent).toBe(3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // Import the same file back (under another name, so both tasks can be told apart) and replay it.
  const renamed = JSON.stringify({ ...JSON.parse(text), title: 'Send numbers again' });
  await panel.getByLabel('Import Chrome Recorder JSON').setInputFiles({
    name: 'send-numbers.json',
    mimeType: 'application/json',
    buffer: Buffer.from(renamed),
  });
  await expect(panel.getByTestId('import-result')).toContainText('Imported “Send numbers again” (5 steps).');
  await expect(panel.getByTestId('tasks')).toContainText('Send numbers again');

  await page.goto(`${demo.url}/`);
  const popup = await runFromPopup(extension, page, 'Send numbers again');
  const confirm = await nextConfirmWindow(extension);
  await approveIn(confirm);
  await expectRunState(popup, 'succeeded');
  await expect.poll(sent).toBe(4);
});

test('the side panel refuses a hostile Recorder file with a clear message and imports nothing', async ({
  extension,
  demo,
}) => {
  await setUpVault(extension);
  const panel = await extension.openPage('sidepanel.html?tab=tasks');
  const input = panel.getByLabel('Import Chrome Recorder JSON');
  await input.setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ title: 'x', steps: [{ type: 'navigate', url: 'javascript:alert(1)' }] })),
  });
  await expect(panel.getByRole('alert').filter({ hasText: 'javascript:' })).toContainText(
    'Understudy only imports steps on http and https pages.',
  );
  await input.setInputFiles({
    name: 'not-a-recording.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ title: 'x', steps: [{ type: 'eval', code: '1' }] })),
  });
  await expect(panel.getByRole('alert').filter({ hasText: 'Step 1' })).toContainText(
    'Step 1 has “eval”, which is not a Chrome Recorder step type.',
  );
  await expect(panel.getByTestId('tasks')).not.toContainText('x ·');
  expect(demo.state().requests).toEqual([]);
});

test('the options page imports a Chrome recording and exports it for Playwright, like the side panel', async ({
  extension,
  demo,
}) => {
  await setUpVault(extension);
  const options = await extension.openPage('options.html');
  const flow = {
    title: 'Open the help center',
    steps: [
      { type: 'navigate', url: `${demo.url}/help` },
      { type: 'change', value: 'export', selectors: [['aria/Search help articles'], ['input[name="q"]']] },
    ],
  };
  await options.getByLabel('Import Chrome Recorder JSON').setInputFiles({
    name: 'help.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(flow)),
  });
  await expect(options.getByTestId('import-result')).toContainText('Imported “Open the help center” (2 steps).');
  await expect(options.getByTestId('tools-tasks')).toContainText('Open the help center');
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export as Playwright test: Open the help center' }).click();
  const spec = fs.readFileSync((await (await downloading).path()) as string, 'utf8');
  expect(spec).toContain(`${demo.url}/help`);
  expect(spec).toContain('test("Open the help center", async ({ page }) => {');
});
