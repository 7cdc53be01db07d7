// @vitest-environment node
/**
 * The page-world request sensor (lib/replay/page-requests.ts) in real Chromium: installed before any page
 * script (as the extension registers it, at document_start), it must see the page's real fetch, XHR, beacon
 * and WebSocket calls and its animation frames, pass them through, and the reaction wait must outlast an
 * effect a UI library runs after the next paint.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';

declare global {
  interface Window {
    UnderstudyReplay: typeof import('./page-entry');
    sensorWatch: import('@/lib/replay/page-requests').PageRequestWatch;
  }
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await bundleForPage('test/replay-harness/page-entry.ts', 'UnderstudyReplay');
  browser = await launchChromium();
  page = await browser.newPage();
  // Before the page's own scripts, like a document_start content script in the page's world.
  await page.addInitScript({
    // The watch stands for the content script, whose world the page cannot touch: set up before the page runs.
    content: `${bundle};\nwindow.UnderstudyReplay = UnderstudyReplay;\nUnderstudyReplay.installRequestSensor(window);\nwindow.sensorWatch = UnderstudyReplay.watchPageRequests(window);`,
  });
});

afterAll(async () => {
  await browser?.close();
});

async function load(body: string): Promise<void> {
  await page.goto(`data:text/html,${encodeURIComponent(`<!doctype html><html><body>${body}</body></html>`)}`);
}

describe('request sensor in Chromium', () => {
  it('sees each way a page starts a request, even after the page replaces dispatchEvent and Event', async () => {
    // The page keeps its own reference to fetch (as bundled libraries do) and swaps out event plumbing.
    await load(`<script>
      const savedFetch = window.fetch;
      window.dispatchEvent = () => true;
      window.Event = function Event() { throw new Error('replaced'); };
      window.startRequests = () => {
        savedFetch('http://127.0.0.1:9/api/save', { method: 'POST', body: 'a' }).catch(() => null);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', 'http://127.0.0.1:9/api/xhr');
        xhr.onerror = () => undefined;
        xhr.send('b');
        navigator.sendBeacon('http://127.0.0.1:9/api/beacon', 'c');
        const socket = new WebSocket('ws://127.0.0.1:9/chat');
        socket.addEventListener('error', () => undefined);
        return [socket instanceof WebSocket, typeof savedFetch, savedFetch.name];
      };
    </script>`);
    const result = await page.evaluate(() => {
      const watch = window.sensorWatch;
      const before = watch.count;
      const facts = (window as unknown as { startRequests: () => unknown[] }).startRequests();
      return { present: watch.present, started: watch.count - before, facts };
    });
    expect(result).toEqual({ present: true, started: 4, facts: [true, 'function', 'fetch'] });
  });

  it('finds no sensor on a page it was not installed in', async () => {
    const other = await browser.newPage();
    await other.goto('data:text/html,<p>plain</p>');
    await other.addScriptTag({
      content: await bundleForPage('test/replay-harness/page-entry.ts', 'UnderstudyReplay'),
    });
    const present = await other.evaluate(() => window.UnderstudyReplay.watchPageRequests(window).present);
    await other.close();
    expect(present).toBe(false);
  });

  it('waits for a send a click puts off until after the next paint, and not for a click that sends nothing', async () => {
    await load(`<button id="pin">Pin</button><button id="plain">Plain</button><script>
      document.getElementById('pin').addEventListener('click', () => {
        // A UI library's effect: the next frame, then a task, then the send.
        requestAnimationFrame(() => setTimeout(() => fetch('http://127.0.0.1:9/api/pins', { method: 'POST' }).catch(() => null)));
      });
      document.getElementById('plain').addEventListener('click', (event) => { event.target.textContent = 'Clicked'; });
    </script>`);
    const outcome = await page.evaluate(async () => {
      const R = window.UnderstudyReplay;
      const watch = window.sensorWatch;
      const clickAndWait = async (id: string) => {
        const requests = watch.count;
        const frames = watch.frames;
        (document.getElementById(id) as HTMLButtonElement).click();
        await R.afterPageReaction(window, () => watch.frames !== frames);
        return { requested: watch.count !== requests, askedForFrame: watch.frames !== frames };
      };
      return { pin: await clickAndWait('pin'), plain: await clickAndWait('plain') };
    });
    expect(outcome).toEqual({
      pin: { requested: true, askedForFrame: true },
      plain: { requested: false, askedForFrame: false },
    });
  });
});
