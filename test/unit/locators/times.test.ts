import { describe, expect, it } from 'vitest';
import { tokenize } from '@/lib/locators/text';
import { record, resolveOn } from './page-pairs';

describe('a time of day', () => {
  it('is one word, not two numbers', () => {
    expect(tokenize('Tue 11 Jun 14:00 Dana Whitfield')).toEqual(['tue', '11', 'jun', '14:00', 'dana', 'whitfield']);
    expect(tokenize('2:30 PM, 16:9, Room: 4')).toEqual(['2:30', 'pm', '16:9', 'room', '4']);
  });

  // Slots told apart only by their time; "14" and "00" each appear in other slots ("Fri 14 Jun 11:00").
  const slots = (rows: readonly [string, string, string, string][]) =>
    `<main><h1>Interviewer availability</h1><table id="slots"><thead><tr><th>Day</th><th>Time</th><th>Interviewer</th><th>Status</th><th>Actions</th></tr></thead><tbody>${rows
      .map(
        ([day, time, who, status]) =>
          `<tr><td>${day}</td><td>${time}</td><td>${who}</td><td>${status}</td><td><button type="button">${status === 'Open' ? 'Hold slot' : 'Join waitlist'}</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;
  const rows: [string, string, string, string][] = [
    ['Tue 11 Jun', '10:00', 'Mei-Lin Chen', 'Open'],
    ['Tue 11 Jun', '11:30', 'Dana Whitfield', 'Open'],
    ['Tue 11 Jun', '14:00', 'Dana Whitfield', 'Open'],
    ['Fri 14 Jun', '11:00', 'Tom Brooks', 'Open'],
  ];

  it("tells a slot from the same interviewer's other slot: once it is held, its neighbour is not taken", () => {
    const recorded = record(slots(rows), 'tr:nth-child(3) button');
    const held = rows.map((row): [string, string, string, string] =>
      row[1] === '14:00' ? [row[0], row[1], row[2], 'Held by M. Chen'] : row,
    );
    expect(resolveOn(slots(held), recorded).status).not.toBe('found');
  });

  it('still finds the slot when the list is re-sorted', () => {
    const recorded = record(slots(rows), 'tr:nth-child(3) button');
    const result = resolveOn(slots([...rows].reverse()), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toContain('14:00');
  });
});
