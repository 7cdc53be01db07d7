import { describe, expect, it } from 'vitest';
import { isIndexedId } from '@/lib/locators/text';
import { record, resolveOn } from './page-pairs';

describe('ids that number a place in a list', () => {
  it('are told from ids that name something', () => {
    for (const id of ['g1-doc', 'item-5-price', 'contact-2-email', 'q7', 'input-43', 'task_3'])
      expect(isIndexedId(id)).toBe(true);
    for (const id of ['email', 'first-name', 'step-two', 'billing-address', 'step-two-of-3x'])
      expect(isIndexedId(id)).toBe(false);
  });

  const guests = (names: readonly string[]) =>
    `<form>${names
      .map(
        (name, index) =>
          `<fieldset><legend>Guest ${index + 1}: ${name}</legend><label for="g${index + 1}-doc">Document number</label><input id="g${index + 1}-doc" name="guests[${index + 1}][doc_number]"></fieldset>`,
      )
      .join('')}</form>`;

  it('do not name the field once the list is reordered: the guest it belonged to does', () => {
    const recorded = record(guests(['Daniel Ortiz', 'Sofia Ortiz']), '#g2-doc');
    const result = resolveOn(guests(['Sofia Ortiz', 'Daniel Ortiz']), recorded);
    // g2-doc is Daniel's now; acting through it would type Sofia's document into his field.
    expect(result.status === 'found' ? result.element.id : 'refused').not.toBe('g2-doc');
  });
});

describe('a choice whose worded value differs', () => {
  const addOns = (options: readonly string[]) =>
    `<fieldset><legend>Add-ons</legend>${options
      .map(
        (option, index) =>
          `<label><input type="checkbox" id="input-${41 + index}" value="${option}"> ${option}</label>`,
      )
      .join('')}</fieldset>`;

  it('is another choice, however alike its caption ("until 14:00" gone, "until 12:00" left)', () => {
    const recorded = record(
      addOns(['Early check-in', 'Late checkout until 12:00', 'Late checkout until 14:00']),
      '#input-43',
    );
    expect(
      resolveOn(addOns(['Early check-in', 'Late checkout until 12:00', 'Airport transfer']), recorded).status,
    ).not.toBe('found');
  });

  it('is still found by its own value when the list changed around it', () => {
    const recorded = record(
      addOns(['Early check-in', 'Late checkout until 12:00', 'Late checkout until 14:00']),
      '#input-43',
    );
    const result = resolveOn(
      addOns(['Late checkout until 14:00', 'Early check-in', 'Late checkout until 12:00']),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('value')).toBe('Late checkout until 14:00');
  });
});

describe("a sibling's record that is alike in all but its first word", () => {
  const fees = (rows: readonly [string, string][]) =>
    `<main><h2>Outstanding</h2><table><tbody>${rows
      .map(
        ([child, item]) =>
          `<tr><td>${child} Chen</td><td>${item}</td><td>Mar 15</td><td>$12.00</td><td><button name="pay">Pay</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;
  const before = fees([
    ['Maya', 'Science Center field trip'],
    ['Maya', 'Yearbook'],
    ['Leo', 'Science Center field trip'],
  ]);

  it("is another child's fee: the recorded one was paid", () => {
    const recorded = record(before, 'tr:first-child button');
    const after = fees([
      ['Leo', 'Science Center field trip'],
      ['Maya', 'Yearbook'],
    ]);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  it('finds the recorded fee after the rows were re-sorted', () => {
    const recorded = record(before, 'tr:first-child button');
    const after = fees([
      ['Leo', 'Science Center field trip'],
      ['Maya', 'Yearbook'],
      ['Maya', 'Science Center field trip'],
    ]);
    const result = resolveOn(after, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toMatch(/Maya Chen.*Science/);
  });
});

describe('a numbered section renumbered when one before it went away', () => {
  const visits = (list: readonly [string, string, string, string][]) =>
    `<main><h1>Work order WO-5521</h1>${list
      .map(
        ([appointment, day, tech, job], index) => `<section class="visit"><h2>Visit ${index + 1}</h2>
<p>Appt #${appointment} · Scheduled ${day} · 10:00–12:00 · ${tech}</p><p>${job}</p>
<button type="button" class="btn btn-primary">Start visit</button> <button type="button" class="btn">Reschedule</button></section>`,
      )
      .join('')}</main>`;
  const first: [string, string, string, string] = ['A-30902', 'Mon, May 13', 'Luis Ortega', 'Diagnose condenser'];
  const second: [string, string, string, string] = ['A-30917', 'Tue, May 14', 'Aisha Bello', 'Replace fan motor'];
  const third: [string, string, string, string] = ['A-30925', 'Thu, May 16', 'Luis Ortega', 'Test and recharge'];
  const recordSecond = () => record(visits([first, second, third]), 'section:nth-of-type(2) .btn-primary');

  it('finds the visit that kept its appointment number, now numbered 1', () => {
    const result = resolveOn(visits([second, third]), recordSecond());
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('section')?.textContent).toContain('A-30917');
  });

  it('acts on no other visit when the recorded one was cancelled too', () => {
    const result = resolveOn(
      visits([third, ['A-30931', 'Fri, May 17', 'Aisha Bello', 'Replace fan motor']]),
      recordSecond(),
    );
    expect(result.status).not.toBe('found');
  });
});
