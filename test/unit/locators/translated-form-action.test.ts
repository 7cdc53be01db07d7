import { describe, expect, it } from 'vitest';
import { sameFormTranslated } from '@/lib/locators/resolve';
import { record, resolveOn } from './page-pairs';

describe('a form across a translation', () => {
  it("is the same with its route prefixed by the page's language", () => {
    expect(sameFormTranslated('action:/booking/vehicle', 'en', 'action:/de/booking/vehicle', 'de')).toBe(true);
    expect(sameFormTranslated('action:/en/booking/vehicle', 'en', 'action:/pt-BR/booking/vehicle', 'pt-br')).toBe(true);
    expect(sameFormTranslated('action:/booking', 'en', 'action:/zh-hant/booking', 'zh-hant')).toBe(true);
    expect(sameFormTranslated('#booking', 'en', '#booking', 'de')).toBe(true);
  });

  it('is another where the prefix is not the language the page is in, or the route itself changed', () => {
    // "/hr/" and "/it/" are departments on a page in German.
    expect(sameFormTranslated('action:/hr/requests/new', 'en', 'action:/it/requests/new', 'de')).toBe(false);
    expect(
      sameFormTranslated('action:/tickets/4471/notes/new', 'en', 'action:/de/tickets/4471/replies/new', 'de'),
    ).toBe(false);
    expect(sameFormTranslated('action:/orders/LB-20418/histo', 'en', 'action:/de/auftraege/LB-20418/histo', 'de')).toBe(
      false,
    );
    expect(sameFormTranslated('action:/booking', 'en', 'action:/de/booking', undefined)).toBe(false);
    expect(sameFormTranslated('action:/booking', 'en', undefined, 'de')).toBe(false);
  });
});

describe('a field of a translated form whose route gained the language', () => {
  const page = (lang: string, action: string, fields: string) =>
    `<main lang="${lang}"><h1>LB-20418</h1><form action="${action}">${fields}<button>Submit</button></form><form action="/newsletter"><textarea name="note"></textarea></form></main>`;
  const area = (id: string, label: string, name: string) =>
    `<label for="${id}">${label}</label><textarea id="${id}" name="${name}"></textarea>`;
  const english = page(
    'en',
    '/orders/LB-20418/histo',
    `${area('h-site', 'Biopsy site', 'site')}${area('h-history', 'Clinical history', 'clinical_history')}${area('h-meds', 'Current medication', 'medication')}`,
  );
  const german = (action: string) =>
    page(
      'de',
      action,
      `${area('fld-1', 'Entnahmestelle', 'site')}${area('fld-2', 'Aktuelle Medikation', 'medication')}${area('fld-3', 'Klinische Anamnese', 'clinical_history')}`,
    );

  it('is found by the field name it kept, though the fields were reordered', () => {
    const target = record(english, '#h-history');
    const result = resolveOn(german('/de/orders/LB-20418/histo'), target);
    expect(result.status === 'found' && result.element.id).toBe('fld-3');
  });

  it("is not the field of that name in another record's form", () => {
    const target = record(english, '#h-history');
    expect(resolveOn(german('/de/orders/LB-20419/histo'), target).status).not.toBe('found');
  });
});
