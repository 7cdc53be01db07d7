import { describe, expect, it } from 'vitest';
import { record, resolveOn } from './page-pairs';

const players = [
  ['19', 'Hana Takeda', 'Midfielder'],
  ['4', 'Ruby Chen', 'Defender'],
  ['7', 'Isla Reid', 'Forward'],
  ['1', 'Kofi Danso', 'Goalkeeper'],
] as const;

/** Each checkbox named for its player by an aria-label. */
const before = `<main><h1>Availability · Sat 19 Oct</h1><ul>${players
  .map(
    ([number, name, position], index) =>
      `<li><span>${number}</span> <span>${name}</span> <span>${position}</span> <input type="checkbox" aria-label="${name} available"> <a href="/players/${index}/notes">Note</a></li>`,
  )
  .join('')}</ul></main>`;

/** The same list grouped by position, each checkbox in a toggle that reads "Available". */
const redesigned = (rows: readonly (readonly [string, string, string])[]) =>
  `<main><h1>Availability · Sat 19 Oct</h1>${rows
    .map(
      ([number, name, position], index) =>
        `<section><h2>${position}s</h2><ul><li><span>${number}</span> <span>${name}</span> <label class="toggle"><input type="checkbox"> <span>Available</span></label> <a href="/players/${index}/notes">Note</a></li></ul></section>`,
    )
    .join('')}</main>`;

describe('a field whose aria-label named its record, dropped for the label it shows', () => {
  it('is found by the record\'s words around it ("Hana Takeda available" → "Available" in her row)', () => {
    const recorded = record(before, 'li:nth-child(1) input');
    const result = resolveOn(redesigned(players), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('li')?.textContent).toContain('Hana Takeda');
  });

  it('is refused when that record is gone: the others are named "Available" too', () => {
    const recorded = record(before, 'li:nth-child(1) input');
    expect(resolveOn(redesigned(players.slice(1)), recorded).status).not.toBe('found');
  });
});
