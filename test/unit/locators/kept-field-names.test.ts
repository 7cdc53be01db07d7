import { describe, expect, it } from 'vitest';
import { textSimilarity, tokenize } from '@/lib/locators/text';
import { record, resolveOn } from './page-pairs';

/** A ferry booking's vehicle step: the vehicle's height select and a trailer's with the same options. */
function vehicleStep(lang: 'en' | 'fr'): string {
  const words =
    lang === 'en'
      ? { height: 'Vehicle height', trailer: 'Trailer height', upTo: 'Up to', over: 'Over', choose: 'Choose…' }
      : {
          height: 'Hauteur du véhicule',
          trailer: 'Hauteur de la remorque',
          upTo: 'Jusqu’à',
          over: 'Plus de',
          choose: 'Choisir…',
        };
  const decimal = (value: string) => (lang === 'fr' ? value.replace('.', ',') : value);
  const options = `<option value="">${words.choose}</option><option value="h185">${words.upTo} ${decimal('1.85')} m</option><option value="h240">${decimal('1.85')} m – ${decimal('2.40')} m</option><option value="h300">${words.over} ${decimal('2.40')} m</option>`;
  return `<main lang="${lang}"><h1>Ferry booking</h1><form id="vehicle-form"><label>${words.height} <select name="vehicle_height">${options}</select></label><label>${words.trailer} <select name="trailer_height">${options}</select></label></form></main>`;
}

/** A checkout's code field: the promo code, or (withdrawn) a referral code under the same field name. */
function checkout(codeLabel: string, hint: string): string {
  return `<main><h1>Checkout</h1><form id="checkout" action="/checkout/pay"><label for="email">Email</label><input id="email" name="email" type="email"><div class="code-row"><label for="c-1">${codeLabel}</label><input id="c-1" name="code"><p class="hint">${hint}</p></div><button>Pay now</button></form></main>`;
}

describe('a decimal comma', () => {
  it('reads as a point, so a translated "1,85 m" is the recorded "1.85 m"', () => {
    expect(tokenize('Jusqu’à 1,85 m')).toEqual(['jusqu', 'à', '1.85', 'm']);
    expect(textSimilarity('12,5 kg', '12.5 kg')).toBe(1);
  });

  it('is not a thousands group, nor a list', () => {
    expect(tokenize('1,850 m')).toEqual(['1', '850', 'm']);
    expect(tokenize('Lines 1,2,3')).toEqual(['lines', '1', '2', '3']);
  });

  it('does not make a select named otherwise in the recorded form the recorded one ("trailer_height")', () => {
    const bands = (upTo: string, over: string, decimal: (value: string) => string) =>
      `<option value="">…</option><option value="h185">${upTo} ${decimal('1.85')} m</option><option value="h240">${decimal('1.85')} m – ${decimal('2.40')} m</option><option value="h300">${over} ${decimal('3.00')} m</option>`;
    const lengths = '<option value="">…</option><option value="l5">5 m</option><option value="l6">6 m</option>';
    const english = (value: string) => value;
    const french = (value: string) => value.replace('.', ',');
    const before = `<main lang="en"><form id="crossing-form" action="/booking/vehicle"><fieldset><legend>Vehicle</legend><label>Vehicle type <select name="vehicle_type"><option>Car</option><option>Van</option></select></label><label>Vehicle length <select name="vehicle_length">${lengths}</select></label><label>Vehicle height <select name="vehicle_height">${bands('Up to', 'Over', english)}</select></label></fieldset><fieldset><legend>Trailer</legend><label><input type="checkbox" name="towing"> I'm towing a trailer</label><label>Trailer length <select name="trailer_length">${lengths}</select></label><label>Trailer height <select name="trailer_height">${bands('Up to', 'Over', english)}</select></label></fieldset><button>Continue</button></form></main>`;
    // The vehicle questions moved to the first step: the trailer's fieldset comes first now.
    const after = `<main lang="fr"><p>Votre véhicule a été enregistré à l’étape 1.</p><form id="crossing-form" action="/booking/vehicle"><fieldset><legend>Remorque</legend><label><input type="checkbox" name="towing"> Je tracte une remorque</label><label>Longueur de la remorque <select name="trailer_length">${lengths}</select></label><label>Hauteur de la remorque <select name="trailer_height">${bands('Jusqu’à', 'Plus de', french)}</select></label></fieldset><button>Continuer</button></form></main>`;
    const recorded = record(before, 'select[name="vehicle_height"]');
    expect(resolveOn(after, recorded).status).not.toBe('found');
  });

  it('lets a translated select keep the choices it was recorded with ("1.85 m" → "1,85 m")', () => {
    const recorded = record(vehicleStep('en'), 'select[name="vehicle_height"]');
    const result = resolveOn(vehicleStep('fr'), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('name')).toBe('vehicle_height');
  });
});

describe('a field name kept in the recorded form', () => {
  it('does not vouch alone for a field relabelled: a new field may reuse it', () => {
    const recorded = record(checkout('Promo code', 'One code per order.'), '#c-1');
    const after = checkout(
      'Referral code',
      'Promo codes are no longer accepted; a friend’s referral code gives 10% off.',
    );
    expect(resolveOn(after.replace(/c-1/g, 'r-7'), recorded).status).not.toBe('found');
  });
});
