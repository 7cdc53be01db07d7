import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

describe('a target that moved into components of its own', () => {
  const options = ['Use member credit (£12.40 available)', 'Round up to the community fund', 'Email me a receipt'];
  const renderSummary = () => {
    document.body.innerHTML = '<main><h1>Checkout</h1><checkout-summary></checkout-summary></main>';
    return (document.querySelector('checkout-summary') as Element).attachShadow({ mode: 'open' });
  };
  const recordCredit = () => {
    const shadow = renderSummary();
    shadow.innerHTML = `<div id="summary">${options
      .map((label, index) => `<label><input type="checkbox" id="opt${index}"> ${label}</label>`)
      .join('')}</div>`;
    return describeElement(shadow.querySelector('#opt0') as Element);
  };
  /** Each option now a <toggle-row> with its own shadow root, every checkbox there with the id "box". */
  const renderRows = (labels: readonly string[]) => {
    const shadow = renderSummary();
    shadow.innerHTML = `<p>Member credit is used before your card is charged.</p><div id="summary">${labels
      .map(() => '<toggle-row></toggle-row>')
      .join('')}</div>`;
    return [...shadow.querySelectorAll('toggle-row')].map((row, index) => {
      const inner = row.attachShadow({ mode: 'open' });
      inner.innerHTML = `<div><input type="checkbox" id="box"><label for="box">${labels[index]}</label></div>`;
      return inner.querySelector('#box') as Element;
    });
  };

  it('is found in the one component that holds it by its label', () => {
    const target = recordCredit();
    const boxes = renderRows(options);
    const result = resolveTarget(document, target);
    expect(result.status === 'found' && result.element).toBe(boxes[0]);
  });

  it('is not taken from another component once its own option is gone', () => {
    const target = recordCredit();
    renderRows(options.slice(1));
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('is not told apart by the id every component repeats', () => {
    const shadow = renderSummary();
    shadow.innerHTML = '<div id="summary"><label><input type="checkbox" id="box"> Gift wrap</label></div>';
    const target = describeElement(shadow.querySelector('#box') as Element);
    renderRows(['Express delivery', 'Email me a receipt']);
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});

describe('a record duplicated in place', () => {
  const card = (index: number, legend: string, tag: string) =>
    `<fieldset id="animal-${index}"><legend>${legend}</legend>` +
    `<label>Ear tag <input name="animals[${index}][tag]" value="${tag}"></label>` +
    `<p><label><input type="checkbox" name="animals[${index}][pen]"> Needs a pen</label>` +
    `<label><input type="checkbox" name="animals[${index}][bedding]"> Bringing own bedding</label></p>` +
    '<button type="button">Duplicate</button></fieldset>';
  const before = `<form><h2>Swine</h2>${card(1, 'Animal 1 · Ear tag 4488 · Market swine', '4488')}${card(
    2,
    'Animal 2 · Ear tag 4502 · Market swine',
    '4502',
  )}</form>`;

  it('is the original, not the copy marked as one', () => {
    const target = record(before, '#animal-2 input[name$="[pen]"]');
    const after = `<form><h2>Swine</h2>${card(1, 'Animal 1 · Ear tag 4488 · Market swine', '4488')}${card(
      2,
      'Animal 2 · Ear tag 4502 · Market swine',
      '4502',
    )}${card(3, 'Animal 3 · New animal · Market swine (copy of 4502)', '')}</form>`;
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.closest('fieldset')?.id).toBe('animal-2');
  });

  it('is neither the copy nor the other record once the original is gone', () => {
    const target = record(before, '#animal-2 input[name$="[pen]"]');
    const after = `<form><h2>Swine</h2>${card(1, 'Animal 1 · Ear tag 4488 · Market swine', '4488')}${card(
      2,
      'Animal 2 · New animal · Market swine (copy of 4488)',
      '',
    )}</form>`;
    expect(resolveOn(after, target).status).not.toBe('found');
  });
});

describe('a component copy found to be another record', () => {
  type Pool = readonly [level: string, meta: string, topics: string];
  const foundation: Pool = [
    'Foundation',
    '2024 syllabus · 412 questions · 26-question paper',
    'Licensing, safety, basic electronics.',
  ];
  const full: Pool = [
    'Full',
    '2019 syllabus · 721 questions · 62-question paper',
    'Advanced theory, propagation, licence conditions.',
  ];
  const render = (middle: Pool) => {
    const pools = [foundation, middle, full];
    document.body.innerHTML = `<main><h2>Question pools</h2><div id="pools">${pools
      .map(() => '<pool-card></pool-card>')
      .join('')}</div></main>`;
    return [...document.querySelectorAll('pool-card')].map((card, index) => {
      const [level, meta, topics] = pools[index] as Pool;
      const shadow = card.attachShadow({ mode: 'open' });
      shadow.innerHTML =
        `<div id="card"><h3>${level}</h3><p class="meta">${meta}</p><p>${topics}</p>` +
        `<div class="actions"><button type="button">Start practice</button>` +
        `<a href="/pools/${level.toLowerCase()}-${meta.slice(0, 4)}.pdf">Download PDF</a></div></div>`;
      return shadow.querySelector('button') as Element;
    });
  };
  const intermediate2019: Pool = [
    'Intermediate',
    '2019 syllabus · 538 questions · 45-question paper',
    'Transmitters, receivers, feeders and antennas, EMC.',
  ];

  it('is not taken for the recorded one by the words its kind shares', () => {
    const [, middle] = render(intermediate2019);
    const target = describeElement(middle as Element);
    render([
      'Intermediate',
      '2025 syllabus · 560 questions · 45-question paper',
      'Transmitters, receivers, feeders and antennas, EMC, digital modes.',
    ]);
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('is still found when the recorded record moved', () => {
    const [, middle] = render(intermediate2019);
    const target = describeElement(middle as Element);
    document.body.innerHTML = '';
    const buttons = render(intermediate2019);
    const result = resolveTarget(document, target);
    expect(result.status === 'found' && result.element).toBe(buttons[1]);
  });
});

describe('a grid whose slot labels were all reworded alike', () => {
  const grid = (label: (lane: number, time: string) => string) =>
    `<main><h2>Lane availability · Sat 14 Jun</h2><table><thead><tr><th>Lane</th>${['09:00', '10:00', '11:00']
      .map((time) => `<th>${time}</th>`)
      .join('')}</tr></thead><tbody>${[5, 6, 7]
      .map(
        (lane) =>
          `<tr id="lane-${lane}"><th>Lane ${lane}</th>${['09:00', '10:00', '11:00']
            .map((time) => `<td><button type="button" aria-label="${label(lane, time)}">Book</button></td>`)
            .join('')}</tr>`,
      )
      .join('')}</tbody></table></main>`;
  const end = (time: string) => `${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}:00`;

  it('keeps the slot whose column and every word of its name are kept', () => {
    const target = record(
      grid((lane, time) => `Book lane ${lane} at ${time}`),
      '#lane-7 td:nth-child(4) button',
    );
    const result = resolveOn(
      grid((lane, time) => `Book ${time}–${end(time)} on lane ${lane}`),
      target,
    );
    expect(result.status === 'found' && result.element.getAttribute('aria-label')).toBe('Book 11:00–12:00 on lane 7');
  });

  it('does not take the slot ending at the recorded time', () => {
    const target = record(
      grid((lane, time) => `Book lane ${lane} at ${time}`),
      '#lane-7 td:nth-child(4) button',
    );
    document.body.innerHTML = grid((lane, time) => `Book ${time}–${end(time)} on lane ${lane}`);
    document.querySelector('#lane-7 td:nth-child(4) button')?.remove();
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});

describe('a section copied and numbered, each copy with an aside', () => {
  const box = (id: string, caption: string) =>
    `<fieldset><legend>${caption}</legend><label>Frames of brood <input type="number" id="${id}-brood"></label>` +
    `<label>Frames of stores <input type="number" id="${id}-stores"></label></fieldset>`;
  it('is the copy numbered 1', () => {
    const target = record(`<form><h2>New inspection</h2>${box('b1', 'Brood box')}</form>`, '#b1-brood');
    const result = resolveOn(
      `<form><h2>New inspection</h2>${box('b1', 'Brood box 1 (bottom)')}${box('b2', 'Brood box 2 (top)')}</form>`,
      target,
    );
    expect(result.status === 'found' && result.element.id).toBe('b1-brood');
  });
});

describe("a label rewritten to the field's own name", () => {
  const form = (label: string, name: string) =>
    `<form><h2>Your items</h2><label for="n">Number of items</label><input type="number" id="n" name="count">` +
    `<label for="c">${label}</label><textarea id="c"${name ? ` name="${name}"` : ''}></textarea>` +
    '<label for="o">Anything else we should know?</label><textarea id="o" name="other"></textarea></form>';

  it('names the field the code called that', () => {
    const target = record(form('Describe any marks, stains or repairs', 'condition_notes'), '#c');
    document.body.innerHTML = form('Condition notes', '');
    document.querySelector('#c')?.setAttribute('id', 'donate-condition');
    document.querySelector('label[for="c"]')?.setAttribute('for', 'donate-condition');
    const result = resolveTarget(document, target);
    expect(result.status === 'found' && result.element.id).toBe('donate-condition');
  });

  it('needs more than one word of it', () => {
    const target = record(form('Describe any marks, stains or repairs', 'notes'), '#c');
    document.body.innerHTML = form('Notes', '');
    document.querySelector('#c')?.setAttribute('id', 'donate-condition');
    document.querySelector('label[for="c"]')?.setAttribute('for', 'donate-condition');
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});

describe('a control relabelled alike in every copy of a component', () => {
  const fees = [
    ['Building permit fee', '$612.40'],
    ['Plan review fee', '$398.06'],
    ['Zoning review fee', '$85.00'],
    ['Energy code review', '$40.00'],
  ] as const;
  const render = (controls: (fee: string) => string) => {
    document.body.innerHTML = `<main><h2>Assessed fees</h2><section>${fees
      .map(() => '<fee-line></fee-line>')
      .join('')}</section></main>`;
    return [...document.querySelectorAll('fee-line')].map((line, index) => {
      const [fee, amount] = fees[index] as readonly [string, string];
      const shadow = line.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<div id="line"><strong>${fee}</strong><span>${amount}</span>${controls(fee)}</div>`;
      return shadow;
    });
  };
  const recordWaive = () => {
    const roots = render(() => '<label><input type="checkbox"> Waive</label>');
    return describeElement(roots[1]?.querySelector('input') as Element);
  };

  it("is the one control of the recorded copy's kind", () => {
    const target = recordWaive();
    const roots = render(() => '<div class="Fee_row__x1"><label><input type="checkbox"> Request waiver</label></div>');
    const result = resolveTarget(document, target);
    expect(result.status === 'found' && result.element).toBe(roots[1]?.querySelector('input'));
  });

  it('is not a control the copies showed beside it', () => {
    const roots = render(
      () => '<label><input type="checkbox"> Waive</label><label><input type="checkbox"> Refund</label>',
    );
    const target = describeElement(roots[1]?.querySelector('input') as Element);
    render(() => '<label><input type="checkbox"> Refund</label>');
    expect(resolveTarget(document, target).status).not.toBe('found');
  });

  it('is not taken when one copy was relabelled otherwise', () => {
    const target = recordWaive();
    render(
      (fee) =>
        `<label><input type="checkbox"> ${fee === 'Plan review fee' ? 'Mark as paid' : 'Request waiver'}</label>`,
    );
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});

describe('the only candidate to pass every check, named and surrounded as recorded', () => {
  const hymns = ['— none —', 'Amazing Grace', 'Abide with Me', 'In the Garden', 'Going Home'];
  const select = (id: string, label: string, first: number) =>
    `<label for="${id}">${label}</label><select id="${id}" name="${id}">${[
      ...hymns.slice(first),
      ...hymns.slice(0, first),
    ]
      .map((hymn) => `<option>${hymn}</option>`)
      .join('')}</select>`;
  const music = (prefix: string, processional: string) =>
    `<h2>Music</h2>${select(`${prefix}0`, 'Prelude', 1)}${select(`${prefix}1`, processional, 0)}${select(
      `${prefix}2`,
      'Congregational hymn',
      2,
    )}${select(`${prefix}3`, 'Recessional', 3)}`;

  it('is found though its id, field name and place all changed', () => {
    const target = record(
      `<main><form id="arrangements"><h2>Service</h2><label for="off">Officiant</label><input id="off">${music(
        'mus-',
        'Processional',
      )}</form></main>`,
      '#mus-1',
    );
    const result = resolveOn(
      `<main><form id="arrangements"><h2>Service</h2><label for="off">Officiant</label><input id="off"></form></main>` +
        `<aside><h2>Order of service</h2><form id="order">${music('os-music-', 'Entrance music (processional)')}</form></aside>`,
      target,
    );
    expect(result.status === 'found' && result.element.id).toBe('os-music-1');
  });
});

describe('a lone component after the target left the page', () => {
  it('is not searched for it', () => {
    const target = record(
      '<main><form><label><input type="checkbox" id="upd"> Email me updates</label><button>Save</button></form></main>',
      '#upd',
    );
    document.body.innerHTML = '<main><form><button>Save</button></form><help-widget></help-widget></main>';
    const widget = document.querySelector('help-widget') as Element;
    widget.attachShadow({ mode: 'open' }).innerHTML =
      '<label><input type="checkbox" id="t"> Email me updates on this ticket</label>';
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});

describe("a field named like the recorded field's code name", () => {
  it('is not the next numbered line', () => {
    const form = (line1: boolean) =>
      `<form><h2>Address</h2>${line1 ? '<label for="a1">Street</label><input id="a1" name="address_line1">' : ''}` +
      '<label for="a2">Address line 2</label><input id="a2" name="addr2"><label for="pc">Postcode</label><input id="pc"></form>';
    const target = record(form(true), '#a1');
    expect(resolveOn(form(false), target).status).not.toBe('found');
  });

  it('is not a field that was beside it already', () => {
    const form = (recordedField: boolean) =>
      `<form><h2>Your items</h2>${
        recordedField
          ? '<label for="c">Describe any marks</label><textarea id="c" name="condition_notes"></textarea>'
          : ''
      }<label for="n">Condition notes</label><textarea id="n"></textarea><button>Save</button></form>`;
    const target = record(form(true), '#c');
    expect(resolveOn(form(false), target).status).not.toBe('found');
  });

  it('is not the recorded label with a qualifier', () => {
    const target = record(
      '<form><h2>Contact</h2><label for="e">Email</label><input id="e" name="contact_email"><button>Save</button></form>',
      '#e',
    );
    const result = resolveOn(
      '<form><h2>Contact</h2><label for="x">Emergency contact email</label><input id="x"><button>Save</button></form>',
      target,
    );
    expect(result.status).not.toBe('found');
  });
});

describe('a control replaced alike in every copy of a component', () => {
  it('is not the recorded one renamed', () => {
    const render = (label: string) => {
      document.body.innerHTML = `<main><h2>Assessed fees</h2><section>${'<fee-line></fee-line>'.repeat(4)}</section></main>`;
      return [...document.querySelectorAll('fee-line')].map((line, index) => {
        const shadow = line.attachShadow({ mode: 'open' });
        shadow.innerHTML = `<div><strong>Fee ${index + 1}</strong><span>$${(index + 1) * 40}.00</span><label><input type="checkbox"> ${label}</label></div>`;
        return shadow;
      });
    };
    const target = describeElement(render('Waive')[1]?.querySelector('input') as Element);
    render('Add to autopay');
    expect(resolveTarget(document, target).status).not.toBe('found');
  });
});
