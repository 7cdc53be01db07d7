import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { bestUnderRecordedHeading } from '@/lib/locators/resolve';
import type { Fingerprint } from '@/lib/locators/schema';
import { foundText, record, resolveOn } from './page-pairs';

const person = (name: string, detail: string) =>
  `<div class="person"><h3>${name}</h3><p>${detail}</p><button type="button">Edit</button><button type="button">Remove</button></div>`;
const contacts = (pickUp: readonly string[][], emergency: readonly string[][]) =>
  `<main><h1>Mila Ortiz</h1><section aria-labelledby="p"><h2 id="p">Authorised pick-up</h2><div class="list">${pickUp
    .map(([name, detail]) => person(name as string, detail as string))
    .join(
      '',
    )}</div></section><section aria-labelledby="e"><h2 id="e">Emergency contacts</h2><div class="list">${emergency
    .map(([name, detail]) => person(name as string, detail as string))
    .join('')}</div></section></main>`;

describe('a record listed twice, word for word, in two sections', () => {
  const emma = ['Emma Bennett', 'Mother · 0412 558 201'];
  const tom = ['Tom Bennett', 'Father · 0433 190 667'];
  const ruth = ['Ruth Sato', 'Grandmother · 0398 441 276'];
  const recordRuthsPickUpEdit = () =>
    record(contacts([emma, tom, ruth], [ruth]), 'section:first-of-type .person:nth-child(3) button');

  it('is not its copy in the other section once removed from its own', () => {
    const target = recordRuthsPickUpEdit();
    const after = contacts([emma, tom, ['Ruth Bennett', 'Aunt · 0447 302 118']], [ruth]);
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is found in its own section when both copies stay', () => {
    const target = recordRuthsPickUpEdit();
    const result = resolveOn(contacts([ruth, emma, tom], [ruth]), target);
    expect(result.status === 'found' && result.element.closest('section')?.querySelector('h2')?.textContent).toBe(
      'Authorised pick-up',
    );
  });
});

