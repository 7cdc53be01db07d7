/**
 * What a form field's label asks for, however the copy words it: address and contact fields go by
 * several standard names ("ZIP code" / "Postal code" / "Postcode", "Surname" / "Last name"), the
 * meanings the HTML autocomplete tokens name. Kept to names that never mean anything else, so a
 * reworded label is recognised and another field ("Mobile phone" beside "Home phone") is not.
 */
import { normalizeText, singular, textSimilarity } from './text';

/** Phrases of one meaning → one word standing for them. Longest first, so "zip code" wins over "zip". */
const FIELD_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:zip|postal|post)[ -]?code\b|\bpostcode\b|\bzip\b/g, 'postalcode'],
  [/\b(?:last|family)[ -]name\b|\bsurname\b/g, 'lastname'],
  [/\b(?:first|given)[ -]name\b|\bforename\b/g, 'firstname'],
  [/\btelephone(?: number)?\b|\bphone number\b/g, 'phone'],
  [/\btown\b/g, 'city'],
  [/\bstreet address\b|\baddress line 1\b/g, 'street'],
  // Units and abbreviations a label may write either way ("Pitch (°)", "Max draft").
  [/°|\bdeg\b/g, ' degrees '],
  [/%|\bpct\b/g, ' percent '],
  [/\bmax\b\.?/g, 'maximum'],
  [/\bmin\b\.?/g, 'minimum'],
  [/\bqty\b\.?/g, 'quantity'],
];

/** The label lower-cased with each field's standard names as one word ("Qty" and "Quantity" alike). */
export function canonicalFieldText(label: string): string {
  let text = normalizeText(label).toLowerCase();
  for (const [phrase, word] of FIELD_PHRASES) text = text.replace(phrase, word);
  // One word in the singular or the plural ("Pages" / "Page range").
  return text.replace(/\p{L}+/gu, singular);
}

/** Word similarity of two field labels, with standard names of one field counted as the same word. */
export function fieldNameSimilarity(recorded: string, candidate: string): number {
  const plain = textSimilarity(recorded, candidate);
  if (plain === 1) return plain;
  return Math.max(plain, textSimilarity(canonicalFieldText(recorded), canonicalFieldText(candidate)));
}
