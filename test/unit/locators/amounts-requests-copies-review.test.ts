/**
 * Page pairs a review built against three rules (field names that differ by an amount are two settings,
 * "request" as a verb, the base of an added copy): each asserts what a careful person would expect.
 * Pairs that fail the same way without those rules (renumbered sets and weeks, "Request X" beside
 * "Request X revision") are known limits, not kept here.
 */
import { describe, expect, it } from 'vitest';
import type { ResolveResult } from '@/lib/locators';
import { record, resolveOn } from '../locators/page-pairs';

function outcome(result: ResolveResult): string {
  if (result.status !== 'found') return `${result.status} (${'reason' in result ? result.reason.slice(0, 90) : ''})`;
  const element = result.element;
  return `found:${element.getAttribute('data-k') ?? element.getAttribute('name') ?? element.outerHTML.slice(0, 60)}`;
}

/** Records on `before`, resolves on `after`: "found:<data-k or name>", or the status. */
function probe(_id: string, before: string, selector: string, after: string): string {
  const result = resolveOn(after, record(before, selector));
  return result.status === 'found' ? outcome(result) : result.status;
}

const notFound = (value: string) => expect(value.startsWith('found')).toBe(false);

// ---------------------------------------------------------------------------------------------------
// Rule 1: field names that differ by an amount.
// ---------------------------------------------------------------------------------------------------

/** The same logger with an RPE column (Strong shows kg, reps and RPE per set). */
function workoutRpe(sets: readonly [key: string, kg: string, reps: string, rpe: string][]): string {
  const rows = sets
    .map(
      ([key, kg, reps, rpe], index) =>
        `<tr><td>${index + 1}</td>` +
        `<td><input data-k="${key}-kg" type="number" value="${kg}" aria-label="Set ${index + 1} kg"></td>` +
        `<td><input data-k="${key}-reps" type="number" value="${reps}" aria-label="Set ${index + 1} reps"></td>` +
        `<td><input data-k="${key}-rpe" type="number" value="${rpe}" aria-label="Set ${index + 1} RPE"></td>` +
        `<td><button type="button" aria-label="Delete set ${index + 1}">×</button></td></tr>`,
    )
    .join('');
  return `<main><h1>Bench press</h1><form id="log"><table><thead><tr><th>Set</th><th>kg</th><th>Reps</th><th>RPE</th><th></th></tr></thead><tbody>${rows}</tbody></table><button type="button">Add set</button><button>Finish workout</button></form></main>`;
}
const SETS_RPE: [string, string, string, string][] = [
  ['w', '40', '10', '5'],
  ['a', '60', '8', '7'],
  ['b', '80', '5', '8'],
  ['c', '85', '3', '9'],
];

/** A weekly timesheet: each week a row with hours, project code and notes. */
function timesheet(weeks: readonly [key: string, hours: string, project: string, note: string][]): string {
  const rows = weeks
    .map(
      ([key, hours, project, note], index) =>
        `<tr><th>Week ${index + 1}</th>` +
        `<td><input data-k="${key}-h" type="number" value="${hours}" aria-label="Week ${index + 1} hours"></td>` +
        `<td><input data-k="${key}-p" value="${project}" aria-label="Week ${index + 1} project"></td>` +
        `<td><input data-k="${key}-n" value="${note}" aria-label="Week ${index + 1} notes"></td></tr>`,
    )
    .join('');
  return `<main><h1>Timesheet · March</h1><form><table><thead><tr><th>Week</th><th>Hours</th><th>Project</th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table><button>Submit timesheet</button></form></main>`;
}
const WEEKS: [string, string, string, string][] = [
  ['w1', '38', 'ACME-01', 'kick-off'],
  ['w2', '40', 'ACME-02', 'design'],
  ['w3', '36', 'ACME-03', 'build'],
  ['w4', '41', 'ACME-04', 'handover'],
];

/** A rent review table: each year of the lease a row with "Year N %" (the escalation). */
function escalation(years: readonly [key: string, pct: string][]): string {
  const rows = years
    .map(
      ([key, pct], index) =>
        `<tr><th>Year ${index + 1}</th><td><input data-k="${key}" type="number" value="${pct}" aria-label="Year ${index + 1} %"></td></tr>`,
    )
    .join('');
  return `<main><h1>Lease 4471 · Rent schedule</h1><form><table><thead><tr><th>Year</th><th>Increase</th></tr></thead><tbody>${rows}</tbody></table><button>Save schedule</button></form></main>`;
}

