/**
 * Three ways a control survives a change that took its old name or place, and the look-alikes each
 * rule must still refuse: a label that lost its `for`, a choice whose group was renamed and whose
 * label gained a badge, and a uniquely named control moved to other surroundings.
 */
import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators/describe';
import { computeFingerprint, identityKeys } from '@/lib/locators/fingerprint';
import { resolveTarget } from '@/lib/locators/resolve';
import type { TargetDescriptor } from '@/lib/locators/schema';

function record(html: string, selector: string): TargetDescriptor {
  document.body.innerHTML = html;
  return JSON.parse(JSON.stringify(describeElement(document.querySelector(selector) as Element)));
}

function replay(html: string, descriptor: TargetDescriptor, expected: string | null) {
  document.body.innerHTML = html;
  const result = resolveTarget(document, descriptor);
  if (expected === null) {
    expect(result.status).not.toBe('found');
    return;
  }
  expect(result.status).toBe('found');
  if (result.status === 'found') expect(result.element).toBe(document.querySelector(expected));
}

describe('a field whose label lost its `for`', () => {
  const newsletter =
    '<footer><form><label for="nl">Get product news</label><input id="nl" type="email" name="email"></form></footer>';
  const before = `<main><form action="/session"><label for="login-email">Email</label><input id="login-email" type="email" name="email"><label for="pw">Password</label><input id="pw" type="password" name="password"></form></main>${newsletter}`;

  it('is found by the label still shown right before it', () => {
    const descriptor = record(before, '#login-email');
    const after = `<main><form action="/session"><label>Email</label><input type="email" name="email" class="login"><label>Password</label><input type="password" name="password"></form></main>${newsletter}`;
    replay(after, descriptor, 'input.login');
  });

  it('is told by its untied label when the field sits in a box of its own', () => {
    // The recorded "Full name" split into First and Last name; the first kept the field name "name".
    const field = (label: string, name: string, hint: string) =>
      `<div class="field"><label>${label}</label><div class="control"><input type="text" name="${name}"></div><p>${hint}</p></div>`;
    const email = field('Email', 'email', 'We send receipts and reminders here.');
    const organisation = field('Organisation', 'org', 'Leave empty for private individuals.');
    const descriptor = record(
      `<main><form action="/contacts"><h2>Person</h2>${email}${field('Full name', 'name', 'As it should appear on letters and invoices.')}${organisation}</form></main>`,
      'input[name="name"]',
    );
    expect(descriptor.fingerprint.name).toBe('Full name');
    replay(
      `<main><form action="/contacts"><h2>Person</h2>${email}<div class="row">${field('First name', 'name', 'Given name, as used in greetings.')}${field('Last name', 'last_name', 'Family name, used for sorting.')}</div>${organisation}</form></main>`,
      descriptor,
      null,
    );
  });

  it('is not taken from a label that names another control', () => {
    const descriptor = record(before, '#login-email');
    // "Email" now labels a checkbox; the field before it has no caption at all.
    const after = `<main><form action="/session"><input type="email" name="email"><label for="c">Email</label><input id="c" type="checkbox"></form></main>${newsletter}`;
    document.body.innerHTML = after;
    const result = resolveTarget(document, descriptor);
    if (result.status === 'found') expect(result.element).not.toBe(document.querySelector('#c'));
  });
});