describe('a card component now holding a namesake', () => {
  const cards = (names: readonly string[]) =>
    `<main><h1>Inventors</h1><div id="inventors">${names.map(() => '<inventor-card></inventor-card>').join('')}</div></main>`;
  const fill = (names: readonly string[]) => {
    document.querySelectorAll('inventor-card').forEach((host, index) => {
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<div id="card"><h3>${names[index]}</h3><p>Munich, DE · German</p><p>Contribution: Claims 1, 5–7</p><div><button type="button">Edit</button><button type="button">Remove</button></div></div>`;
    });
  };
  const recordLenasRemove = () => {
    const names = ['Aiden Clarke', 'Dr Lena Hoffmann', 'Priya Raman'];
    document.body.innerHTML = cards(names);
    fill(names);
    const host = document.querySelectorAll('inventor-card')[1] as Element;
    return describeElement(host.shadowRoot?.querySelectorAll('button')[1] as Element);
  };

  it('is another record ("Dr Lena Hoffmann" → "Dr Jonas Hoffmann")', () => {
    const recorded = recordLenasRemove();
    const names = ['Aiden Clarke', 'Dr Jonas Hoffmann', 'Priya Raman'];
    document.body.innerHTML = cards(names);
    fill(names);
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });

  it('is the same record with its heading kept, the cards re-sorted', () => {
    const recorded = recordLenasRemove();
    const names = ['Dr Lena Hoffmann', 'Aiden Clarke', 'Priya Raman'];
    document.body.innerHTML = cards(names);
    fill(names);
    const result = resolveTarget(document, recorded);
    expect(result.status === 'found' && result.element.closest('#card')?.querySelector('h3')?.textContent).toBe(
      'Dr Lena Hoffmann',
    );
  });
});

describe('a numbered section among sections added for another purpose', () => {
  type Close = Parameters<typeof bestUnderRecordedHeading>[2];
  // Candidates as scoring leaves them: only their fingerprints' headings matter here.
  const under = (...headings: string[]): Close =>
    headings.map((heading) => ({ fingerprint: { heading } })) as unknown as Close;
  const recorded = { heading: 'Lesson 1' } as Fingerprint;

  it('breaks a tie for the one still under "Lesson 1" beside "Assessment drive"', () => {
    const close = under('Lesson 1', 'Assessment drive');
    expect(bestUnderRecordedHeading(recorded, close[0] as Close[number], close)).toBe(close[0]);
  });

  it('not beside another lesson ("Lesson 1 refresher", "Lesson 2"): numbers shift', () => {
    for (const other of ['Lesson 1 refresher', 'Lesson 2']) {
      const close = under('Lesson 1', other);
      expect(bestUnderRecordedHeading(recorded, close[0] as Close[number], close)).toBeNull();
    }
  });
});

describe('a quote line renumbered by one inserted above', () => {
  type Line = readonly [item: string, qty: number, price: string, total: string];
  const line = (number: number, [item, qty, price, total]: Line) =>
    `<tr><td>${number}</td><td>${item}</td><td>${qty}</td><td>${price}</td><td>${total}</td><td><button type="button">Substitute</button><button type="button">Remove</button></td></tr>`;
  const quote = (rows: string) =>
    `<main><h1>Quote Q-2291 · Brennan Builders Ltd</h1><table><thead><tr><th>#</th><th>Item</th><th>Qty</th><th>Unit</th><th>Total</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table></main>`;
  const rows: readonly Line[] = [
    ['C16 sawn 47×150, 4.8 m', 4, '£9.10', '£36.40'],
    ['Treated C24 regularised 47×100, 3.0 m', 6, '£7.80', '£46.80'],
    ['OSB3 18 mm 2440×1220', 12, '£21.50', '£258.00'],
    ['Treated C24 regularised 47×100, 4.8 m', 16, '£12.40', '£198.40'],
  ];
  const recordSubstitute = () =>
    record(quote(rows.map((row, index) => line(index + 1, row)).join('')), 'tr:nth-child(4) button');

  it('is the same line, its quantity, price and total kept', () => {
    const target = recordSubstitute();
    const inserted: readonly Line[] = [['Treated C24 regularised 47×100, 3.6 m', 8, '£9.30', '£74.40'], ...rows];
    const result = resolveOn(quote(inserted.map((row, index) => line(index + 1, row)).join('')), target);
    expect(foundText(result, 'tr')?.includes('4.8 m16£12.40')).toBe(true);
  });

  it('is not a line in its place with other figures', () => {
    const target = recordSubstitute();
    const replaced: readonly Line[] = [
      ...rows.slice(0, 3),
      ['Treated C24 regularised 47×100, 4.8 m', 10, '£12.90', '£129.00'],
    ];
    expect(resolveOn(quote(replaced.map((row, index) => line(index + 1, row)).join('')), target).status).not.toBe(
      'found',
    );
  });
});

describe('a session of another lane at the same time', () => {
  type Session = readonly [time: string, lane: number, speed: string, availability: string];
  const row = ([time, lane, speed, availability]: Session) =>
    `<tr><td>Fri 15 Mar</td><td>${time}</td><td>Lane ${lane}</td><td>${speed}</td><td>${availability}</td><td><button type="button">${availability === 'Full' ? 'Join waitlist' : 'Book'}</button></td></tr>`;
  const sessions = (rows: readonly Session[]) =>
    `<main><h1>Evening lane sessions</h1><table><thead><tr><th>Date</th><th>Time</th><th>Lane</th><th>Speed</th><th>Availability</th><th>Action</th></tr></thead><tbody>${rows
      .map(row)
      .join('')}</tbody></table></main>`;
  const before: readonly Session[] = [
    ['19:00–19:45', 4, 'Medium', '2 spaces'],
    ['19:00–19:45', 5, 'Fast', 'Full'],
    ['19:00–19:45', 6, 'Fast', 'Full'],
    ['19:45–20:30', 4, 'Medium', 'Full'],
    ['19:45–20:30', 5, 'Fast', '1 space'],
    ['19:45–20:30', 6, 'Fast', 'Full'],
  ];

  it('is not the recorded "Join waitlist" once that lane opened ("Lane 6" → the "Lane 5" still full)', () => {
    const target = record(sessions(before), 'tr:nth-child(3) button');
    const after = before.map(
      (session, index): Session => (index === 2 ? ['19:00–19:45', 6, 'Fast', '1 space'] : session),
    );
    expect(resolveOn(sessions(after), target).status).not.toBe('found');
  });
});

describe('a slot whose times changed', () => {
  const slot = (day: string, times: string, examiner: string) =>
    `<tr><td>${day}</td><td>${times}</td><td>FFS-2</td><td>Dash 8 Q400 PPC</td><td>${examiner}</td><td><button type="button">Book</button></td></tr>`;
  const slots = (rows: string) =>
    `<main><h1>Simulator slots</h1><table><thead><tr><th>Day</th><th>Time</th><th>Device</th><th>Session</th><th>Examiner</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table></main>`;
  const recordThursdayAfternoon = () =>
    record(
      slots(
        slot('Mon 18 Mar', '14:00–18:00', 'Capt. R. Singh') +
          slot('Thu 21 Mar', '10:00–14:00', 'Capt. R. Singh') +
          slot('Thu 21 Mar', '14:00–18:00', 'Capt. R. Singh'),
      ),
      'tr:nth-child(3) button',
    );

  it('is another slot ("14:00–18:00" → "10:00–14:00" on the same day, with the same examiner)', () => {
    const target = recordThursdayAfternoon();
    const after = slots(
      slot('Tue 19 Mar', '06:00–10:00', 'Capt. A. Moreau') + slot('Thu 21 Mar', '10:00–14:00', 'Capt. R. Singh'),
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is another slot on another date ("Thu 21 Mar" → "Thu 28 Mar", the same hours)', () => {
    const target = recordThursdayAfternoon();
    const after = slots(
      slot('Thu 21 Mar', '10:00–14:00', 'Capt. R. Singh') + slot('Thu 28 Mar', '14:00–18:00', 'Capt. R. Singh'),
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is the same slot when its times are kept and rows were added above', () => {
    const target = recordThursdayAfternoon();
    const after = slots(
      slot('Tue 19 Mar', '06:00–10:00', 'Capt. A. Moreau') +
        slot('Thu 21 Mar', '10:00–14:00', 'Capt. R. Singh') +
        slot('Thu 21 Mar', '14:00–18:00', 'Capt. R. Singh'),
    );
    expect(foundText(resolveOn(after, target), 'tr')?.includes('14:00–18:00')).toBe(true);
  });
});

describe('a row checkbox now named by its record cell', () => {
  const applicant = (position: number, id: string, name: string, labelled: boolean) =>
    `<tr><td>${
      labelled
        ? `<input type="checkbox" name="offer" value="${id}" aria-labelledby="n-${id}">`
        : `<input type="checkbox" name="offer" value="${id}" aria-label="Select ${name}">`
    }</td><td>${position}</td><td id="n-${id}">${name}</td><td>Brookfield Road</td><td>Half plot</td></tr>`;
  const list = (rows: string) =>
    `<main><h1>Waiting list</h1><table><thead><tr><th>Select</th><th>#</th><th>Name</th><th>Site</th><th>Size</th></tr></thead><tbody>${rows}</tbody></table></main>`;

  it('is the same row ("Select Priya Raman" → "Priya Raman"), not a neighbour named in its surroundings', () => {
    const target = record(
      list(applicant(1, 'WL-0084', 'Arjun Raman', false) + applicant(2, 'WL-0087', 'Priya Raman', false)),
      'input[value="WL-0087"]',
    );
    const after = list(
      applicant(1, 'WL-0101', 'Dana Okoro', true) +
        applicant(2, 'WL-0084', 'Arjun Raman', true) +
        applicant(3, 'WL-0087', 'Priya Raman', true),
    );
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.getAttribute('value')).toBe('WL-0087');
  });
});
