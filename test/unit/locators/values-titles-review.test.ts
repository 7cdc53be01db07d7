import { describe, expect, it } from 'vitest';
import { describeElement, type ResolveResult, resolveTarget } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

/**
 * What each page pair must give: the element the step meant, or a refusal where the page no longer says
 * which (a review's counter-examples to the rules that read field values, titles and prices).
 */
const OUTCOMES: Record<string, string> = {
  A1: 'found Segment 3 target temperature 3',
  A1c: 'found Segment 3 target temperature 3',
  A1b: 'found Segment 3 target temperature 3',
  A2: 'found Line 1 note 1-Meals',
  A2c: 'ambiguous',
  A2b: 'found Line 1 note 1-Travel',
  A3: 'found Fri Ana Lopez',
  B1: 'found Counted Red mug Red mug',
  B2: 'found phone',
  C1: 'found  Hyperion (Deluxe Edition)',
  C2: 'found  Hyperion — signed copy',
  C3: 'found  Winter Choir Concert Postponed',
  // A rescheduled slot that kept only its price: the price is no id, so the person is asked.
  D1: 'not-found',
};

function show(name: string, result: ResolveResult, _meant: string) {
  const what =
    result.status === 'found'
      ? `found ${result.element.getAttribute('aria-label') ?? result.element.id ?? ''} ${
          result.element.closest('tr,li,article,[data-row]')?.getAttribute('data-row') ?? ''
        }`.trim()
      : result.status;
  expect(what).toBe(OUTCOMES[name]);
}