describe('a choice whose group was renamed', () => {
  const group = (name: string, options: [string, string][]) =>
    options
      .map(
        ([value, label], index) =>
          `<div><input type="radio" id="${name}-${index}" name="${name}" value="${value}"><label for="${name}-${index}">${label}</label></div>`,
      )
      .join('');
  const before = `<form><fieldset><legend>Coverage</legend>${group('coverage', [
    ['basic', 'Basic'],
    ['premium', 'Premium'],
  ])}</fieldset><fieldset><legend>Billing</legend>${group('billing', [
    ['monthly', 'Monthly'],
    ['annually', 'Annually'],
  ])}</fieldset></form>`;

  it('is found by its value when its label gained a badge', () => {
    const descriptor = record(before, '#billing-1');
    const after = `<form><fieldset><legend>Coverage</legend>${group('coverageLevel', [
      ['basic', 'Basic'],
      ['premium', 'Premium'],
    ])}</fieldset><fieldset><legend>Billing</legend>${group('paymentFrequency', [
      ['annually', 'Annually <span>save 8%</span>'],
      ['monthly', 'Monthly'],
    ])}</fieldset></form>`;
    replay(after, descriptor, '#paymentFrequency-0');
  });

  it('is refused when the value now belongs to a choice with another name', () => {
    const descriptor = record(before, '#billing-1');
    const after = `<form><fieldset><legend>Billing</legend>${group('plan', [
      ['monthly', 'Monthly'],
      ['annually', 'Pay in instalments'],
    ])}</fieldset></form>`;
    replay(after, descriptor, null);
  });

  it('lets only a worded value vouch: "on", "yes", "1" repeat across groups', () => {
    const keysOf = (value: string) => {
      document.body.innerHTML = `<input type="radio" name="g" value="${value}">`;
      return identityKeys(computeFingerprint(document.querySelector('input') as Element));
    };
    expect(keysOf('annually')).toContain('value:radio:annually');
    for (const generic of ['on', 'yes', 'No', '1', '42', 'a1b2c3d4e5f6']) {
      expect(keysOf(generic).some((key) => key.startsWith('value:'))).toBe(false);
    }
  });
});

describe('an answer is tied to its question', () => {
  const question = (legend: string, name: string, answers: string[]) =>
    `<fieldset><legend>${legend}</legend>${answers
      .map((answer) => `<label><input type="radio" name="${name}" value="${answer.toLowerCase()}"> ${answer}</label>`)
      .join('')}</fieldset>`;

  it('refuses "Yes" under a question that replaced the recorded one', () => {
    const descriptor = record(`<form>${question('Smoker?', 'smoker', ['Yes', 'No'])}</form>`, 'input');
    replay(`<form>${question('Pets at home?', 'pets', ['Yes', 'No'])}</form>`, descriptor, null);
  });

  it('refuses an option removed from its group though another group now has one of that name and value', () => {
    const descriptor = record(
      `<form>${question('Coverage', 'coverage', ['Basic', 'Standard', 'Premium'])}${question('Support', 'support', ['Email', 'Phone'])}</form>`,
      'input[name="coverage"][value="premium"]',
    );
    replay(
      `<form>${question('Coverage', 'coverage', ['Basic', 'Standard'])}${question('Support', 'support', ['Email', 'Premium'])}</form>`,
      descriptor,
      null,
    );
  });

  it('still finds the answer when its question keeps its caption and the groups are reordered', () => {
    const descriptor = record(
      `<form>${question('Coverage', 'coverage', ['Basic', 'Premium'])}${question('Support', 'support', ['Email', 'Premium'])}</form>`,
      'input[name="support"][value="premium"]',
    );
    replay(
      `<form>${question('Support', 'supportLevel', ['Premium', 'Email'])}${question('Coverage', 'coverageLevel', ['Premium', 'Basic'])}</form>`,
      descriptor,
      'input[name="supportLevel"][value="premium"]',
    );
  });
});