/** A storage plan picker with radio tiers. */
function plans(tiers: readonly [key: string, label: string, price: string][]): string {
  return `<main><h1>Choose storage</h1><form><fieldset><legend>Plan</legend>${tiers
    .map(
      ([key, label, price]) =>
        `<label><input type="radio" name="plan" data-k="${key}" value="${key}"> ${label}</label><span>${price}/month</span>`,
    )
    .join('')}</fieldset><button>Continue</button></form></main>`;
}

/** A tip picker. */
function tips(choices: readonly string[]): string {
  return `<main><h1>Checkout</h1><p>Order total €42.00</p><form><fieldset><legend>Add a tip for your courier</legend>${choices
    .map((choice) => `<label><input type="radio" name="tip" data-k="tip${choice}"> Tip ${choice}%</label>`)
    .join('')}</fieldset><button>Place order</button></form></main>`;
}

/** Reminder checkboxes, each with its own name. */
function reminders(options: readonly [key: string, label: string][]): string {
  return `<main><h1>Appointment reminders</h1><form>${options
    .map(([key, label]) => `<label><input type="checkbox" name="${key}" data-k="${key}"> ${label}</label>`)
    .join('')}<button>Save</button></form></main>`;
}

/** A library account's loans, each row a checkbox to renew, named by when the loan is due. */
function loans(rows: readonly [key: string, title: string, days: number][]): string {
  return `<main><h1>My loans</h1><form action="/account/renew"><table><thead><tr><th>Renew</th><th>Title</th><th>Due</th></tr></thead><tbody>${rows
    .map(
      ([key, title, days]) =>
        `<tr><td><input type="checkbox" name="renew" value="${key}" data-k="${key}" aria-label="Renew, due in ${days} days"></td><td>${title}</td><td>in ${days} days</td></tr>`,
    )
    .join('')}</tbody></table><button>Renew selected</button></form></main>`;
}

/** A shop's postage rates: one table per service, one number input per weight band. */
function postage(standard: readonly number[], express: readonly number[]): string {
  const table = (service: string, bands: readonly number[]) =>
    `<section><h2>${service} delivery</h2><table><thead><tr><th>Weight</th><th>Price (€)</th></tr></thead><tbody>${bands
      .map(
        (kg) =>
          `<tr><td>Up to ${kg} kg</td><td><input type="number" step="0.01" data-k="${service.toLowerCase()}${kg}" name="rates[${service.toLowerCase()}][${kg}]" aria-label="${service}, up to ${kg} kg"></td></tr>`,
      )
      .join('')}</tbody></table></section>`;
  return `<main><h1>Shipping · Postage rates</h1><form action="/admin/shipping">${table('Standard', standard)}${table('Express', express)}<button>Save rates</button></form></main>`;
}
const BANDS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30];

/** An account's notification settings: general alerts, then renewal reminders by email and by text. */
function notifications(emailDays: readonly number[], textDays: readonly number[]): string {
  const box = (key: string, label: string) =>
    `<label><input type="checkbox" name="${key}" data-k="${key}"> ${label}</label>`;
  const general = [
    'New sign-in from an unknown device',
    'Password changed',
    'Invoice available',
    'Payment failed',
    'Product news',
    'Tips and tutorials',
    'Weekly usage summary',
    'Team member joined',
  ]
    .map((label, index) => box(`g${index}`, label))
    .join('');
  return `<main><h1>Notification settings</h1><form action="/settings/notifications"><fieldset><legend>Account</legend>${general}</fieldset><fieldset><legend>Renewal reminders</legend>${emailDays
    .map((days) => box(`email${days}`, `Email me ${days} days before renewal`))
    .join(
      '',
    )}${textDays.map((days) => box(`text${days}`, `Text me ${days} days before renewal`)).join('')}</fieldset><button>Save</button></form></main>`;
}

