import { describe, expect, it } from 'vitest';
import type { ResolveResult } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

/** A visa application's section; `fields` are [label, value] pairs, each an input with an id made from its label. */
function travellerForm(heading: string, fields: [string, string][]): string {
  const slug = (label: string) => label.toLowerCase().replace(/[^a-z]+/g, '-');
  const inputs = fields
    .map(([label, value]) => `<label for="${slug(label)}">${label}</label><input id="${slug(label)}" value="${value}">`)
    .join('');
  return `<main><h1>Visa application V-2291</h1><form action="/visa/2291"><h2>${heading}</h2>${inputs}<button>Continue</button></form></main>`;
}

describe('a field that still holds what it held when recorded', () => {
  const before = travellerForm('Traveller', [
    ['Full name', 'Ana Sousa'],
    ['Passport number', 'G4821937'],
    ['Nationality', 'Portugal'],
  ]);
  // What the step would act on or ask about: the value of the one element found or offered.
  const offered = (result: ResolveResult) => {
    if (result.status === 'found') return `found ${result.element.getAttribute('value')}`;
    if (result.status === 'ambiguous' && result.candidates.length === 1)
      return `asked ${result.candidates[0]?.getAttribute('value')}`;
    return result.status;
  };
  const found = (after: string) => offered(resolveOn(after, record(before, '#passport-number')));

  it('is offered to the person, not acted on, relabelled in a new section where it alone holds that value', () => {
    const after = travellerForm('Travel document', [
      ['Document type', 'Passport'],
      ['Travel document number', 'G4821937'],
      ['Issuing country', 'Portugal'],
    ]);
    // A new field may hold the same data ("Previous employer" where "Employer" was): the person says.
    expect(found(after)).toBe('asked G4821937');
  });

  it('is not offered as a field named with none of its words that holds the same value', () => {
    const after = travellerForm('Travel document', [
      ['Document type', 'Passport'],
      ['Reference you were given', 'G4821937'],
    ]);
    expect(found(after)).toBe('not-found');
  });

  it('is not offered as one of two fields that hold it now', () => {
    const after = travellerForm('Travel document', [
      ['Travel document number', 'G4821937'],
      ['Confirm document number', 'G4821937'],
    ]);
    expect(found(after)).toBe('not-found');
  });

  it('is not offered for a single word another field may hold by chance', () => {
    // The car's colour field is gone; on the page now, the seats' trim colour happens to be silver too.
    const recorded = record(
      travellerForm('Vehicle', [
        ['Make', 'Škoda'],
        ['Colour', 'Silver'],
      ]),
      '#colour',
    );
    const after = travellerForm('Interior', [
      ['Seat material', 'Leather'],
      ['Trim colour', 'Silver'],
    ]);
    expect(offered(resolveOn(after, recorded))).toBe('not-found');
  });
});
