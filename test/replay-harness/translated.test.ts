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

const passenger = (name: string, bags: string, options: readonly string[]) =>
  `<section><h2>${name}</h2><div><label>${bags}<select name="bags">${options
    .map((option, value) => `<option value="${value}">${option}</option>`)
    .join('')}</select></label><label>Meal<select name="meal"><option>-</option></select></label></div></section>`;
const passengers = (caption: string, options: readonly string[], names: readonly string[]) =>
  `<main>${names.map((name) => passenger(name, caption, options)).join('')}</main>`;
const ENGLISH_BAGS = ['No checked bags', '1 bag (+€35)', '2 bags (+€65)'];
const SPANISH_BAGS = ['Sin equipaje', '1 maleta (+35 €)', '2 maletas (+65 €)'];
const NAMES = ['Dana Okafor', 'Chen Wei', 'Luis Ortega'];

const checkout = ([when, time, tip, card]: readonly string[], delivery = true) => `<main><form action="/checkout">
  ${delivery ? `<section><h2>${when}</h2><label>${time}<select><option>ASAP (35–45 min)</option><option>18:30</option><option>18:45</option></select></label></section>` : ''}
  <section><h2>${tip}</h2><label>${tip}<select><option>-</option><option>£1.00</option><option>£2.00</option></select></label></section>
  <section><h2>${card}</h2><label>${card}<select><option>Visa •••• 4242</option><option>Apple Pay</option></select></label></section>
  ${delivery ? '' : `<section><h2>Extra</h2><label>Extra<select><option>-</option><option>£5.00</option></select></label></section>`}
</form></main>`;
const ENGLISH = ['When', 'Delivery time', 'Tip', 'Pay with'];
const PORTUGUESE = ['Quando', 'Hora de entrega', 'Gorjeta', 'Pagar com'];

describe('look-alikes on a translated page', () => {
  it("tells a passenger's select from the others' by the passenger's name, which no translation changes", async () => {
    const target = await record('en', passengers('Checked bags', ENGLISH_BAGS, NAMES), 'section:nth-child(2) select');
    // Its own words at recording: as the words around it no other passenger's select had.
    expect(target.fingerprint.distinct).toEqual(['chen', 'wei']);
    const result = await replay('es', passengers('Equipaje facturado', SPANISH_BAGS, NAMES), target);
    expect(result.status).toBe('found');
    const sections = await page.evaluate(() => [...document.querySelectorAll('section')].map((s) => s.outerHTML));
    expect(sections[1]).toContain(result.html);
  });

  it('refuses when the passengers were re-ordered, or another one stands in that place', async () => {
    const target = await record('en', passengers('Checked bags', ENGLISH_BAGS, NAMES), 'section:nth-child(2) select');
    for (const names of [
      ['Chen Wei', 'Dana Okafor', 'Luis Ortega'],
      ['Dana Okafor', 'Mia Jensen', 'Luis Ortega'],
    ]) {
      expect((await replay('es', passengers('Equipaje facturado', SPANISH_BAGS, names), target)).status).not.toBe(
        'found',
      );
    }
  });

  it('tells selects apart by the times and amounts their options hold', async () => {
    const target = await record('en', checkout(ENGLISH), 'select');
    expect(target.fingerprint.choices).toEqual(expect.arrayContaining(['18:30']));
    const result = await replay('pt', checkout(PORTUGUESE), target);
    expect(result.status).toBe('found');
    expect(result.html).toContain('18:30');
  });

  it('refuses when a select with other options now stands in its place', async () => {
    const target = await record('en', checkout(ENGLISH), 'select');
    expect((await replay('pt', checkout(PORTUGUESE, false), target)).status).not.toBe('found');
  });
});
