// @vitest-environment node
/**
 * Resolving a target on a page shown in another language than it was recorded in (the nearest `lang` changed), in
 * Chromium: XPath and CSS are the browser's own. Words cannot vouch for anything there, so only an unchanged
 * structure (CSS and XPath agree, same place among as many siblings, nothing else alike but for its position) or an
 * identity may name the element.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';
import type { TargetDescriptor } from '@/lib/locators';

type Entry = typeof import('./page-entry');
let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleForPage('test/replay-harness/page-entry.ts', 'UnderstudyReplay');
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function load(lang: string, html: string): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${html}</body></html>`,
  );
  await page.addScriptTag({ content: bundle });
}

async function record(lang: string, html: string, selector: string): Promise<TargetDescriptor> {
  await load(lang, html);
  return page.evaluate(
    (selector) =>
      (window as unknown as { UnderstudyReplay: Entry }).UnderstudyReplay.describeElement(
        document.querySelector(selector) as Element,
      ),
    selector,
  );
}

async function replay(
  lang: string,
  html: string,
  target: TargetDescriptor,
): Promise<{ status: string; html?: string }> {
  await load(lang, html);
  return page.evaluate((target) => {
    const result = (window as unknown as { UnderstudyReplay: Entry }).UnderstudyReplay.resolveTarget(document, target);
    return result.status === 'found'
      ? { status: result.status, html: result.element.outerHTML }
      : { status: result.status };
  }, target);
}

const toolbar = (newEvent: string, today: string, previous: string) => `
  <div class="cal-toolbar" id="cal-toolbar">
    <button type="button" class="btn btn-primary">${newEvent}</button>
    <button type="button" class="btn">${today}</button>
    <button type="button" class="icon-btn" aria-label="${previous}">‹</button>
  </div>`;

const rows = (people: [string, string][]) => `
  <table id="people"><tbody>${people
    .map(([name, role]) => `<tr><td>${name}</td><td>${role}</td><td><button class="row-btn">×</button></td></tr>`)
    .join('')}</tbody></table>`;

describe('a page shown in another language than recorded', () => {
  it('finds the control when structure and classes are unchanged', async () => {
    const target = await record('en', toolbar('New event', 'Today', 'Previous week'), '.btn-primary');
    const result = await replay('ja', toolbar('新しい予定', '今日', '前の週'), target);
    expect(result).toMatchObject({ status: 'found' });
    expect(result.html).toContain('新しい予定');
  });

  it('finds a field by its unchanged id', async () => {
    const form = (label: string) => `<form><label for="start">${label}</label><input id="start" name="start"></form>`;
    const target = await record('en', form('Start date'), '#start');
    const result = await replay('de', form('Startdatum'), target);
    expect(result.html).toContain('id="start"');
  });

  it('refuses when rows that differ only in words were re-sorted: position alone would decide', async () => {
    const before = rows([
      ['Ada', 'Engineer'],
      ['Grace', 'Admiral'],
      ['Linus', 'Maintainer'],
    ]);
    const target = await record('en', before, 'tr:nth-child(2) .row-btn');
    const after = rows([
      ['Ada', 'Ingenieurin'],
      ['Linus', 'Betreuer'],
      ['Grace', 'Admiralin'],
    ]);
    expect((await replay('de', after, target)).status).not.toBe('found');
  });

  it('refuses when the structure around the target changed', async () => {
    const target = await record('en', toolbar('New event', 'Today', 'Previous week'), '.btn:not(.btn-primary)');
    const changed = `<div class="cal-toolbar" id="cal-toolbar"><span class="group"><button type="button" class="btn">今日</button></span>
      <button type="button" class="btn btn-primary">新しい予定</button></div>`;
    expect((await replay('ja', changed, target)).status).not.toBe('found');
  });

  it('keeps comparing words when only the region differs (en-GB → en): a renamed control is not acted on', async () => {
    const target = await record('en-GB', toolbar('New event', 'Today', 'Previous week'), '.btn-primary');
    const result = await replay('en', toolbar('Delete calendar', 'Today', 'Previous week'), target);
    expect(result.status).not.toBe('found');
  });
});
