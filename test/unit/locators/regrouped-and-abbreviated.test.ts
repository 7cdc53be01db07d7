import { describe, expect, it } from 'vitest';
import { foundText, record, resolveOn } from './page-pairs';

/** A declarations box under its fieldset; `linked` adds another shift's box with the same caption. */
function pickUp(recordedBoxShown: boolean, linked: boolean): string {
  const rest =
    '<label><input type="checkbox" name="rest_ok"> I confirm I will have had eleven hours of rest before this shift starts</label>';
  const linkedSet = linked
    ? '<fieldset><legend>Linked shift: Thu 9 May · Unit 7</legend><label><input type="checkbox" name="linked_pickup"> Also take the Thursday shift</label><label><input type="checkbox" name="linked_rest_ok"> I confirm I will have had eleven hours of rest before this shift starts</label></fieldset>'
    : '';
  return `<main><h1>Pick up shift · Tue 7 May</h1><form id="pickup" action="/offers/44/pickup"><fieldset><legend>Declarations</legend>${recordedBoxShown ? rest : '<p>Rest check passed automatically.</p>'}<label><input type="checkbox" name="cert_ok"> My certification is current</label><label><input type="checkbox" name="notify"> Notify my supervisor</label></fieldset>${linkedSet}<button>Pick up</button></form></main>`;
}

describe('a declaration box whose caption reappears under another group', () => {
  it('is not the box of another shift whose field name gained a qualifier', () => {
    const recorded = record(pickUp(true, false), 'input[name="rest_ok"]');
    const result = resolveOn(pickUp(false, true), recorded);
    expect(result.status).not.toBe('found');
  });

  it('is still found beside it while it stands in its own group', () => {
    const recorded = record(pickUp(true, false), 'input[name="rest_ok"]');
    const result = resolveOn(pickUp(true, true), recorded);
    expect(result.status === 'found' && result.element.getAttribute('name')).toBe('rest_ok');
  });
});

/** A part list: a quantity field per line, labelled "Quantity" or (`labelled` false) by its column only. */
function partLines(lines: readonly { part: string; side: string; price: string }[], labelled: boolean): string {
  const rows = lines
    .map(
      (line) =>
        `<tr><td>${line.part}</td><td>${line.side}</td><td>${line.price}</td><td><input type="number" name="qty" value="1"${labelled ? ' aria-label="Quantity"' : ''}></td></tr>`,
    )
    .join('');
  return `<main><h1>Warranty claim W-88</h1><table><thead><tr><th>Part</th><th>Engine</th><th>Price</th><th>Qty</th></tr></thead><tbody>${rows}</tbody></table></main>`;
}

const LINES = [
  { part: 'PX-4410 water pump kit', side: 'Port', price: '88.10' },
  { part: 'PX-2206 gasket set', side: 'Port', price: '12.40' },
  { part: 'PX-9013 thermostat', side: 'Port', price: '39.00' },
];

describe('a quantity field whose label was dropped, under a column that abbreviates it', () => {
  it('is the field of the line that kept every word, not the line added above for the same part', () => {
    const recorded = record(partLines(LINES, true), 'tbody tr:nth-child(1) input');
    const after = [{ part: 'PX-4410 water pump kit, rebuilt', side: 'Starboard', price: '61.75' }, ...LINES];
    const result = resolveOn(partLines(after, false), recorded);
    expect(foundText(result, 'tr')).toContain('Port');
  });
});

const REST_CAPTION = 'I confirm I will have had eleven hours of rest before this shift starts';

/** The pick-up form's three declarations under `legend`, every field name written by `rename`. */
function declarations(legend: string, rename: (name: string) => string): string {
  return `<main><h1>Pick up shift · Tue 7 May</h1><form id="pickup" action="/offers/44/pickup"><fieldset><legend>${legend}</legend><label><input type="checkbox" name="${rename('rest_ok')}"> ${REST_CAPTION}</label><label><input type="checkbox" name="${rename('cert_ok')}"> My certification is current</label><label><input type="checkbox" name="${rename('notify')}"> Notify my supervisor</label></fieldset><button>Pick up</button></form></main>`;
}

