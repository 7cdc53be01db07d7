import { afterEach, describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { fieldNameSimilarity } from '@/lib/locators/field-words';
import { textSimilarity } from '@/lib/locators/text';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('fieldNameSimilarity', () => {
  it('counts standard names of one field as the same words', () => {
    expect(fieldNameSimilarity('Postal code', 'ZIP code')).toBe(1);
    expect(fieldNameSimilarity('Postcode', 'Zip')).toBe(1);
    expect(fieldNameSimilarity('Surname', 'Last name')).toBe(1);
    expect(fieldNameSimilarity('Given name', 'First name')).toBe(1);
    expect(fieldNameSimilarity('Telephone number', 'Phone')).toBe(1);
    expect(fieldNameSimilarity('Billing postcode', 'Billing ZIP code')).toBe(1);
  });

  it('leaves other fields as different as their words are', () => {
    expect(fieldNameSimilarity('Mobile phone', 'Home phone')).toBe(textSimilarity('Mobile phone', 'Home phone'));
    expect(fieldNameSimilarity('Address line 2', 'Street address')).toBeLessThan(0.6);
    expect(fieldNameSimilarity('First name', 'Last name')).toBe(textSimilarity('First name', 'Last name'));
  });
});

const block = (title: string, prefix: string, postal: string) => `<section><h2>${title}</h2>
  <label for="${prefix}-street">Street</label><input id="${prefix}-street" name="${prefix}[street]" value="">
  <label for="${prefix}-city">City</label><input id="${prefix}-city" name="${prefix}[city]">
  <label for="${prefix}-zip">${postal}</label><input id="${prefix}-zip" name="${prefix}[zip]"></section>`;

describe('a field whose label was reworded to a standard synonym', () => {
  it('is found in its own section ("Postal code" → "ZIP code" in both address blocks)', () => {
    document.body.innerHTML = `<main><h1>Checkout</h1><form>${block('Shipping address', 'ship', 'Postal code')}
      ${block('Billing address', 'bill', 'Postal code')}<button>Pay</button></form></main>`;
    const target = describeElement(document.querySelector('#bill-zip') as Element);
    document.body.innerHTML = `<main><h1>Checkout</h1><form>${block('Shipping address', 'f1', 'ZIP code')}
      ${block('Billing address', 'f2', 'ZIP code')}<button>Pay</button></form></main>`;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('f2-zip');
  });
});