describe('a control whose name was unique when recorded', () => {
  it('is found after it moved to other surroundings', () => {
    const descriptor = record(
      '<aside><div><h2>Reports</h2><button id="a">New report</button><p>Finance, product and support reports</p></div><nav><a href="/r/1">Sales</a></nav></aside><main><h1>All reports</h1><button>Import</button></main>',
      '#a',
    );
    replay(
      '<aside><nav><a href="/r/1">Sales</a></nav></aside><main><header><h1>All reports</h1><button>Import</button><button class="moved">New report</button></header></main>',
      descriptor,
      'button.moved',
    );
  });

  it('is refused when the name was shared at recording and the recorded row is gone', () => {
    const row = (title: string) => `<li><span>${title}</span><button>Archive</button></li>`;
    const descriptor = record(`<ul>${row('Invoice March')}${row('Invoice April')}</ul>`, 'li:first-child button');
    replay(`<ul>${row('Invoice April')}</ul>`, descriptor, null);
  });

  it('is refused when it shows up in surroundings that share nothing with the recorded ones', () => {
    const descriptor = record(
      '<main><div role="dialog" aria-label="Verify email"><p>We sent a code to your inbox.</p><button id="a">Confirm</button></div></main>',
      '#a',
    );
    replay(
      '<main><div role="dialog" aria-label="Delete workspace"><p>This removes every project forever.</p><button>Confirm</button></div></main>',
      descriptor,
      null,
    );
  });

  it("is not followed when it was one record's action and that record is gone", () => {
    const line = (item: string, price: string, section: string) =>
      `<section><h2>${section}</h2><ul><li><span>${item}</span><span>${price}</span><button>Remove</button></li></ul></section>`;
    const descriptor = record(line('Blue mug', '$12', 'Cart'), 'button');
    expect(descriptor.fingerprint.nameUnique).toBeUndefined();
    // The cart line is gone; a saved-for-later mug has a "Remove" of its own.
    replay(
      `<section><h2>Cart</h2><p>Your cart is empty.</p></section>${line('Red mug', '$15', 'Saved for later')}`,
      descriptor,
      null,
    );
  });

  const sheet = (toolbar: string, footer: string, title = 'Suppliers') =>
    `<main><h1>${title}</h1><div role="toolbar" aria-label="Sheet tools"><button>Hide fields</button><button>Filter</button><button>Group</button><button>Sort</button><button>Row height</button><input aria-label="Find in sheet">${toolbar}</div><table><tr><td>Acme</td></tr></table><div class="foot">${footer}<span>8 rows · last edited by Priya 2 minutes ago</span></div></main>`;

  it('is found after it moved within the section under the same heading, sharing no word with its old surroundings', () => {
    const descriptor = record(sheet('<button id="a">Add row</button>', ''), '#a');
    replay(sheet('<button>Add column</button>', '<button class="moved">Add row</button>'), descriptor, 'button.moved');
  });

  it('is refused when it shows up under another heading, in other surroundings', () => {
    const descriptor = record(sheet('<button id="a">Add row</button>', ''), '#a');
    replay(
      sheet('<button>Add column</button>', '<button class="moved">Add row</button>', 'Customers'),
      descriptor,
      null,
    );
  });

  it('is refused when two controls carry the name now', () => {
    const descriptor = record('<aside><button id="a">New report</button></aside><main><h1>Reports</h1></main>', '#a');
    replay(
      '<main><h1>Reports</h1><button>New report</button><section><h2>Drafts</h2><button>New report</button></section></main>',
      descriptor,
      null,
    );
  });
});

describe('a deleted record leaves look-alikes that are other records', () => {
  const card = (invoice: number, action: string) =>
    `<li><h3>Invoice ${invoice}</h3><p>Acme Corp</p><span>Paid</span>${action}</li>`;
  const view = (invoice: number) => card(invoice, `<a href="/invoices/${invoice}">View</a>`);
  const pay = (invoice: number) => card(invoice, '<button>Pay</button>');

  it('refuses the next card, whose number is all that differs', () => {
    const descriptor = record(`<ul>${pay(1001)}${pay(1002)}${pay(1003)}</ul>`, 'li:first-child button');
    replay(`<ul>${pay(1002)}${pay(1003)}</ul>`, descriptor, null);
  });

  it('asks, and never follows on its own, a link to the same page about another record', () => {
    const descriptor = record(`<ul>${view(1001)}${view(1002)}</ul>`, 'li:first-child a');
    document.body.innerHTML = `<ul>${view(1002)}</ul>`;
    const result = resolveTarget(document, descriptor);
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') expect(result.candidates).toEqual([document.querySelector('a')]);
  });

  it('still finds the card when only a counter in it ticked', () => {
    const withComments = (invoice: number, comments: number) =>
      card(invoice, `<small>${comments} comments</small><button>Pay</button>`);
    const descriptor = record(`<ul>${withComments(1001, 3)}${withComments(1002, 1)}</ul>`, 'li:first-child button');
    replay(`<ul>${withComments(1002, 1)}${withComments(1001, 4)}</ul>`, descriptor, 'li:last-child button');
  });
});

describe('a field of another form', () => {
  const login =
    '<main><form action="/session"><h2>Sign in</h2><label for="e">Email</label><input id="e" type="email" name="email"><label for="p">Password</label><input id="p" type="password" name="password"><button>Sign in</button></form></main>';
  const newsletter = (label: string) =>
    `<footer><form action="/newsletter"><label for="n">${label}</label><input id="n" type="email" name="email"><button>Subscribe</button></form></footer>`;

  it('is not the recorded field when that form is gone, though its name attribute and label match', () => {
    const descriptor = record(login + newsletter('Get product news'), '#e');
    replay(`<main><h1>Welcome back</h1></main>${newsletter('Email')}`, descriptor, null);
  });

  it('is the recorded field when the form moved to a new action but kept its surroundings', () => {
    const descriptor = record(login + newsletter('Get product news'), '#e');
    replay(login.replace('/session', '/api/v2/login').replace(' id="e"', ''), descriptor, 'main input[type="email"]');
  });
});

