import { describe, expect, it } from 'vitest';
import { record, resolveOn } from './page-pairs';

const QUESTIONS = [
  ['ownership', 'Have you had an ownership interest in another property in the last three years?'],
  ['borrowed', 'Are you borrowing any money for this real estate transaction?'],
  ['judgments', 'Are there any outstanding judgments against you?'],
  ['lawsuit', 'Are you a party to a lawsuit in which you potentially have any personal financial liability?'],
] as const;

const section = (index: number, person: string, role: string) =>
  `<section><h2>${person} <small>${role}</small></h2><ol>${QUESTIONS.map(
    ([key, question]) =>
      `<li><p>${question}</p><label><input type="radio" name="b${index}_${key}" value="yes"> Yes</label> <label><input type="radio" name="b${index}_${key}" value="no"> No</label></li>`,
  ).join('')}</ol></section>`;

const page = (sections: string) => `<main><h1>Declarations</h1><form id="decl-form">${sections}</form></main>`;

describe('the same questions asked again in a section added for someone else', () => {
  const before = page(section(1, 'Jordan Patel', 'Borrower'));

  it("are that person's: the recorded answer stays in the section under the recorded heading", () => {
    const recorded = record(before, '[name="b1_lawsuit"][value="no"]');
    const result = resolveOn(
      page(section(1, 'Jordan Patel', 'Borrower') + section(2, 'Priya Patel', 'Co-borrower')),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('name')).toBe('b1_lawsuit');
  });
});

describe('a field split in two, a primary and an added one', () => {
  const GENRES = ['Select genre…', 'Alternative', 'Indie pop', 'Folk', 'Electronic', 'Jazz'];
  const select = (id: string, label: string) =>
    `<div class="field"><label for="${id}">${label}</label><select id="${id}">${GENRES.map((genre) => `<option>${genre}</option>`).join('')}</select></div>`;
  const mood = `<div class="field"><label for="mood">Mood</label><select id="mood"><option>Select mood…</option><option>Chill</option><option>Upbeat</option></select></div>`;
  const form = (fields: string) =>
    `<main><h1>Pitch a song</h1><form id="pitch">${fields}${mood}<button type="submit">Submit pitch</button></form></main>`;

  it('is the primary one ("Genre" → "Primary genre" beside a new "Secondary genre (optional)")', () => {
    const recorded = record(form(select('genre', 'Genre')), '#genre');
    const result = resolveOn(
      form(
        `<div class="row">${select('genre-1', 'Primary genre')}${select('genre-2', 'Secondary genre (optional)')}</div>`,
      ),
      recorded,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('genre-1');
  });

  it('is not the added one when no primary one is there', () => {
    const recorded = record(form(select('genre', 'Genre')), '#genre');
    expect(resolveOn(form(select('genre-2', 'Secondary genre (optional)')), recorded).status).not.toBe('found');
  });
});
