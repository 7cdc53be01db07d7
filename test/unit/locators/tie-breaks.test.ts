import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget, type TargetDescriptor } from '@/lib/locators';

function record(html: string, pick: (doc: Document) => Element): TargetDescriptor {
  document.body.innerHTML = html;
  return describeElement(pick(document));
}

function resolveOn(html: string, target: TargetDescriptor) {
  document.body.innerHTML = html;
  return resolveTarget(document, target);
}

describe('numbered sections told apart by what their fields show', () => {
  const guest = (number: number, first: string, last: string, doc: string) =>
    `<fieldset><legend>Guest ${number}</legend>
      <label for="g${number}-first">First name</label><input id="g${number}-first" name="guests[${number}][first]" value="${first}">
      <label for="g${number}-last">Last name</label><input id="g${number}-last" name="guests[${number}][last]" value="${last}">
      <label for="g${number}-doc">Document number</label><input id="g${number}-doc" name="guests[${number}][doc]" value="${doc}">
    </fieldset>`;
  const form = (guests: string[]) => `<main><h1>Registration card</h1><form>${guests.join('')}</form></main>`;

  it('follows the guest whose section moved to another number', () => {
    const recorded = record(
      form([guest(1, 'Daniel', 'Evans', 'P123'), guest(2, 'Sofia', 'Rossi', '')]),
      (doc) => doc.getElementById('g2-doc') as Element,
    );
    expect(recorded.fingerprint.sectionWords).toEqual(expect.arrayContaining(['sofia', 'rossi']));
    const result = resolveOn(form([guest(1, 'Sofia', 'Rossi', ''), guest(2, 'Daniel', 'Evans', 'P123')]), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('g1-doc');
  });

  it('does not take what someone typed as the section’s words', () => {
    document.body.innerHTML = form([guest(1, 'Daniel', 'Evans', 'P123'), guest(2, '', '', '')]);
    (document.getElementById('g2-first') as HTMLInputElement).value = 'Typed';
    const recorded = describeElement(document.getElementById('g2-doc') as Element);
    expect(recorded.fingerprint.sectionWords ?? []).not.toContain('typed');
  });

  it('never reads a password field', () => {
    document.body.innerHTML = `<fieldset><legend>Account 1</legend><input type="password" value="hunter2secret"><label for="a1">Nickname</label><input id="a1"></fieldset>
      <fieldset><legend>Account 2</legend><input type="password" value="other"><label for="a2">Nickname</label><input id="a2"></fieldset>`;
    const recorded = describeElement(document.getElementById('a1') as Element);
    expect(JSON.stringify(recorded)).not.toContain('hunter2secret');
  });
});

describe('a copy of a card added beside the recorded one', () => {
  const card = (kind: string, tracking: string) =>
    `<div class="label-card"><div><strong>${kind}</strong> · USPS Priority Mail<br><span>Tracking</span> <a href="/track/${tracking}">${tracking}</a></div>
      <div class="toolbar"><button type="button">Track</button><button type="button">Reprint</button><button type="button" data-testid="void-label">Void label</button></div></div>`;
  const panel = (cards: string[]) =>
    `<main><h1>Shipment SH-20931</h1><section><h2>Labels</h2>${cards.join('')}</section></main>`;

  it('acts in the card that kept every word of the recorded one', () => {
    const recorded = record(
      panel([card('Outbound', '9405511899560123')]),
      (doc) => doc.querySelector('[data-testid=void-label]') as Element,
    );
    const result = resolveOn(
      panel([card('Return', '9202390112345678'), card('Outbound', '9405511899560123')]),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('.label-card')?.textContent).toContain('Outbound');
  });

  it('asks when the recorded card is gone and a new one quotes it', () => {
    const recorded = record(
      panel([card('Outbound', '9405511899560123')]),
      (doc) => doc.querySelector('[data-testid=void-label]') as Element,
    );
    const result = resolveOn(
      panel([card('Return', '9202390112345678'), card('Replacement for Outbound', '9405511899560123')]),
      recorded,
    );
    expect(result.status).not.toBe('found');
  });
});

describe('rows that match equally well', () => {
  const row = (dish: string, course: string) =>
    `<tr><td>${dish}</td><td>${course}</td><td><select aria-label="Station"><option>Grill</option><option>Fryer</option></select></td><td><button>Print ticket</button></td></tr>`;
  const table = (rows: string[]) =>
    `<main><h1>Kitchen routing</h1><table><tbody>${rows.join('')}</tbody></table></main>`;

  it('takes the only row that reads exactly as recorded', () => {
    const recorded = record(
      table([row('Chicken Parm', 'Mains'), row('Chicken Wings', 'Antipasti')]),
      (doc) => doc.querySelectorAll('select')[1] as Element,
    );
    const result = resolveOn(
      table([
        row('Boneless Chicken Wings', 'Antipasti'),
        row('Chicken Parm', 'Mains'),
        row('Chicken Wings', 'Antipasti'),
      ]),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.cells[0]?.textContent).toBe('Chicken Wings');
  });

  it('asks when no row reads exactly as recorded', () => {
    const recorded = record(
      table([row('Chicken Parm', 'Mains'), row('Chicken Wings', 'Antipasti')]),
      (doc) => doc.querySelectorAll('select')[1] as Element,
    );
    const result = resolveOn(
      table([
        row('Boneless Chicken Wings', 'Antipasti'),
        row('Chicken Parm', 'Mains'),
        row('Spicy Chicken Wings', 'Antipasti'),
      ]),
      recorded,
    );
    expect(result.status).not.toBe('found');
  });
});

describe('the same control under the next numbered heading', () => {
  const sprint = (number: number, action: string) =>
    `<section><header><h2>ENG Sprint ${number}</h2><span>10 Jun – 24 Jun · 4 issues</span><div><button type="button" data-testid="sprint-header-action">${action}</button></div></header><ul><li>ENG-${number}1 Fix login</li></ul></section>`;

  it('is not acted on while the recorded section is still on the page ("Sprint 24" started, "Sprint 25" not)', () => {
    const recorded = record(
      `<main id="sprints">${sprint(23, 'Complete sprint')}${sprint(24, 'Start sprint')}</main>`,
      (doc) => doc.querySelectorAll('button')[1] as Element,
    );
    const result = resolveOn(
      `<main id="sprints">${sprint(24, 'Complete sprint')}${sprint(25, 'Start sprint')}</main>`,
      recorded,
    );
    expect(result.status).not.toBe('found');
  });
});

describe('choices whose groups now share one field name', () => {
  const filters = (named: (group: string, value: string) => string) =>
    `<form><fieldset><legend>Labels</legend><label><input type="checkbox" ${named('label', 'bug')}> bug</label><label><input type="checkbox" ${named('label', 'ux')}> ux</label></fieldset>
      <fieldset><legend>Type</legend><label><input type="checkbox" ${named('type', 'bug')}> Bug</label><label><input type="checkbox" ${named('type', 'story')}> Story</label></fieldset></form>`;

  it('reads "type:bug" as the value "bug" of the Type group', () => {
    const recorded = record(
      filters((group, value) => `name="${group}" value="${value}"`),
      (doc) => doc.querySelector('input[name="type"][value="bug"]') as Element,
    );
    const result = resolveOn(
      filters((group, value) => `name="filter" value="${group}:${value}"`),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('value')).toBe('type:bug');
  });
});

describe('a cell of a table whose columns changed', () => {
  const matrix = (columns: string[]) =>
    `<table><thead><tr><th>Notify me when…</th>${columns.map((column) => `<th>${column}</th>`).join('')}</tr></thead><tbody>
      ${['Someone shares a file', 'Comments on your files']
        .map(
          (event, row) =>
            `<tr><th>${event}</th>${columns.map((_, column) => `<td><input type="checkbox" name="pref-${row}-${column}"></td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;

  it('stays under its column when a column is inserted before it', () => {
    const recorded = record(
      matrix(['Email', 'Mobile push']),
      (doc) => doc.querySelector('input[name="pref-1-0"]') as Element,
    );
    expect(recorded.fingerprint.column).toBe('Email');
    const result = resolveOn(matrix(['Desktop', 'Email', 'Mobile push']), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('name')).toBe('pref-1-1');
  });

  it('is not acted on when its column is gone', () => {
    const recorded = record(
      matrix(['Email', 'Mobile push']),
      (doc) => doc.querySelector('input[name="pref-1-0"]') as Element,
    );
    expect(resolveOn(matrix(['Desktop', 'Mobile push']), recorded).status).not.toBe('found');
  });
});

describe('a field whose label was dropped', () => {
  const guests = (labelled: boolean, order: [string, string][]) =>
    `<table id="guests"><thead><tr><th>Guest</th><th>Meal</th><th>Table</th></tr></thead><tbody>${order
      .map(
        ([id, name]) =>
          `<tr><td><a href="/events/gala/guests/${id}">${name}</a></td><td>Vegetarian</td><td><select ${labelled ? `aria-label="Table for ${name}"` : ''}><option>Unassigned</option><option>Table 1</option><option>Table 2</option></select></td></tr>`,
      )
      .join('')}</tbody></table>`;

  it('is the only field of its kind left in the recorded record’s row', () => {
    const recorded = record(
      guests(true, [
        ['7001', 'Samuel Okafor'],
        ['7442', 'Lena Okafor'],
      ]),
      (doc) => doc.querySelectorAll('select')[1] as Element,
    );
    const result = resolveOn(
      guests(false, [
        ['7442', 'Lena Okafor'],
        ['7001', 'Samuel Okafor'],
      ]),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toContain('Lena');
  });

  it('is not another record’s field', () => {
    const recorded = record(
      guests(true, [
        ['7001', 'Samuel Okafor'],
        ['7442', 'Lena Okafor'],
      ]),
      (doc) => doc.querySelectorAll('select')[1] as Element,
    );
    expect(resolveOn(guests(false, [['7001', 'Samuel Okafor']]), recorded).status).not.toBe('found');
  });
});

describe('a choice whose value the site now spells another way', () => {
  const rates = (values: [string, string][]) =>
    `<fieldset><legend>Choose a shipping method</legend>${values
      .map(
        ([value, caption], index) =>
          `<label><input type="radio" name="rate" id="rate_${index}" value="${value}"> ${caption}</label>`,
      )
      .join('')}</fieldset>`;

  it('is the same choice when its caption of several words reads the same', () => {
    const recorded = record(
      rates([
        ['shopify-Standard-4.95', 'Standard 3–5 business days $4.95'],
        ['shopify-Express-14.95', 'Express 1–2 business days $14.95'],
      ]),
      (doc) => doc.getElementById('rate_1') as Element,
    );
    const result = resolveOn(
      rates([
        ['ups-ground-4.95', 'Standard 3–5 business days $4.95'],
        ['ups-3day-9.95', 'Express Saver 2–3 business days $9.95'],
        ['ups-2nd-day-air-14.95', 'Express 1–2 business days $14.95'],
      ]),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('value')).toBe('ups-2nd-day-air-14.95');
  });
});

describe('a command moved and shortened', () => {
  const page = (bar: string, footer: string) =>
    `<main><form id="product-form">${bar}<h2>Title</h2><input name="title"><h2>Search engine listing</h2><textarea name="seo"></textarea><div class="footer">${footer}</div></form></main>`;

  it('is the one command left with its verb and no other words ("Save product" → "Save")', () => {
    const recorded = record(
      page(
        '',
        '<button type="button">Delete product</button><button type="button">Discard</button><button type="submit">Save product</button>',
      ),
      (doc) => doc.querySelector('button[type=submit]') as Element,
    );
    const result = resolveOn(
      page(
        '<div class="bar"><span>Unsaved changes</span><button type="button">Discard</button><button type="submit">Save</button></div>',
        '<button type="button">Delete product</button>',
      ),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.textContent).toBe('Save');
  });

  it('is not a command of another object ("Save product" → only "Save search" left)', () => {
    const recorded = record(
      page('', '<button type="button">Discard</button><button type="submit">Save product</button>'),
      (doc) => doc.querySelector('button[type=submit]') as Element,
    );
    const result = resolveOn(
      page('<button type="button">Save search</button>', '<button type="button">Discard</button>'),
      recorded,
    );
    expect(result.status).not.toBe('found');
  });
});
