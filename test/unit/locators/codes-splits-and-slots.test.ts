import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { bestUnderRecordedHeading } from '@/lib/locators/resolve';
import type { Fingerprint } from '@/lib/locators/schema';
import { foundText, record, resolveOn } from './page-pairs';

describe('slots inside one picker component', () => {
  type Day = readonly [heading: string, slots: readonly (readonly [time: string, court: string])[]];
  const picker = (days: readonly Day[]) =>
    `<div id="picker"><h2>Available slots</h2>${days
      .map(
        ([heading, slots]) =>
          `<h3>${heading}</h3><ul>${slots
            .map(
              ([time, court]) =>
                `<li><span>${time}</span><span>${court}</span><button type="button">Book</button></li>`,
            )
            .join('')}</ul>`,
      )
      .join('')}</div>`;
  const render = (days: readonly Day[]) => {
    document.body.innerHTML = '<main><h1>Dr Mariam Haddad</h1><availability-picker></availability-picker></main>';
    const shadow = (document.querySelector('availability-picker') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = picker(days);
    return shadow;
  };
  const wednesday: Day = [
    'Wednesday 12 March',
    [
      ['09:30', 'Family Court'],
      ['10:30', 'Crown Court'],
      ['15:30', 'Remote only'],
    ],
  ];
  const tuesday = (second: string): Day => [
    'Tuesday 11 March',
    [
      ['09:00', 'Crown Court'],
      [second, 'Crown Court'],
      ['13:00', "Magistrates'"],
      ['16:00', 'Remote only'],
    ],
  ];
  const recordTuesdayTenThirty = () => {
    const shadow = render([tuesday('10:30'), wednesday]);
    return describeElement(shadow.querySelectorAll('ul')[0]?.querySelectorAll('button')[1] as Element);
  };

  it("is not the other day's twin once its own slot was taken", () => {
    const target = recordTuesdayTenThirty();
    render([tuesday('11:00'), wednesday]);
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('is found while its day still lists it', () => {
    const target = recordTuesdayTenThirty();
    const shadow = render([wednesday, tuesday('10:30')]);
    const result = resolveTarget(document, target);
    expect(result.status === 'found' && result.element).toBe(
      shadow.querySelectorAll('ul')[1]?.querySelectorAll('button')[1],
    );
  });
});

describe('a pass component for the same visitor on other days', () => {
  const passes = (entries: readonly (readonly [plate: string, who: string, dates: string])[]) => {
    document.body.innerHTML = `<main><h1>Visitor passes</h1><h2>Current and upcoming</h2><div id="passes">${entries
      .map(() => '<visitor-pass></visitor-pass>')
      .join('')}</div></main>`;
    document.querySelectorAll('visitor-pass').forEach((host, index) => {
      const [plate, who, dates] = entries[index] as readonly string[];
      host.attachShadow({
        mode: 'open',
      }).innerHTML = `<div id="pass"><strong>${plate}</strong><div><span>${who}</span><br><span>${dates}</span></div><div><button type="button">Extend</button><button type="button">Cancel</button></div></div>`;
    });
  };
  const others = [
    ['EB66 LOP', 'Carer visits (M. Dunn)', 'Mon 2 Jun – Sun 8 Jun · 7 days'],
    ['YH20 BCV', 'Tom & Ana Pell', 'Sat 7 Jun · 1 day'],
  ] as const;

  it('is not that pass once the recorded one ended', () => {
    passes([['KX19 TRM', 'R. Alvarez', 'Tue 3 Jun – Thu 5 Jun · 3 days'], ...others]);
    const host = document.querySelector('visitor-pass') as Element;
    const target = describeElement(host.shadowRoot?.querySelector('button') as Element);
    passes([...others, ['KX19 TRM', 'R. Alvarez', 'Thu 19 Jun – Sat 21 Jun · 3 days']]);
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});

describe('a zero-padded line renumbered by one inserted above', () => {
  const line = (number: string, description: string, quantity: string) =>
    `<tr><td>${number}</td><td>${description}</td><td>TW</td><td>${quantity}</td><td><input type="text" name="hts" aria-label="HTS number"></td><td><button type="button">Remove</button></td></tr>`;
  const invoice = (lines: readonly (readonly [string, string])[]) =>
    `<main><h1>Commercial invoice CI-88412</h1><table><thead><tr><th>Line</th><th>Description</th><th>Origin</th><th>Quantity</th><th>HTS number</th><th>Actions</th></tr></thead><tbody>${lines
      .map(([description, quantity], index) => line(String(index + 1).padStart(3, '0'), description, quantity))
      .join('')}</tbody></table></main>`;
  const lines = [
    ['Aluminium camping cookware sets', '400 sets'],
    ['Polyester sleeping bags', '250 pcs'],
    ['Stainless steel hex bolts M8 × 40', '12,000 pcs'],
    ['Nylon tent stakes', '6,000 pcs'],
  ] as const;

  it('is the same line ("003" → "004"), its words kept beside a look-alike inserted on top', () => {
    const target = record(invoice(lines), 'tr:nth-child(3) input');
    const after = invoice([['Galvanized steel hex bolts M8 × 40', '8,000 pcs'], ...lines]);
    expect(foundText(resolveOn(after, target), 'tr')).toContain('004Stainless steel');
  });
});

describe('a field moved into a section its name now starts with', () => {
  const form = (fields: string) => `<main><h1>Complete job FL-2291</h1><form>${fields}</form></main>`;
  const field = (id: string, label: string, name: string, extra = '') =>
    `<div><label for="${id}">${label}</label><input type="text" id="${id}" name="${name}"${extra}></div>`;

  it('is found by its example value, its label kept ("ont_serial" → "equipment.ontSerial")', () => {
    const before = form(
      `<h2>Install details</h2>${field('drop', 'Drop length (ft)', 'drop_length')}${field('ont', 'ONT serial', 'ont_serial', ' placeholder="e.g. ALCLF8A2C41D"')}${field('mac', 'Router MAC', 'router_mac')}`,
    );
    const target = record(before, '#ont');
    const after = form(
      `<fieldset><legend>Install</legend>${field('a1', 'Drop length (ft)', 'install.dropLength')}</fieldset><fieldset><legend>Equipment</legend>${field('a2', 'Router serial number', 'equipment.routerSerial')}${field('a3', 'ONT serial number', 'equipment.ontSerial', ' placeholder="e.g. ALCLF8A2C41D"')}</fieldset>`,
    );
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('a3');
  });
});

describe('claims renumbered in a new scheme', () => {
  const claim = (id: string, date: string) =>
    `<tr><td>${id}</td><td>Biscuit · Beagle</td><td>Skin allergy follow-up</td><td>Riverside Vets, Kingston</td><td>${date}</td><td>£142.30</td><td>Needs invoice</td><td><button type="button" aria-label="Upload invoice for ${id}">Upload invoice</button></td></tr>`;
  const claims = (rows: string) =>
    `<main><h1>Your claims</h1><table><thead><tr><th>Claim</th><th>Pet</th><th>Treatment</th><th>Vet</th><th>Date</th><th>Amount</th><th>Status</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table></main>`;

  it('is the claim whose new id ends in the recorded number (CLM-20418 → PS-2025-020418)', () => {
    const target = record(
      claims(claim('CLM-20424', '22 Feb 2025') + claim('CLM-20418', '22 Feb 2025')),
      'tr:nth-child(2) button',
    );
    const after = claims(claim('PS-2025-020424', '22 Feb 2025') + claim('PS-2025-020418', '22 Feb 2025'));
    expect(foundText(resolveOn(after, target), 'tr')).toContain('PS-2025-020418');
  });
});

describe('a section in another language added beside the recorded one', () => {
  const section = (lang: string, heading: string, id: string, hint: string) =>
    `<section lang="${lang}"><h2>${heading}</h2><label for="${id}">${heading}</label><textarea id="${id}"></textarea><p>${hint}</p></section>`;

  it('is the field in the recorded language', () => {
    const english = (id: string) => section('en', 'Abstract', id, 'Up to 300 words. Shown on the repository page.');
    const target = record(`<main><h1>Thesis metadata</h1><form>${english('abstract')}</form></main>`, '#abstract');
    const german = section('de', 'Abstract', 'abstract-2', 'Bis zu 300 Wörter. Auf der Seite angezeigt.');
    const result = resolveOn(
      `<main><h1>Thesis metadata</h1><form>${german}${english('abstract-1')}</form></main>`,
      target,
    );
    expect(result.status === 'found' && result.element.id).toBe('abstract-1');
  });
});

describe('a card whose record id was replaced', () => {
  const card = (customer: string, item: string, job: string) =>
    `<div class="card"><h3>${customer}</h3><p>${item}</p><p>${job}</p><div><button type="button">Approve proof</button> <button type="button">Request changes</button></div></div>`;
  const page = (cards: string) => `<main><h1>Proofs</h1><div id="proofs">${cards}</div></main>`;
  const others =
    card('Millbrook Choir', 'Concert programmes · A5 booklet', 'J-20823 · qty 300 · proof v2') +
    card('Orbit Gym', 'Class timetable flyers · A5, 170gsm gloss', 'J-20880 · qty 1000 · proof v1');

  it('is not the new job in its slot (J-20877 → J-20893)', () => {
    const target = record(
      page(card('Brightwater Bakery', 'Menu cards · DL, 400gsm uncoated', 'J-20877 · qty 250 · proof v3') + others),
      '.card:nth-child(1) button',
    );
    const after = page(
      card('Brightwater Bakery', 'Menu cards · A4, 400gsm uncoated', 'J-20893 · qty 500 · proof v1') + others,
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is the same job moved behind the others', () => {
    const brightwater = card('Brightwater Bakery', 'Menu cards · DL, 400gsm uncoated', 'J-20877 · qty 250 · proof v3');
    const target = record(page(brightwater + others), '.card:nth-child(1) button');
    expect(foundText(resolveOn(page(others + brightwater), target), '.card')).toContain('J-20877');
  });
});

describe('two cards of the same model at the same depot', () => {
  const car = (plate: string, battery: number) =>
    `<div class="card"><h3>Renault Zoe R135</h3><p>${plate} · Central Depot</p><p>Battery ${battery} %</p><label><input type="checkbox"> Hold for cleaning</label><div><button type="button">Locate</button><button type="button">Open</button></div></div>`;

  it('is the card that kept the recorded plate', () => {
    const target = record(
      `<main><h1>Fleet</h1><div id="fleet">${car('B-RM 305E', 64)}${car('B-RM 310E', 91)}${car('B-RM 311E', 23)}</div></main>`,
      '.card:nth-child(2) input',
    );
    const after = `<main><h1>Fleet</h1><div id="fleet">${car('B-RM 311E', 23)}${car('B-RM 305E', 64)}<div class="wrap">${car('B-RM 310E', 91)}</div></div></main>`;
    expect(foundText(resolveOn(after, target), '.card')).toContain('310E');
  });
});

describe('a heading that gained a place in front', () => {
  type Close = Parameters<typeof bestUnderRecordedHeading>[2];
  const under = (...headings: string[]): Close =>
    headings.map((heading) => ({ fingerprint: { heading } })) as unknown as Close;
  const recorded = { heading: 'Hamburg-Billwerder → München-Riem' } as Fingerprint;

  it('still names the section ("Leg 2 · Hamburg-Billwerder → München-Riem")', () => {
    const close = under('Leg 2 · Hamburg-Billwerder → München-Riem', 'Leg 1 · Bremerhaven → Hamburg-Billwerder');
    expect(bestUnderRecordedHeading(recorded, close[0] as Close[number], close)).toBe(close[0]);
  });

  it('not when the other heading keeps the phrase too', () => {
    const close = under('Leg 2 · Hamburg-Billwerder → München-Riem', 'Leg 3 · Hamburg-Billwerder → München-Riem');
    expect(bestUnderRecordedHeading(recorded, close[0] as Close[number], close)).toBeNull();
  });
});

describe("a label split between a new fieldset's caption and the field", () => {
  const halls = '<option value="">Choose a hall</option><option>Harrow Hall</option><option>Meadow Court</option>';

  it('is the field whose caption and label hold every recorded word', () => {
    const target = record(
      `<main><h1>Request a room swap</h1><form><p>Your current room Harrow Hall · Room 214</p><label for="swap-hall">Hall you want to move to</label><select id="swap-hall" name="hall">${halls}</select><label for="why">Reason for the request</label><textarea id="why"></textarea></form></main>`,
      '#swap-hall',
    );
    const after = `<main><h1>Request a room swap</h1><form><fieldset><legend>Your current room</legend><label for="cur">Hall</label><select id="cur" name="current_hall">${halls}</select></fieldset><fieldset><legend>Where you want to move</legend><label for="new">Hall</label><select id="new" name="hall">${halls}</select></fieldset><label for="why">Reason for the request</label><textarea id="why"></textarea></form></main>`;
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('new');
  });
});

describe('a select its option list names', () => {
  const plans =
    '<option>Compact · €0.29/min</option><option>Comfort · €0.35/min</option><option>Electric · €0.31/min</option><option>Van · €0.45/min</option>';

  it('moved into another panel and renamed, is found by its list of rates', () => {
    const general = (last: string) =>
      `<fieldset><legend>General</legend><label for="model">Make &amp; model</label><input id="model"><label for="plate">Plate</label><input id="plate"><label for="home">Home station</label><input id="home">${last}</fieldset>`;
    const target = record(
      `<main><h1>Vehicle</h1><form>${general(`<label for="plan">Rate plan</label><select id="plan" name="rate_plan">${plans}</select>`)}</form></main>`,
      '#plan',
    );
    const after = `<main><h1>Vehicle</h1><form>${general('<label for="zone">Return zone</label><select id="zone"><option>Station only</option><option>Ring zone</option></select>')}</form><aside><h2>Pricing</h2><label for="tier">Pricing tier</label><select id="tier">${plans}</select><label for="weekend">Weekend surcharge</label><select id="weekend"><option>None</option><option>+10 %</option></select></aside></main>`;
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('tier');
  });
});

describe('a select moved into a new group', () => {
  const residency =
    '<option value="">Select…</option><option>Resident (12+ months)</option><option>Non-resident</option><option>Active military stationed in state</option>';
  const holder = (extra: string) =>
    `<fieldset><legend>Holder details</legend><label for="n">Full name</label><input id="n" name="name"><label for="d">Date of birth</label><input id="d" name="dob" type="date">${extra}</fieldset>`;

  it('is found by its one list of choices, its label shortened ("Residency status" → "Residency")', () => {
    const target = record(
      `<main><h1>Renew FL-2023-10832</h1><form>${holder(`<label for="r">Residency status</label><select id="r" name="residency">${residency}</select>`)}</form></main>`,
      '#r',
    );
    const after = `<main><h1>Renew FL-2023-10832</h1><form>${holder('')}<fieldset><legend>Eligibility</legend><label for="x1">Residency</label><select id="x1" name="residency">${residency}</select><label for="x2">Fee waiver</label><select id="x2" name="waiver"><option>None</option><option>Senior</option></select></fieldset></form></main>`;
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('x1');
  });
});

describe('a card with its own id moved to another column', () => {
  const card = (id: string, title: string) =>
    `<div class="card"><span>${id}</span><p>${title}</p><button type="button" aria-label="Change assignee" title="Priya Nair">PN</button></div>`;
  const column = (heading: string, cards: string) => `<section><h2>${heading}</h2>${cards}</section>`;

  it('is still its card, though the column around it lists other ids', () => {
    const target = record(
      `<main><h1>Board</h1>${column('In progress', card('MOB-471', 'Crash when opening push notification') + card('MOB-482', 'Fix token refresh race on app resume'))}${column('In review', card('MOB-466', 'Deep links open wrong tab'))}</main>`,
      'section:first-of-type .card:nth-child(3) button',
    );
    const after = `<main><h1>Board</h1>${column('In progress', card('MOB-471', 'Crash when opening push notification'))}${column('In review', card('MOB-482', 'Fix token refresh race on app resume') + card('MOB-466', 'Deep links open wrong tab'))}</main>`;
    expect(foundText(resolveOn(after, target), '.card')).toContain('MOB-482');
  });
});

describe('a crew member moved to another vessel', () => {
  const member = (name: string, rank: string) =>
    `<li><span>${name}</span> <span>${rank}</span> <button type="button">Remove</button></li>`;
  const vessel = (name: string, members: string) => `<section><h2>${name}</h2><ul>${members}</ul></section>`;
  const islander = (withPriya: boolean) =>
    vessel(
      'MV Islander',
      member('Ross Docherty', 'Master') +
        member('Eilidh MacLeod', 'Chief officer') +
        (withPriya ? member('Priya Nair', 'AB Seaman') : ''),
    );
  const kestrel = (withPriya: boolean) =>
    vessel('MV Kestrel', member('Ewan MacRae', 'Engineer') + (withPriya ? member('Priya Nair', 'AB Seaman') : ''));

  it('is not removed from her new crew by the step that removed her from the old one', () => {
    const target = record(
      `<main><h1>Crew</h1>${islander(true)}${kestrel(false)}</main>`,
      'section:first-of-type li:nth-child(3) button',
    );
    expect(resolveOn(`<main><h1>Crew</h1>${islander(false)}${kestrel(true)}</main>`, target).status).not.toBe('found');
  });

  it('is found in her own crew, listed in another order', () => {
    const target = record(
      `<main><h1>Crew</h1>${islander(true)}${kestrel(false)}</main>`,
      'section:first-of-type li:nth-child(3) button',
    );
    expect(
      foundText(resolveOn(`<main><h1>Crew</h1>${kestrel(false)}${islander(true)}</main>`, target), 'section'),
    ).toContain('MV Islander');
  });
});

describe("a row's field that lost its record-naming label", () => {
  const runs = '<option>— choose —</option><option>A1</option><option>A2</option><option>B1</option>';
  const feeding = '<option>Own food</option><option>Kennel diet</option>';
  const dog = (name: string, owner: string, label: boolean) =>
    `<li class="card"><h3>${name} · Labradoodle</h3><p>Owner: ${owner} · Jun 14 – Jun 19</p><span>Run</span> <select name="run"${label ? ` aria-label="Assign run for ${name}"` : ''}>${runs}</select> <span>Feeding</span> <select name="feeding"${label ? ` aria-label="Feeding for ${name}"` : ''}>${feeding}</select><button type="button">Check in</button></li>`;

  it('is the one field of its kind in the kept row ("Assign run for Tucker" → "Run")', () => {
    const target = record(
      `<main><h1>Check-in</h1><ul>${dog('Tucker', 'Okafor, Chidi', true)}${dog('Maple', 'Lund, Sara', true)}</ul></main>`,
      '.card:nth-child(1) select',
    );
    const after = `<main><h1>Check-in</h1><ul>${dog('Biscuit', 'Reyes, Ana', false)}${dog('Tucker', 'Okafor, Chidi', false)}${dog('Maple', 'Lund, Sara', false)}</ul></main>`;
    expect(foundText(resolveOn(after, target), '.card')).toContain('Tucker');
  });
});

describe('a field relabelled in every section of a note', () => {
  const options = (values: readonly string[]) => values.map((value) => `<option>${value}</option>`).join('');
  const before = (heading: string, select: string, values: readonly string[], name: string) =>
    `<section><h2>${heading}</h2><label><span>${select}</span><select name="${select.toLowerCase()}">${options(values)}</select></label><label><span>Observations</span><textarea name="${name}"></textarea></label></section>`;
  const after = (heading: string, select: string, values: readonly string[], name: string) =>
    `<section><h2>${heading}</h2><div class="body"><label><span>${select}</span><select name="${select.toLowerCase()}">${options(values)}</select></label><div class="group"><label><span>What did you notice?</span><textarea name="${name}"></textarea></label><p>Only write what you saw or were told.</p></div></div></section>`;
  const note = (section: typeof before) =>
    `<main><h1>Visit note</h1><form>${section('Nutrition', 'Breakfast', ['All', 'Most', 'None'], 'nutrition_notes')}${section('Mood & wellbeing', 'Mood', ['Bright', 'Settled', 'Low'], 'mood_notes')}</form></main>`;

  it('is found by its field name and the words of its own section', () => {
    const target = record(note(before), '[name="mood_notes"]');
    const result = resolveOn(note(after), target);
    expect(result.status === 'found' && result.element.getAttribute('name')).toBe('mood_notes');
  });
});

describe("a card's checklist whose field names carry the record's number", () => {
  const card = (rx: string, patient: string, drug: string) =>
    `<article><h3><a href="/rx/${rx}">Rx ${rx}</a></h3><p>${patient} · ${drug}</p><ul>${[
      'Ingredients match formula',
      'Weights within tolerance',
      'Label verified',
    ]
      .map((check, index) => `<li><label><input type="checkbox" name="chk-${rx}-${index}"> ${check}</label></li>`)
      .join('')}</ul></article>`;
  const board = (cards: string) => `<main><h1>Verification</h1><div id="board">${cards}</div></main>`;
  const other = card('604426', 'Okafor, Grace', 'Hydrocortisone 1% cream');

  it('is not the card of another prescription for the same patient in its place', () => {
    const target = record(
      board(other + card('604431', 'Dufresne, Mireille', 'Progesterone 100 mg')),
      'article:nth-child(2) li:nth-child(3) input',
    );
    const after = board(other + card('604452', 'Dufresne, Mireille', 'Progesterone 200 mg'));
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is found on its own card moved first', () => {
    const recorded = card('604431', 'Dufresne, Mireille', 'Progesterone 100 mg');
    const target = record(board(other + recorded), 'article:nth-child(2) li:nth-child(3) input');
    expect(foundText(resolveOn(board(recorded + other), target), 'article')).toContain('Rx 604431');
  });
});

describe('a field that now asks for another period of the same figure', () => {
  const field = (id: string, label: string, name: string) =>
    `<label for="${id}">${label}</label><input type="number" id="${id}" name="${name}">`;
  const form = (income: string) =>
    `<main><h1>New rental application</h1><form><fieldset><legend>Employment</legend><label for="emp">Employer</label><input id="emp" name="employer">${income}</fieldset><fieldset><legend>Home</legend>${field('rent', 'Monthly rent ($)', 'rent_monthly')}</fieldset></form></main>`;

  it('is not "Annual gross income" where "Monthly gross income" was', () => {
    const target = record(form(field('income', 'Monthly gross income ($)', 'income_monthly')), '#income');
    const after = form(field('income-annual', 'Annual gross income ($)', 'income_annual'));
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is found relabelled with its period kept', () => {
    const target = record(form(field('income', 'Monthly gross income ($)', 'income_monthly')), '#income');
    const after = form(field('income-2', 'Gross monthly income ($)', 'income_monthly'));
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('income-2');
  });
});

describe('a field whose label says whose address it asks for', () => {
  // A checkout in steps: on the delivery step the billing address is done and shown as text.
  const field = (id: string, label: string, value = '') =>
    `<label for="${id}">${label}</label><input id="${id}" value="${value}">`;
  const step = (heading: string, fields: string) =>
    `<main><h1>Checkout</h1><form><h2>${heading}</h2>${field('name', 'Full name', 'Tom Keller')}${fields}${field('town', 'Town or city', 'Leith')}<button>Continue</button></form></main>`;

  it('is not the delivery street where the billing street was', () => {
    const target = record(step('Billing address', field('bill-street', 'Billing street address')), '#bill-street');
    const after = step('Delivery address', field('del-street', 'Delivery street address', '14 Harbour Road'));
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is found where "shipping" became "delivery", which say the same', () => {
    const target = record(step('Shipping address', field('ship-street', 'Shipping street address')), '#ship-street');
    const after = step('Delivery address', field('del-street', 'Delivery street address'));
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('del-street');
  });
});

describe('a command that now says it does the opposite amount', () => {
  const page = (command: string) =>
    `<main><h1>Flat 4B, 12 Mill Lane</h1><section><h2>Return the deposit</h2><p>The deposit is paid from the scheme to the tenant's account.</p><div><button type="button">${command}</button><button type="button">Propose deductions</button><button type="button">Raise dispute</button></div></section></main>`;

  it('is not "Issue partial refund" where "Issue full refund" was', () => {
    const target = record(page('Issue full refund (£1,200.00)'), 'section button');
    expect(resolveOn(page('Issue partial refund (£1,020.00)'), target).status).not.toBe('found');
  });

  it('is found reworded with its amount kept', () => {
    const target = record(page('Issue full refund (£1,200.00)'), 'section button');
    const result = resolveOn(page('Issue a full refund (£1,200.00)'), target);
    expect(result.status === 'found' && result.element.textContent).toBe('Issue a full refund (£1,200.00)');
  });
});

describe('a command whose words say which period, party or setting', () => {
  const card = (command: string, id = '') =>
    `<main><h1>Billing</h1><section><h2>Helpdesk plan</h2><p>12 seats, renews 1 March.</p><button type="button"${id ? ` id="${id}"` : ''}>${command}</button><button type="button">Cancel plan</button></section></main>`;

  it('is not the same toggle flipped to the other period, though it kept its id', () => {
    const target = record(card('Switch to annual billing', 'cycle'), '#cycle');
    expect(resolveOn(card('Switch to monthly billing', 'cycle'), target).status).not.toBe('found');
  });

  it('is not a price for another period ("per month" → "per year")', () => {
    const target = record(card('Subscribe – $12 per month'), 'section button');
    expect(resolveOn(card('Subscribe – $120 per year'), target).status).not.toBe('found');
  });

  it("is not another party's address where the invoice address was", () => {
    const target = record(card('Edit invoice address'), 'section button');
    expect(resolveOn(card('Edit delivery address'), target).status).not.toBe('found');
  });

  it('is found where it shows another setting now ("Chart interval: Weekly" → "Monthly")', () => {
    const target = record(card('Chart interval: Weekly'), 'section button');
    const result = resolveOn(card('Chart interval: Monthly'), target);
    expect(result.status === 'found' && result.element.textContent).toBe('Chart interval: Monthly');
  });
});

describe('a field whose hint says how much it takes', () => {
  const form = (hint: string) =>
    `<main><h1>Pay your bill</h1><form><label for="amount">Amount to pay (${hint})</label><input id="amount" name="payment[amount]"><button>Pay</button></form></main>`;

  it('is found where "full balance" became "partial payment accepted"', () => {
    const target = record(form('full balance'), '#amount');
    const result = resolveOn(form('partial payment accepted'), target);
    expect(result.status === 'found' && result.element.id).toBe('amount');
  });
});