describe('a declaration box regrouped in a redesign that also namespaced its field names', () => {
  const asRecorded = (name: string) => name;
  const redesigns: [string, string, (name: string) => string, string][] = [
    [
      'is still the box when every field became model[field] and the legend was reworded',
      'Before you pick up',
      (name) => `pickup[${name}]`,
      'pickup[rest_ok]',
    ],
    [
      'is still the box when every field gained the old section name as a prefix and the legend was reworded',
      'Please confirm',
      (name) => `declarations_${name}`,
      'declarations_rest_ok',
    ],
    [
      'is still the box when every field became camelCase with a model prefix and the legend was reworded',
      'Your confirmation',
      (name) => `shiftPickup.${name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase())}`,
      'shiftPickup.restOk',
    ],
  ];

  for (const [title, legend, rename, expectedName] of redesigns) {
    it(title, () => {
      const recorded = record(declarations('Declarations', asRecorded), 'input[name="rest_ok"]');
      const result = resolveOn(declarations(legend, rename), recorded);
      expect(result.status === 'found' && result.element.getAttribute('name')).toBe(expectedName);
    });
  }
});

/** A conference registration: the code-of-conduct box under `legend`, `dietary` adding a fieldset above it. */
function registration(legend: string, prefix: string, dietary: boolean): string {
  const dietarySet = dietary
    ? `<fieldset><legend>Dietary needs</legend><label><input type="checkbox" name="${prefix}vegetarian"> Vegetarian</label><label><input type="checkbox" name="${prefix}gluten_free"> Gluten free</label></fieldset>`
    : '';
  return `<main><h1>Register · RustConf 2025</h1><form action="/register">${dietarySet}<fieldset><legend>${legend}</legend><label><input type="checkbox" name="${prefix}agree_coc"> I agree to the code of conduct and the photography policy</label><label><input type="checkbox" name="${prefix}newsletter"> Send me the newsletter</label></fieldset><button>Register</button></form></main>`;
}

/** A course sign-up: the mailing-list box, named `newsletterName`, under `legend`. */
function courseSignUp(legend: string, newsletterName: string): string {
  return `<main><h1>Enrol · Evening pottery (autumn)</h1><form action="/enrol"><fieldset><legend>${legend}</legend><label><input type="checkbox" name="${newsletterName}"> Email me about new courses and open studio events</label><label><input type="checkbox" name="photos"> Photos of my work may be shared on social media</label></fieldset><button>Enrol</button></form></main>`;
}

describe('a consent box moved under a renamed section, its field name qualified', () => {
  it('is still the code-of-conduct box when every field gained the model prefix and a fieldset came above', () => {
    const recorded = record(registration('Terms', '', false), 'input[name="agree_coc"]');
    const result = resolveOn(registration('Your registration', 'attendee_', true), recorded);
    expect(result.status === 'found' && result.element.getAttribute('name')).toBe('attendee_agree_coc');
  });

  it('is still the mailing-list box when its name gained a consent suffix and its legend changed', () => {
    const recorded = record(courseSignUp('Extras', 'newsletter'), 'input[name="newsletter"]');
    const result = resolveOn(courseSignUp('Privacy', 'newsletter_consent'), recorded);
    expect(result.status === 'found' && result.element.getAttribute('name')).toBe('newsletter_consent');
  });
});