/** One rate card: a row per weight band, a Standard and an Express price in each; `noStandard` bands offer Express only. */
function rateCard(bands: readonly number[], noStandard: readonly number[] = []): string {
  const cell = (service: string, kg: number) =>
    `<td><input type="number" step="0.01" data-k="${service.toLowerCase()}${kg}" aria-label="${service}, up to ${kg} kg"></td>`;
  return `<main><h1>Shipping · Rate card</h1><form action="/admin/shipping"><table><thead><tr><th>Weight</th><th>Standard (€)</th><th>Express (€)</th></tr></thead><tbody>${bands
    .map(
      (kg) =>
        `<tr><th>Up to ${kg} kg</th>${noStandard.includes(kg) ? '<td>—</td>' : cell('Standard', kg)}${cell('Express', kg)}</tr>`,
    )
    .join('')}</tbody></table><button>Save rates</button></form></main>`;
}
const CARD_BANDS = [1, 2, 5, 10, 15, 20, 25, 30];

describe('rule 1: names that differ by an amount', () => {
  it('A1b workout with RPE: warm-up set deleted; "Set 3 kg" is now "Set 2 kg"', () => {
    const value = probe('A1b', workoutRpe(SETS_RPE), '[data-k="b-kg"]', workoutRpe(SETS_RPE.slice(1)));
    expect(['found:b-kg', 'ambiguous', 'not-found']).toContain(value);
  });

  it('A1c timesheet: a week removed above; "Week 3 hours" is now "Week 2 hours"', () => {
    const value = probe('A1c', timesheet(WEEKS), '[data-k="w3-h"]', timesheet(WEEKS.slice(1)));
    expect(['found:w3-h', 'ambiguous', 'not-found']).toContain(value);
  });

  it('A2c timesheet: a week inserted above; "Week 3 hours" is now "Week 4 hours"', () => {
    const value = probe(
      'A2c',
      timesheet(WEEKS),
      '[data-k="w3-h"]',
      timesheet([['w0', '20', 'ACME-00', 'onboarding'], ...WEEKS]),
    );
    expect(['found:w3-h', 'ambiguous', 'not-found']).toContain(value);
  });

  it('A1d timesheet control without a unit word: "Week 3 project" after a week removed', () => {
    const value = probe('A1d', timesheet(WEEKS), '[data-k="w3-p"]', timesheet(WEEKS.slice(1)));
    expect(['found:w3-p', 'ambiguous', 'not-found']).toContain(value);
  });

  it('A8 library loans a day later: every "due in N days" ticked down by one', () => {
    const before = loans([
      ['b1', 'The Overstory', 4],
      ['b2', 'Piranesi', 5],
      ['b3', 'Braiding Sweetgrass', 12],
    ]);
    const after = loans([
      ['b1', 'The Overstory', 3],
      ['b2', 'Piranesi', 4],
      ['b3', 'Braiding Sweetgrass', 11],
    ]);
    const value = probe('A8', before, '[data-k="b2"]', after);
    expect(['found:b2', 'ambiguous', 'not-found']).toContain(value);
  });

  it('A9 postage: the Standard 30 kg band dropped (carrier max now 25 kg); Express keeps its 30 kg band', () => {
    const before = postage(BANDS, BANDS);
    const after = postage(BANDS.slice(0, -1), BANDS);
    notFound(probe('A9', before, '[data-k="standard30"]', after));
  });

  it('A9b same, field names renamed too (rates[std][30] style changed to ids)', () => {
    const before = postage(BANDS, BANDS);
    const after = postage(BANDS.slice(0, -1), BANDS).replace(/name="rates\[(\w+)\]\[(\d+)\]"/g, 'name="rate_$1_$2"');
    notFound(probe('A9b', before, '[data-k="standard30"]', after));
  });

  it('A10 notifications: "Email me 30 days before renewal" withdrawn; "Text me 30 days…" is not it', () => {
    const before = notifications([90, 60, 30, 14, 7], [30, 7]);
    const after = notifications([90, 60, 14, 7], [30, 7]);
    notFound(probe('A10', before, '[data-k="email30"]', after));
  });

  it('A11 rate card: Standard no longer offered up to 30 kg; the Express 30 kg price in that row is not it', () => {
    notFound(probe('A11', rateCard(CARD_BANDS), '[data-k="standard30"]', rateCard(CARD_BANDS, [30])));
  });

  it('A11b rate card, fewer bands (no cap reached): Standard 30 kg withdrawn', () => {
    const bands = [1, 5, 10, 30];
    notFound(probe('A11b', rateCard(bands), '[data-k="standard30"]', rateCard(bands, [30])));
  });

  it('A12 the commit\'s own case written compactly: "SMS reminder 2h before" withdrawn; "… 24h before" is not it', () => {
    const options: [string, string][] = [
      ['booked', 'Email confirmation when booked'],
      ['sms24', 'SMS reminder 24h before'],
      ['sms2', 'SMS reminder 2h before'],
      ['mail24', 'Email reminder 24h before'],
    ];
    notFound(probe('A12', reminders(options), '[data-k="sms2"]', reminders(options.filter(([key]) => key !== 'sms2'))));
  });

  it('A3 rent schedule: first year removed (lease start moved), years renumbered', () => {
    const years: [string, string][] = [
      ['y2024', '0'],
      ['y2025', '3'],
      ['y2026', '3.5'],
      ['y2027', '4'],
    ];
    const value = probe('A3', escalation(years), '[data-k="y2026"]', escalation(years.slice(1)));
    expect(['found:y2026', 'ambiguous', 'not-found']).toContain(value);
  });

  it('A4 storage: the "10 GB" tier withdrawn; "100 GB" is not it', () => {
    const before = plans([
      ['p10', '10 GB', '€1'],
      ['p50', '50 GB', '€3'],
      ['p100', '100 GB', '€5'],
    ]);
    const after = plans([
      ['p50', '50 GB', '€3'],
      ['p100', '100 GB', '€5'],
      ['p200', '200 GB', '€8'],
    ]);
    notFound(probe('A4', before, '[data-k="p10"]', after));
  });

  it('A6 tips: "Tip 18%" withdrawn; "Tip 20%" is not it', () => {
    notFound(probe('A6', tips(['15', '18', '20']), '[data-k="tip18"]', tips(['20', '22', '25'])));
  });

  it('A7 reminders reordered: "SMS 2 hours before" still found', () => {
    const options: [string, string][] = [
      ['sms24', 'SMS reminder 24 hours before'],
      ['sms2', 'SMS reminder 2 hours before'],
      ['mail24', 'Email reminder 24 hours before'],
    ];
    const after = [options[2], options[0], options[1]] as [string, string][];
    expect(probe('A7', reminders(options), '[data-k="sms2"]', reminders(after))).toBe('found:sms2');
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 2: "request" is a verb of its own.
// ---------------------------------------------------------------------------------------------------

/** A hotel booking's extras, as checkboxes; `labels` maps each key to its label. */
function extras(labels: Record<string, string>, names: Record<string, string> = {}): string {
  return `<main><h1>Booking HX-30418 · Extras</h1><form action="/bookings/HX-30418/extras">${Object.entries(labels)
    .map(
      ([key, label]) => `<label><input type="checkbox" data-k="${key}" name="${names[key] ?? key}"> ${label}</label>`,
    )
    .join('')}<button>Save extras</button></form></main>`;
}

/** A vendor landing page with its call to action. */
function landing(cta: string): string {
  return `<header><nav><a href="/pricing">Pricing</a><a href="/docs">Docs</a><a href="/login">Log in</a></nav></header><main><h1>Scheduling for busy clinics</h1><p>Fewer no-shows, shorter queues.</p>${cta}</main>`;
}

describe('rule 2: "request" as a verb', () => {
  it('B1 checkbox "Wheelchair assistance" reworded "Request wheelchair assistance" (name kept)', () => {
    const before = extras({ late: 'Late checkout', wheel: 'Wheelchair assistance', cot: 'Baby cot' });
    const after = extras({ late: 'Late checkout', wheel: 'Request wheelchair assistance', cot: 'Baby cot' });
    expect(probe('B1', before, '[data-k="wheel"]', after)).toBe('found:wheel');
  });

  it('B2 checkbox "Late checkout" reworded "Request late checkout" (field name changed too)', () => {
    const before = extras({ late: 'Late checkout', park: 'Parking space', cot: 'Baby cot' });
    const after = extras(
      { late: 'Request late checkout', park: 'Parking space', cot: 'Baby cot' },
      { late: 'extras[late_checkout]', park: 'extras[parking]', cot: 'extras[cot]' },
    );
    expect(probe('B2', before, '[data-k="late"]', after)).toBe('found:late');
  });

  it('B3 link "Request a demo" reworded "Book a demo", same href', () => {
    const before = landing('<a href="/demo" data-k="demo" class="cta">Request a demo</a>');
    const after = landing('<a href="/demo" data-k="demo" class="cta">Book a demo</a>');
    expect(probe('B3', before, '[data-k="demo"]', after)).toBe('found:demo');
  });

  it('B9 "Request payment" reworded "Send payment request", same test id', () => {
    const page = (label: string) =>
      `<main><h1>Invoice INV-2041</h1><p>Due 14 May · €1,240.00 · Client: Harbour Dental</p><button type="button" data-testid="request-payment" data-k="req">${label}</button><button type="button" data-k="pdf">Download PDF</button></main>`;
    expect(probe('B9', page('Request payment'), '[data-k="req"]', page('Send payment request'))).toBe('found:req');
  });

  it('B10 "Wheelchair assistance" reworded "Request wheelchair assistance" beside a new "Wheelchair assistance on arrival"', () => {
    const before = extras({ wheel: 'Wheelchair assistance', leg: 'Extra legroom seat', veg: 'Vegetarian meal' });
    const after = extras({
      wheel: 'Request wheelchair assistance',
      arrive: 'Wheelchair assistance on arrival',
      leg: 'Extra legroom seat',
      veg: 'Vegetarian meal',
    });
    expect(['found:wheel', 'ambiguous', 'not-found']).toContain(probe('B10', before, '[data-k="wheel"]', after));
  });
});

// ---------------------------------------------------------------------------------------------------
// Rule 3: base of an added copy.
// ---------------------------------------------------------------------------------------------------

/** A contact form; `fields` are [key, label, name] text inputs, optionally grouped by fieldsets. */
function contactForm(body: string): string {
  return `<main><h1>Account contacts</h1><form action="/account/contacts">${body}<button>Save contacts</button></form></main>`;
}
const input = (key: string, label: string, name = key, type = 'text') =>
  `<label>${label} <input type="${type}" data-k="${key}" name="${name}"></label>`;

describe('rule 3: the base of an added copy', () => {
  it('C1 "Alternate phone" relabelled "Phone (alternate)", field names kept, "Phone" still there', () => {
    const before = contactForm(
      input('name', 'Full name') +
        input('phone', 'Phone', 'phone', 'tel') +
        input('alt', 'Alternate phone', 'alt_phone', 'tel'),
    );
    const after = contactForm(
      input('name', 'Full name') +
        input('phone', 'Phone', 'phone', 'tel') +
        input('alt', 'Phone (alternate)', 'alt_phone', 'tel'),
    );
    expect(probe('C1', before, '[data-k="alt"]', after)).toBe('found:alt');
  });

  it('C2 "Backup email" relabelled "Email (backup)" and "Email" relabelled "Email (primary)"', () => {
    const before = contactForm(
      input('name', 'Full name') +
        input('mail', 'Email', 'email', 'email') +
        input('bk', 'Backup email', 'backup_email', 'email'),
    );
    const after = contactForm(
      input('name', 'Full name') +
        input('mail', 'Email (primary)', 'email', 'email') +
        input('bk', 'Email (backup)', 'backup_email', 'email'),
    );
    expect(probe('C2', before, '[data-k="bk"]', after)).toBe('found:bk');
  });

  it('C4 "Previous postcode" now the only postcode, in a "Previous address" fieldset, id and name kept', () => {
    const page = (body: string) =>
      `<main><h1>Apply for a parking permit</h1><form action="/permit/address">${body}<button>Continue</button></form></main>`;
    const before = page(
      '<label>Postcode <input id="postcode" name="postcode" data-k="pc"></label>' +
        '<label>Lived here less than 3 years? <input type="checkbox" name="moved" data-k="moved"></label>' +
        '<label>Previous postcode <input id="previous-postcode" name="previous_postcode" data-k="prev"></label>',
    );
    const after = page(
      '<p>Current address: 12 Elm Row, EH7 4AA <a href="/permit/address/current">Change</a></p>' +
        '<label>Lived here less than 3 years? <input type="checkbox" name="moved" data-k="moved"></label>' +
        '<fieldset><legend>Previous address</legend><label>Postcode <input id="previous-postcode" name="previous_postcode" data-k="prev"></label></fieldset>',
    );
    expect(probe('C4', before, '[data-k="prev"]', after)).toBe('found:prev');
  });

  it('C5 "Backup phone" relabelled "Phone (backup)" beside "Primary phone" → "Phone" and a new "Work phone"', () => {
    const before = contactForm(
      input('p1', 'Primary phone', 'phone', 'tel') +
        input('p2', 'Backup phone', 'backup_phone', 'tel') +
        input('nm', 'Full name'),
    );
    const after = contactForm(
      input('p1', 'Phone', 'phone', 'tel') +
        input('p2', 'Phone (backup)', 'backup_phone', 'tel') +
        input('wk', 'Work phone', 'work_phone', 'tel') +
        input('nm', 'Full name'),
    );
    expect(probe('C5', before, '[data-k="p2"]', after)).toBe('found:p2');
  });

  it('C7 "Backup email" relabelled "Email (backup)" while "Email" became "Primary email"', () => {
    const before = contactForm(
      input('name', 'Full name') +
        input('mail', 'Email', 'email', 'email') +
        input('bk', 'Backup email', 'backup_email', 'email'),
    );
    const after = contactForm(
      input('name', 'Full name') +
        input('mail', 'Primary email', 'email', 'email') +
        input('bk', 'Email (backup)', 'backup_email', 'email'),
    );
    expect(probe('C7', before, '[data-k="bk"]', after)).toBe('found:bk');
  });

  it('C8 "Other nationality" relabelled "Nationality (other)"; id kept', () => {
    const countries = '<option>—</option><option>Ireland</option><option>Poland</option><option>Brazil</option>';
    const page = (first: string, second: string) =>
      `<main><h1>Visa application · Identity</h1><form>${input('fam', 'Family name')}<label>${first} <select id="nat" name="nationality" data-k="nat">${countries}</select></label><label>${second} <select id="nat2" name="other_nationality" data-k="nat2">${countries}</select></label><button>Continue</button></form></main>`;
    expect(
      probe(
        'C8',
        page('Nationality', 'Other nationality'),
        '[data-k="nat2"]',
        page('Nationality', 'Nationality (other)'),
      ),
    ).toBe('found:nat2');
  });

  it('C9 "Alternate phone" relabelled "Phone (alternate)" while an "Alternate contact" (another person) was added', () => {
    const before = contactForm(
      input('name', 'Full name') +
        input('phone', 'Phone', 'phone', 'tel') +
        input('alt', 'Alternate phone', 'alt_phone', 'tel'),
    );
    const after = contactForm(
      input('name', 'Full name') +
        input('phone', 'Phone', 'phone', 'tel') +
        input('alt', 'Phone (alternate)', 'alt_phone', 'tel') +
        input('acn', 'Alternate contact name', 'alt_contact_name') +
        input('acp', 'Alternate contact phone', 'alt_contact_phone', 'tel'),
    );
    expect(['found:alt', 'ambiguous', 'not-found']).toContain(probe('C9', before, '[data-k="alt"]', after));
  });

  it('C10 "Backup phone" kept as is but "Phone" became "Primary phone"; a new "Backup contact phone" added', () => {
    const before = contactForm(
      input('p1', 'Phone', 'phone', 'tel') + input('p2', 'Backup phone', 'backup_phone', 'tel'),
    );
    const after = contactForm(
      input('p1', 'Primary phone', 'phone', 'tel') +
        input('p2', 'Phone (backup)', 'backup_phone', 'tel') +
        input('bcp', 'Backup contact phone', 'backup_contact_phone', 'tel'),
    );
    expect(['found:p2', 'ambiguous', 'not-found']).toContain(probe('C10', before, '[data-k="p2"]', after));
  });

  it('C6 intended case still refused: "Additional scope" removed, "Primary scope" → "Scope"', () => {
    const scopes = '<option>None</option><option>Crop production</option><option>Livestock</option>';
    const sel = (key: string, label: string, name: string) =>
      `<label>${label} <select data-k="${key}" name="${name}">${scopes}</select></label>`;
    const before = `<main><h1>Schedule audit</h1><form>${input('op', 'Operator')}${sel('ps', 'Primary scope', 'primary_scope')}${sel('as', 'Additional scope', 'additional_scope')}<button>Schedule</button></form></main>`;
    const after = `<main><h1>Schedule audit</h1><form>${input('op', 'Operator')}${sel('ps', 'Scope', 'scope')}<button>Schedule</button></form></main>`;
    notFound(probe('C6', before, '[data-k="as"]', after));
  });
});
