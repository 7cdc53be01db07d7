import { describe, expect, it } from 'vitest';
import { foundText, record, resolveOn } from './page-pairs';

describe('a neighbour of the recorded element is not it renamed', () => {
  const entryForm = (fields: string) =>
    `<main><h1>Entry form</h1><form id="entry-form"><fieldset><legend>Crew</legend>${fields}</fieldset>` +
    '<button type="submit">Save entry</button></form></main>';
  const field = (id: string, label: string, hint = '') =>
    `<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${id.replace('-', '_')}" type="text">` +
    `${hint && `<span class="hint">${hint}</span>`}</div>`;
  const LICENCE = 'Competition licence (MSUK/FIA)';
  const crew = [
    field('driver-name', 'Driver name'),
    field('driver-licence', 'Driver licence no.', LICENCE),
    field('nav-name', 'Navigator name'),
  ];

  it('records the names of the other fields of its form', () => {
    const target = record(
      entryForm([...crew, field('nav-licence', 'Navigator licence no.', LICENCE)].join('')),
      '#nav-licence',
    );
    expect(target.fingerprint.neighbours).toEqual(['driver name', 'driver licence no.', 'navigator name']);
  });

  it('does not take the driver’s licence field once the navigator’s is gone', () => {
    const target = record(
      entryForm([...crew, field('nav-licence', 'Navigator licence no.', LICENCE)].join('')),
      '#nav-licence',
    );
    const after = entryForm(
      [...crew, field('nav-mobile', 'Navigator mobile', 'Used for route updates during the event')].join(''),
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });

  it('still finds the field itself when its id changed', () => {
    const target = record(
      entryForm([...crew, field('nav-licence', 'Navigator licence no.', LICENCE)].join('')),
      '#nav-licence',
    );
    const result = resolveOn(entryForm([...crew, field('f-9', 'Navigator licence no.', LICENCE)].join('')), target);
    expect(result.status === 'found' && result.element.id).toBe('f-9');
  });

  const day = (heading: string, slots: [time: string, room: string, booked?: string][]) =>
    `<section><h2>${heading}</h2><ul>${slots
      .map(
        ([time, room, booked]) =>
          `<li><span>${time}</span> <span>${room}</span> ${
            booked
              ? `<span>Booked — ${booked}</span> <button type="button">View booking</button>`
              : '<button type="button">Book</button>'
          }</li>`,
      )
      .join('')}</ul></section>`;
  const week = (friday: [string, string, string?][]) =>
    `<main><h1>Hall calendar</h1><div id="week">${day('Thu 17 Oct', [
      ['14:00–18:00', 'Main hall'],
      ['19:00–22:00', 'Main hall'],
      ['19:00–22:00', 'Small hall'],
    ])}${day('Fri 18 Oct', friday)}${day('Sat 19 Oct', [
      ['19:00–22:00', 'Main hall'],
      ['19:00–22:00', 'Small hall'],
    ])}</div></main>`;
  const friday: [string, string, string?][] = [
    ['09:00–13:00', 'Main hall'],
    ['19:00–22:00', 'Main hall'],
    ['19:00–22:00', 'Small hall'],
  ];
  const recordFridayMain = () => record(week(friday), '#week section:nth-child(2) li:nth-child(2) button');

  it('does not book the small hall once the main hall’s slot was taken', () => {
    const after = week([
      ['09:00–13:00', 'Main hall'],
      ['19:00–22:00', 'Main hall', 'Ashford Choral Society'],
      ['19:00–22:00', 'Small hall'],
    ]);
    expect(resolveOn(after, recordFridayMain()).status).not.toBe('found');
  });

  it('still books the main hall’s slot when a slot was added above it', () => {
    const after = week([['08:00–09:00', 'Small hall'], ...friday]);
    const result = resolveOn(after, recordFridayMain());
    expect(foundText(result, 'section')).toContain('Fri 18 Oct');
    expect(foundText(result, 'li')).toContain('Main hall');
  });
});

describe('neighbours named with amounts', () => {
  const form = (labels: readonly string[]) =>
    `<main><h1>Reminders</h1><form id="reminders">${labels
      .map((label, index) => `<label><input type="checkbox" name="r${index}"> ${label}</label>`)
      .join('')}<button>Save</button></form></main>`;

  it('records a field named with another amount ("24 hours" beside "2 hours"), but not a place in a list', () => {
    const target = record(
      form(['SMS reminder 24 hours before', 'SMS reminder 2 hours before', 'Guest 3 arrives']),
      'label:nth-child(2) input',
    );
    expect(target.fingerprint.neighbours).toEqual(['sms reminder 24 hours before', 'guest 3 arrives']);
    const guests = record(form(['Guest 1 arrives', 'Guest 2 arrives']), 'label:nth-child(2) input');
    expect(guests.fingerprint.neighbours ?? []).toEqual([]);
  });

  it('records no field named like it with the same amount ("Checked bags (23 kg each)" for every passenger)', () => {
    const target = record(
      form(['Checked bags (23 kg each)', 'Checked bags (23 kg each)', 'Sports equipment']),
      'label:nth-child(2) input',
    );
    expect(target.fingerprint.neighbours).toEqual(['sports equipment']);
  });
});
