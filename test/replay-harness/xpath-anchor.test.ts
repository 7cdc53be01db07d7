// @vitest-environment node
/**
 * XPath locators anchored on an id (`//*[@id="item-3"]/input[2]`) are evaluated from the anchors found by
 * selector (Blink's XPath has no id index and would visit every element): in Chromium, the answer must be
 * the browser's own XPath engine's, element for element and in document order.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';

type Entry = typeof import('./page-entry');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await bundleForPage('test/replay-harness/page-entry.ts', 'UnderstudyReplay');
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent(`<!doctype html><html><body><main>
    <fieldset id="item-2"><legend>Item 2</legend><input><input></fieldset>
    <fieldset id="item-3"><legend>Item 3</legend><input><input id="target"></fieldset>
    <div id="dup"><p>outer</p><div id="dup"><p>inner 1</p><p>inner 2</p></div><p>outer 2</p></div>
    <section id="dup"><p>last</p></section>
    <svg id="icon"><g><circle r="1"></circle></g></svg>
  </main></body></html>`);
  await page.addScriptTag({ content: bundle });
});

afterAll(async () => {
  await browser?.close();
});

/** Positions (in document order) of what our evaluation and the engine's find for `path`. */
function compare(path: string): Promise<{ ours: number[]; engine: number[] }> {
  return page.evaluate((path) => {
    const entry = (window as unknown as { UnderstudyReplay: Entry }).UnderstudyReplay;
    const all = [...document.querySelectorAll('*')];
    const ours = entry.evaluateLocator(document, { kind: 'xpath', path }, []).map((element) => all.indexOf(element));
    let engine: number[] = [];
    try {
      const result = document.evaluate(path, document, null, 7, null);
      engine = Array.from({ length: result.snapshotLength }, (_, index) =>
        all.indexOf(result.snapshotItem(index) as Element),
      );
    } catch {
      engine = [];
    }
    return { ours, engine };
  }, path);
}

describe('id-anchored XPath locators in Chromium', () => {
  it('find the recorded element by the path generated for it', async () => {
    const path = await page.evaluate(() => {
      const entry = (window as unknown as { UnderstudyReplay: Entry }).UnderstudyReplay;
      return entry.generateXPath(document.getElementById('target') as Element, document);
    });
    expect(path).toBe('//*[@id="item-3"]/input[2]');
    const { ours, engine } = await compare(path as string);
    expect(ours).toHaveLength(1);
    expect(ours).toEqual(engine);
  });

  it('answer as the engine does for repeated, nested, foreign and missing anchors and broken paths', async () => {
    for (const path of [
      '//*[@id="dup"]/p[1]',
      '//*[@id="dup"]/p',
      '//*[@id="dup"]/div[1]/p[2]',
      '//*[@id="icon"]/*[local-name()="g"][1]/*[local-name()="circle"][1]',
      '//*[@id="none"]/p[1]',
      '//*[@id="dup"]/p[',
    ]) {
      const { ours, engine } = await compare(path);
      expect(ours, path).toEqual(engine);
    }
    // The nested case really is nested: the outer anchor's paragraphs, then the inner's, then the section's.
    expect((await compare('//*[@id="dup"]/p')).ours).toHaveLength(5);
  });
});
