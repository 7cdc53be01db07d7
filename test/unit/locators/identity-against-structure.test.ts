import { describe, expect, it } from 'vitest';
import { record, resolveOn } from './page-pairs';

// Unlabelled number fields whose captions are not tied to them (no `for`), as CSS-module apps render them.
const field = (caption: string, name: string, hint: string) =>
  `<div class="Field"><label>${caption}</label><div><input type="number" name="${name}" value="1"><span>°C</span></div><p>${hint}</p></div>`;
const warning = field('Warning at', 'warning_c', 'Crew is paged when any sensor drops to this temperature.');
const rest = `${field('Hysteresis', 'hysteresis_c', 'An alarm clears once temperature is this much above the threshold.')}${field('Minimum duration', 'min_duration', 'Ignore dips shorter than this.')}`;
const form = (rows: string) =>
  `<main><h1>Alarm thresholds</h1><form action="/blocks/b/thresholds"><section><h2>Temperature</h2>${rows}</section><button>Save</button></form></main>`;
const before = form(
  `${warning}${field('Critical at', 'critical_c', 'Automations start and alarms repeat every 5 minutes.')}${rest}`,
);
// Warning and Critical now share a row: the recorded place holds "Hysteresis".
const paired = (critical: string) => form(`<div class="Pair">${warning}${critical}</div>${rest}`);

describe('a field whose structural locators now point at a neighbour', () => {
  it('is the one that kept the recorded field name when wrappers regrouped the fields', () => {
    const target = record(before, 'input[name="critical_c"]');
    const after = paired(
      field('Critical at', 'critical_c', 'Equipment automations start and alarms repeat every 5 minutes.'),
    );
    const result = resolveOn(after, target);
    expect(result.status === 'found' && result.element.getAttribute('name')).toBe('critical_c');
  });

  it('is not acted on when the field name left the page', () => {
    const target = record(before, 'input[name="critical_c"]');
    const after = paired(
      field('Alarm at', 'alarm_c', 'Equipment automations start and alarms repeat every 5 minutes.'),
    );
    expect(resolveOn(after, target).status).not.toBe('found');
  });
});
