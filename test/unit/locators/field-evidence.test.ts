import { afterEach, describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

afterEach(() => {
  document.body.innerHTML = '';
});

function record(html: string, selector: string) {
  document.body.innerHTML = html;
  return describeElement(document.querySelector(selector) as Element);
}

function resolvedId(html: string, target: ReturnType<typeof describeElement>): string | null {
  document.body.innerHTML = html;
  const result = resolveTarget(document, target);
  return result.status === 'found' ? result.element.id : null;
}

const CARD_BEFORE = `<main><h1>Make a payment</h1><form id="pay">
  <fieldset><legend>Card details</legend>
    <div><label for="cc-name">Name on card</label><input id="cc-name" name="cc_name"></div>
    <div><label for="cc-number">Card number</label><input id="cc-number" name="cc_number"></div>
    <div class="row">
      <div><label for="cc-exp">Expiry (MM/YY)</label><input id="cc-exp" name="cc_exp"></div>
      <div><label for="cc-csc">Security code</label><input id="cc-csc" name="cc_csc"></div>
      <div><label for="zip">Billing ZIP code</label><input id="zip" name="zip"></div>
    </div></fieldset>
  <button>Pay</button></form></main>`;

const mailing = `<fieldset><legend>Mailing address for paper statements</legend>
  <div><label for="street">Street</label><input id="street" name="street"></div>
  <div><label for="zip">ZIP code</label><input id="zip" name="zip"></div></fieldset>`;

const cardAfter = (zipField: string) => `<main><h1>Make a payment</h1><form id="pay">${mailing}
  <fieldset><legend>Card details</legend>
    <div><label for="cc-name">Name on card</label><input id="cc-name" name="cc_name"></div>
    <div><label for="cc-number">Card number</label><input id="cc-number" name="cc_number"></div>
    <div class="row">
      <div><label for="cc-exp">Expiry (MM/YY)</label><input id="cc-exp" name="cc_exp"></div>
      <div><label for="cc-csc">Security code</label><input id="cc-csc" name="cc_csc"></div>
      ${zipField}
    </div></fieldset>
  <button>Pay</button></form></main>`;

describe('an id taken over by a field of a new section', () => {
  it('is not followed when the recorded label is still under the recorded caption; that field is', () => {
    const target = record(CARD_BEFORE, '#zip');
    const after = cardAfter(`<div><label for="billing-zip">Billing ZIP code</label>
      <input id="billing-zip" name="billing_zip"><small>Must match the address your card issuer has on file.</small></div>`);
    expect(resolvedId(after, target)).toBe('billing-zip');
  });
});

const EDITOR_BEFORE = `<main><h1>Edit story</h1><form id="story"><aside><section><h2>Publishing</h2>
  <div><label for="status">Status</label><select id="status" name="status"><option>Draft</option></select></div>
  <div><label for="embargo">Embargo until</label><input id="embargo" name="embargo_at" placeholder="YYYY-MM-DD HH:MM">
    <p>Not published, syndicated or sent to partners before this time.</p></div>
  </section></aside></form></main>`;

const editorAfter = (
  publishHint: string,
) => `<main><h1>Edit story</h1><form id="story"><aside><section><h2>Publishing</h2>
  <div><label for=":r1:">Status</label><select id=":r1:"><option>Draft</option></select></div>
  <div><label for=":r2:">Publish at</label><input id=":r2:" placeholder="YYYY-MM-DD HH:MM"><p>${publishHint}</p></div>
  <div><label for=":r3:">Embargo lifts at</label><input id=":r3:" placeholder="YYYY-MM-DD HH:MM">
    <p>Not published, syndicated or sent to partners before this time.</p></div>
  </section></aside></form></main>`;

describe('a field relabelled beside its kept hint', () => {
  it('is found when no other field has that hint', () => {
    const target = record(EDITOR_BEFORE, '#embargo');
    expect(resolvedId(editorAfter('Goes live on the site at this time.'), target)).toBe(':r3:');
  });

  it('is not found on the hint when another field has the same hint', () => {
    const target = record(EDITOR_BEFORE, '#embargo');
    const shared = 'Not published, syndicated or sent to partners before this time.';
    expect(resolvedId(editorAfter(shared), target)).toBeNull();
  });
});

const member = (name: string, button: string) => `<li class="card"><h3>${name}</h3><p>Next visit 7 Oct</p>
  <div class="actions">${button}<button type="button">View chart</button></div></li>`;

describe('a command whose object was reworded to a synonym', () => {
  it('is found in its record ("Book visit" → "Book appointment")', () => {
    const target = record(
      `<main><ul>${member('Mei Chen', '<button>Book visit</button>')}${member('Leo Chen', '<button id="t">Book visit</button>')}</ul></main>`,
      '#t',
    );
    const after = `<main><ul>${member('Mei Chen', '<button>Book appointment</button>')}${member('David Chen', '<button>Book appointment</button>')}${member('Leo Chen', '<button id="leo">Book appointment</button>')}</ul></main>`;
    expect(resolvedId(after, target)).toBe('leo');
  });

  it('is still another command when the object is another thing ("Send invitations" → "Send reminder")', () => {
    const target = record(
      `<main><h1>Guests</h1><p>38 guests invited</p><button id="t">Send invitations</button></main>`,
      '#t',
    );
    const after = `<main><h1>Guests</h1><p>38 guests invited</p><button id="t">Send reminder</button></main>`;
    expect(resolvedId(after, target)).toBeNull();
  });
});

const address = (caption: string, prefix: string, index: number, extra = '') => `<fieldset><legend>${caption}</legend>
  ${extra}<label for="street-${index}">Street</label><input id="street-${index}" name="${prefix}_street">
  <label for="zip-${index}">ZIP code</label><input id="zip-${index}" name="${prefix}_zip"></fieldset>`;
const sameAs = '<label><input type="checkbox" name="same"> Same as ship-from address</label>';

describe('a field known by its label and caption', () => {
  it('is found under its caption when the words that told it apart moved to the other section', () => {
    document.body.innerHTML = `<main><h1>Shipping settings</h1><form>${address('Ship-from address', 'from', 1)}
      ${address('Return address', 'return', 2, sameAs)}<button>Save</button></form></main>`;
    const target = describeElement(document.querySelector('#zip-2') as Element);
    // Sections swapped: position-based ids swapped with them, and the "Same as" box now sits in Ship-from.
    const after = `<main><h1>Shipping settings</h1><form>${address('Return address', 'returnAddress', 1)}
      ${address('Ship-from address', 'shipFrom', 2, sameAs)}<button>Save</button></form></main>`;
    expect(resolvedId(after, target)).toBe('zip-1');
  });
});

const slot = (id: string, from: string, to: string, date: string) =>
  `<label><input type="radio" id="${id}" name="slot" value="${date}T${from}/${to}"> ${from}–${to} £4.50</label>`;

describe('a delivery slot', () => {
  it('is not the next slot of the day that took its place and its id (another time is another slot)', () => {
    const day = (slots: string) =>
      `<main><h1>Choose a delivery slot</h1><fieldset><legend>Saturday 14 June</legend>${slots}</fieldset></main>`;
    document.body.innerHTML = day(
      slot('slot-sat-1', '10:00', '11:00', '2025-06-14') + slot('slot-sat-2', '11:00', '12:00', '2025-06-14'),
    );
    const target = describeElement(document.querySelector('#slot-sat-1') as Element);
    expect(resolvedId(day(slot('slot-sat-1', '11:00', '12:00', '2025-06-14')), target)).toBeNull();
  });
});
