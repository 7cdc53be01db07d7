import { describe, expect, it } from 'vitest';
import type { resolveTarget } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

/** What a resolution acted on: the row's own words, or "refused". */
function actedOn(result: ReturnType<typeof resolveTarget>): string {
  return result.status === 'found' ? (result.element.closest('tr, li')?.getAttribute('data-row') ?? '?') : 'refused';
}

describe('a numbered name that passed to the next entry', () => {
  const zones = (rows: readonly [string, string, string][]) =>
    `<main><h1>Irrigation schedule</h1><form id="schedule"><table id="zones"><thead><tr><th>Zone</th><th>Name</th><th>Valve</th><th>Crop</th><th>Water (mm)</th></tr></thead><tbody>${rows
      .map(
        ([name, valve, crop], index) =>
          `<tr data-row="${name}"><td>Zone ${index + 1}</td><td>${name}</td><td><code>${valve}</code></td><td>${crop}</td><td><input type="number" name="zone${index + 1}_mm" aria-label="Zone ${index + 1} water amount (mm)"></td></tr>`,
      )
      .join('')}</tbody></table></form></main>`;
  const before = zones([
    ['Garden beds', 'V-02', 'Vegetables'],
    ['Berry rows', 'V-05', 'Blueberries'],
    ['Orchard drip', 'V-07', 'Apples'],
    ['Windbreak', 'V-09', 'Trees'],
  ]);
  const after = zones([
    ['Greenhouse', 'V-01', 'Tomatoes'],
    ['Garden beds', 'V-02', 'Vegetables'],
    ['Berry rows', 'V-05', 'Blueberries'],
    ['Orchard drip', 'V-07', 'Apples'],
    ['Windbreak', 'V-09', 'Trees'],
  ]);

  it('is not followed into another row when the recorded row kept its words one place down', () => {
    // "Zone 3 water amount" is Berry rows' field now; the recorded row (Orchard drip, V-07) is Zone 4.
    const recorded = record(before, '[name="zone3_mm"]');
    expect(['Orchard drip', 'refused']).toContain(actedOn(resolveOn(after, recorded)));
  });

  it('is not found by its numbered name or field name, though the recorded row also changed', () => {
    // Orchard drip now grows pears: its row is kept nowhere word for word, and its field name
    // (zone3_mm) and label (Zone 3 …) are Berry rows' now.
    const recorded = record(before, '[name="zone3_mm"]');
    const changed = zones([
      ['Greenhouse', 'V-01', 'Tomatoes'],
      ['Garden beds', 'V-02', 'Vegetables'],
      ['Berry rows', 'V-05', 'Blueberries'],
      ['Orchard drip', 'V-07', 'Pears'],
      ['Windbreak', 'V-09', 'Trees'],
    ]);
    expect(['Orchard drip', 'refused']).toContain(actedOn(resolveOn(changed, recorded)));
  });

  it('still names the field when nothing moved', () => {
    const recorded = record(before, '[name="zone3_mm"]');
    expect(actedOn(resolveOn(before, recorded))).toBe('Orchard drip');
  });
});

describe('an entry whose place in the list changed', () => {
  const rotation = (maps: readonly string[]) =>
    `<main><h1>Map rotation</h1><ol>${maps
      .map(
        (map, index) =>
          `<li data-row="${map}"><span>${index + 1}</span> <strong>${map}</strong> <label>Mode <select><option>Conquest</option><option>Team deathmatch</option><option>Capture the flag</option></select></label> <span>Medium</span> <button type="button">Remove</button></li>`,
      )
      .join('')}</ol></main>`;
  const before = rotation(['Harbor', 'Dust Quarry', 'Frostbite', 'Old Town', 'Refinery']);

  it('is not taken for a new namesake that took its place ("4 Old Town" → "4 Old Town (Night)", "5 Old Town")', () => {
    const recorded = record(before, 'li:nth-child(4) select');
    const after = rotation(['Skyline', 'Harbor', 'Dust Quarry', 'Old Town (Night)', 'Old Town', 'Refinery']);
    expect(['Old Town', 'refused']).toContain(actedOn(resolveOn(after, recorded)));
  });

  it('is found one place down when an entry was inserted above and nothing looks like it', () => {
    const recorded = record(before, 'li:nth-child(4) select');
    const after = rotation(['Skyline', 'Harbor', 'Dust Quarry', 'Frostbite', 'Old Town', 'Refinery']);
    expect(actedOn(resolveOn(after, recorded))).toBe('Old Town');
  });
});

describe('a field in one of several copies of a section', () => {
  const w2s = (employers: readonly string[]) =>
    `<main><h1>Income</h1><form id="w2-form">${employers
      .map(
        (employer, index) =>
          `<section class="w2" aria-labelledby="h${index}"><header><h2 id="h${index}">W-2 from ${employer}</h2><button type="button">Remove W-2</button></header><div class="grid2">${[
            'Box 1 · Wages, tips, other compensation',
            'Box 2 · Federal income tax withheld',
            'Box 4 · Social security tax withheld',
            'Box 17 · State income tax',
          ]
            .map(
              (label, box) =>
                `<div class="field"><label for="f${index}-${box}">${label}</label><input id="f${index}-${box}" name="w2[${index}].box${box}" type="text"></div>`,
            )
            .join('')}</div></section>`,
      )
      .join('')}</form></main>`;

  it('is found in its own copy when one is inserted above: other fields named a little alike do not split it', () => {
    const recorded = record(w2s(['Brightwater Logistics LLC', 'Northgate Coffee Co.']), '#f1-1');
    const result = resolveOn(
      w2s(['Cedar & Pine Design Studio', 'Brightwater Logistics LLC', 'Northgate Coffee Co.']),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect(result.element.closest('section')?.querySelector('h2')?.textContent).toBe('W-2 from Northgate Coffee Co.');
      expect(result.element.previousElementSibling?.textContent).toBe('Box 2 · Federal income tax withheld');
    }
  });
});
