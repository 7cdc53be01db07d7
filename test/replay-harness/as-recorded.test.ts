// @vitest-environment node
/**
 * Replaying on the page as recorded, in Chromium (the shortcut needs every stored locator, XPath included, to
 * find the one element): the target is taken without fingerprinting its look-alikes, and any change around it
 * sends resolution the full way. The rows' ids are numbered ("item-5-name"), which the full way never counts as
 * a vote, so an answer credited to the id locator is the shortcut's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumResolver, launchResolver } from './resolve-in-chromium';

let chromium: ChromiumResolver;

beforeAll(async () => {
  chromium = await launchResolver();
});

afterAll(async () => {
  await chromium?.close();
});

interface Row {
  n: number;
  saved?: string;
}

/** The replay benchmark's page: rows of a name field, its saved value, a size list, a checkbox and a toggle. */
function inventory(rows: readonly Row[], extra = ''): string {
  const fieldsets = rows
    .map(
      ({ n, saved }) => `<fieldset id="item-${n}"><legend>Item ${n}</legend>
<label for="item-${n}-name">Item ${n} name</label> <input id="item-${n}-name" type="text" autocomplete="off">
<span>Saved: <b id="item-${n}-saved">${saved ?? ''}</b></span>
<label for="item-${n}-size">Item ${n} size</label> <select id="item-${n}-size"><option value="">Choose…</option><option value="s">Small</option><option value="m">Medium</option><option value="l">Large</option></select>
<span><input type="checkbox" id="item-${n}-include"> <label for="item-${n}-include">Include item ${n}</label></span>
<button type="button" id="item-${n}-star" aria-pressed="false">Star item ${n}</button>
</fieldset>`,
    )
    .join('\n');
  return `<main><h1>Inventory review</h1>${fieldsets}</main>${extra}`;
}

const ROWS: Row[] = Array.from({ length: 12 }, (_, index) => ({ n: index + 1 }));
const TARGETS = ['#item-5-name', '#item-5-size', '#item-5-include', '#item-5-star'];

describe('a target on the page as recorded', () => {
  it('is taken at once, credited to its first locator', async () => {
    for (const selector of TARGETS) {
      const recorded = await chromium.record('en', inventory(ROWS), selector);
      expect(recorded.locators[0]?.kind).toBe('id');
      const result = await chromium.replay('en', inventory(ROWS), recorded);
      expect(result.status).toBe('found');
      expect(result.html).toContain(`id="${selector.slice(1)}"`);
      expect(result.via).toBe('id');
    }
  });
});

