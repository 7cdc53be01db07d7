/**
 * End-to-end fixtures: a real Chromium (Debian's, /usr/bin/chromium) with the BUILT test extension
 * loaded, the extension id read from its service worker, and the demo site on 127.0.0.1.
 * Nothing here mocks `chrome.*`: tests drive extension pages and web pages as a user would.
 *
 * The test build (`npm run build:test`) pre-grants loopback host access, because Chromium's
 * permission prompt cannot be answered in headless runs; everything after the grant is real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page, type Worker } from '@playwright/test';
import { type DemoSite, startDemoSite } from '../demo-site/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_PATH = path.join(ROOT, '.output-test/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Requests to anything but the extension's own files, made by an extension page or its worker. */
export interface ExtensionNetworkLog {
  requests: string[];
}

export interface ExtensionHandle {
  context: BrowserContext;
  id: string;
  origin: string;
  serviceWorker: () => Promise<Worker>;
  openPage: (pathAndQuery: string) => Promise<Page>;
  network: ExtensionNetworkLog;
  /** Stops the service worker the way Chrome does when idle; the next event restarts it. */
  restartServiceWorker: () => Promise<Worker>;
}

type WorkerFixtures = { demo: DemoSite; extension: ExtensionHandle };
type TestFixtures = { noExtensionNetwork: undefined; resetState: undefined };

function isOwnResource(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

export async function launchWithExtension(extensionPath = EXTENSION_PATH): Promise<ExtensionHandle> {
  if (!fs.existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}. Run "npm run build:test" first.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'understudy-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
    viewport: { width: 1200, height: 800 },
  });
  context.on('close', () => fs.rmSync(userDataDir, { recursive: true, force: true }));
  const findWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const worker = await findWorker();
  const id = new URL(worker.url()).host;
  const origin = `chrome-extension://${id}`;
  const network: ExtensionNetworkLog = { requests: [] };
  context.on('request', (request) => {
    const url = request.url();
    if (isOwnResource(url, origin)) return;
    const fromWorker = request.serviceWorker()?.url().startsWith(origin) ?? false;
    let fromPage = false;
    try {
      fromPage = request.frame().url().startsWith(origin);
    } catch {
      // Requests without a frame (service worker ones) throw here.
    }
    if (fromWorker || fromPage) network.requests.push(`${request.method()} ${url}`);
  });
  return {
    context,
    id,
    origin,
    network,
    serviceWorker: findWorker,
    openPage: async (pathAndQuery) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${pathAndQuery.replace(/^\//, '')}`);
      return page;
    },
    restartServiceWorker: async () => {
      const cdp = await context.newCDPSession(await context.newPage());
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(origin));
      if (!target) throw new Error('The extension service worker is not running.');
      const old = await findWorker();
      const closed = new Promise<void>((resolve) => old.once('close', () => resolve()));
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await closed;
      await cdp.detach();
      // Any extension event restarts the worker; opening an extension page sends one.
      const page = await context.newPage();
      const restarted = context.waitForEvent('serviceworker');
      await page.goto(`${origin}/options.html`);
      const worker = await restarted;
      await page.close();
      return worker;
    },
  };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixture signature
    async ({}, use) => {
      const site = await startDemoSite({ port: 0 });
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  extension: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixture signature
    async ({}, use) => {
      const handle = await launchWithExtension();
      await use(handle);
      await handle.context.close();
    },
    { scope: 'worker' },
  ],
  resetState: [
    async ({ demo }, use) => {
      demo.reset();
      await use(undefined);
    },
    { auto: true },
  ],
  // The extension makes no network requests of its own: checked after every test.
  noExtensionNetwork: [
    async ({ extension }, use) => {
      const before = extension.network.requests.length;
      await use(undefined);
      expect(extension.network.requests.slice(before), 'network requests made by the extension').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Sends a runtime message from an extension page, as the popup or options page would. */
export async function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((msg) => chrome.runtime.sendMessage(msg), message);
}

/** The id of the tab showing `page`, as the extension sees it. */
export async function tabIdOf(extension: ExtensionHandle, page: Page): Promise<number> {
  const worker = await extension.serviceWorker();
  const url = page.url();
  const id = await worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab found for ${url}`);
  return id;
}
