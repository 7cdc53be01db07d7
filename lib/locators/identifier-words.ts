/**
 * The words a developer named a form field by ("condition_notes", "remindSms"), and whether a label now
 * says them: a label rewritten to what the code always called the field ("Describe any marks, stains or
 * repairs" → "Condition notes", `name="condition_notes"` dropped) still names that field.
 */
import { contentTokens, identifierTokens, singular } from './text';

/** Parts of identifiers that say what kind of thing it is, not which field. */
const GENERIC_PARTS = new Set([
  'btn',
  'button',
  'cb',
  'check',
  'checkbox',
  'chk',
  'col',
  'control',
  'ctl',
  'ctrl',
  'data',
  'edit',
  'el',
  'field',
  'fld',
  'form',
  'id',
  'input',
  'inp',
  'item',
  'new',
  'opt',
  'option',
  'row',
  'sel',
  'select',
  'txt',
  'text',
  'textarea',
  'val',
  'value',
]);
/** Shortest part that counts ("sms", "vat"; not "a", "is"). */
const MIN_PART_LENGTH = 3;
/** Parts an identifier needs before its words say which field it is (one word, "notes", is any note). */
export const MIN_IDENTIFIER_WORDS = 2;
/** Letters a label's word may add to an identifier's ("remind" → "reminder"). */
const MAX_ADDED_LETTERS = 3;

/** The words of an identifier: split at punctuation, digits and camelCase humps, lower-cased, generic parts dropped. */
export function identifierWords(identifier: string | undefined): string[] {
  if (!identifier) return [];
  // Numbers stay words of their own: "address_line1" is not "Address line 2".
  const parts = identifierTokens(identifier)
    .flatMap((token) => token.split(/(?<=\D)(?=\d)|(?<=\d)(?=\D)/))
    .filter((part) => /^\d+$/.test(part) || (part.length >= MIN_PART_LENGTH && !GENERIC_PARTS.has(part)));
  return [...new Set(parts.map(singular))];
}

/** Whether every identifier word is a word of the label, or the start of one ("remind" of "reminder"). */
export function labelSaysIdentifier(words: readonly string[], label: string): boolean {
  if (words.length < MIN_IDENTIFIER_WORDS) return false;
  const tokens = contentTokens(label).map(singular);
  return words.every((word) =>
    tokens.some(
      (token) =>
        token === word ||
        (/^\p{L}+$/u.test(word) && token.startsWith(word) && token.length - word.length <= MAX_ADDED_LETTERS),
    ),
  );
}
