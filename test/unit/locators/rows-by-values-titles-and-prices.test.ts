import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators';
import { foundText, record, resolveOn } from './page-pairs';

describe('rows told apart by what their other fields hold', () => {
  type Segment = [ramp: string, target: string, hold: string];
  const table = (segments: readonly Segment[]) =>
    '<main><h1>Edit program: Glaze slow cool</h1><table id="segments"><thead><tr><th>Seg</th><th>Ramp</th>' +
    '<th>Target</th><th>Hold</th><th>Remove</th></tr></thead><tbody>' +
    segments
      .map(
        ([ramp, target, hold], index) =>
          `<tr><td>${index + 1}</td><td><input type="number" value="${ramp}" aria-label="Segment ${index + 1} ramp rate"></td>` +
          `<td><input type="number" value="${target}" aria-label="Segment ${index + 1} target temperature"></td>` +
          `<td><input type="number" value="${hold}" aria-label="Segment ${index + 1} hold"></td>` +
          '<td><button type="button">Remove</button></td></tr>',
      )
      .join('') +
    '</tbody></table></main>';
  const program: Segment[] = [
    ['150', '1000', '0'],
    ['400', '1900', '0'],
    ['120', '2185', '10'],
    ['9999', '1900', '0'],
  ];
  const recordPeak = () =>
    record(table(program), 'tbody tr:nth-child(3) input[aria-label="Segment 3 target temperature"]');
  const rowOf = (result: ReturnType<typeof resolveOn>) => foundText(result, 'tr')?.trim().charAt(0);

  it('records the values of the row’s other fields, never a password', () => {
    const target = recordPeak();
    expect(target.fingerprint.rowValues).toEqual(['120', '10']);
    document.body.innerHTML =
      '<table><tr><td><input id="user" value="ana"></td><td><input type="password" value="hunter2"></td>' +
      '<td><input autocomplete="cc-number" value="4111111111111111"></td><td><select><option>Admin</option></select></td></tr></table>';
    expect(describeElement(document.querySelector('#user') as Element).fingerprint.rowValues).toEqual(['Admin']);
  });

  it('follows the row a segment inserted above renumbered', () => {
    const result = resolveOn(table([['80', '200', '480'], ...program]), recordPeak());
    expect(rowOf(result)).toBe('4');
  });

  it('still finds the row where it was when nothing moved', () => {
    expect(rowOf(resolveOn(table([...program, ['150', '1400', '0']]), recordPeak()))).toBe('3');
  });

  it('tells nothing when two rows hold those values', () => {
    const result = resolveOn(table([['80', '200', '480'], ...program, ['120', '2200', '10']]), recordPeak());
    // Without the values to tell, "Segment 3" is what the step recorded: never the copy's row 6.
    expect(rowOf(result)).not.toBe('6');
  });
});

describe('a record whose title grew a word', () => {
  const card = (title: string, donor: string) =>
    `<article class="card"><h3>${title}</h3><p>Beans · Easy</p><p>Donated by ${donor}</p>` +
    '<div class="actions"><button type="button">Add to request</button><a href="/notes">Growing notes</a></div></article>';
  const catalogue = (cards: string[]) =>
    `<main><h1>Seed catalogue</h1><div id="varieties">${cards.join('')}</div></main>`;
  const before = catalogue([
    card('Blue Lake climbing bean', 'M. Hale, 2022'),
    card('Scarlet Runner bean', 'E. Walsh, 2022'),
    card('Little Gem lettuce', 'R. Patel, 2022'),
  ]);
  const recordRunner = () => record(before, '#varieties article:nth-child(2) button');

  it('is another record: "Scarlet Emperor runner bean" is not "Scarlet Runner bean"', () => {
    const after = catalogue([
      card('Scarlet Emperor runner bean', 'E. Walsh, 2023'),
      card('Blue Lake climbing bean', 'M. Hale, 2022'),
      card('Little Gem lettuce', 'R. Patel, 2022'),
    ]);
    expect(resolveOn(after, recordRunner()).status).not.toBe('found');
  });

  it('is still found when its title is unchanged and it moved', () => {
    const after = catalogue([
      card('Painted Lady runner bean', 'K. Boyle, 2023'),
      card('Blue Lake climbing bean', 'M. Hale, 2022'),
      card('Scarlet Runner bean', 'E. Walsh, 2022'),
    ]);
    expect(foundText(resolveOn(after, recordRunner()), 'article')).toContain('Scarlet Runner bean');
  });
});

describe('a price kept is no record id', () => {
  const departure = (tour: string, day: string, seats: string, price: string, action: string) =>
    `<article><h3>${tour}</h3><p>${day} · 09:30 · Breiðamerkurjökull</p><p>${seats}</p><p>${price}</p>` +
    `<button type="button">${action}</button></article>`;
  const grid = (cards: string[]) => `<main><h1>Departures</h1><div id="grid">${cards.join('')}</div></main>`;

  it('does not take another day’s departure of the same tour and price', () => {
    const target = record(
      grid([
        departure('Blue Ice Cave Explorer', 'Sat 18 Jan', '4 seats left', '€189', 'Book now'),
        departure('Blue Ice Cave Explorer', 'Sun 19 Jan', 'Full', '€189', 'Join waitlist'),
        departure('Ice Climbing Intro', 'Sun 19 Jan', 'Full', '€155', 'Join waitlist'),
      ]),
      '#grid article:nth-child(2) button',
    );
    const after = grid([
      departure('Blue Ice Cave Explorer', 'Sat 18 Jan', '4 seats left', '€189', 'Book now'),
      departure('Ice Climbing Intro', 'Sun 19 Jan', 'Full', '€155', 'Join waitlist'),
      departure('Blue Ice Cave Explorer', 'Sun 26 Jan', 'Full', '€189', 'Join waitlist'),
    ]);
    expect(resolveOn(after, target).status).not.toBe('found');
  });
});

describe('a field relabelled beside a new one named like it', () => {
  const contact = (fields: string) =>
    `<main><h1>Next of kin</h1><form id="kin"><h2>Secondary contact</h2>` +
    `<label>Full name <input id="n" value="Daniel Whitfield"></label>${fields}</form></main>`;
  const recordPhone = () =>
    record(contact('<label>Phone <input id="p" type="tel" value="(555) 019-8876"></label>'), '#p');

  it('is asked about when the recorded value is in another field than the one found', () => {
    const after = contact(
      '<label>Mobile number <input id="m" type="tel" value="(555) 019-8876"></label>' +
        '<label>Home phone <input id="h" type="tel" value=""></label>',
    );
    expect(resolveOn(after, recordPhone()).status).not.toBe('found');
  });

  it('is found when it kept its value', () => {
    const after = contact(
      '<label>Phone <input id="p2" type="tel" value="(555) 019-8876"></label>' +
        '<label>Home phone <input id="h" type="tel" value=""></label>',
    );
    const result = resolveOn(after, recordPhone());
    expect(result.status === 'found' && result.element.id).toBe('p2');
  });
});
