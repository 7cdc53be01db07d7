import { describe, expect, it } from 'vitest';
import { foundText, record, resolveOn } from './page-pairs';

describe('a record of another month in the recorded one’s row', () => {
  const ledger = (rows: readonly (readonly [string, string, string])[]) =>
    `<main><h1>Unit 14 · Ledger</h1><table><thead><tr><th>Posted</th><th>Description</th><th>Amount</th><th>Actions</th></tr></thead><tbody>${rows
      .map(
        ([posted, description, amount]) =>
          `<tr><td>${posted}</td><td>${description}</td><td>${amount}</td><td>${description.startsWith('Monthly') ? '' : '<button type="button">Waive</button> '}<button type="button">Record payment</button></td></tr>`,
      )
      .join('')}</tbody></table></main>`;
  const before = ledger([
    ['1 Feb 2025', 'Violation fine · trash bins visible', '$50.00'],
    ['1 Mar 2025', 'Monthly dues · March', '$285.00'],
    ['16 Mar 2025', 'Late fee · March dues', '$25.00'],
    ['1 Apr 2025', 'Monthly dues · April', '$285.00'],
  ]);

  it('is not the recorded one: the March late fee was paid, April’s stands in its row', () => {
    const recorded = record(before, 'tr:nth-child(3) button');
    const after = ledger([
      ['1 Feb 2025', 'Violation fine · trash bins visible', '$50.00'],
      ['1 Apr 2025', 'Monthly dues · April', '$285.00'],
      ['16 Apr 2025', 'Late fee · April dues', '$25.00'],
      ['1 May 2025', 'Monthly dues · May', '$285.00'],
    ]);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  it('still finds the March late fee itself after a new row came on top', () => {
    const recorded = record(before, 'tr:nth-child(3) button');
    const after = ledger([
      ['2 Apr 2025', 'Violation fine · parking on lawn', '$75.00'],
      ['1 Feb 2025', 'Violation fine · trash bins visible', '$50.00'],
      ['1 Mar 2025', 'Monthly dues · March', '$285.00'],
      ['16 Mar 2025', 'Late fee · March dues', '$25.00'],
      ['1 Apr 2025', 'Monthly dues · April', '$285.00'],
    ]);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('Late fee · March dues');
  });
});

describe('a hint added beside a field', () => {
  const form = (routing: string) =>
    `<main><h2>Refund method</h2><form action="/refund"><fieldset><legend>How do you want to receive your refund?</legend><label><input type="radio" name="m" checked> Direct deposit</label><label><input type="radio" name="m"> Paper check by mail</label></fieldset><div><label for=":r7:">Bank name</label><input id=":r7:"></div>${routing}<div><label for=":ra:">Account number</label><input id=":ra:"></div><div><label for=":rb:">Confirm account number</label><input id=":rb:"></div><button type="submit">Save refund details</button></form></main>`;

  it('leaves the field found by what is around that hint ("Routing number (9 digits)")', () => {
    const recorded = record(form('<div><label for=":r9:">Routing number</label><input id=":r9:"></div>'), '#\\:r9\\:');
    const after = form(
      '<div><label for=":rl:">Routing number (9 digits)</label><p class="hint">The first nine digits printed at the bottom-left of a check.</p><input id=":rl:"></div>',
    );
    const result = resolveOn(after, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe(':rl:');
  });

  it('does not make another field of the form the recorded one when it is gone', () => {
    const recorded = record(form('<div><label for=":r9:">Routing number</label><input id=":r9:"></div>'), '#\\:r9\\:');
    const after = form(
      '<div><label for=":rl:">Sort code</label><p class="hint">Six digits, printed on your bank card.</p><input id=":rl:"></div>',
    );
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('a label grown to hold its field’s hint', () => {
  const criteria = [
    ['Originality', 'Does the work add something new to the field?'],
    ['Methodology', 'Are the methods sound and described in enough detail to reproduce?'],
    ['Clarity', 'Is the manuscript clearly written and well organised?'],
  ] as const;
  const options = '<option value="">–</option><option>1</option><option>2</option><option>3</option>';
  const before = `<main><h3>Scores</h3>${criteria
    .map(
      ([name, hint], index) =>
        `<div><label for="s${index}">${name}</label><select id="s${index}">${options}</select><p>${hint}</p></div>`,
    )
    .join('')}</main>`;
  const wrapped = (rows: readonly (readonly [string, string])[]) =>
    `<main><h3>Scores</h3>${rows
      .map(([name, hint]) => `<label><span>${name}</span><select>${options}</select><span>${hint}</span></label>`)
      .join('')}</main>`;

  it('is found by its name and hint together ("Methodology Are the methods sound…")', () => {
    const recorded = record(before, '#s1');
    const after = wrapped([
      criteria[2],
      ['Data availability', 'Are data and code available?'],
      ...criteria.slice(0, 2),
    ]);
    expect(foundText(resolveOn(after, recorded), 'label')).toContain('Methodology');
  });

  it('is refused when the criterion was dropped', () => {
    const recorded = record(before, '#s1');
    const after = wrapped([criteria[0], ['Data availability', 'Are data and code available?'], criteria[2]]);
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });
});

describe('a row’s control whose aria-label named its record, dropped for a tooltip', () => {
  const people = ['Dana Okoye', 'Marcus Webb', 'Lena Park'];
  const before = `<main><h1>Ready for pickup</h1><ul>${people
    .map(
      (name, index) =>
        `<li><h3>${name}</h3><p>Bin B-0${index + 1}</p><button type="button" aria-label="Call ${name}">☎</button> <button type="button" aria-label="Text ${name}">✉</button></li>`,
    )
    .join('')}</ul></main>`;
  const pickupList = (names: readonly string[]) =>
    `<main><h1>Ready for pickup</h1><ul>${names
      .map(
        (name) =>
          `<li><h3>${name}</h3><p>Bin ${name === 'Marcus Webb' ? 'B-02' : 'C-07'}</p><button type="button" title="Call">☎</button> <button type="button" title="Text">✉</button></li>`,
      )
      .join('')}</ul></main>`;

  it('is found in the row that holds the record’s words ("Call Marcus Webb" → "Call")', () => {
    const recorded = record(before, 'li:nth-child(2) button');
    expect(foundText(resolveOn(pickupList(['Ada Ruiz', ...people]), recorded), 'li')).toContain('Marcus Webb');
  });

  it('is refused when that record left the list', () => {
    const recorded = record(before, 'li:nth-child(2) button');
    expect(resolveOn(pickupList(['Ada Ruiz', 'Dana Okoye', 'Lena Park']), recorded).status).not.toBe('found');
  });
});

describe('a row checkbox that lost its aria-label', () => {
  const lots = [
    ['L-2016-009', 'Bloody Butcher corn'],
    ['L-2016-012', 'Glass Gem corn'],
    ['L-2017-003', 'Cherokee Purple tomato'],
  ] as const;
  const table = (rows: readonly (readonly [string, string])[], labelled: boolean) =>
    `<main><h2>Lots due for viability testing</h2><table><thead><tr><th><input type="checkbox" aria-label="Select all lots"></th><th>Lot</th><th>Variety</th></tr></thead><tbody>${rows
      .map(
        ([lot, variety]) =>
          `<tr><td><input type="checkbox"${labelled ? ` aria-label="Select lot ${lot}"` : ''}></td><td>${lot}</td><td>${variety}</td></tr>`,
      )
      .join('')}</tbody></table></main>`;

  it('is the one in its lot’s row, its old name’s words ("lot") in the column "Select all lots"', () => {
    const recorded = record(table(lots, true), 'tbody tr:nth-child(2) input');
    const after = table([...lots.slice(0, 2), ['L-2022-007', 'Glass Gem corn'], lots[2]], false);
    expect(foundText(resolveOn(after, recorded), 'tr')).toContain('L-2016-012');
  });
});
