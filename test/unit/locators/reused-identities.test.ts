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

describe('a link that now leads to another item under the same path', () => {
  const secrets = (names: readonly [string, string][]) =>
    `<main><h1>Secrets</h1><section><h2>Repository secrets</h2><ul>${names
      .map(
        ([name, age]) =>
          `<li><code>${name}</code> <span>Updated ${age} ago</span> <a class="btn" href="/acme/settings/secrets/actions/${name}" aria-label="Update ${name}">✎</a></li>`,
      )
      .join('')}</ul></section></main>`;

  it('is not acted on when the recorded item is gone and a look-alike sits in its row', () => {
    const recorded = record(
      secrets([
        ['NPM_TOKEN', '2 days'],
        ['STRIPE_SECRET_KEY', '4 months'],
        ['SENTRY_AUTH_TOKEN', '1 year'],
      ]),
      (doc) => doc.querySelectorAll('a')[1] as Element,
    );
    const result = resolveOn(
      secrets([
        ['NPM_TOKEN', '2 days'],
        ['STRIPE_WEBHOOK_SECRET', '4 months'],
        ['SENTRY_AUTH_TOKEN', '1 year'],
      ]),
      recorded,
    );
    expect(result.status).not.toBe('found');
  });
});

describe('a command that kept its test id', () => {
  const actions = (caption: string) =>
    `<main><h1>Pixel 8</h1><section><h2>Device actions</h2><button data-testid="device-action-lock">Lock device</button><button data-testid="device-action-ring">Ring device</button><button data-testid="device-action-wipe">${caption}</button></section></main>`;

  it('is not acted on once it undoes what it did ("Wipe device" → "Cancel wipe")', () => {
    const recorded = record(actions('Wipe device'), (doc) => doc.querySelector('[data-testid$=wipe]') as Element);
    expect(resolveOn(actions('Cancel wipe'), recorded).status).not.toBe('found');
  });
});

describe('a field name that another field took', () => {
  it('does not vouch for a field whose label and surroundings are another field’s', () => {
    const before = `<main><aside><h2>Filters</h2><label for="s">Order status</label><select id="s" name="status"><option>All orders</option><option>Not shipped</option></select>
      <label for="d">Destination</label><select id="d" name="destination"><option>Everywhere</option></select><button>Reset filters</button></aside>
      <section><h1>Orders</h1><table><tr><td>#3101</td></tr></table></section></main>`;
    const recorded = record(before, (doc) => doc.getElementById('s') as Element);
    const after = `<main><aside><h2>Filters</h2><label for="d">Destination</label><select id="d" name="destination"><option>Everywhere</option></select><button>Reset filters</button></aside>
      <section><h1>Orders</h1><div class="toolbar"><label for="f">Status</label><select id="f" name="filter[status]"><option>All orders</option><option>Not shipped</option></select></div>
      <div class="bulk"><span>3 selected</span><label for="b">Change status to</label><select id="b" name="status"><option>Choose…</option><option>Not shipped</option><option>Shipped</option></select><button>Apply</button></div>
      <table><tr><td>#3101</td></tr></table></section></main>`;
    const result = resolveOn(after, recorded);
    if (result.status === 'found') expect(result.element.id).not.toBe('b');
  });
});

