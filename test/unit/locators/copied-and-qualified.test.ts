import { describe, expect, it } from 'vitest';
import { record, resolveOn } from './page-pairs';

const durations = ['1 hour', '2 hours', '3 hours', 'Half day'];
const session = (legend: string, index: number) =>
  `<fieldset><legend>${legend}</legend><label for="s${index}-date">Date</label><input id="s${index}-date" type="date" name="sessions[${index}][date]">` +
  `<label for="s${index}-dur">Duration</label><select id="s${index}-dur" name="sessions[${index}][duration]">${durations
    .map((option) => `<option>${option}</option>`)
    .join('')}</select></fieldset>`;
const bookingForm = (sessions: string) =>
  `<main><h1>Book: NMR 800</h1><form id="booking">${sessions}<button type="button">Add another session</button><label for="notes">Notes</label><textarea id="notes"></textarea><button type="submit">Send request</button></form></main>`;

describe('a section copied by "Add another", the copies numbered', () => {
  const recorded = () => record(bookingForm(session('Session', 0)), '#s0-dur');

  it('finds the field of the copy numbered 1', () => {
    const target = recorded();
    const result = resolveOn(bookingForm(session('Session 1', 0) + session('Session 2', 1)), target);
    expect(result.status === 'found' && result.element.id).toBe('s0-dur');
  });

  it('not when the section numbered 1 is missing (which copy is the recorded one is unknown)', () => {
    const target = recorded();
    const result = resolveOn(bookingForm(session('Session 2', 0) + session('Session 3', 1)), target);
    expect(result.status).not.toBe('found');
  });
});

const slots = ['07:00–09:00', '09:00–11:00', '11:00–13:00'];
const fulfilment = (mode: 'delivery' | 'collection', field: string) =>
  `<main><h1>Order EV-1469</h1><form id="fulfilment"><h2>Fulfilment</h2>` +
  `<label><input type="radio" name="mode" value="delivery"${mode === 'delivery' ? ' checked' : ''}> Delivery</label>` +
  `<label><input type="radio" name="mode" value="collection"${mode === 'collection' ? ' checked' : ''}> Collection from studio</label>` +
  `${field}<button type="submit">Save</button></form></main>`;
const slotField = (id: string, name: string, hint: string) =>
  `<div class="field"><label for="${id}">Time slot</label><select id="${id}" name="${name}">${slots
    .map((slot) => `<option>${slot}</option>`)
    .join('')}</select><p class="hint">${hint}</p></div>`;

describe('a field whose name attribute gained a qualifier', () => {
  const recorded = () =>
    record(
      fulfilment('delivery', slotField('ful-window', 'slot', 'Our van arrives within the chosen window.')),
      'select',
    );

  it('is another field when its surroundings changed too (the collection slot where the delivery slot was)', () => {
    const target = recorded();
    const after = fulfilment(
      'collection',
      slotField('ful-cslot', 'collectionSlot', 'Collection from 18 Quay Lane, side door.'),
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('is the same field when its surroundings are kept', () => {
    const target = recorded();
    const after = fulfilment(
      'delivery',
      slotField('ful-slot2', 'deliverySlot', 'Our van arrives within the chosen window.'),
    );
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('ful-slot2');
  });
});

const postcodeForm = (ids: readonly string[], hint: string, label: string) =>
  `<main><h1>New plot application</h1><form action="/applications"><section><h2>Household</h2>` +
  `<label for="${ids[0]}">People in household</label><input id="${ids[0]}" type="number">` +
  `<label for="${ids[1]}">${label}</label><input id="${ids[1]}" type="text" placeholder="e.g. HB4 7QT"><p>${hint}</p>` +
  `<label for="${ids[2]}">Street address</label><input id="${ids[2]}" type="text"></section><button type="submit">Submit</button></form></main>`;

describe('a placeholder giving an example answer', () => {
  const recorded = () =>
    record(
      postcodeForm(['v-0-3', 'v-0-4', 'v-0-5'], 'We use this to check the 2-mile residency rule.', 'Postcode'),
      '[id="v-0-4"]',
    );

  it('vouches beside the same label for a field whose ids were regenerated and hint reworded', () => {
    const target = recorded();
    const after = postcodeForm(
      ['v-1-4', 'v-1-5', 'v-1-6'],
      'Plots go to people living within two miles first.',
      'Postal code',
    );
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).toBe('v-1-5');
  });

  it('does not vouch alone, under another label', () => {
    const target = recorded();
    const after = postcodeForm(
      ['v-1-4', 'v-1-5', 'v-1-6'],
      'Plots go to people living within two miles first.',
      'Plot reference',
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });
});

describe('a field now beside an earlier copy of itself', () => {
  const row = (id: string, label: string, hint: string) =>
    `<div class="form-row"><label for="${id}">${label}</label><span class="hint">${hint}</span><input type="text" id="${id}" maxlength="12"></div>`;
  const form = (rows: string) =>
    `<main><h1>Visa application</h1><form id="travel-document"><fieldset><legend>Document</legend>${row('doc-type', 'Document type', 'Ordinary or diplomatic')}${rows}</fieldset><button type="submit">Continue</button></form></main>`;

  it('is not the field called "Previous passport number"', () => {
    const target = record(
      form(row('passport-number', 'Passport number', 'As printed on the photo page')),
      '#passport-number',
    );
    const after = form(
      row('fld-q81y', 'Previous passport number', 'Only if issued in the last 12 months') +
        row('fld-q81x', 'Travel document number', 'As printed on the photo page'),
    );
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.id).not.toBe('fld-q81y');
  });
});
