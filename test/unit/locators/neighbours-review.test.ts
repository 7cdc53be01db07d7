/**
 * Page pairs a review built against the neighbour rule (and the rules reading field values) before it
 * was mended: fields named by their place ("Item 2 quantity") that a removed or inserted row renumbers,
 * carts, invoices, timesheets, segments, passengers, RSVPs, swapped labels. Each must give what the
 * resolver gave before the rule: the right element, or the refusal it already made.
 */
import { describe, expect, it } from 'vitest';
import { foundText, record, resolveOn } from './page-pairs';

const EXPECTED: Record<string, string> = {
  A1: 'ambiguous',
  A1b: 'ambiguous',
  A2: 'found:t2185',
  A2b: 'found:t2185',
  A3: 'found:x1950',
  A3b: 'found:x1900',
  'B1-orig-insert': 'row 4 value 2185',
  'B2-1950-insert': 'row 4 value 2185',
  'B3-orig-remove': 'row 2 value 2185',
  'B4-3rows-remove': 'row 2 value 2185',
  'B5-3rows-insert': 'row 4 value 2185',
  C1: 'found:t1950',
  C1b: 'found:t1950',
  C2: 'ambiguous',
  C2b: 'ambiguous',
  C3: 'not-found',
  C4: 'found:b',
  C4b: 'found:b',
  C5: 'found:INV-102',
  C5b: 'found:INV-102',
  D1: 'found:b',
  D1b: 'found:b',
  D2: 'found:m',
  D2b: 'found:m',
  D3: 'ambiguous',
  E1: 'not-found',
  E2: 'not-found',
  E3: 'not-found',
  E4: 'found:q2-y',
  E5: 'not-found',
  E6: 'found:home',
  E7: 'not-found',
  E7b: 'not-found',
  F1: 'found:m',
  F2: 'found:m',
  F3: 'found:m',
  F4: 'found:s',
  F5: 'found:a3',
  F6: 'found:a2',
  F7: 'found:q',
};

/** The items at `order`, in that order (a list re-sorted). */
function pick<T>(items: readonly T[], order: readonly number[]): T[] {
  return order.map((index) => items[index] as T);
}

