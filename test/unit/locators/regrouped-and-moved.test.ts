import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { foundText, record, resolveOn } from './page-pairs';

const field = (label: string, id: string, extra = '') =>
  `<div class="field"><label for="${id}">${label}</label><input id="${id}" type="text"${extra}></div>`;

describe('a form regrouped into sections', () => {
  const before = `<main><h1>Add asset</h1><form id="asset-form">${[
    'Asset tag',
    'Manufacturer',
    'Model',
    'Model number',
    'Serial number',
    'Purchase order',
    'Purchase date',
    'Warranty end',
  ]
    .map((label, index) => field(label, `:r${index}:`))
    .join('')}<button type="submit">Save asset</button></form></main>`;

  it('finds the field still labelled as recorded, its surroundings now a part of the recorded ones', () => {
    const recorded = record(before, 'input[id=":r4:"]');
    const after = `<main><h1>Add asset</h1><form id="asset-form"><fieldset><legend>Identity</legend>${[
      'Asset tag',
      'Manufacturer',
      'Model',
      'Model number',
      'Serial number',
    ]
      .map((label, index) => field(label, `:r${index + 20}:`))
      .join('')}</fieldset><fieldset><legend>Purchase</legend>${['Purchase order', 'Purchase date', 'Warranty end']
      .map((label, index) => field(label, `:r${index + 40}:`))
      .join('')}</fieldset><button type="submit">Save asset</button></form></main>`;
    expect(foundText(resolveOn(after, recorded), '.field')).toBe('Serial number');
  });

  it('not in another form under the same heading', () => {
    const recorded = record(before, 'input[id=":r4:"]');
    const after = `<main><h1>Add asset</h1><form id="lookup-form"><fieldset><legend>Identity</legend>${[
      'Asset tag',
      'Manufacturer',
      'Serial number',
    ]
      .map((label, index) => field(label, `:r${index + 20}:`))
      .join('')}</fieldset><button type="submit">Look up</button></form></main>`;
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('a select moved and renamed, known by its option list', () => {
  const select = (label: string, id: string, options: readonly string[]) =>
    `<label for="${id}">${label}</label><select id="${id}">${options.map((option) => `<option>${option}</option>`).join('')}</select>`;
  const sites = ['Leeds HQ · Floor 1', 'Leeds HQ · Floor 3', 'Hull depot · Goods in', 'Hull depot · Office', 'Remote'];
  const levels = ['Low', 'Medium', 'High'];
  const page = (main: string, side: string) =>
    `<main><h1>Edit asset</h1><form id="edit"><section><h2>General</h2>${main}</section></form></main><aside>${side}</aside>`;

  it('a list of many words names it in a side panel, called "Site / room" now', () => {
    const recorded = record(
      page(`${select('Status', 'st', ['In use', 'In stock', 'In repair'])}${select('Location', 'loc', sites)}`, ''),
      '#loc',
    );
    const after = page(
      `${select('Status', 'st', ['In use', 'In stock', 'In repair'])}${select('Cost centre', 'cc', ['CC-410 Hull operations', 'CC-200 Head office'])}`,
      `<section><h2>Placement</h2>${select('Site / room', 'placement', sites)}</section>`,
    );
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' && result.element.id).toBe('placement');
  });

  it('a list of few words ("Low | Medium | High") does not, under a name sharing no word', () => {
    const recorded = record(page(select('Priority', 'prio', levels), ''), '#prio');
    const after = page('', `<section><h2>Review</h2>${select('Severity', 'sev', levels)}</section>`);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('labels reworded within their section', () => {
  const section = (heading: string, fields: string) =>
    `<main><h1>Site survey</h1><form id="survey"><section><h2>${heading}</h2>${fields}</section></form></main>`;

  it('a label dropping its section’s word, its unit written as a symbol ("Roof pitch (degrees)" → "Pitch (°)")', () => {
    const recorded = record(
      section(
        'Roof',
        `${field('Roof material', 'a')}${field('Roof pitch (degrees)', 'b')}${field('Azimuth (degrees from north)', 'c')}${field('Usable roof area (m²)', 'd')}`,
      ),
      '#b',
    );
    const after = section(
      'Roof',
      `${field('Material', 'r1')}${field('Pitch (°)', 'r2')}${field('Azimuth (° from north)', 'r3')}${field('Usable area (m²)', 'r4')}`,
    );
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' && result.element.id).toBe('r2');
  });

  it('a plural label made singular ("Pages" → "Page range"), its field name kept', () => {
    const recorded = record(
      section('Article', `${field('Journal title', 'j', ' name="journal"')}${field('Pages', 'pg', ' name="pages"')}`),
      '#pg',
    );
    const after = section(
      'Article',
      `<fieldset><legend>Source</legend>${field('Journal title', 'f-j', ' name="journal"')}</fieldset><fieldset><legend>Citation</legend>${field('DOI', 'f-doi', ' name="doi"')}${field('Page range', 'f-pages', ' name="pages"')}</fieldset>`,
    );
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' && result.element.id).toBe('f-pages');
  });
});

describe('a section copied under a heading', () => {
  const kitchens =
    '<select id="KITCHEN"><option>Eastside shared kitchen</option><option>Northgate food hub</option></select>';
  const section = (heading: string, id: string) =>
    `<section><h2>${heading}</h2><label for="${id}">Commissary</label>${kitchens.replace('KITCHEN', id)}<label>Agreement expires <input type="date"></label></section>`;

  it('the one under the heading called primary is the recorded one', () => {
    const recorded = record(
      `<main><h1>Permit</h1><form>${section('Commissary kitchen', 'commissary')}</form></main>`,
      '#commissary',
    );
    const after = `<main><h1>Permit</h1><form>${section('Primary commissary kitchen', 'commissary-0')}${section('Backup commissary (optional)', 'commissary-1')}</form></main>`;
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' && result.element.id).toBe('commissary-0');
  });
});

describe('numbered entries renumbered', () => {
  const parties = (names: readonly string[]) =>
    `<main><h1>Parties</h1><form id="parties">${names
      .map(
        (name, index) =>
          `<section><h3>Party ${index + 1}</h3><p>${name}</p><label>Role <select name="party_role"><option>Plaintiff</option><option>Defendant</option><option>Intervenor</option></select></label><button type="button">Remove party</button></section>`,
      )
      .join('')}</form></main>`;

  it('"Party 2 Marcus Hale" is "Party 3 Marcus Hale" once a party is inserted above', () => {
    const recorded = record(parties(['Dana Hollis', 'Marcus Hale', 'Brightwater LLC']), 'section:nth-child(2) select');
    const after = parties(['Dana Hollis', 'Tenants United', 'Marcus Hale', 'Brightwater LLC']);
    expect(foundText(resolveOn(after, recorded), 'section')).toContain('Marcus Hale');
  });

  it('not when that party is gone', () => {
    const recorded = record(parties(['Dana Hollis', 'Marcus Hale', 'Brightwater LLC']), 'section:nth-child(2) select');
    const after = parties(['Dana Hollis', 'Tenants United', 'Brightwater LLC']);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  const waitlist = (rows: readonly (readonly [string, string])[]) =>
    `<main><h1>Plot waitlist</h1><table><tbody>${rows
      .map(
        ([place, name]) =>
          `<tr><td>${place}</td><td>${name}</td><td>30 Nov 2022</td><td>Any site</td><td>Half plot</td><td><button type="button">Offer plot</button> <button type="button">Remove</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;

  const recordPriya = () =>
    record(
      waitlist([
        ['#4', 'Tom Ellis'],
        ['#5', 'Priya Raman'],
        ['#6', 'Jo Mars'],
      ]),
      'tr:nth-child(2) button',
    );

  it('a place "#5" that moved to "#4" as an entry above left', () => {
    const recorded = recordPriya();
    const after = waitlist([
      ['#4', 'Priya Raman'],
      ['#5', 'Jo Mars'],
    ]);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('Priya Raman');
  });

  it('not a number further off ("#5" → "#58"): another record of the same name', () => {
    const recorded = recordPriya();
    const after = waitlist([
      ['#4', 'Tom Ellis'],
      ['#6', 'Jo Mars'],
      ['#58', 'Priya Raman'],
    ]);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('choices reworded', () => {
  const members = (rows: readonly string[], box: (name: string) => string) =>
    `<main><h1>Members</h1><table><tbody>${rows
      .map((name) => `<tr><td>${box(name)}</td><td>${name}</td><td>Dedicated desk</td><td>Riverside</td></tr>`)
      .join('')}</tbody></table></main>`;
  const named = (name: string) => `<input type="checkbox" aria-label="Select ${name}">`;
  const generic = () => '<label><input type="checkbox"> Select row</label>';

  it('a row box named by its record now named "Select row": the row’s words say which', () => {
    const recorded = record(members(['Ana Ruiz', 'Priya Raman', 'Leo Park'], named), 'tr:nth-child(2) input');
    const after = members(['Ana Ruiz', 'Priya Raman', 'Priyanka Raman', 'Leo Park'], generic);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('Priya Raman');
  });

  it('not the namesake’s row when the record is gone', () => {
    const recorded = record(members(['Ana Ruiz', 'Priya Raman', 'Leo Park'], named), 'tr:nth-child(2) input');
    const after = members(['Ana Ruiz', 'Priyanka Raman', 'Leo Park'], generic);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  const declarations = (captions: readonly (readonly [string, string])[]) =>
    `<main><h1>Submit thesis</h1><form><fieldset><legend>Declarations</legend>${captions
      .map(([value, caption]) => `<label><input type="checkbox" name="decl" value="${value}"> ${caption}</label>`)
      .join('')}</fieldset></form></main>`;

  it('a caption reworded that still sends the recorded worded value', () => {
    const recorded = record(
      declarations([
        ['original', 'This thesis is my own original work.'],
        ['copyright', 'I have obtained permission for any third-party copyright material included.'],
      ]),
      'input[value="copyright"]',
    );
    const after = declarations([
      ['ai', 'I have declared any use of generative AI tools.'],
      ['original', 'This thesis is my own original work.'],
      ['copyright', 'I have obtained permission to reproduce third-party copyright material.'],
    ]);
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' && result.element.getAttribute('value')).toBe('copyright');
  });
});

describe('a component moved elsewhere on the page', () => {
  const scheduler = (parent: Element, label: string) => {
    const host = document.createElement('hearing-scheduler');
    parent.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<h3>Set hearing</h3><label>Hearing type <select><option>Motion</option></select></label><label>Date <input type="date"></label><button type="button">${label}</button><button type="button">Check availability</button>`;
    return root;
  };

  it('the one copy of its tag, holding mostly what it held, is looked into', () => {
    document.body.innerHTML = '<nav id="rail"><h2>Case</h2></nav><main id="desk"><h1>Motion to compel</h1></main>';
    const recordedRoot = scheduler(document.querySelector('#desk') as Element, 'Schedule hearing');
    const recorded = describeElement(recordedRoot.querySelector('button') as Element);
    document.body.innerHTML =
      '<nav id="rail"><h2>Case</h2></nav><main id="desk"><h1>Motion to compel</h1><p>Documents in this motion</p></main>';
    const root = scheduler(document.querySelector('#rail') as Element, 'Schedule');
    const result = resolveTarget(document, recorded);
    expect(result.status === 'found' && result.element).toBe(root.querySelector('button'));
  });
});

describe('a namesake in the recorded record’s place', () => {
  type Team = readonly [string, string, string];
  const checkIn = (teams: readonly Team[]) =>
    `<main><h1>Team check-in</h1><table><tbody>${teams
      .map(
        ([team, captain, status]) =>
          `<tr><td>${team}</td><td>${captain}</td><td>5/5</td><td>${status}</td><td>${status === 'Checked in' ? '<button type="button">Undo</button>' : '<button type="button">Check in</button>'} <button type="button">Message captain</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;
  const before: readonly Team[] = [
    ['Nova Esports', 'zeta', 'Checked in'],
    ['Halcyon', 'rook', 'Not checked in'],
    ['Voltage', 'ampere', 'Not checked in'],
    ['Lumen', 'faro', 'Not checked in'],
  ];

  it('is refused: "Voltage · ampere" withdrew and "Voltage Academy · ohm" took its row', () => {
    const recorded = record(checkIn(before), 'tr:nth-child(3) button');
    const after = checkIn([
      before[0] as Team,
      before[1] as Team,
      ['Voltage Academy', 'ohm', 'Not checked in'],
      before[3] as Team,
    ]);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  it('but the record is found below a new team inserted above it', () => {
    const recorded = record(checkIn(before), 'tr:nth-child(3) button');
    const after = checkIn([['Static Vow', 'ember', 'Not checked in'], ...before]);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('Voltage');
  });
});

describe('a field relabelled', () => {
  it('the one notes box of a request card, its surroundings kept, relabelled ("Note to processor" → "Message for your loan processor")', () => {
    const cards = (label: string) => {
      document.body.innerHTML = '<main><h1>Documents</h1><div id="cards"></div></main>';
      const list = document.querySelector('#cards') as Element;
      for (const [title, file] of [
        ['Pay stubs — last 30 days', 'stubs.pdf'],
        ['Bank statement — Chase checking ••4410', 'chase_feb.pdf'],
      ]) {
        const host = document.createElement('doc-request-card');
        list.append(host);
        host.attachShadow({
          mode: 'open',
        }).innerHTML = `<article><h3>${title}</h3><p>Outstanding · Due Mar 20</p><p>${file}</p><button type="button">Upload file</button><label for="n">${label}</label><textarea id="n"></textarea><button type="button">Save note</button></article>`;
      }
      return [...document.querySelectorAll('doc-request-card')].map((host) => host.shadowRoot as ShadowRoot);
    };
    const recorded = describeElement(cards('Note to processor')[1]?.querySelector('textarea') as Element);
    const roots = cards('Message for your loan processor');
    const result = resolveTarget(document, recorded);
    expect(result.status === 'found' && result.element).toBe(roots[1]?.querySelector('textarea'));
  });

  it('not a box whose caption now names other people, though it kept its name ("notify_new_lecture")', () => {
    const options = (caption: string) =>
      `<main><h1>Settings</h1><form><fieldset><legend>Notifications</legend><label><input type="checkbox" name="notify_review"> Email me when a student posts a review</label><label><input type="checkbox" name="notify_new_lecture"> ${caption}</label></fieldset></form></main>`;
    const recorded = record(
      options('Email enrolled students when a new lecture is published'),
      'input[name="notify_new_lecture"]',
    );
    const after = options('Email co-instructors when a new lecture is published');
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('record numbers in a new scheme', () => {
  type Job = readonly [string, string, string];
  const jobs = (rows: readonly Job[]) =>
    `<main><h1>Open job tickets</h1><table><tbody>${rows
      .map(
        ([number, item, quantity]) =>
          `<tr><td>${number}</td><td>Harbor Cafe</td><td>${item}</td><td>${quantity}</td><td>May 18</td><td>Proofing</td><td><button type="button">Approve proof</button> <button type="button">Hold</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;

  it('"#4471" is "IW-24-04471", beside a new look-alike', () => {
    const recorded = record(
      jobs([
        ['#4470', 'Gift cards', '500'],
        ['#4471', 'Menus, tri-fold', '300'],
        ['#4473', 'Table tents', '150'],
      ]),
      'tr:nth-child(2) button',
    );
    const after = jobs([
      ['IW-24-04470', 'Gift cards', '500'],
      ['IW-24-04471', 'Menus, tri-fold', '300'],
      ['IW-24-04474', 'Menus, tri-fold', '600'],
      ['IW-24-04473', 'Table tents', '150'],
    ]);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('IW-24-04471');
  });
});

describe('a field that now asks something else', () => {
  const essays = (second: string) =>
    `<main><h1>Essays</h1><form action="/apply/essays"><section><h2>Essay 1</h2><label for="essay-a">Why are you pursuing your intended field of study? (max 500 words)</label><textarea id="essay-a" name="essay_goals"></textarea></section><section><h2>Essay 2</h2><label for="essay-b">${second}</label><textarea id="essay-b" name="essay_2"></textarea><span>0 words</span></section><button type="submit">Save and continue</button></form></main>`;

  it('is refused though it kept its id and name: the question was replaced', () => {
    const recorded = record(
      essays('Describe a challenge or setback you faced and what you learned from it. (max 300 words)'),
      '#essay-b',
    );
    const after = essays('Tell us about a community you belong to and the role you play in it. (max 300 words)');
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  it('is found when the question is only reworded', () => {
    const recorded = record(
      essays('Describe a challenge or setback you faced and what you learned from it. (max 300 words)'),
      '#essay-b',
    );
    const after = essays('Describe a setback or challenge you have faced, and what it taught you. (max 300 words)');
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' && result.element.id).toBe('essay-b');
  });
});

describe('the one field of a component copy', () => {
  it('is not another copy’s field under another heading (Meals’ cap when the Hotels card lost its own)', () => {
    const hint = '<span class="hint">Applies to all cities unless overridden.</span>';
    const nights =
      '<div class="row"><label for="nights">Max nights without extra approval</label><input id="nights" type="number" name="maxNights"></div><label><input type="checkbox" name="preferred" checked> Prefer negotiated hotel chains</label>';
    const rules = (hotels: string) => {
      document.body.innerHTML = '<main><h1>Travel policy</h1><div id="rules"></div></main>';
      const list = document.querySelector('#rules') as Element;
      for (const [heading, body] of [
        ['Hotels', hotels],
        [
          'Meals',
          `<div class="row"><label for="cap">Daily per diem cap (EUR)</label><input id="cap" type="number" name="dailyCap">${hint}</div><label><input type="checkbox" name="alcohol"> Allow alcohol on client dinners</label>`,
        ],
        [
          'Ground transport',
          '<div class="row"><label for="taxi">Taxi limit per ride (EUR)</label><input id="taxi" type="number" name="taxiCap"></div><label><input type="checkbox" name="rental" checked> Rental cars need approval</label>',
        ],
      ]) {
        const host = document.createElement('policy-rule');
        list.append(host);
        host.attachShadow({
          mode: 'open',
        }).innerHTML = `<form id="rule" class="rule"><h3>${heading}</h3>${body}<button type="submit">Save rule</button></form>`;
      }
      return [...document.querySelectorAll('policy-rule')].map((host) => host.shadowRoot as ShadowRoot);
    };
    const recorded = describeElement(
      rules(
        `<div class="row"><label for="cap">Nightly rate cap (EUR)</label><input id="cap" type="number" name="nightlyCap">${hint}</div>${nights}`,
      )[0]?.querySelector('#cap') as Element,
    );
    rules(
      `<div class="row"><label for="tier">Rate cap</label><select id="tier" name="tier"><option>Per city tier (see rate table)</option><option>No cap</option></select><span class="hint">Nightly caps are now kept per city in the rate table.</span></div>${nights}`,
    );
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });
});
