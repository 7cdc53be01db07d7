import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { foundText, record, resolveOn } from './page-pairs';

describe('record ids migrated to another format', () => {
  type Request = readonly [string, string, string, string];
  const table = (rows: readonly Request[]) =>
    `<main><h1>Document requests</h1><table><thead><tr><th>Request</th><th>Document</th><th>Issuer</th><th>Due</th><th>Actions</th></tr></thead><tbody>${rows
      .map(
        ([id, document, issuer, due]) =>
          `<tr><td>${id}</td><td>${document}</td><td>${issuer}</td><td>${due}</td><td><button type="button">Upload</button> <button type="button">Not applicable</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;
  const before = table([
    ['REQ-119', '1099-B Proceeds from broker transactions', 'Fidelity Investments', 'Mar 7'],
    ['REQ-120', '1099-DIV Dividends', 'Vanguard', 'Mar 7'],
    ['REQ-121', '1099-INT Interest income', 'Harbor Credit Union', 'Mar 3'],
    ['REQ-123', 'Childcare provider receipts', 'Little Acorns Daycare', 'Mar 14'],
  ]);
  const newRequest: Request = ['DOC-24-0131', '1099-INT Interest income', 'Northwind Savings Bank', 'Mar 3'];

  it('keep the record: "REQ-121" is "DOC-24-0121", moved by a re-sort', () => {
    const recorded = record(before, 'tbody tr:nth-child(3) button');
    const after = table([
      newRequest,
      ['DOC-24-0121', '1099-INT Interest income', 'Harbor Credit Union', 'Mar 3'],
      ['DOC-24-0119', '1099-B Proceeds from broker transactions', 'Fidelity Investments', 'Mar 7'],
      ['DOC-24-0120', '1099-DIV Dividends', 'Vanguard', 'Mar 7'],
      ['DOC-24-0123', 'Childcare provider receipts', 'Little Acorns Daycare', 'Mar 14'],
    ]);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('Harbor Credit Union');
  });

  it('do not make another number the record’s ("DOC-24-0131" for "REQ-121")', () => {
    const recorded = record(before, 'tbody tr:nth-child(3) button');
    const after = table([
      newRequest,
      ['DOC-24-0119', '1099-B Proceeds from broker transactions', 'Fidelity Investments', 'Mar 7'],
      ['DOC-24-0120', '1099-DIV Dividends', 'Vanguard', 'Mar 7'],
      ['DOC-24-0123', 'Childcare provider receipts', 'Little Acorns Daycare', 'Mar 14'],
    ]);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('among look-alikes too close to call', () => {
  it('the one line that kept every word telling the record apart ("size M … GLV-NIT-M", now line 4)', () => {
    type Line = readonly [string, string];
    const lines = (rows: readonly Line[]) =>
      `<main><h1>Edit lines · PO-2025-00433</h1><form><table><thead><tr><th>#</th><th>Item</th><th>SKU</th><th>Qty</th></tr></thead><tbody>${rows
        .map(
          ([item, sku], index) =>
            `<tr><td>${index + 1}</td><td>${item}</td><td>${sku}</td><td><input type="number" name="lines[${index}][qty]" aria-label="Quantity"></td></tr>`,
        )
        .join('')}</tbody></table></form></main>`;
    const glasses: Line = ['Safety glasses, clear anti-fog', 'EYE-AF-CLR'];
    const plugs: Line = ['Ear plugs, foam (box of 200 pairs)', 'EAR-FM-200'];
    const medium: Line = ['Nitrile gloves, size M (box of 100)', 'GLV-NIT-M'];
    const cut: Line = ['Cut-resistant gloves, level C, size 9', 'GLV-CUT-9'];
    const recorded = record(lines([glasses, plugs, medium, cut]), 'tbody tr:nth-child(3) input');
    const after = lines([glasses, plugs, ['Nitrile gloves, size L (box of 100)', 'GLV-NIT-L'], medium, cut]);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('GLV-NIT-M');
  });

  it('the one slot whose surroundings kept every word, its count aside ("3 chairs open" → 2)', () => {
    type Slot = readonly [string, string, number];
    const slots = (rows: readonly Slot[]) =>
      `<main><h1>Choose a time</h1><ul>${rows
        .map(
          ([time, place, chairs]) =>
            `<li><strong>${time}</strong> <span>Tue, Jun 11</span> <span>${place} · Whole blood</span> <span>${chairs} chairs open</span> <button type="button">Book</button></li>`,
        )
        .join('')}</ul></main>`;
    const recorded = record(
      slots([
        ['8:00 AM', 'Downtown Donor Center', 6],
        ['10:30 AM', 'Northside Donor Center', 3],
        ['10:30 AM', 'Downtown Donor Center', 3],
        ['1:00 PM', 'Downtown Donor Center', 3],
      ]),
      'li:nth-child(3) button',
    );
    const after = slots([
      ['8:00 AM', 'Downtown Donor Center', 6],
      ['10:30 AM', 'Northside Donor Center', 3],
      ['10:30 AM', 'Downtown Mobile Unit (City Hall plaza)', 8],
      ['10:30 AM', 'Downtown Donor Center', 2],
      ['1:00 PM', 'Downtown Donor Center', 3],
    ]);
    expect(foundText(resolveOn(after, recorded), 'li')).toContain('Downtown Donor Center · Whole blood 2 chairs');
  });
});

describe('a choice whose short caption was spelled out ("SMS" → "Text message (SMS)")', () => {
  const prefs = (addresses: readonly string[], sms: string, rows: boolean) =>
    `<main><h1>Outage alerts</h1>${addresses
      .map(
        (address) =>
          `<section><h3>${address}</h3><fieldset><legend>Notify me about outages at this address by</legend>${[
            'Email',
            sms,
            'Voice call',
          ]
            .map((caption) =>
              rows
                ? `<div class="opt"><label><input type="checkbox"> ${caption}</label><span class="switch"></span></div>`
                : `<label><input type="checkbox"> ${caption}</label>`,
            )
            .join('')}</fieldset></section>`,
      )
      .join('')}</main>`;

  it('is found in its address’s section, another address added on top', () => {
    const recorded = record(
      prefs(['14 Elm St', '220 Quarry Ln'], 'SMS', false),
      'section:nth-child(3) label:nth-of-type(2) input',
    );
    const after = prefs(['9 Birch Ct', '14 Elm St', '220 Quarry Ln'], 'Text message (SMS)', true);
    const result = resolveOn(after, recorded);
    expect(foundText(result, 'section')).toContain('220 Quarry Ln');
    expect(foundText(result, 'label')).toContain('Text message (SMS)');
  });
});

describe('a component copy now holding a namesake of the recorded record', () => {
  /** Standing-order lines, each a <standing-line> whose shadow root shows the coffee and a Remove button. */
  function lines(coffees: readonly string[]): void {
    document.body.innerHTML = `<main><h2>Lines</h2><div id="lines">${coffees.map(() => '<standing-line></standing-line>').join('')}</div><button type="button">Add coffee</button></main>`;
    document.querySelectorAll('standing-line').forEach((host, index) => {
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<div id="row"><strong>${coffees[index]}</strong><label>Qty <input type="number" value="2"></label><button type="button">Remove</button></div>`;
    });
  }
  const recordSumatra = () => {
    lines([
      'Northline Espresso · 5 lb bag',
      'Sumatra Mandheling · 5 lb bag',
      'Mountain Water Decaf · 5 lb bag',
      'Sumatra Mandheling · 12 oz retail ×6',
    ]);
    const host = document.querySelectorAll('standing-line')[1] as Element;
    return describeElement(host.shadowRoot?.querySelector('button') as Element);
  };

  it('is not the recorded one ("Sumatra Mandheling Decaf (Swiss Water) · 5 lb bag" in its place)', () => {
    const recorded = recordSumatra();
    lines([
      'Northline Espresso · 5 lb bag',
      'Sumatra Mandheling Decaf (Swiss Water) · 5 lb bag',
      'Mountain Water Decaf · 5 lb bag',
      'Sumatra Mandheling · 12 oz retail ×6',
    ]);
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });

  it('leaves the recorded line found when it only moved', () => {
    const recorded = recordSumatra();
    lines([
      'Sumatra Mandheling · 12 oz retail ×6',
      'Northline Espresso · 5 lb bag',
      'Mountain Water Decaf · 5 lb bag',
      'Sumatra Mandheling · 5 lb bag',
    ]);
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect((result.element.getRootNode() as ShadowRoot).textContent).toContain('Sumatra Mandheling · 5 lb bag');
    }
  });
});