describe('the words that told look-alikes apart when recorded', () => {
  const plan = (id: string, title: string) =>
    `<div class="Card_${id}"><h3>${title}</h3><p>Team plan, billed yearly</p><button class="css-${id}">Choose plan</button></div>`;

  it('are noted, and a card without them is not the recorded one', () => {
    const descriptor = record(plan('a1', 'Starter') + plan('a2', 'Pro'), '.Card_a1 button');
    expect(descriptor.fingerprint.distinct).toEqual(['starter']);
    // Starter is gone and the build regenerated every class: Pro's card shares every other word.
    replay(plan('b7', 'Pro'), descriptor, null);
  });

  it('find the card again wherever it moved', () => {
    const descriptor = record(plan('a1', 'Starter') + plan('a2', 'Pro'), '.Card_a1 button');
    replay(plan('b7', 'Pro') + plan('b8', 'Starter'), descriptor, '.Card_b8 button');
  });
});

describe('a choice moved to another group, another choice in its old place', () => {
  const form = (membership: string[], billing: string[]) =>
    `<main><h1>Eleanor Vance</h1><form id="member-form"><fieldset><legend>Membership</legend><label>Level <select name="level"><option>Household</option></select></label>${membership
      .map((caption, index) => `<label><input type="checkbox" name="m${index}"> ${caption}</label>`)
      .join('')}</fieldset>${
      billing.length
        ? `<fieldset><legend>Billing</legend><label>Card <input name="card"></label>${billing
            .map((caption, index) => `<label><input type="checkbox" name="b${index}"> ${caption}</label>`)
            .join('')}</fieldset>`
        : ''
    }<fieldset><legend>Mail</legend><label><input type="checkbox" name="notice"> Printed renewal notice</label></fieldset></form></main>`;

  it('is found by its caption where it went, not taken for the new choice in its place', () => {
    const recorded = record(form(['Auto-renew membership'], []), 'input[name=m0]');
    replay(form(['Auto-renew parking pass'], ['Auto-renew membership']), recorded, 'input[name=b0]');
  });

  it('still yields to a look-alike left under the recorded caption ("Email me" under "Membership")', () => {
    const recorded = record(form(['Email me'], []), 'input[name=m0]');
    replay(form(['Email me'], ['Email me']), recorded, 'input[name=m0]');
  });
});

describe('a list of choices split into groups', () => {
  const course = (id: number, caption: string, detail: string) =>
    `<div class="course"><input type="checkbox" id="course-${id}" name="course_${id}"> <label for="course-${id}">${caption}</label><p>${detail}</p></div>`;
  const uprt = 'Full-flight simulator · 4 h · Chicago training center';
  const before = `<main><h1>Q2 2025 training bid</h1><form id="bid"><fieldset><legend>Courses</legend>
${course(1, 'Recurrent ground school', 'Classroom · 8 h · Chicago training center')}
${course(2, 'Upset prevention and recovery (UPRT)', uprt)}
${course(3, 'Cold weather operations', 'Online · 2 h')}</fieldset></form></main>`;
  const split = (uprtCaption: string, detail: string) => `<main><h1>Q2 2025 training bid</h1><form id="bid">
<fieldset><legend>Required</legend>${course(1, 'Recurrent ground school', 'Classroom · 8 h · Chicago training center')}
${course(2, 'Dangerous goods awareness', 'Online · 1 h')}</fieldset>
<fieldset><legend>Electives</legend>${course(3, uprtCaption, detail)}
${course(4, 'Cold weather operations', 'Online · 2 h')}</fieldset></form></main>`;

  it('finds a choice of many words, its description kept, under its new group', () => {
    const recorded = record(before, '#course-2');
    replay(split('Upset prevention and recovery training (UPRT)', uprt), recorded, '#course-3');
  });

  it('takes no other choice named alike with another description for it', () => {
    const recorded = record(before, '#course-2');
    replay(
      split('Upset prevention and recovery (UPRT) instructor course', 'Classroom · 16 h · Denver'),
      recorded,
      null,
    );
  });
});