/** Checks a probe's printed outcome ("PROBE F1 => found:m (…) | …") against the one expected. */
function expectProbe(line: string): void {
  const match = /^PROBE (\S+) => (.*?)(?: \(neighbours stripped.*)?(?: \|.*)?$/s.exec(line);
  expect(match?.[2]?.trim()).toBe(EXPECTED[match?.[1] ?? '']);
}

describe('neighbours review a', () => {
  type R = ReturnType<typeof resolveOn>;
  function outcome(r: R, attr = 'data-k'): string {
    if (r.status === 'found') return `found:${r.element.getAttribute(attr) ?? r.element.outerHTML.slice(0, 80)}`;
    return `${r.status}`;
  }
  function probe(label: string, before: string, sel: string, after: string): string {
    const t = record(before, sel);
    const r = resolveOn(after, t);
    const o = outcome(r);
    // eslint-disable-next-line no-console
    expectProbe(
      `PROBE ${label} => ${o} | neighbours=${JSON.stringify((t.fingerprint as { neighbours?: string[] }).neighbours ?? null)}`,
    );
    return o;
  }

  describe('review2 A', () => {
    // A1: passengers renumbered after the first one is removed (fields keep their values)
    const pax = (list: [string, string, string][]) =>
      '<main><h1>Passengers</h1><form>' +
      list
        .map(
          ([k, first, last], i) =>
            `<fieldset><legend>Passenger ${i + 1}</legend>` +
            `<label>Passenger ${i + 1} first name <input data-k="${k}-first" value="${first}"></label>` +
            `<label>Passenger ${i + 1} last name <input data-k="${k}-last" value="${last}"></label></fieldset>`,
        )
        .join('') +
      '<button>Continue</button></form></main>';
    it('A1 passenger removed above, renumbered', () => {
      const before = pax([
        ['ana', 'Ana', 'Silva'],
        ['ben', 'Ben', 'Okafor'],
        ['cy', 'Cy', 'Tan'],
      ]);
      const after = pax([
        ['ben', 'Ben', 'Okafor'],
        ['cy', 'Cy', 'Tan'],
      ]);
      probe('A1', before, '[data-k="ben-last"]', after);
    });
    it('A1b passenger added above, renumbered', () => {
      const before = pax([
        ['ana', 'Ana', 'Silva'],
        ['ben', 'Ben', 'Okafor'],
        ['cy', 'Cy', 'Tan'],
      ]);
      const after = pax([
        ['zed', 'Zed', 'Ng'],
        ['ana', 'Ana', 'Silva'],
        ['ben', 'Ben', 'Okafor'],
        ['cy', 'Cy', 'Tan'],
      ]);
      probe('A1b', before, '[data-k="ben-last"]', after);
    });
    // A2: segments table (from the existing test) — segment inserted above
    type Segment = [string, string, string];
    const table = (segments: readonly Segment[]) =>
      '<main><h1>Edit program: Glaze slow cool</h1><table id="segments"><thead><tr><th>Seg</th><th>Ramp</th>' +
      '<th>Target</th><th>Hold</th><th>Remove</th></tr></thead><tbody>' +
      segments
        .map(
          ([ramp, target, hold], index) =>
            `<tr><td>${index + 1}</td><td><input data-k="r${ramp}" type="number" value="${ramp}" aria-label="Segment ${index + 1} ramp rate"></td>` +
            `<td><input data-k="t${target}" type="number" value="${target}" aria-label="Segment ${index + 1} target temperature"></td>` +
            `<td><input type="number" value="${hold}" aria-label="Segment ${index + 1} hold"></td>` +
            `<td><button data-k="x${target}" type="button">Remove</button></td></tr>`,
        )
        .join('') +
      '</tbody></table></main>';
    const program: Segment[] = [
      ['150', '1000', '0'],
      ['400', '1900', '0'],
      ['120', '2185', '10'],
      ['9999', '1950', '0'],
    ];
    it('A2 segment removed above: target field', () => {
      probe('A2', table(program), '[data-k="t2185"]', table(program.slice(1)));
    });
    it('A2b segment inserted above: target field', () => {
      probe('A2b', table(program), '[data-k="t2185"]', table([['80', '200', '480'], ...program]));
    });
    it('A3 segment removed above: Remove button', () => {
      probe('A3', table(program), '[data-k="x2185"]', table(program.slice(1)));
    });
    it('A3b segment inserted above: Remove button', () => {
      probe('A3b', table(program), '[data-k="x2185"]', table([['80', '200', '480'], ...program]));
    });
    expect(1).toBe(1);
  });
});

describe('neighbours review b', () => {
  describe('review2 B', () => {
    type Segment = [string, string, string];
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
    const run = (label: string, program: Segment[], after: Segment[]) => {
      const t = record(table(program), 'tbody tr:nth-child(3) input[aria-label="Segment 3 target temperature"]');
      const r = resolveOn(table(after), t);
      const row = foundText(r, 'tr')?.trim().charAt(0);
      const el = r.status === 'found' ? (r.element as HTMLInputElement).value : r.status;
      expectProbe(`PROBE ${label} => row ${row} value ${el}`);
    };
    const orig: Segment[] = [
      ['150', '1000', '0'],
      ['400', '1900', '0'],
      ['120', '2185', '10'],
      ['9999', '1900', '0'],
    ];
    const mine: Segment[] = [
      ['150', '1000', '0'],
      ['400', '1900', '0'],
      ['120', '2185', '10'],
      ['9999', '1950', '0'],
    ];
    it('B1 original inserted above', () => run('B1-orig-insert', orig, [['80', '200', '480'], ...orig]));
    it('B2 1950 inserted above', () => run('B2-1950-insert', mine, [['80', '200', '480'], ...mine]));
    it('B3 original removed above', () => run('B3-orig-remove', orig, orig.slice(1)));
    it('B4 three rows, removed first', () => run('B4-3rows-remove', orig.slice(0, 3), orig.slice(1, 3)));
    it('B5 three rows, insert', () =>
      run('B5-3rows-insert', orig.slice(0, 3), [['80', '200', '480'], ...orig.slice(0, 3)]));
  });
});

describe('neighbours review c', () => {
  type R = ReturnType<typeof resolveOn>;
  const out = (r: R) =>
    r.status === 'found' ? `found:${r.element.getAttribute('data-k') ?? r.element.outerHTML.slice(0, 80)}` : r.status;
  function probe(label: string, before: string, sel: string, after: string) {
    const t = record(before, sel);
    const r = resolveOn(after, t);
    expectProbe(
      `PROBE ${label} => ${out(r)} | nb=${JSON.stringify(t.fingerprint.neighbours ?? null)} rv=${JSON.stringify(t.fingerprint.rowValues ?? null)}`,
    );
  }

  describe('review2 C', () => {
    type Segment = [string, string, string];
    const table = (segments: readonly Segment[]) =>
      '<main><h1>Edit program: Glaze slow cool</h1><table id="segments"><thead><tr><th>Seg</th><th>Ramp</th>' +
      '<th>Target</th><th>Hold</th><th>Remove</th></tr></thead><tbody>' +
      segments
        .map(
          ([ramp, target, hold], index) =>
            `<tr><td>${index + 1}</td><td><input type="number" value="${ramp}" aria-label="Segment ${index + 1} ramp rate"></td>` +
            `<td><input data-k="t${target}" type="number" value="${target}" aria-label="Segment ${index + 1} target temperature"></td>` +
            `<td><input type="number" value="${hold}" aria-label="Segment ${index + 1} hold"></td>` +
            '<td><button type="button">Remove</button></td></tr>',
        )
        .join('') +
      '</tbody></table></main>';
    const prog: Segment[] = [
      ['150', '1000', '0'],
      ['400', '1900', '0'],
      ['120', '2185', '10'],
      ['120', '1950', '0'],
    ];
    it('C1 segment removed above; next row shares the ramp rate', () =>
      probe('C1', table(prog), '[data-k="t2185"]', table(prog.slice(1))));
    const prog2: Segment[] = [
      ['150', '1000', '0'],
      ['400', '1900', '0'],
      ['120', '2185', '10'],
      ['100', '1950', '10'],
    ];
    it('C1b segment removed above; next row shares the hold', () =>
      probe('C1b', table(prog2), '[data-k="t2185"]', table(prog2.slice(1))));

    // Family booking: passengers share the last name
    const pax = (list: [string, string, string][]) =>
      '<main><h1>Who is travelling?</h1><form>' +
      list
        .map(
          ([k, first, last], i) =>
            `<fieldset><legend>Passenger ${i + 1}</legend>` +
            `<label>Passenger ${i + 1} first name <input data-k="${k}-first" value="${first}"></label>` +
            `<label>Passenger ${i + 1} last name <input data-k="${k}-last" value="${last}"></label>` +
            `<label>Passenger ${i + 1} date of birth <input data-k="${k}-dob" value="${k === 'ana' ? '1980-01-02' : k === 'ben' ? '2012-05-06' : '2015-07-08'}"></label></fieldset>`,
        )
        .join('') +
      '<button>Continue</button></form></main>';
    const fam: [string, string, string][] = [
      ['ana', 'Ana', 'Silva'],
      ['ben', 'Ben', 'Silva'],
      ['cy', 'Cy', 'Silva'],
    ];
    it('C2 family: passenger 1 removed', () => probe('C2', pax(fam), '[data-k="ben-first"]', pax(fam.slice(1))));
    it('C2b family: passenger added at top', () =>
      probe('C2b', pax(fam), '[data-k="ben-first"]', pax([['dee', 'Dee', 'Silva'], ...fam])));

    // Poll editor: one textbox per option
    const poll = (opts: [string, string][]) =>
      '<main><h1>New poll</h1><form><label>Question <input value="Team colour?"></label><ol>' +
      opts
        .map(
          ([k, v], i) =>
            `<li><input data-k="${k}" aria-label="Option ${i + 1}" value="${v}"> <button type="button">Delete</button></li>`,
        )
        .join('') +
      '</ol><button>Publish</button></form></main>';
    const opts: [string, string][] = [
      ['red', 'Red'],
      ['blue', 'Blue'],
      ['green', 'Green'],
    ];
    it('C3 poll: option 1 deleted', () => probe('C3', poll(opts), '[data-k="blue"]', poll(opts.slice(1))));

    // Cart lines labelled by line number; product name in the row
    const cart = (lines: [string, string][]) =>
      '<main><h1>Your basket</h1><form><table><tbody>' +
      lines
        .map(
          ([k, name], i) =>
            `<tr><td>${name}</td><td><input data-k="${k}" type="number" value="1" aria-label="Line ${i + 1} quantity"></td><td>£4.00</td></tr>`,
        )
        .join('') +
      '</tbody></table><button>Checkout</button></form></main>';
    const lines: [string, string][] = [
      ['a', 'Oat milk 1L'],
      ['b', 'Rye bread'],
      ['c', 'Free-range eggs (6)'],
    ];
    it('C4 cart: line 1 removed', () => probe('C4', cart(lines), '[data-k="b"]', cart(lines.slice(1))));
    it('C4b cart: re-sorted', () =>
      probe(
        'C4b',
        cart(lines),
        '[data-k="b"]',
        cart(
          pick(lines, [2, 1, 0])
            .reverse()
            .slice()
            .sort((x, y) => x[1].localeCompare(y[1])),
        ),
      ));

    // Grid with "Select row N" checkboxes, re-sorted
    const grid = (rows: [string, string, string][]) =>
      '<main><h1>Invoices</h1><table><thead><tr><th></th><th>No.</th><th>Customer</th><th>Total</th></tr></thead><tbody>' +
      rows
        .map(
          ([k, cust, tot], i) =>
            `<tr><td><input type="checkbox" data-k="${k}" aria-label="Select row ${i + 1}"></td><td>${k}</td><td>${cust}</td><td>${tot}</td></tr>`,
        )
        .join('') +
      '</tbody></table><button>Delete selected</button></main>';
    const inv: [string, string, string][] = [
      ['INV-101', 'Acme Ltd', '£120.00'],
      ['INV-102', 'Birch & Co', '£80.00'],
      ['INV-103', 'Corvid plc', '£310.00'],
    ];
    it('C5 grid re-sorted by total', () => probe('C5', grid(inv), '[data-k="INV-102"]', grid(pick(inv, [1, 0, 2]))));
    it('C5b grid: first row deleted', () => probe('C5b', grid(inv), '[data-k="INV-102"]', grid(inv.slice(1))));
  });
});

describe('neighbours review d', () => {
  type R = ReturnType<typeof resolveOn>;
  const out = (r: R) =>
    r.status === 'found' ? `found:${r.element.getAttribute('data-k') ?? r.element.outerHTML.slice(0, 80)}` : r.status;
  function probe(label: string, before: string, sel: string, after: string) {
    const t = record(before, sel);
    const r = resolveOn(after, t);
    expectProbe(
      `PROBE ${label} => ${out(r)} | nb=${JSON.stringify(t.fingerprint.neighbours ?? null)} ctx=${JSON.stringify(t.fingerprint.context ?? null)}`,
    );
  }

  describe('review2 D', () => {
    // Grid rows that differ only by a number: "Select row N" checkboxes
    const grid = (rows: [string, string][]) =>
      '<main><h1>Timesheets</h1><table><thead><tr><th></th><th>Employee</th><th>Week</th><th>Status</th><th>Hours</th></tr></thead><tbody>' +
      rows
        .map(
          ([k, hrs], i) =>
            `<tr><td><input type="checkbox" data-k="${k}" aria-label="Select row ${i + 1}"></td><td>Dana Whitfield</td><td>Week 41</td><td>Submitted</td><td>${hrs}</td></tr>`,
        )
        .join('') +
      '</tbody></table><button>Approve selected</button></main>';
    const r3: [string, string][] = [
      ['a', '37.5'],
      ['b', '40.0'],
      ['c', '32.0'],
    ];
    it('D1 similar rows, first deleted', () => probe('D1', grid(r3), '[data-k="b"]', grid(r3.slice(1))));
    it('D1b similar rows, re-sorted by hours desc', () =>
      probe('D1b', grid(r3), '[data-k="b"]', grid(pick(r3, [1, 0, 2]))));

    // Cart: same product in two sizes, lines labelled by number
    const cart = (lines: [string, string][]) =>
      '<main><h1>Your basket</h1><form><table><tbody>' +
      lines
        .map(
          ([k, name], i) =>
            `<tr><td>${name}</td><td><input data-k="${k}" type="number" value="1" aria-label="Item ${i + 1} quantity"></td><td><button type="button">Remove</button></td></tr>`,
        )
        .join('') +
      '</tbody></table><button>Checkout</button></form></main>';
    const lines: [string, string][] = [
      ['s', 'Merino crew sock, grey, size S'],
      ['m', 'Merino crew sock, grey, size M'],
      ['l', 'Merino crew sock, grey, size L'],
    ];
    it('D2 cart variants, first removed', () => probe('D2', cart(lines), '[data-k="m"]', cart(lines.slice(1))));
    it('D2b cart variants, new item added at top', () =>
      probe('D2b', cart(lines), '[data-k="m"]', cart([['x', 'Merino crew sock, grey, size XL'], ...lines])));

    // Same, but labelled "Quantity, line N" with the row not telling much
    const rows = (n: string[]) =>
      '<main><h1>Order lines</h1><form>' +
      n
        .map(
          (k, i) =>
            `<div class="line"><span>Line ${i + 1}</span><input data-k="${k}" value="${k}" aria-label="Line ${i + 1} SKU"></div>`,
        )
        .join('') +
      '<button>Save</button></form></main>';
    it('D3 order lines, first removed', () =>
      probe('D3', rows(['SKU-1', 'SKU-2', 'SKU-3']), '[data-k="SKU-2"]', rows(['SKU-2', 'SKU-3'])));
  });
});

describe('neighbours review e', () => {
  type R = ReturnType<typeof resolveOn>;
  const out = (r: R) =>
    r.status === 'found' ? `found:${r.element.getAttribute('data-k') ?? r.element.outerHTML.slice(0, 80)}` : r.status;
  function probe(label: string, before: string, sel: string, after: string) {
    const t = record(before, sel);
    const r = resolveOn(after, t);
    expectProbe(
      `PROBE ${label} => ${out(r)} | nb=${JSON.stringify(t.fingerprint.neighbours ?? null)} ctx=${JSON.stringify(t.fingerprint.context ?? null)}`,
    );
  }

  describe('review2 E', () => {
    // Rooms in a hotel booking: "Remove" per room, rooms numbered
    const rooms = (list: [string, string][]) =>
      '<main><h1>Your rooms</h1><ul>' +
      list
        .map(
          ([k, who], i) =>
            `<li><h3>Room ${i + 1}</h3><p>${who}</p><button data-k="${k}" type="button">Remove</button></li>`,
        )
        .join('') +
      '</ul></main>';
    const rl: [string, string][] = [
      ['a', 'Double · 2 adults'],
      ['b', 'Twin · 2 adults'],
      ['c', 'Double · 2 adults, 1 child'],
    ];
    it('E1 rooms, first removed', () => probe('E1', rooms(rl), '[data-k="b"]', rooms(rl.slice(1))));
    // Same with the cart from D2: the Remove button
    const cart = (lines: [string, string][]) =>
      '<main><h1>Your basket</h1><form><table><tbody>' +
      lines
        .map(
          ([k, name], i) =>
            `<tr><td>${name}</td><td><input type="number" value="1" aria-label="Item ${i + 1} quantity"></td><td><button data-k="${k}" type="button">Remove</button></td></tr>`,
        )
        .join('') +
      '</tbody></table><button>Checkout</button></form></main>';
    const lines: [string, string][] = [
      ['s', 'Merino crew sock, grey, size S'],
      ['m', 'Merino crew sock, grey, size M'],
      ['l', 'Merino crew sock, grey, size L'],
    ];
    it('E2 cart Remove, first removed', () => probe('E2', cart(lines), '[data-k="m"]', cart(lines.slice(1))));

    // Calendar: slots whose surroundings carry availability
    const day = (slots: [string, string, string][]) =>
      '<main><h1>Room bookings</h1><h2>Fri 18 Oct</h2><div class="slots">' +
      slots
        .map(
          ([k, time, hall]) =>
            `<div class="slot"><span>${time}</span> <span>${hall}</span> <button data-k="${k}">Book</button></div>`,
        )
        .join('') +
      '</div></main>';
    const fri: [string, string, string][] = [
      ['m9', '09:00–13:00', 'Main hall'],
      ['m19', '19:00–22:00', 'Main hall'],
      ['s19', '19:00–22:00', 'Small hall'],
    ];
    // The venue split Small hall's evening slot into two and moved Main hall's to 18:00 — eh; instead: Main hall renamed "Great hall"
    it('E3 hall renamed (Main→Great)', () =>
      probe(
        'E3',
        day(fri),
        '[data-k="m19"]',
        day([
          ['m9', '09:00–13:00', 'Great hall'],
          ['m19', '19:00–22:00', 'Great hall'],
          ['s19', '19:00–22:00', 'Small hall'],
        ]),
      ));

    // Radios: yes/no groups whose captions repeat across groups
    const q = (qs: [string, string][]) =>
      '<main><h1>Health questions</h1><form>' +
      qs
        .map(
          ([k, text]) =>
            `<fieldset><legend>${text}</legend><label><input type="radio" name="${k}" data-k="${k}-y" value="y"> Yes</label><label><input type="radio" name="${k}" data-k="${k}-n" value="n"> No</label></fieldset>`,
        )
        .join('') +
      '<button>Next</button></form></main>';
    const qs: [string, string][] = [
      ['q1', 'Do you smoke?'],
      ['q2', 'Do you drink alcohol?'],
      ['q3', 'Do you take regular exercise?'],
    ];
    it('E4 radio groups, a question removed', () => probe('E4', q(qs), '[data-k="q2-y"]', q(pick(qs, [0, 2, 1]))));
    // Radio captions changed: "Yes" / "No" → "No" / "Yes" order swap  (values kept)
    it('E5 radio captions relabelled to "Yes, I do" / "No, I don’t"', () =>
      probe(
        'E5',
        q(qs),
        '[data-k="q2-y"]',
        q(qs).replaceAll('> Yes<', '> Yes, I do<').replaceAll('> No<', '> No, I don’t<'),
      ));

    // Two fields whose labels got swapped (the page had them wrong), stable name attributes
    const contact = (a: string, b: string) =>
      `<main><h1>Contact details</h1><form><label>${a} <input data-k="mob" name="mobile" type="tel"></label><label>${b} <input data-k="home" name="home" type="tel"></label><label>Email <input type="email"></label></form></main>`;
    it('E6 labels swapped, name attributes kept', () =>
      probe('E6', contact('Mobile', 'Home phone'), '[data-k="mob"]', contact('Home phone', 'Mobile')));
    // A field renamed to what its removed neighbour was called; name attribute kept
    it('E7 renamed to the removed neighbour’s label', () =>
      probe(
        'E7',
        contact('Phone', 'Mobile phone'),
        '[data-k="mob"]',
        '<main><h1>Contact details</h1><form><label>Mobile phone <input data-k="mob" name="mobile" type="tel"></label><label>Email <input type="email"></label></form></main>',
      ));
    it('E7b same, with an id on the field', () =>
      probe(
        'E7b',
        contact('Phone', 'Mobile phone').replace('data-k="mob"', 'data-k="mob" id="tel1"'),
        '[data-k="mob"]',
        '<main><h1>Contact details</h1><form><label>Mobile phone <input data-k="mob" id="tel1" name="mobile" type="tel"></label><label>Email <input type="email"></label></form></main>',
      ));
  });
});

describe('neighbours review f', () => {
  type R = ReturnType<typeof resolveOn>;
  const out = (r: R) =>
    r.status === 'found' ? `found:${r.element.getAttribute('data-k') ?? r.element.outerHTML.slice(0, 80)}` : r.status;
  function probe(label: string, before: string, sel: string, after: string) {
    const t = record(before, sel);
    const r = resolveOn(after, t);
    const t2 = record(before, sel);
    delete t2.fingerprint.neighbours;
    const r2 = resolveOn(after, t2);
    expectProbe(
      `PROBE ${label} => ${out(r)} (neighbours stripped: ${out(r2)}) | nb=${JSON.stringify(t.fingerprint.neighbours ?? null)}`,
    );
  }

  describe('review2 F', () => {
    const cart = (lines: [string, string, string][]) =>
      '<main><h1>Your basket</h1><form><table><tbody>' +
      lines
        .map(
          ([k, name, q], i) =>
            `<tr><td>${name}</td><td><input data-k="${k}" type="number" value="${q}" aria-label="Item ${i + 1} quantity"></td><td><button type="button">Remove</button></td></tr>`,
        )
        .join('') +
      '</tbody></table><button>Checkout</button></form></main>';
    const socks: [string, string, string][] = [
      ['s', 'Merino crew sock, grey, size S', '1'],
      ['m', 'Merino crew sock, grey, size M', '1'],
      ['l', 'Merino crew sock, grey, size L', '1'],
    ];
    it('F1 = D2 socks, first removed', () => probe('F1', cart(socks), '[data-k="m"]', cart(socks.slice(1))));
    it('F2 socks, first removed, quantities differ', () => {
      const s: [string, string, string][] = [
        ['s', 'Merino crew sock, grey, size S', '2'],
        ['m', 'Merino crew sock, grey, size M', '3'],
        ['l', 'Merino crew sock, grey, size L', '1'],
      ];
      probe('F2', cart(s), '[data-k="m"]', cart(s.slice(1)));
    });
    it('F3 socks re-sorted L, M, S', () => probe('F3', cart(socks), '[data-k="m"]', cart(pick(socks, [2, 1, 0]))));
    it('F4 socks: recorded S (item 1), new item added at top', () =>
      probe('F4', cart(socks), '[data-k="s"]', cart([['x', 'Merino crew sock, grey, size XS', '1'], ...socks])));
    const prints: [string, string, string][] = [
      ['a4', 'Photo print, matte, A4', '1'],
      ['a3', 'Photo print, matte, A3', '1'],
      ['a2', 'Photo print, matte, A2', '1'],
      ['a1', 'Photo print, matte, A1', '1'],
    ];
    it('F5 photo prints, first removed', () => probe('F5', cart(prints), '[data-k="a3"]', cart(prints.slice(1))));
    it('F6 photo prints, recorded 3rd, first removed', () =>
      probe('F6', cart(prints), '[data-k="a2"]', cart(prints.slice(1))));
    // Guests: "Guest N meal choice" selects in similar cards
    const guests = (gs: [string, string][]) =>
      '<main><h1>Wedding RSVP</h1><form>' +
      gs
        .map(
          ([k, who], i) =>
            `<div class="guest"><p>${who}</p><label>Guest ${i + 1} meal <select data-k="${k}"><option>Beef</option><option>Fish</option><option>Vegetarian</option></select></label></div>`,
        )
        .join('') +
      '<button>Send RSVP</button></form></main>';
    const g: [string, string][] = [
      ['p', 'Pat Moreno (adult)'],
      ['q', 'Quinn Moreno (adult)'],
      ['r', 'Rosa Moreno (child)'],
    ];
    it('F7 RSVP guest 1 removed', () => probe('F7', guests(g), '[data-k="q"]', guests(g.slice(1))));
  });
});
