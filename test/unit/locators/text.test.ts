import { describe, expect, it } from 'vitest';
import {
  contentTokens,
  isGeneratedValue,
  noWordShared,
  stableClassStem,
  textSimilarity,
  wordsWithin,
} from '@/lib/locators/text';

describe('isGeneratedValue', () => {
  it.each([
    'css-1x2y3z',
    'sc-AxjAm',
    'Button_primary__3xk9a',
    '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    ':r4:',
    '«r6»',
    ':9p',
    'ember123',
    'row-48213',
    'mat-input-4',
    'kZxVvG',
    'x'.repeat(100),
  ])('flags %s as generated', (value) => {
    expect(isGeneratedValue(value)).toBe(true);
  });

  it.each(['nl-email', 'room', 'billing_country', 'search-input', 'btn-primary', 'address-line-2', 'main'])(
    'keeps %s as a stable value',
    (value) => {
      expect(isGeneratedValue(value)).toBe(false);
    },
  );

  it('strips CSS-module hashes down to the stable class stem', () => {
    expect(stableClassStem('Field_fieldInput__j8ko6')).toBe('Field_fieldInput');
    expect(stableClassStem('css-1x2y3z')).toBeNull();
    expect(stableClassStem('btn')).toBe('btn');
  });
});

describe('textSimilarity', () => {
  it('ignores case, whitespace and punctuation', () => {
    expect(textSimilarity('  Save   Changes ', 'save changes!')).toBe(1);
  });

  it('gives partial credit to numbers that changed', () => {
    const similarity = textSimilarity('updated 43 min ago', 'updated 45 min ago');
    expect(similarity).toBeGreaterThan(0.6);
    expect(similarity).toBeLessThan(1);
  });

  it('does not let stop words make different actions look alike', () => {
    expect(textSimilarity('Add to cart', 'Add to wishlist')).toBeLessThan(0.6);
  });

  it('treats different icon glyphs as different names', () => {
    expect(textSimilarity('✎', '🗑')).toBe(0);
  });

  it('treats words written together or apart as the same', () => {
    expect(textSimilarity('Checkout', 'Check out')).toBe(1);
  });
});

describe('noWordShared and wordsWithin', () => {
  const words = contentTokens;
  it('tells word lists that share nothing, never for an empty one', () => {
    expect(noWordShared(words('Hokusai: Waves and Wind'), words('Ansel Adams: The Mural Project'))).toBe(true);
    expect(noWordShared(words('Hokusai: Waves and Wind'), words('Hokusai: Waves, Wind and Mount Fuji'))).toBe(false);
    expect(noWordShared([], words('Billing'))).toBe(false);
    expect(noWordShared(words('Billing'), [])).toBe(false);
  });

  it('tells when every word of one list is in another, never for an empty part', () => {
    expect(wordsWithin(words('Membership'), words('Auto-renew membership'))).toBe(true);
    expect(wordsWithin(words('Save product'), words('Save'))).toBe(false);
    expect(wordsWithin([], words('Save'))).toBe(false);
  });
});