describe('an id that moved to another record', () => {
  const roll = (units: readonly [string, string, string][]) =>
    `<main><h1>Rent roll</h1><table><tbody>${units
      .map(
        ([unit, tenant, id]) =>
          `<tr><td>${unit}</td><td>${tenant}</td><td>$1,850</td><td>Due</td><td><button id="${id}">Record payment</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;

  it('is outweighed by the record that kept every word of the recorded one', () => {
    const recorded = record(
      roll([
        ['4A', 'Omar Haddad', 'record-payment-4A'],
        ['4B', 'Priya Raman', 'record-payment-4B'],
      ]),
      (doc) => doc.getElementById('record-payment-4B') as Element,
    );
    const result = resolveOn(
      roll([
        ['4B', 'Hannah Kowalski', 'record-payment-4B'],
        ['4A', 'Omar Haddad', 'record-payment-4A'],
        ['4B', 'Priya Raman', 'record-payment-4B-2'],
      ]),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('record-payment-4B-2');
  });
});

describe('a field in one of two sections with the same labels', () => {
  const address = (legend: string, prefix: string, zip: string, extra = '') =>
    `<fieldset><legend>${legend}</legend>${extra}<label for="${prefix}-city">City</label><input id="${prefix}-city" value="Santa Fe"><label for="${prefix}-zip">ZIP code</label><input id="${prefix}-zip" value="${zip}"></fieldset>`;

  it('is not the field under the other caption after the sections swapped places and checkboxes moved', () => {
    const recorded = record(
      `<main><form>${address('Ship-from address', 'a1', '87507')}${address('Return address', 'a2', '87504', '<label><input type="checkbox"> Same as ship-from address</label>')}</form></main>`,
      (doc) => doc.getElementById('a2-zip') as Element,
    );
    const result = resolveOn(
      `<main><form>${address('Return address', 'a1', '87504')}${address('Ship-from address', 'a2', '87507', '<label><input type="checkbox"> Same as return address</label>')}</form></main>`,
      recorded,
    );
    if (result.status === 'found') expect(result.element.id).toBe('a1-zip');
  });
});

describe('a slot that kept its ids but holds something else now', () => {
  const header = (caption: string) =>
    `<main><h1>Jordan Rivera · Homeowners HO-3</h1><p>Policy HO-77-2093114</p><div class="actions"><button id="policyPrimaryAction" data-testid="policy-primary-action" class="btn btn--brand">${caption}</button><button class="btn">Print declarations</button><button class="btn">Make a payment</button></div></main>`;

  it('is not acted on when its command became another one ("Add endorsement" → "Reinstate policy")', () => {
    const recorded = record(header('Add endorsement'), (doc) => doc.querySelector('#policyPrimaryAction') as Element);
    expect(resolveOn(header('Reinstate policy'), recorded).status).not.toBe('found');
    expect(resolveOn(header('Add an endorsement'), recorded).status).toBe('found');
  });

  const tickets = (exhibition: string, blurb: string) =>
    `<main><h1>Box office</h1><form id="order"><section><h2>General admission</h2><label for="ga_time">Entry time</label><select id="ga_time" name="ga_time"><option>10:00</option><option>11:00</option></select></section><section><h2>${exhibition}</h2><p>${blurb}</p><label for="exh_time">Entry time</label><select id="exh_time" name="exh_time"><option>Sat · 10:00</option><option>Sat · 11:30</option></select></section><section><h2>Guided tours</h2><label for="tour_time">Tour time</label><select id="tour_time" name="tour_time"><option>11:15</option></select></section><button>Continue</button></form></main>`;

  it('is not acted on when its section now names another thing (the same block reused), and is when it was only reworded', () => {
    const recorded = record(
      tickets('Hokusai: Waves and Wind', 'Special exhibition · through Mar 10 · timed entry'),
      (doc) => doc.querySelector('#exh_time') as Element,
    );
    const reused = resolveOn(
      tickets('Ansel Adams: The Mural Project', 'Special exhibition · through Jun 2 · timed entry'),
      recorded,
    );
    expect(reused.status).not.toBe('found');
    const reworded = resolveOn(
      tickets('Hokusai: Waves, Wind and Mount Fuji', 'Special exhibition · through Mar 10 · timed entry'),
      recorded,
    );
    expect(reworded.status === 'found' && reworded.element.id).toBe('exh_time');
  });
});

describe("a test id's slot holding another command while the recorded one's name is elsewhere", () => {
  const quote = (primary: string, related: string) => `<main><h1>Quote Q-2291</h1>
    <div class="actions"><button class="btn">Send to broker</button><button class="btn btn-primary" data-testid="quote-primary-action">${primary}</button></div>
    <section><h2>Related quotes</h2><div>Excess Q-2293 <button class="btn btn-sm">${related}</button></div></section></main>`;

  it('is not the recorded command', () => {
    const target = record(quote('Bind policy', 'Open'), (doc) => doc.querySelector('[data-testid]') as Element);
    // The quote expired: its primary slot now offers "Re-quote", and the related quote can be bound.
    expect(resolveOn(quote('Re-quote', 'Bind'), target).status).not.toBe('found');
  });

  it('is still followed when nothing else is named like the recorded command', () => {
    const target = record(quote('Bind policy', 'Open'), (doc) => doc.querySelector('[data-testid]') as Element);
    const result = resolveOn(quote('Issue binder', 'Open'), target);
    expect(result).toMatchObject({ status: 'found', via: 'testId' });
  });
});

describe('an id passed on to a new look-alike', () => {
  const header = '<header><a href="/">Tenant portal</a> <nav><a href="/payments">Payments</a></nav></header>';
  const before = `${header}<aside><section><h2>Balance due</h2><p>Rent · Unit 4B</p><p>$2,140.00</p><p>Due Jul 1, 2025</p>
<button type="button" id="pay-now" class="btn btn-primary">Pay now</button></section></aside>
<main><h1>Payments</h1><p>Make a payment or set up autopay.</p></main>`;
  const after = `${header}<aside><section><h2>Autopay</h2><p>Off</p></section></aside>
<main><h1>Payments</h1><section><h2>Amounts due</h2>
<div class="due"><div><p>Parking · Space P-12</p><p>$75.00</p><p>Due Jun 28, 2025</p></div>
<button type="button" id="pay-now" class="btn btn-primary">Pay now</button></div>
<div class="due"><div><p>Balance due</p><p>Rent · Unit 4B</p><p>$2,140.00</p><p>Due Jul 1, 2025</p></div>
<button type="button" id="pay-now-2" class="btn btn-primary">Pay now</button></div></section></main>`;

  it('asks which one when the id names one button and the recorded surroundings are around another', () => {
    const recorded = record(before, (doc) => doc.getElementById('pay-now') as Element);
    const result = resolveOn(after, recorded);
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous')
      expect(result.candidates.map((element) => element.id).sort()).toEqual(['pay-now', 'pay-now-2']);
  });

  it('still follows the id when its button kept its surroundings', () => {
    const recorded = record(before, (doc) => doc.getElementById('pay-now') as Element);
    const moved = after.replace('id="pay-now" ', 'id="pay-parking" ').replace('id="pay-now-2"', 'id="pay-now"');
    const result = resolveOn(moved, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('pay-now');
  });
});

describe('a test id passed on by a shared component', () => {
  const card = (title: string, testId: string) =>
    `<section><h2>${title}</h2><label>Entity ID <input name="${title.split(' ')[0]?.toLowerCase()}-entity"></label>
<div class="actions"><button type="button">Test connection</button> <button type="submit" data-testid="${testId}">Save</button></div></section>`;
  const page = (cards: string) => `<main><h1>Single sign-on</h1>${cards}</main>`;

  it('asks which Save when the recorded card kept its words but its Save got another test id', () => {
    const recorded = record(
      page(card('SAML 2.0 configuration', 'save-settings')),
      (doc) => doc.querySelector('[data-testid=save-settings]') as Element,
    );
    const after = page(
      `<section><h2>SCIM provisioning</h2><p>Sync users from your identity provider.</p><div class="actions"><button type="button">Regenerate token</button> <button type="submit" data-testid="save-settings">Save</button></div></section>${card('SAML 2.0 configuration', 'saml-save')}`,
    );
    expect(resolveOn(after, recorded).status).toBe('ambiguous');
  });
});