describe('a target whose page changed around it', () => {
  it('is resolved the full way when its row reads otherwise now ("Saved: Widget 5")', async () => {
    const changed = ROWS.map((row) => (row.n === 5 ? { ...row, saved: 'Widget 5' } : row));
    for (const selector of ['#item-5-size', '#item-5-include', '#item-5-star']) {
      const recorded = await chromium.record('en', inventory(ROWS), selector);
      const result = await chromium.replay('en', inventory(changed), recorded);
      expect(result.status).toBe('found');
      expect(result.html).toContain(`id="${selector.slice(1)}"`);
      expect(result.via).not.toBe('id');
    }
  });

  it('is resolved the full way when another field now bears its name', async () => {
    const recorded = await chromium.record('en', inventory(ROWS), '#item-5-name');
    const quickEdit = '<aside><label>Item 5 name <input type="text" name="quick"></label></aside>';
    const result = await chromium.replay('en', inventory(ROWS, quickEdit), recorded);
    expect(result.via).not.toBe('id');
    if (result.status === 'found') expect(result.html).toContain('id="item-5-name"');
  });

  it('is resolved the full way when its id went to another row', async () => {
    const recorded = await chromium.record('en', inventory(ROWS), '#item-5-name');
    // Rebuilt with the ids numbered from the bottom: "item-5-name" is on Item 8's field now.
    const renumbered = inventory(ROWS)
      .replace(/id="item-(\d+)-/g, (_, n: string) => `id="x-${13 - Number(n)}-`)
      .replace(/for="item-(\d+)-/g, (_, n: string) => `for="x-${13 - Number(n)}-`)
      .replace(/"x-/g, '"item-');
    const result = await chromium.replay('en', renumbered, recorded);
    expect(result.via).not.toBe('id');
    expect(result.status).toBe('found');
    expect(result.html).toContain('id="item-8-name"');
  });

  it('is resolved the full way when its wider section reads otherwise', async () => {
    const recorded = await chromium.record('en', inventory(ROWS), '#item-5-include');
    expect(recorded.fingerprint.widerWords).toContain('saved');
    // Its own surroundings ("Include item 5") are as recorded; the row around them is not.
    const reworded = inventory(ROWS).replace('Saved: <b id="item-5-saved">', 'Stored: <b id="item-5-saved">');
    const result = await chromium.replay('en', reworded, recorded);
    expect(result.via).not.toBe('id');
    expect(result.status).toBe('found');
    expect(result.html).toContain('id="item-5-include"');
  });

  it('is not taken when names are numbered and the surroundings say no number: a renumbered list is asked about', async () => {
    const intro =
      '<p>Set how much water each zone gets per cycle. Values are in litres and apply from the next scheduled run; leave a field empty to keep the controller default, which depends on soil type, season, sun exposure and local restrictions.</p>';
    const zones = (litres: readonly number[]) =>
      `<main><h1>Irrigation</h1><form id="z">${intro}${litres
        .map(
          (value, index) =>
            `<div><label>Zone ${index + 1} water amount <input type="text" value="${value}"></label> <span>litres per cycle, drip line</span></div>`,
        )
        .join('')}</form></main>`;
    const recorded = await chromium.record('en', zones([10, 20, 30, 40]), '#z > div:nth-of-type(2) input');
    // A zone inserted at the top: the field labelled "Zone 2" now is the old Zone 1, and reads just as the
    // recorded one did. Nothing tells which it is: the person is asked.
    const result = await chromium.replay('en', zones([5, 10, 20, 30, 40]), recorded);
    expect(result.status).toBe('ambiguous');
  });
});

describe('a numbered name whose rows all state its number by chance', () => {
  it('is not taken at once once the list renumbers ("2–50 characters" under every guest)', async () => {
    const intro =
      '<p>Each guest travelling needs a separate entry. Names must match the travel document exactly; the airline may refuse boarding otherwise, and changes after ticketing cost a fee that depends on the fare class and route.</p>';
    const guests = (count: number) =>
      `<main><h1>Passengers</h1><form id="g">${intro}${Array.from(
        { length: count },
        (_, index) =>
          `<div><label>Guest ${index + 1} full name <input type="text"></label> <small>As on the passport, 2–50 characters</small></div>`,
      ).join('')}</form></main>`;
    const recorded = await chromium.record('en', guests(3), '#g > div:nth-of-type(2) input');
    // A guest added at the top: the field labelled "Guest 2" now is the old Guest 1's.
    const result = await chromium.replay('en', guests(4), recorded);
    expect(result.status).toBe('ambiguous');
  });
});

describe('the recorded label card, its layout flattened, beside a new card of the same buttons', () => {
  const card = (kind: string, carrier: string, flat: boolean) =>
    flat
      ? `<div class="label-card"><div><strong>${kind}</strong> · ${carrier} · <button type="button">Track</button><button type="button">Reprint</button><button type="button" data-testid="void-label">Void label</button></div></div>`
      : `<div class="label-card"><div><strong>${kind}</strong> · ${carrier}</div><div class="toolbar"><button type="button">Track</button><button type="button">Reprint</button><button type="button" data-testid="void-label">Void label</button></div></div>`;
  const panel = (cards: string[]) =>
    `<main><h1>Shipment SH-20931</h1><section><h2>Labels</h2>${cards.join('')}</section></main>`;

  it('keeps its "Void label": its own words holding the wider ones do not disown it', async () => {
    const recorded = await chromium.record(
      'en',
      panel([card('Outbound', 'USPS Priority Mail', false)]),
      '[data-testid=void-label]',
    );
    const after = panel([card('Return', 'UPS Ground', false), card('Outbound', 'USPS Priority Mail', true)]);
    const result = await chromium.replay('en', after, recorded, '.label-card');
    expect(result.status).toBe('found');
    expect(result.around).toContain('Outbound');
  });
});

describe('a tie among numbered look-alikes on an unchanged page', () => {
  it('is not handed to the line whose own words were the recorded wider section', async () => {
    const html = `<main><h1>Returns</h1><form id="r"><div><label>Line 2 quantity <input type="text"></label> <span>units, boxed</span></div><div><label>Line 3 quantity <input type="text"></label> <span>units, boxed</span> <em>Returns desk, damaged</em></div></form></main>`;
    const recorded = await chromium.record('en', html, '#r > div:nth-of-type(1) input');
    const result = await chromium.replay('en', html, recorded, 'div');
    expect(result.status).toBe('found');
    expect(result.around).toContain('Line 2 quantity');
  });
});