describe('A rowValues', () => {
  type Segment = [ramp: string, target: string, hold: string];
  const table = (segments: readonly Segment[]) =>
    '<main><h1>Edit program: Glaze slow cool</h1><table id="segments"><thead><tr><th>Seg</th><th>Ramp</th>' +
    '<th>Target</th><th>Hold</th><th>Remove</th></tr></thead><tbody>' +
    segments
      .map(
        ([ramp, target, hold], index) =>
          `<tr data-row="${index + 1}"><td>${index + 1}</td><td><input type="number" value="${ramp}" aria-label="Segment ${index + 1} ramp rate"></td>` +
          `<td><input type="number" value="${target}" aria-label="Segment ${index + 1} target temperature"></td>` +
          `<td><input type="number" value="${hold}" aria-label="Segment ${index + 1} hold"></td>` +
          '<td><button type="button">Remove</button></td></tr>',
      )
      .join('') +
    '</tbody></table></main>';

  it('A1 kiln: data-driven ramp typed into seg 3, seg 2 holds the recorded ramp/hold', () => {
    // Recording: step 1 typed ramp 100 into segment 3; step 2 (recorded here) is segment 3's target.
    const target = record(
      table([
        ['150', '1000', '0'],
        ['80', '1900', '0'],
        ['100', '2185', '0'],
        ['9999', '1900', '0'],
      ]),
      'tbody tr:nth-child(3) input[aria-label="Segment 3 target temperature"]',
    );
    // Replay with another data row: step 1 typed ramp 80 into segment 3; segment 2's ramp is 100.
    const after = table([
      ['150', '1000', '0'],
      ['100', '1900', '0'],
      ['80', '2185', '0'],
      ['9999', '1900', '0'],
    ]);
    show('A1', resolveOn(after, target), 'Segment 3 target');
  });

  it('A1c kiln: rerun of data-driven flow (seg 3 ramp and target typed by run 1), seg 2 holds recorded ramp/hold', () => {
    const target = record(
      table([
        ['150', '1000', '0'],
        ['80', '1900', '0'],
        ['100', '2185', '0'],
        ['9999', '1900', '0'],
      ]),
      'tbody tr:nth-child(3) input[aria-label="Segment 3 target temperature"]',
    );
    const after = table([
      ['150', '1000', '0'],
      ['100', '1900', '0'],
      ['90', '2200', '0'],
      ['9999', '1900', '0'],
    ]);
    show('A1c', resolveOn(after, target), 'Segment 3 target');
  });

  it('A1b kiln: nothing changed but seg 3 ramp edited since, seg 1 now holds the old one', () => {
    const target = record(
      table([
        ['150', '1000', '0'],
        ['400', '1900', '0'],
        ['120', '2185', '10'],
      ]),
      'tbody tr:nth-child(3) input[aria-label="Segment 3 target temperature"]',
    );
    const after = table([
      ['120', '1000', '10'],
      ['400', '1900', '0'],
      ['150', '2185', '10'],
    ]);
    show('A1b', resolveOn(after, target), 'Segment 3 target');
  });

  // Expense lines, "Add line" inserts the new empty line at the TOP; recording typed Category then Amount
  // into the new line, then the note (recorded here). The recording's line persisted; the replay uses
  // other data.
  type Line = [category: string, amount: string, note: string];
  const categories = ['Travel', 'Meals', 'Hotel', 'Other'];
  const expenses = (lines: readonly Line[]) =>
    '<main><h1>Expense report — March</h1><button type="button">Add line</button><table id="lines"><thead><tr>' +
    '<th>#</th><th>Category</th><th>Amount</th><th>Note</th></tr></thead><tbody>' +
    lines
      .map(
        ([category, amount, note], index) =>
          `<tr data-row="${index + 1}-${category}"><td>${index + 1}</td><td><select aria-label="Line ${index + 1} category"><option value="">Choose…</option>${categories
            .map((c) => `<option value="${c}"${c === category ? ' selected' : ''}>${c}</option>`)
            .join('')}</select></td>` +
          `<td><input type="text" inputmode="decimal" value="${amount}" aria-label="Line ${index + 1} amount"></td>` +
          `<td><input type="text" value="${note}" aria-label="Line ${index + 1} note"></td></tr>`,
      )
      .join('') +
    '</tbody></table></main>';

  it('A2 expenses: new line added at top, the recording-session line (same data) now second', () => {
    const target = record(
      expenses([
        ['Travel', '45.00', ''],
        ['Hotel', '320.00', 'Conference hotel'],
      ]),
      'tbody tr:nth-child(1) input[aria-label="Line 1 note"]',
    );
    const after = expenses([
      ['Meals', '12.50', ''],
      ['Travel', '45.00', 'Taxi to airport'],
      ['Hotel', '320.00', 'Conference hotel'],
    ]);
    show('A2', resolveOn(after, target), 'Line 1 note (row 1-Meals)');
  });

  const plain = (lines: readonly Line[]) =>
    '<main><h1>Expense report — March</h1><button type="button">Add line</button><table id="lines"><thead><tr>' +
    '<th>Category</th><th>Amount</th><th>Note</th></tr></thead><tbody>' +
    lines
      .map(
        ([category, amount, note], index) =>
          `<tr data-row="${index + 1}-${category}"><td><select aria-label="Category"><option value="">Choose…</option>${categories
            .map((c) => `<option value="${c}"${c === category ? ' selected' : ''}>${c}</option>`)
            .join('')}</select></td>` +
          `<td><input type="text" inputmode="decimal" value="${amount}" aria-label="Amount"></td>` +
          `<td><input type="text" value="${note}" aria-label="Note"></td></tr>`,
      )
      .join('') +
    '</tbody></table></main>';
  it('A2c expenses, unnumbered rows: new line on top, recording-session line now second', () => {
    const target = record(
      plain([
        ['Travel', '45.00', ''],
        ['Hotel', '320.00', 'Conference hotel'],
      ]),
      'tbody tr:nth-child(1) input[aria-label="Note"]',
    );
    const after = plain([
      ['Meals', '12.50', ''],
      ['Travel', '45.00', 'Taxi to airport'],
      ['Hotel', '320.00', 'Conference hotel'],
    ]);
    show('A2c', resolveOn(after, target), 'Note (row 1-Meals)');
  });

  it('A2b expenses: same, the recorded line empty note, replay line gets other amount only', () => {
    const target = record(
      expenses([
        ['Travel', '45.00', ''],
        ['Hotel', '320.00', 'Conference hotel'],
      ]),
      'tbody tr:nth-child(1) input[aria-label="Line 1 note"]',
    );
    const after = expenses([
      ['Travel', '60.00', ''],
      ['Travel', '45.00', 'Taxi to airport'],
      ['Hotel', '320.00', 'Conference hotel'],
    ]);
    show('A2b', resolveOn(after, target), 'Line 1 note (row 1-Travel)');
  });

  // Team timesheet: rows named by the person (text), hours per day.
  const sheet = (rows: [string, string[]][]) =>
    '<main><h1>Timesheet — week 12</h1><table><thead><tr><th>Name</th><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th><th>Fri</th></tr></thead><tbody>' +
    rows
      .map(
        ([name, hours]) =>
          `<tr data-row="${name}"><th scope="row">${name}</th>${hours
            .map(
              (h, day) =>
                `<td><input type="text" value="${h}" aria-label="${['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][day]}"></td>`,
            )
            .join('')}</tr>`,
      )
      .join('') +
    '</tbody></table></main>';
  it('A3 timesheet: Ana’s Wed edited since, Bob now holds Ana’s recorded hours', () => {
    const target = record(
      sheet([
        ['Ana Lopez', ['8', '8', '8', '8', '']],
        ['Bob Chen', ['8', '8', '6', '8', '']],
      ]),
      'tbody tr:nth-child(1) input[aria-label="Fri"]',
    );
    const after = sheet([
      ['Ana Lopez', ['8', '8', '4', '8', '']],
      ['Bob Chen', ['8', '8', '8', '8', '']],
    ]);
    show('A3', resolveOn(after, target), 'Fri Ana Lopez');
  });
});

