import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget, type TargetDescriptor } from '@/lib/locators';

function record(html: string, pick: (doc: Document) => Element): TargetDescriptor {
  document.body.innerHTML = html;
  return describeElement(pick(document));
}

/** Resolves on `html`; returns the found element's `data-row`-free description: its closest record's first words. */
function resolveOn(html: string, target: TargetDescriptor, setUp?: (doc: Document) => void) {
  document.body.innerHTML = html;
  setUp?.(document);
  return resolveTarget(document, target);
}

const ORDER_TABLE = `
<main><h1>Orders</h1>
<table id="orders"><thead><tr><th>Order</th><th>Customer</th><th>Total</th><th></th></tr></thead><tbody>
<tr><td><a href="/admin/orders/1041">#1041</a></td><td>Jonas Berg</td><td>€64.00</td><td><button class="btn">Fulfill</button> <button class="btn">Print</button></td></tr>
<tr><td><a href="/admin/orders/1042">#1042</a></td><td>Priya Natarajan</td><td>€178.00</td><td><button class="btn">Fulfill</button> <button class="btn">Print</button></td></tr>
<tr><td><a href="/admin/orders/1043">#1043</a></td><td>Ana Souza</td><td>€12.50</td><td><button class="btn">Fulfill</button> <button class="btn">Print</button></td></tr>
</tbody></table></main>`;

function orderCard(number: number, customer: string, total: string): string {
  return `<li class="card_x81"><header><a href="/admin/orders/${number}">#${number}</a><span>Paid</span></header>
<p>${customer} · ${total} · 2 items</p>
<div class="footer_a2"><button class="b_9f">View</button> <button class="b_9f">Print</button> <button class="b_9f">Fulfill</button></div></li>`;
}

describe('a record redesigned from a table row into a card', () => {
  const target = () =>
    record(ORDER_TABLE, (doc) => doc.querySelectorAll('tbody tr')[1]?.querySelector('button') as Element);

  it("reads the card as the record: a card's footer of buttons does not say which order it is", () => {
    const recorded = target();
    const cards = `<main><h1>Orders</h1><ul id="cards">${orderCard(1043, 'Ana Souza', '€12.50')}${orderCard(1042, 'Priya Natarajan', '€178.00')}${orderCard(1041, 'Jonas Berg', '€64.00')}</ul></main>`;
    const result = resolveOn(cards, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('li')?.textContent).toContain('#1042');
  });

  it('refuses when that order is gone from the cards', () => {
    const recorded = target();
    const cards = `<main><h1>Orders</h1><ul id="cards">${orderCard(1043, 'Ana Souza', '€12.50')}${orderCard(1041, 'Jonas Berg', '€64.00')}</ul></main>`;
    expect(resolveOn(cards, recorded).status).not.toBe('found');
  });
});

function leaveCard(name: string, dates: string, reason: string): string {
  return `<li class="card"><h3>${name} <span>Annual leave</span></h3><p>${dates}</p><p>“${reason}”</p>
<div><button class="primary">Approve</button> <button>Decline</button> <a href="/time-off/calendar">See team calendar</a></div></li>`;
}

