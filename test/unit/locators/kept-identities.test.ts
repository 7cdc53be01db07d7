import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

/** A fitting record with one section per ear, in the given order and language. */
function fitting(lang: 'en' | 'de', ears: readonly ('left' | 'right')[], ids = true): string {
  const words =
    lang === 'en'
      ? { left: 'Left ear', right: 'Right ear', serial: 'Serial number', model: 'Model', save: 'Save fitting' }
      : {
          left: 'Linkes Ohr',
          right: 'Rechtes Ohr',
          serial: 'Seriennummer',
          model: 'Modell',
          save: 'Anpassung speichern',
        };
  const section = (ear: 'left' | 'right') =>
    `<fieldset><legend>${words[ear]}</legend><label for="model-${ear}">${words.model}</label><input id="model-${ear}" name="model_${ear}"><label for="serial-${ear}">${words.serial}</label><input ${ids ? `id="serial-${ear}" ` : ''}name="serial_${ear}"></fieldset>`;
  return `<main lang="${lang}"><h1>Fitting record</h1><form action="/fittings/8812">${ears.map(section).join('')}<button>${words.save}</button></form></main>`;
}

/** Availability checkboxes of one group, each sending a worded value. */
function availability(lang: 'en' | 'ja', values: readonly string[]): string {
  const captions: Record<string, [string, string]> = {
    'weekday-am': ['Weekday mornings', '平日の朝'],
    'weekday-pm': ['Weekday evenings', '平日の夜'],
    saturday: ['Saturdays', '土曜日'],
    sunday: ['Sundays', '日曜日'],
    overnight: ['Overnight', '深夜'],
  };
  const index = lang === 'en' ? 0 : 1;
  return `<main lang="${lang}"><h1>${lang === 'en' ? 'My availability' : '参加可能な時間'}</h1><form id="availability">${values
    .map(
      (value) =>
        `<label><input type="checkbox" name="availability" value="${value}"> ${captions[value]?.[index] ?? value}</label>`,
    )
    .join('')}</form></main>`;
}

describe('on a page translated since recording', () => {
  it('an id only the target kept names it, though its section moved ("Serial number" → "Seriennummer")', () => {
    const recorded = record(fitting('en', ['left', 'right']), '#serial-left');
    const result = resolveOn(fitting('de', ['right', 'left']), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('name')).toBe('serial_left');
  });

  it('a field name only the target kept names it, its id gone', () => {
    const recorded = record(fitting('en', ['left', 'right']), '#serial-left');
    const result = resolveOn(fitting('de', ['right', 'left'], false), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('name')).toBe('serial_left');
  });

  it('a checkbox is named by the value it sends, its group name shared ("Overnight" → "深夜")', () => {
    const recorded = record(availability('en', ['weekday-am', 'weekday-pm', 'overnight']), 'input[value="overnight"]');
    const result = resolveOn(
      availability('ja', ['weekday-am', 'weekday-pm', 'saturday', 'sunday', 'overnight']),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('value')).toBe('overnight');
  });

  it('nothing is acted on when the field is gone and only its look-alikes keep their own names', () => {
    const recorded = record(fitting('en', ['left', 'right']), '#serial-left');
    expect(resolveOn(fitting('de', ['right']), recorded).status).not.toBe('found');
  });

  it('nothing is acted on when the choice it sent is withdrawn', () => {
    const recorded = record(availability('en', ['weekday-am', 'overnight']), 'input[value="overnight"]');
    expect(resolveOn(availability('ja', ['weekday-am', 'weekday-pm']), recorded).status).not.toBe('found');
  });

  it('nothing is acted on when two elements kept the recorded identities (the id on one, the field name on another)', () => {
    const recorded = record(fitting('en', ['left', 'right']), '#serial-left');
    const swapped = fitting('de', ['right', 'left'])
      .replace('id="serial-right" name="serial_right"', 'id="serial-right" name="serial_left"')
      .replace('id="serial-left" name="serial_left"', 'id="serial-left" name="serial_right"');
    expect(resolveOn(swapped, recorded).status).not.toBe('found');
  });
});

/** Three copies of a cave-reading form, each titled by its cave; the template may swap and relabel two fields. */
function caves(titles: readonly string[], rebuilt: boolean): void {
  document.body.innerHTML = `<main><h1>Environment log</h1><div id="reading-forms">${titles.map(() => '<cave-reading></cave-reading>').join('')}</div></main>`;
  document.querySelectorAll('cave-reading').forEach((host, index) => {
    const shadow = host.attachShadow({ mode: 'open' });
    const temperature = '<label>Temperature (°C) <input type="number" name="temp"></label>';
    const humidity = rebuilt
      ? '<label>Humidity (% RH) <input type="number" name="rh"></label>'
      : '<label>Relative humidity (%) <input type="number" name="rh"></label>';
    const fields = rebuilt ? `<div class="pair">${humidity}${temperature}</div>` : `${temperature}${humidity}`;
    shadow.innerHTML = `<form id="reading"><h3>${titles[index]}</h3>${fields}<label>Remarks <input type="text" name="remarks"></label><button type="submit">Record</button></form>`;
  });
}

describe('a field relabelled alike in every copy of a component', () => {
  const titles = ['Cave 1 — pressed', 'Cave 2 — washed rind', 'Cave 3 — long aging'];

  function recordCave2Humidity() {
    caves(titles, false);
    const host = document.querySelectorAll('cave-reading')[1] as Element;
    return describeElement(host.shadowRoot?.querySelector('input[name="rh"]') as Element);
  }

  it('is found by its field name in the one copy that kept its own words ("Cave 2 — washed rind")', () => {
    const recorded = recordCave2Humidity();
    caves(titles, true);
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect((result.element.getRootNode() as ShadowRoot).querySelector('h3')?.textContent).toBe(
        'Cave 2 — washed rind',
      );
      expect(result.element.getAttribute('name')).toBe('rh');
    }
  });

  it('is refused when that copy is gone, though another stands in its place', () => {
    const recorded = recordCave2Humidity();
    caves(['Cave 1 — pressed', 'Cave 3 — long aging', 'Cave 4 — natural rind'], true);
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });
});