describe('B fieldValue', () => {
  const counts = (rows: [string, string][]) =>
    '<main><h1>Stock take — Aisle 4</h1><table><thead><tr><th>Item</th><th>SKU</th><th>Counted</th></tr></thead><tbody>' +
    rows
      .map(
        ([item, count], index) =>
          `<tr data-row="${item}"><td>${item}</td><td>SKU-${4410 + index}</td><td><input type="number" value="${count}" aria-label="Counted ${item}"></td></tr>`,
      )
      .join('') +
    '</tbody></table></main>';
  it('B1 stock take: the recorded row’s count changed, another row now holds the recorded count', () => {
    const target = record(
      counts([
        ['Blue mug', '120'],
        ['Red mug', '144'],
        ['Green mug', '48'],
      ]),
      'input[aria-label="Counted Red mug"]',
    );
    show(
      'B1',
      resolveOn(
        counts([
          ['Blue mug', '144'],
          ['Red mug', '138'],
          ['Green mug', '48'],
        ]),
        target,
      ),
      'Counted Red mug',
    );
  });

  const profile = (phone: string, mobile: string) =>
    '<main><h1>Your profile</h1><form><label>Full name <input id="name" value="Ana Lopez"></label>' +
    `<label>Phone <input id="phone" type="tel" value="${phone}"></label>` +
    `<label>Mobile <input id="mobile" type="tel" value="${mobile}"></label><button>Save</button></form></main>`;
  it('B2 profile: second run of "update phone", mobile still the old number', () => {
    const target = record(profile('0412 558 201', '0412 558 201'), '#phone');
    show('B2', resolveOn(profile('0433 190 667', '0412 558 201'), target), 'phone');
  });

  it('B3 component copies (2 contact cards), rerun: Ana’s card phone changed, mobile kept old', () => {
    const cards = (people: [string, string, string][]) => {
      document.body.innerHTML = `<main><h1>Contacts</h1><div id="cards">${people
        .map(() => '<contact-card></contact-card>')
        .join('')}</div></main>`;
      const hosts = [...document.querySelectorAll('contact-card')];
      hosts.forEach((host, index) => {
        const [name, phone, mobile] = people[index] as [string, string, string];
        host.attachShadow({ mode: 'open' }).innerHTML =
          `<div id="card"><h3>${name}</h3><label>Phone <input id="phone" type="tel" value="${phone}"></label>` +
          `<label>Mobile <input id="mobile" type="tel" value="${mobile}"></label></div>`;
      });
      return hosts;
    };
    const hosts = cards([
      ['Ana Lopez', '0412 558 201', '0412 558 201'],
      ['Bob Chen', '0433 190 667', '0455 777 888'],
    ]);
    const target = describeElement(hosts[0]?.shadowRoot?.querySelector('#phone') as Element);
    const after = cards([
      ['Ana Lopez', '0499 000 111', '0412 558 201'],
      ['Bob Chen', '0433 190 667', '0455 777 888'],
    ]);
    const result = resolveTarget(document, target);
    const where =
      result.status === 'found'
        ? `found in ${(result.element.getRootNode() as ShadowRoot).host === after[0] ? 'Ana' : 'Bob'}`
        : result.status;
    expect(where).toBe('found in Ana');
  });
});

