/**
 * End-to-end fixtures: a real Chromium (Debian's, /usr/bin/chromium) with the BUILT test extension
 * loaded, the extension id read from its service worker, and the demo site on 127.0.0.1.
 * Nothing here mocks `chrome.*`: tests drive extension pages and web pages as a user would.
 *
 * The test build (`npm run build:test`) pre-grants loopback host access, because Chromium's
 * permission prompt cannot be answered in headless runs; everything after the grant is real.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page, type Worker } from '@playwright/test';
import { type DemoSite, startDemoSite } from '../demo-site/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_PATH = path.join(ROOT, process.env.UNDERSTUDY_OUT_DIR ?? '.output-test', 'chrome-mv3');
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
  /** Closes the browser and deletes its profile. */
  close: () => Promise<void>;
  id: string;
  origin: string;
  serviceWorker: () => Promise<Worker>;
  openPage: (pathAndQuery: string) => Promise<Page>;
  network: ExtensionNetworkLog;
  /** Stops the service worker the way Chrome does when idle; the next event restarts it. */
  restartServiceWorker: () => Promise<Worker>;
}

type WorkerFixtures = { demo: DemoSite };
type TestFixtures = { extension: ExtensionHandle; noExtensionNetwork: undefined; resetState: undefined };

/** Extension renderer processes (they run the service worker) of the browser using `userDataDir`. */
function extensionProcessIds(userDataDir: string): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args as string }));
  const root = rows.find((row) => row.args.includes(`--user-data-dir=${userDataDir}`) && !row.args.includes('--type='));
  if (!root) throw new Error('Could not find the browser process for this test.');
  const ours = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (!ours.has(row.pid) && ours.has(row.ppid)) {
        ours.add(row.pid);
        grew = true;
      }
    }
  }
  return rows.filter((row) => ours.has(row.pid) && row.args.includes('--extension-process')).map((row) => row.pid);
}

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
    // Playwright turns Chrome's pop-up blocker off by default; a person's browser has it on, and a
    // replayed click on a link that opens a tab must work there too.
    ignoreDefaultArgs: ['--disable-popup-blocking'],
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
    viewport: { width: 1200, height: 800 },
  });
  const findWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const worker = await findWorker();
  // UNDERSTUDY_E2E_CONSOLE=1 prints the worker's and pages' console, for debugging a failing test.
  if (process.env.UNDERSTUDY_E2E_CONSOLE) {
    worker.on('console', (m) => console.log('[sw]', m.text()));
    context.on('console', (m) => console.log('[page]', m.text()));
  }
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
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
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
      // Chromium ignores CDP stop requests for an extension worker Playwright is attached to, so end
      // it the hard way: kill this browser's extension renderer process. Chrome restarts the worker
      // on the next extension event, with storage.session intact (it lives in the browser process).
      const before = await findWorker();
      await before.evaluate(() => {
        (globalThis as { __beforeRestart?: boolean }).__beforeRestart = true;
      });
      for (const pid of extensionProcessIds(userDataDir)) process.kill(pid, 'SIGKILL');
      const probe = await context.newPage();
      await expect(async () => {
        await probe.goto(`${origin}/options.html`);
        await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'app:ping' }));
        const workers = context.serviceWorkers().filter((worker) => worker.url().startsWith(origin));
        const fresh = await Promise.all(
          workers.map((worker) =>
            worker.evaluate(() => (globalThis as { __beforeRestart?: boolean }).__beforeRestart !== true),
          ),
        );
        expect(fresh).toContain(true);
      }).toPass({ timeout: 15_000 });
      await probe.close();
      return findWorker();
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
  // A fresh profile per test: no test sees another's vault, allow-list or tasks.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixture signature
  extension: async ({}, use) => {
    const handle = await launchWithExtension();
    await use(handle);
    await handle.close();
  },
  resetState: [
    async ({ demo }, use) => {
      demo.reset();
      demo.setVariant('normal');
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

/** Creates the vault through the background (for tests whose subject is not the create flow). */
export async function setUpVault(extension: ExtensionHandle, passphrase = 'lantern orbit mossy kettle'): Promise<void> {
  const page = await extension.openPage('options.html');
  const reply = await sendFromExtensionPage(page, { type: 'vault:create', passphrase });
  expect(reply).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  await page.close();
}

/** Allow-lists an origin through the options page, as a user would. */
export async function allowOrigin(extension: ExtensionHandle, origin: string): Promise<void> {
  const options = await extension.openPage('options.html');
  await options.getByLabel('Site address').fill(origin);
  await options.getByRole('button', { name: 'Allow site' }).click();
  await expect(options.getByTestId('allowlist')).toContainText(origin);
  await options.close();
}
