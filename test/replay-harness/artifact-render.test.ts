// @vitest-environment node
/**
 * The failure-artifact renderer (entrypoints/content/render-viewport.ts) in real Chromium: it masks
 * secrets in what it rasterizes, leaves the live page alone, and makes no network request, even for
 * a page full of things a naive DOM-to-image renderer would fetch (lazy and broken images, CSS
 * backgrounds, web fonts, external SVG sprites, video).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';

declare global {
  interface Window {
    UnderstudyArtifact: typeof import('./artifact-entry');
  }
}

const ORIGIN = 'http://artifact.test';
const SECRET = 'Zebra-Secret-9431';
/** 1×1 PNG the test server answers every image with. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=',
  'base64',
);

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<style>
  @font-face { font-family: Remote; src: url(/font.woff2) format('woff2'); }
  body { font-family: Remote, sans-serif; margin: 0; }
  .hero { height: 120px; background-image: url(/background.png); }
  .tall { height: 3000px; }
</style></head><body>
<div class="hero">Welcome</div>
<form aria-label="Sign in">
  <label for="password">Password</label><input id="password" type="password">
  <label for="token">Token</label><input id="token" type="text">
  <img id="loaded" src="/loaded.png" alt="logo">
  <img id="broken" src="/missing.png" alt="broken">
  <svg width="20" height="20"><use href="/sprite.svg#icon"></use></svg>
  <video src="/clip.mp4" width="40" height="30"></video>
  <p id="echo">Token ${SECRET} saved</p>
</form>
<div class="tall"></div>
<img id="lazy" loading="lazy" src="/lazy.png" alt="below the fold">
</body></html>`;

let browser: Browser;
let page: Page;
let bundle: string;
const requests: string[] = [];

beforeAll(async () => {
  bundle = await bundleForPage('test/replay-harness/artifact-entry.ts', 'UnderstudyArtifact');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  page.on('request', (request) => requests.push(request.url()));
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
    if (path === '/missing.png') return route.fulfill({ status: 404, body: '' });
    if (path.endsWith('.png')) return route.fulfill({ contentType: 'image/png', body: PIXEL });
    return route.fulfill({ status: 404, body: '' });
  });
});

afterAll(async () => {
  await browser?.close();
});

async function loadPage(): Promise<void> {
  await page.goto(`${ORIGIN}/`, { waitUntil: 'networkidle' });
  await page.addScriptTag({ content: bundle });
  await page.locator('#password').fill(SECRET);
  await page.locator('#token').fill(SECRET.toLowerCase());
  await expect
    .poll(() => page.evaluate(() => (document.getElementById('loaded') as HTMLImageElement).complete))
    .toBe(true);
}

describe('failure artifact renderer in Chromium', () => {
  it('masks every secret in what it rasterizes, leaves the page alone and fetches nothing', async () => {
    await loadPage();
    requests.length = 0;
    const result = await page.evaluate(async (secret) => {
      const A = window.UnderstudyArtifact;
      const token = document.getElementById('token') as Element;
      const { secrets } = A.collectSecrets(document, [], [secret]);
      let svg = '';
      const rendered = await A.renderViewport(document, [...secrets, secret.toLowerCase()], (element) => {
        svg = new XMLSerializer().serializeToString(element);
      });
      const image = new Image();
      image.src = rendered.dataUrl ?? '';
      await image.decode();
      return {
        svg,
        masked: rendered.masked,
        width: image.naturalWidth,
        height: image.naturalHeight,
        head: (rendered.dataUrl ?? '').slice(0, 22),
        password: (document.getElementById('password') as HTMLInputElement).value,
        echo: document.getElementById('echo')?.textContent,
        tokenOutline: token.outerHTML,
        leftovers: document.querySelectorAll('iframe').length,
      };
    }, SECRET);
    expect(requests).toEqual([]);
    expect(result.head).toBe('data:image/png;base64,');
    expect([result.width, result.height]).toEqual([800, 600]);
    expect(result.svg).not.toContain(SECRET);
    expect(result.svg).not.toContain(SECRET.toLowerCase());
    expect(result.svg).toMatch(/<input[^>]*id="password"[^>]*value="••••••"/);
    expect(result.svg).toMatch(/<input[^>]*id="token"[^>]*value="••••••"/);
    expect(result.svg).toContain('Token •••••• saved');
    expect(result.svg).not.toContain('/sprite.svg');
    expect(result.masked).toBe(3);
    // The page still shows what was typed, and the renderer's helper iframe is gone.
    expect(result.password).toBe(SECRET);
    expect(result.echo).toBe(`Token ${SECRET} saved`);
    expect(result.leftovers).toBe(0);
  });

  it('draws the scrolled-to part of the page, the viewport the person saw', async () => {
    await loadPage();
    await page.evaluate(() => window.scrollTo(0, 2000));
    // The page loads its lazy image itself once it scrolls into view: not the renderer's doing.
    await expect
      .poll(() => page.evaluate(() => (document.getElementById('lazy') as HTMLImageElement).complete))
      .toBe(true);
    requests.length = 0;
    const svg = await page.evaluate(async () => {
      let markup = '';
      await window.UnderstudyArtifact.renderViewport(document, [], (element) => {
        markup = new XMLSerializer().serializeToString(element);
      });
      return markup;
    });
    expect(svg).toMatch(/<body[^>]*transform: matrix\(1, 0, 0, 1, 0, -2000\)/);
    expect(requests).toEqual([]);
  });
});