/** A page titled `title` holding a table: one header row, then body rows of cells (raw HTML). */
function table(title: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th>${header}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<main><h1>${title}</h1><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></main>`;
}

describe('a field gone from its cell, where words that abbreviate its name mean something else', () => {
  it('is not the order quantity that took the minimum order\'s cell, though its row says "45 min"', () => {
    const headers = ['Dish', 'Prep', 'Price', 'Order'];
    const dishes = [
      ['Lasagne tray', '45 min', '£38.00'],
      ['Chicken tikka tray', '30 min', '£42.00'],
      ['Vegetable paella pan', '50 min', '£35.00'],
    ];
    const minimums = dishes.map((dish) => [...dish, '<input type="number" aria-label="Minimum order" value="2">']);
    const recorded = record(table('Catering menu', headers, minimums), 'tbody tr:nth-child(1) input');
    // The per-dish minimum moved to a settings page; the menu now takes the order itself (no label).
    const orders = [['Mushroom risotto pan', '40 min', '£36.00'], ...dishes].map((dish) => [
      ...dish,
      '<input type="number" value="0">',
    ]);
    expect(resolveOn(table('Catering menu', headers, orders), recorded).status).not.toBe('found');
  });

  it("is not the contracted hours that took the maximum hours' cell in the row of someone called Max", () => {
    const headers = ['Staff', 'Role', 'Days', 'Hours'];
    const staff = [
      ['Max Weber', 'Barista', 'Mon–Fri'],
      ['Lena Hoffmann', 'Barista', 'Wed–Sun'],
      ['Tom Becker', 'Kitchen', 'Mon–Thu'],
    ];
    const maximums = staff.map((person) => [...person, '<input type="number" aria-label="Maximum hours">']);
    const recorded = record(table('Rota settings', headers, maximums), 'tbody tr:nth-child(1) input');
    const contracted = [['Anna Schulz', 'Kitchen', 'Tue–Sat'], ...staff].map((person) => [
      ...person,
      'contracted <input type="number">',
    ]);
    expect(resolveOn(table('Rota settings', headers, contracted), recorded).status).not.toBe('found');
  });

  it("is not the quantity received that took the ordered quantity's cell under the Qty column", () => {
    const headers = ['Part', 'Engine', 'Price', 'Qty'];
    const lines = [
      ['PX-4410 water pump kit', 'Port', '88.10'],
      ['PX-2206 gasket set', 'Port', '12.40'],
      ['PX-9013 thermostat', 'Port', '39.00'],
    ];
    const ordered = lines.map((line) => [...line, '<input type="number" name="qty" aria-label="Quantity" value="1">']);
    const recorded = record(table('Purchase order PO-5512', headers, ordered), 'tbody tr:nth-child(1) input');
    // The order was sent: the Qty column now takes what was received, and a rebuilt pump came in on a line of its own.
    const received = [['PX-4410 water pump kit, rebuilt', 'Starboard', '61.75'], ...lines].map((line) => [
      ...line,
      'received <input type="number" name="received" value="0">',
    ]);
    expect(resolveOn(table('Purchase order PO-5512', headers, received), recorded).status).not.toBe('found');
  });
});

describe('a field that lost its label, under a column whose words restate it', () => {
  it('is the given-name field of the same traveller under "Given names", a traveller added above', () => {
    const headers = ['Ticket', 'Surname', 'Given names'];
    const travellers = [
      ['125-4410221', 'OKAFOR'],
      ['125-4410222', 'NAKAMURA'],
      ['125-4410223', 'LINDQVIST'],
    ];
    const labelled = travellers.map((traveller) => [...traveller, '<input type="text" aria-label="Given name">']);
    const recorded = record(
      table('Name corrections · booking KX7Q2P', headers, labelled),
      'tbody tr:nth-child(2) input',
    );
    const unlabelled = [['125-4410220', 'OKAFOR'], ...travellers].map((traveller) => [
      ...traveller,
      '<input type="text">',
    ]);
    const result = resolveOn(table('Name corrections · booking KX7Q2P', headers, unlabelled), recorded);
    expect(foundText(result, 'tr')).toContain('NAKAMURA');
  });

  it('is the address field of the same stop under "Street address", the stops re-ordered', () => {
    const headers = ['Stop', 'Customer', 'Street address'];
    const stops = [
      ['Stop 1', 'Café Lumen'],
      ['Stop 2', 'Northside Bakery'],
      ['Stop 3', 'Elm Street Deli'],
    ];
    const labelled = stops.map((stop) => [...stop, '<input type="text" aria-label="Address">']);
    const recorded = record(table('Route R-14', headers, labelled), 'tbody tr:nth-child(2) input');
    const reordered = [1, 2, 0].map((index) => [...(stops[index] as string[]), '<input type="text">']);
    const result = resolveOn(table('Route R-14', headers, reordered), recorded);
    expect(foundText(result, 'tr')).toContain('Northside Bakery');
  });

  it('is the contact-number field of the same depot under "Contact phone number", the rows re-sorted', () => {
    const headers = ['Depot', 'City', 'Contact phone number'];
    const depots = [
      ['Depot A', 'Leeds'],
      ['Depot B', 'York'],
      ['Depot C', 'Hull'],
    ];
    const labelled = depots.map((depot) => [...depot, '<input type="tel" aria-label="Contact number">']);
    const recorded = record(table('Depots', headers, labelled), 'tbody tr:nth-child(2) input');
    const resorted = [...depots].reverse().map((depot) => [...depot, '<input type="tel">']);
    const result = resolveOn(table('Depots', headers, resorted), recorded);
    expect(foundText(result, 'tr')).toContain('York');
  });
});

/** A festival's artist cards, each asking for the act's stage plot until it arrives. */
function riders(received: readonly string[]): string {
  const card = (act: string, slot: string) =>
    `<article><h3>${act}</h3><p>${slot}</p><p>Stage plot: ${received.includes(act) ? 'Received' : 'Missing'}</p><button type="button">${received.includes(act) ? 'View' : 'Request'} stage plot</button></article>`;
  return `<main><h1>Artist riders</h1>${card('Copper Tide', 'Meadow Tent · Fri 19:00')}${card('Lanterns', 'Main Stage · Sat 18:00')}${card('Hollow Pines', 'Meadow Tent · Sat 21:00')}</main>`;
}

describe('a command whose act was done meanwhile', () => {
  it('is not the command that now sees what the recorded one asked for ("Request" → "View stage plot")', () => {
    const recorded = record(riders([]), 'article:nth-child(2) button');
    const result = resolveOn(riders(['Copper Tide']), recorded);
    expect(result.status).not.toBe('found');
  });

  it('is still the request in its card while another act sent theirs', () => {
    const recorded = record(riders([]), 'article:nth-child(2) button');
    const result = resolveOn(riders(['Lanterns']), recorded);
    expect(foundText(result, 'article')).toContain('Copper Tide');
  });
});

/** A reminder settings form; `withdrawn` options are gone from it. */
function reminders(withdrawn: readonly string[]): string {
  const options = [
    'Email confirmation when an appointment is booked',
    'SMS reminder 24 hours before',
    'SMS reminder 2 hours before',
    'Email reminder 24 hours before',
    'SMS when my pet is ready for pickup',
  ].filter((option) => !withdrawn.includes(option));
  const boxes = options
    .map((option, index) => `<label><input type="checkbox" name="notify" value="${index}"> ${option}</label>`)
    .join('');
  return `<main><h1>Client settings</h1><form action="/clients/77/settings"><fieldset><legend>Messages we send</legend>${boxes}</fieldset><button>Save</button></form></main>`;
}

describe('a setting named by an amount beside one named by another amount', () => {
  it('is not "SMS reminder 24 hours before" once "… 2 hours before" was withdrawn', () => {
    const recorded = record(reminders([]), 'label:nth-child(4) input');
    const result = resolveOn(reminders(['SMS reminder 2 hours before']), recorded);
    expect(result.status).not.toBe('found');
  });

  it('is still found when another option was withdrawn above it', () => {
    const recorded = record(reminders([]), 'label:nth-child(4) input');
    const result = resolveOn(reminders(['Email confirmation when an appointment is booked']), recorded);
    expect(foundText(result, 'label')).toContain('SMS reminder 2 hours before');
  });
});

/** An audit form with a primary and (`additional`) an additional scope; `merged` renames the primary "Scope". */
function auditForm(additional: boolean, merged: boolean): string {
  const scopes =
    '<option>None</option><option>Crop production</option><option>Livestock</option><option>Handling</option>';
  const primary = `<label>${merged ? 'Scope' : 'Primary scope'} <select name="${merged ? 'scope' : 'primary_scope'}">${scopes}</select></label>`;
  const extra = additional ? `<label>Additional scope <select name="additional_scope">${scopes}</select></label>` : '';
  return `<main><h1>Schedule audit</h1><form action="/audits"><label>Operator <input name="operator"></label>${primary}${extra}<label>Inspector <select name="inspector"><option>R. Alvarez</option><option>M. Chen</option></select></label><button>Schedule</button></form></main>`;
}

describe('a field that was the added copy of another', () => {
  it('is not the first copy renamed plainly once the added one was removed ("Scope" for "Additional scope")', () => {
    const recorded = record(auditForm(true, false), 'select[name="additional_scope"]');
    const result = resolveOn(auditForm(false, true), recorded);
    expect(result.status).not.toBe('found');
  });

  it('is still found beside the first copy renamed plainly', () => {
    const recorded = record(auditForm(true, false), 'select[name="additional_scope"]');
    const result = resolveOn(auditForm(true, true), recorded);
    expect(result.status === 'found' && result.element.getAttribute('name')).toBe('additional_scope');
  });
});