describe('B3b', () => {
  it('B3b component copies holding only fields: rerun, copy 1 phone changed, its mobile kept the old number', () => {
    const rows = (people: [string, string, string][]) => {
      document.body.innerHTML = `<main><h1>Emergency contacts</h1><div id="rows">${people
        .map(() => '<contact-row></contact-row>')
        .join('')}</div><button>Save</button></main>`;
      const hosts = [...document.querySelectorAll('contact-row')];
      hosts.forEach((host, index) => {
        const [name, phone, mobile] = people[index] as [string, string, string];
        host.attachShadow({ mode: 'open' }).innerHTML =
          `<div class="row"><label>Name <input id="name" value="${name}"></label><label>Phone <input id="phone" type="tel" value="${phone}"></label>` +
          `<label>Mobile <input id="mobile" type="tel" value="${mobile}"></label></div>`;
      });
      return hosts;
    };
    const hosts = rows([
      ['Ana Lopez', '0412 558 201', '0412 558 201'],
      ['Bob Chen', '0433 190 667', '0455 777 888'],
    ]);
    const target = describeElement(hosts[0]?.shadowRoot?.querySelector('#phone') as Element);
    const after = rows([
      ['Ana Lopez', '0499 000 111', '0412 558 201'],
      ['Bob Chen', '0433 190 667', '0455 777 888'],
    ]);
    const result = resolveTarget(document, target);
    const where =
      result.status === 'found'
        ? `found in ${(result.element.getRootNode() as ShadowRoot).host === after[0] ? 'Ana' : 'Bob'}`
        : result.status;
    expect(where).not.toBe('found in Bob');
  });
});

describe('C titleGrew', () => {
  const card = (title: string, meta: string, price: string) =>
    `<article data-row="${title}"><h3>${title}</h3><p>${meta}</p><p>${price}</p><button type="button">Add to basket</button></article>`;
  const shelf = (cards: string[]) => `<main><h1>New this month</h1><div id="shelf">${cards.join('')}</div></main>`;
  const before = shelf([
    card('Dune', 'Frank Herbert · Paperback', '£10.99'),
    card('The Left Hand of Darkness', 'Ursula K. Le Guin · Paperback', '£9.99'),
    card('Hyperion', 'Dan Simmons · Paperback', '£8.99'),
  ]);
  it('C1 title gained "(Deluxe Edition)"', () => {
    const target = record(before, '#shelf article:nth-child(3) button');
    const after = shelf([
      card('Dune', 'Frank Herbert · Paperback', '£10.99'),
      card('The Left Hand of Darkness', 'Ursula K. Le Guin · Paperback', '£9.99'),
      card('Hyperion (Deluxe Edition)', 'Dan Simmons · Paperback', '£8.99'),
    ]);
    show('C1', resolveOn(after, target), 'Hyperion');
  });
  it('C2 title gained "— signed copy", re-sorted', () => {
    const target = record(before, '#shelf article:nth-child(3) button');
    const after = shelf([
      card('Hyperion — signed copy', 'Dan Simmons · Paperback', '£8.99'),
      card('Dune', 'Frank Herbert · Paperback', '£10.99'),
      card('The Left Hand of Darkness', 'Ursula K. Le Guin · Paperback', '£9.99'),
    ]);
    show('C2', resolveOn(after, target), 'Hyperion');
  });
  const event = (title: string, when: string) =>
    `<li data-row="${title}"><h3>${title}</h3><p>${when} · Town Hall</p><a href="/e/${encodeURIComponent(title)}">Details</a><button type="button">Cancel my booking</button></li>`;
  const events = (items: string[]) => `<main><h1>My bookings</h1><ul id="ev">${items.join('')}</ul></main>`;
  it('C3 event title gained "Postponed"', () => {
    const target = record(
      events([event('Winter Choir Concert', 'Sat 14 Dec 19:00'), event('Carol Singalong', 'Sun 15 Dec 16:00')]),
      '#ev li:nth-child(1) button',
    );
    const after = events([
      event('Winter Choir Concert Postponed', 'Sat 14 Dec 19:00'),
      event('Carol Singalong', 'Sun 15 Dec 16:00'),
    ]);
    show('C3', resolveOn(after, target), 'Winter Choir Concert');
  });
});

describe('D prices', () => {
  const appt = (what: string, when: string, price: string) =>
    `<li data-row="${what} ${when}"><h3>${what}</h3><p>${when}</p><p>${price}</p><button type="button">Cancel</button></li>`;
  const list = (items: string[]) => `<main><h1>Upcoming appointments</h1><ul id="ap">${items.join('')}</ul></main>`;
  it('D1 appointment rescheduled (time moved), price kept', () => {
    const target = record(
      list([appt('Dental cleaning', 'Tue 4 Mar · 10:00', '$120'), appt('Eye exam', 'Thu 6 Mar · 14:00', '$85')]),
      '#ap li:nth-child(1) button',
    );
    const after = list([
      appt('Dental cleaning', 'Tue 4 Mar · 11:30', '$120'),
      appt('Eye exam', 'Thu 6 Mar · 14:00', '$85'),
    ]);
    show('D1', resolveOn(after, target), 'Dental cleaning');
  });
});