describe('a record whose distinguishing number changed', () => {
  it('is another record: the 14 Aug request withdrawn, a 21 Aug one filed by the same person', () => {
    const before = `<main><h1>Approvals</h1><ul id="pending">${leaveCard('Lucía Romero', '5–9 Aug · 5 days', 'Family trip')}${leaveCard('Kwame Boateng', '14 Aug · 1 day', 'Moving house')}${leaveCard('Mei Chen', '2 Sep · 1 day', 'Dentist')}</ul></main>`;
    const recorded = record(
      before,
      (doc) => doc.querySelectorAll('#pending li')[1]?.querySelector('button') as Element,
    );
    expect(recorded.fingerprint.distinct).toContain('14');
    const after = `<main><h1>Approvals</h1><ul id="pending">${leaveCard('Kwame Boateng', '21 Aug · 1 day', 'Moving house')}${leaveCard('Lucía Romero', '5–9 Aug · 5 days', 'Family trip')}${leaveCard('Mei Chen', '2 Sep · 1 day', 'Dentist')}</ul></main>`;
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  it('is the same record when only an age that ticks changed ("2d ago" → "1h ago")', () => {
    const row = (n: number, title: string, age: string) =>
      `<li><a href="/issues/${n}">${title}</a> <span>#${n} opened ${age} ago</span> <button>Assign to me</button></li>`;
    const before = `<ul id="issues">${row(470, 'Login page is slow', '3d')}${row(471, 'Flaky test in billing sync', '2d')}${row(472, 'Typo on pricing page', '5h')}</ul>`;
    const recorded = record(before, (doc) => doc.querySelectorAll('#issues button')[1] as Element);
    const after = `<ul id="issues">${row(471, 'Flaky test in billing sync', '1h')}${row(472, 'Typo on pricing page', '5h')}${row(470, 'Login page is slow', '3d')}</ul>`;
    const result = resolveOn(after, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('li')?.textContent).toContain('#471');
  });
});

describe('a button whose aria-label was dropped', () => {
  const row = (n: number, title: string, labelled: boolean) =>
    `<li><a href="/assignments/${n}">${title}</a> <span>Due 21 Mar</span> <button class="btn"${labelled ? ` aria-label="Submit ${title}"` : ''}>Submit</button></li>`;

  it('is still named by the words the person saw on it, in its own row', () => {
    const before = `<ul id="list">${row(1, 'Essay 1: Poetry', true)}${row(2, 'Essay 2: The Romantic poets', true)}${row(3, 'Reading log', true)}</ul>`;
    const recorded = record(before, (doc) => doc.querySelectorAll('#list button')[1] as Element);
    expect(recorded.fingerprint.name).toBe('Submit Essay 2: The Romantic poets');
    const after = `<ul id="list">${row(1, 'Essay 1: Poetry', false)}${row(2, 'Essay 2: The Romantic poets', false)}${row(3, 'Reading log', false)}</ul>`;
    const result = resolveOn(after, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('li')?.textContent).toContain('Essay 2');
  });

  it('never follows the visible text to a button labelled for another record', () => {
    const before = `<ul id="list">${row(1, 'Essay 1: Poetry', true)}${row(2, 'Essay 2: The Romantic poets', true)}</ul>`;
    const recorded = record(before, (doc) => doc.querySelectorAll('#list button')[1] as Element);
    const after = `<ul id="list">${row(1, 'Essay 1: Poetry', true)}</ul>`;
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('repeated form sections', () => {
  const passenger = (n: number, ids: [string, string]) => `<fieldset><legend>Adult ${n}</legend>
<label for="${ids[0]}">First name</label><input id="${ids[0]}" type="text">
<label for="${ids[1]}">Last name</label><input id="${ids[1]}" type="text"></fieldset>`;

  it("tells one passenger's field from the other's by what stood only around it", () => {
    const before = `<form action="/checkout">${passenger(1, [':r1:', ':r2:'])}${passenger(2, [':r3:', ':r4:'])}</form>`;
    const recorded = record(before, (doc) => doc.getElementById(':r4:') as Element);
    expect(recorded.fingerprint.distinct).toContain('2');
    const after = `<form action="/checkout">${passenger(1, [':rk:', ':rl:'])}${passenger(2, [':ro:', ':rp:'])}</form>`;
    const result = resolveOn(after, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe(':rp:');
  });
});

/** A design system's toggle: the same ids inside every copy's shadow root. */
function toggles(labels: readonly string[]): (doc: Document) => void {
  return (doc) => {
    const list = doc.getElementById('list') as HTMLElement;
    for (const label of labels) {
      const host = doc.createElement('ds-toggle');
      host.setAttribute('label', label);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<div id="row"><span id="label">${label}</span><span class="hint">When it happens</span>
<button id="switch" role="switch" aria-checked="true" aria-labelledby="label"></button></div>`;
      list.append(host);
    }
  };
}

describe('targets inside copies of one component', () => {
  const page = '<main><h1>Notifications</h1><div id="list"></div></main>';

  function recordToggle(label: string) {
    document.body.innerHTML = page;
    toggles(['Mentions', 'Direct messages', 'Weekly digest'])(document);
    const host = [...document.querySelectorAll('ds-toggle')].find((each) => each.getAttribute('label') === label);
    return describeElement(host?.shadowRoot?.getElementById('switch') as Element);
  }

  it('finds the toggle in its own copy when a copy is inserted before it', () => {
    const recorded = recordToggle('Direct messages');
    const result = resolveOn(
      page,
      recorded,
      toggles(['Mentions', 'Calendar reminders', 'Direct messages', 'Weekly digest']),
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      const host = (result.element.getRootNode() as ShadowRoot).host;
      expect(host.getAttribute('label')).toBe('Direct messages');
    }
  });

  it('refuses when its copy is gone, though every other copy has an element with its id', () => {
    const recorded = recordToggle('Direct messages');
    expect(resolveOn(page, recorded, toggles(['Mentions', 'Calendar reminders', 'Weekly digest'])).status).not.toBe(
      'found',
    );
  });
});

describe('numbering that shifts when an entry is inserted or removed', () => {
  const dependant = (n: number, index: number) => `<fieldset><legend>Dependant ${n}</legend>
<div><label for=":r${index}a:">First name</label><input id=":r${index}a:" name="dependants[${index}].firstName"></div>
<div><label for=":r${index}b:">Tax number</label><input id=":r${index}b:" name="dependants[${index}].tin"></div></fieldset>`;

  it('never lets a numbered field name or the same place pick the entry that moved into it', () => {
    const before = `<main><form action="/return/4">${dependant(1, 0)}${dependant(2, 1)}</form></main>`;
    const recorded = record(before, (doc) => doc.querySelector('[name="dependants[1].tin"]') as Element);
    // Dependant 1 removed: the second one is renumbered into the first place, name and all.
    const after = `<main><form action="/return/4">${dependant(1, 0)}${dependant(2, 1)}</form></main>`.replace(
      /<fieldset>[\s\S]*?<\/fieldset>/,
      '',
    );
    const result = resolveOn(after.replace('Dependant 2', 'Dependant 1'), recorded);
    // Which dependant's fields these are is not in the page's text: it asks rather than guesses.
    expect(result.status).not.toBe('found');
  });

  const question = (n: number, text: string) => `<div class="que"><div class="info"><h3>Question ${n}</h3>
<div>Not yet answered</div><button class="flag">Flag question</button></div>
<div class="content"><p>${text}</p></div></div>`;

  it('reads the question around "Flag question", not its number, once a question is inserted above', () => {
    const before = `<main>${question(1, 'Which organelle makes ATP?')}${question(2, 'What does photosynthesis produce?')}${question(3, 'Name a noble gas.')}</main>`;
    const recorded = record(before, (doc) => doc.querySelectorAll('button.flag')[1] as Element);
    expect(recorded.fingerprint.sectionWords).toContain('photosynthesis');
    const after = `<main>${question(1, 'Which organelle makes ATP?')}${question(2, 'What is osmosis?')}${question(3, 'What does photosynthesis produce?')}${question(4, 'Name a noble gas.')}</main>`;
    const result = resolveOn(after, recorded);
    if (result.status === 'found') expect(result.element.closest('.que')?.textContent).toContain('photosynthesis');
    else expect(result.status).not.toBe('found');
    // Never the new question 2, which now holds the recorded number.
    if (result.status === 'found') expect(result.element.closest('.que')?.textContent).not.toContain('osmosis');
  });

  const choices = (n: number, text: string, answers: readonly string[]) => `<div class="que"><h3>Question ${n}</h3>
<p>${text}</p><fieldset><legend>Select one:</legend>${answers
    .map(
      (answer, index) =>
        `<div><input type="radio" id="q${n}-${index}" name="q${n}"><label for="q${n}-${index}">${answer}</label></div>`,
    )
    .join('')}</fieldset></div>`;

  it('tells a choice from the same answer under another question whose caption is worded alike', () => {
    const before = `<main>${choices(1, 'Where is ATP made?', ['a. Nucleus', 'b. Ribosome', 'c. Mitochondria'])}${choices(2, 'Which part stores DNA?', ['a. Ribosome', 'b. Nucleus', 'c. Vacuole'])}</main>`;
    const recorded = record(before, (doc) => doc.getElementById('q1-2') as Element);
    expect(recorded.fingerprint.sectionWords).toContain('atp');
    // A new attempt: question 1's answers reshuffled, and question 2 now offers "c. Mitochondria".
    const after = `<main>${choices(1, 'Where is ATP made?', ['a. Ribosome', 'b. Mitochondria', 'c. Nucleus'])}${choices(2, 'Which part stores DNA?', ['a. Nucleus', 'b. Ribosome', 'c. Mitochondria'])}</main>`;
    const result = resolveOn(after, recorded);
    if (result.status === 'found') expect(result.element.id).toBe('q1-1');
  });
});

/** A fleet grid: one card per robot, headed by its name, with its figures and a link to its page. */
function robotCards(robots: readonly (readonly [string, number, string])[]): string {
  const cards = robots.map(
    ([name, battery, task]) => `<article class="card_${battery}"><header><h3>${name}</h3><span>Picking</span></header>
<dl><dt>Battery</dt><dd>${battery}%</dd><dt>Task</dt><dd>${task}</dd></dl>
<footer><button type="button">Send to charger</button><button type="button">Pause</button>
<a href="/robots/${name.toLowerCase()}" aria-label="Details">›</a></footer></article>`,
  );
  return `<main><h1>Fleet</h1><div class="grid">${cards.join('')}</div></main>`;
}

describe("a record's card whose figures changed", () => {
  const sendToCharger = (name: string) => (doc: Document) =>
    [...doc.querySelectorAll('article')]
      .find((card) => card.querySelector('h3')?.textContent === name)
      ?.querySelector('button') as Element;

  it('is still that record under its own heading with its own link', () => {
    const target = record(
      robotCards([
        ['AMR-03', 71, 'PK-44781'],
        ['AMR-07', 18, 'PK-44790'],
        ['AMR-11', 55, 'PK-44795'],
      ]),
      sendToCharger('AMR-07'),
    );
    // Re-sorted by battery, and AMR-07 charged a little and took the next task.
    const after = robotCards([
      ['AMR-17', 12, 'PK-44822'],
      ['AMR-07', 23, 'PK-44817'],
      ['AMR-11', 55, 'PK-44795'],
      ['AMR-03', 71, 'PK-44781'],
    ]);
    const result = resolveOn(after, target);
    expect(result).toMatchObject({ status: 'found', element: sendToCharger('AMR-07')(document) });
  });

  it('is not found when the card under that heading now links to another record', () => {
    const target = record(
      robotCards([
        ['AMR-03', 71, 'PK-44781'],
        ['AMR-07', 18, 'PK-44790'],
      ]),
      sendToCharger('AMR-07'),
    );
    const after = robotCards([
      ['AMR-03', 71, 'PK-44781'],
      ['AMR-07', 23, 'PK-44817'],
    ]).replace('href="/robots/amr-07"', 'href="/robots/amr-77"');
    expect(resolveOn(after, target).status).not.toBe('found');
  });
});

/** Expense lines as copies of one component; `rebuilt` moves the checkbox away from the line's words. */
function expenseLines(lines: readonly string[], rebuilt: boolean): (doc: Document) => void {
  return (doc) => {
    const list = doc.getElementById('lines') as HTMLElement;
    for (const line of lines) {
      const host = doc.createElement('ledger-line');
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = rebuilt
        ? `<div class="row"><div class="main"><span>${line}</span></div>
<div class="flags"><div class="flag"><input type="checkbox" id="billable" name="billable"><label for="billable">Billable</label></div>
<div class="flag"><input type="checkbox" id="receipt" name="receipt"><label for="receipt">Receipt attached</label></div></div></div>`
        : `<div class="row"><span>${line}</span> <label><input type="checkbox" name="billable"> Billable</label></div>`;
      list.append(host);
    }
  };
}

describe('a copy of a component told apart by the words around its target', () => {
  const page = '<main><h1>Expenses</h1><div id="lines"></div></main>';
  const recordedLines = [
    'Mar 18 Uber to airport Travel $42.10',
    'Mar 19 Zahav client dinner Meals $312.40',
    'Mar 20 Hotel Indigo two nights Lodging $498.00',
  ];

  function recordBillable(line: string) {
    document.body.innerHTML = page;
    expenseLines(recordedLines, false)(document);
    const host = [...document.querySelectorAll('ledger-line')].find((each) =>
      each.shadowRoot?.textContent?.includes(line),
    );
    return describeElement(host?.shadowRoot?.querySelector('input') as Element);
  }

  it('finds the checkbox in the copy that kept its line, though its layout was rebuilt and a line inserted', () => {
    const recorded = recordBillable('Zahav');
    const result = resolveOn(
      page,
      recorded,
      expenseLines(
        [recordedLines[0] as string, 'Mar 19 Parking downtown Travel $18.00', ...recordedLines.slice(1)],
        true,
      ),
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect((result.element.getRootNode() as ShadowRoot).textContent).toContain('Zahav');
      expect(result.element.getAttribute('name')).toBe('billable');
    }
  });

  it('acts on no other line when the recorded one is gone', () => {
    const recorded = recordBillable('Zahav');
    const result = resolveOn(
      page,
      recorded,
      expenseLines(
        [recordedLines[0] as string, 'Mar 21 Zahav team lunch Meals $96.00', recordedLines[2] as string],
        true,
      ),
    );
    expect(result.status).not.toBe('found');
  });
});
