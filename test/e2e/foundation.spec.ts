import fs from 'node:fs';
import path from 'node:path';
import { allowOrigin, expect, sendFromExtensionPage, setUpVault, tabIdOf, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('the built extension loads and its service worker answers', async ({ extension }) => {
  const page = await extension.openPage('options.html');
  const reply = await sendFromExtensionPage(page, { type: 'app:ping' });
  expect(reply).toEqual({ ok: true, value: { version: '0.1.0' } });
  await page.close();
});

test('popup, side panel, options and confirm pages render with Preact', async ({ extension }) => {
  const expectations: [string, RegExp][] = [
    ['popup.html', /Understudy/],
    ['sidepanel.html', /Understudy/],
    ['options.html', /Understudy settings/],
    ['confirm.html', /Confirm an action/],
  ];
  for (const [file, heading] of expectations) {
    const page = await extension.openPage(file);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // Rendered by script into the mount point, not static HTML.
    expect(await page.locator('#app').innerHTML()).not.toBe('');
    await page.close();
  }
});

test('the side panel tabs work from the keyboard', async ({ extension }) => {
  await setUpVault(extension);
  const page = await extension.openPage('sidepanel.html');
  await page.getByRole('tab', { name: 'Pending' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Run' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Audit' })).toHaveAttribute('aria-selected', 'true');
  await page.close();
});

test('after the demo origin is allowed, its content script exchanges a validated message', async ({
  extension,
  demo,
}) => {
  await setUpVault(extension);
  const options = await extension.openPage('options.html');
  await options.getByLabel('Site address').fill(demo.url);
  await options.getByRole('button', { name: 'Allow site' }).click();
  await expect(options.getByTestId('allowlist')).toContainText(demo.url);

  const site = await extension.context.newPage();
  await site.goto(`${demo.url}/login`);
  const tabId = await tabIdOf(extension, site);

  const popup = await extension.openPage(`popup.html?tabId=${tabId}`);
  await expect(popup.getByTestId('current-origin')).toHaveText(demo.url);
  await expect(popup.getByTestId('site-allowed')).toContainText('Understudy is ready on this page.');

  // Removing the site unregisters the content script: a fresh load no longer connects.
  await options.getByRole('button', { name: `Remove ${demo.url}` }).click();
  await expect(options.getByTestId('allowlist')).not.toContainText(demo.url);
  await site.reload();
  await popup.reload();
  await expect(popup.getByTestId('site-not-allowed')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Allow this site' })).toBeVisible();
  for (const page of [options, site, popup]) await page.close();
});

test('malformed messages are refused with a typed error', async ({ extension }) => {
  const page = await extension.openPage('options.html');
  for (const message of [{ type: 'vault:dump' }, { type: 'tab:status', tabId: 'x' }, 'ping', null]) {
    expect(await sendFromExtensionPage(page, message)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  }
  await page.close();
});

test('messages from a content script on an origin that is not allowed are refused', async ({ extension, demo }) => {
  await allowOrigin(extension, demo.url);
  const options = await extension.openPage('options.html');

  // Same server, other origin: localhost instead of 127.0.0.1. The test build holds host permission
  // for it, but it is not on the allow-list, so the background must refuse what its frames send.
  const otherOrigin = demo.url.replace('127.0.0.1', 'localhost');
  const site = await extension.context.newPage();
  await site.goto(`${otherOrigin}/login`);
  const allowedSite = await extension.context.newPage();
  await allowedSite.goto(`${demo.url}/login`);
  const worker = await extension.serviceWorker();

  const sendFromContentWorld = async (tabId: number, message: unknown) =>
    worker.evaluate(
      async ({ tabId, message }) => {
        const [result] = await chrome.scripting.executeScript({
          target: { tabId },
          args: [message],
          func: (msg: unknown) => chrome.runtime.sendMessage(msg),
        });
        return result?.result;
      },
      { tabId, message },
    );

  const otherTab = await tabIdOf(extension, site);
  expect(await sendFromContentWorld(otherTab, { type: 'content:hello', url: `${otherOrigin}/login` })).toMatchObject({
    ok: false,
    error: { code: 'origin-not-allowed' },
  });

  // On the allowed origin, a content script still cannot send malformed or extension-only messages.
  const allowedTab = await tabIdOf(extension, allowedSite);
  expect(await sendFromContentWorld(allowedTab, { type: 'content:hello' })).toMatchObject({
    ok: false,
    error: { code: 'invalid-message' },
  });
  expect(await sendFromContentWorld(allowedTab, { type: 'allowlist:add', origin: otherOrigin })).toMatchObject({
    ok: false,
    error: { code: 'forbidden-sender' },
  });
  expect(await sendFromContentWorld(allowedTab, { type: 'content:hello', url: `${demo.url}/login` })).toMatchObject({
    ok: true,
  });
  const list = await sendFromExtensionPage(options, { type: 'allowlist:list' });
  expect(list).toEqual({ ok: true, value: { origins: [demo.url] } });

  for (const page of [options, site, allowedSite]) await page.close();
});

test('the production manifest asks for no host access and has no static content script', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
  const text = JSON.stringify(manifest);
  expect(text).not.toContain('<all_urls>');
  expect(text).not.toContain('*://*/*');
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
  expect(manifest.content_security_policy.extension_pages).toContain("script-src 'self'");
});
