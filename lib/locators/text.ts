/**
 * Text normalisation, token similarity and generated-value detection shared by recording and replay.
 *
 * Similarity works on normalised tokens rather than exact strings so that case, whitespace, punctuation
 * and changing numbers ("43 min ago" → "45 min ago") do not break a match, while different words do.
 */
import { cachedOfText } from './read-cache';

/** Tokens that carry almost no meaning on their own: "Add to cart" vs "Add to wishlist" must not look alike. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'your',
  'my',
  'this',
]);

/** Credit for two tokens equal only after replacing their digits ("t-1030" vs "t-1031"). */
const DIGIT_VARIANT_CREDIT = 0.5;

export function normalizeText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(/[\u200b\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function truncate(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max);
}

/**
 * Lower-cased word tokens; punctuation splits words but is kept inside tokens like "t-1030", "3rd" or
 * "#47", and a colon between digits too: "14:00" is one time, not the "14" of "Fri 14 Jun" and an "00".
 */
export function tokenize(value: string | null | undefined): string[] {
  if (!value) return [];
  // A copy: callers may change what they get.
  return cachedOfText('tokens', value, readTokens).slice();
}

/**
 * A decimal comma ("1,85 m", "12,5 kg"): one or two digits after it, so "1,850" stays a thousands group,
 * and not in a list ("1,2,3").
 */
const DECIMAL_COMMA = /(?<!,\d*)(\d),(\d{1,2})(?![\d,])/g;

function readTokens(value: string): string[] {
  // "#47" names a record (an issue, an order): kept apart from a counter like "47 comments". A decimal
  // comma reads as a point: a translated page writes "1,85 m" for the "1.85 m" it was recorded with.
  const words = value
    .replace(DECIMAL_COMMA, '$1.$2')
    .toLowerCase()
    .match(/#\d+(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+|(?<=\d):\d+)*/gu);
  return words ?? [];
}

/** Tokens without stop words; falls back to all tokens when nothing else is left ("To", "On"). */
export function contentTokens(value: string | null | undefined): string[] {
  if (!value) return [];
  return cachedOfText('content tokens', value, readContentTokens).slice();
}

function readContentTokens(value: string): string[] {
  const all = tokenize(value);
  const content = all.filter((token) => !STOP_WORDS.has(token));
  return content.length > 0 ? content : all;
}

/** The value with each run of digits as '#': "Stair 2" and "Stair 12" have one shape. */
export function digitShape(token: string): string {
  return token.replace(/\d+/g, '#');
}

export type TokenWeight = (token: string) => number;

const UNIT_WEIGHT: TokenWeight = () => 1;

/** Which tokens that differ only in their digits earn partial credit: all, or only counters ("3" vs "4"). */
export type DigitVariants = 'all' | 'counters';

/** A word with a letter in it ("rcc-0219", "brandt"; not "1904"). */
export function hasLetters(token: string): boolean {
  return /\p{L}/u.test(token);
}

/** A word of letters and digits both (a plate's "310e", a lens's "50mm"). */
export function hasLettersAndDigits(token: string): boolean {
  return hasLetters(token) && /\d/.test(token);
}

/** A counter that ticks ("3 comments" → "4 comments"), as opposed to an id, date or amount. */
const COUNTER = /^\d{1,2}$/;

/**
 * Weighted Dice coefficient on token sets: 1 for the same words, 0 for disjoint ones. Tokens that differ only
 * in their digits earn partial credit (with `digitVariants` 'counters', only 1–2 digit numbers do: around a
 * record, another id, date or amount is another record). `weight` lets replay down-weight words every
 * candidate shares.
 */
export function tokenSimilarity(
  a: readonly string[],
  b: readonly string[],
  weight: TokenWeight = UNIT_WEIGHT,
  digitVariants: DigitVariants = 'all',
): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 1;
  if (setA.size === 0 || setB.size === 0) return 0;
  let total = 0;
  for (const token of setA) total += weight(token);
  for (const token of setB) total += weight(token);
  if (total === 0) return 0;
  let shared = 0;
  const leftoverA: string[] = [];
  for (const token of setA) {
    if (setB.has(token)) shared += 2 * weight(token);
    else leftoverA.push(token);
  }
  if (leftoverA.length > 0) {
    const shapesB = new Map<string, string[]>();
    for (const token of setB) {
      if (setA.has(token) || !/\d/.test(token) || (digitVariants === 'counters' && !COUNTER.test(token))) continue;
      const shape = digitShape(token);
      const list = shapesB.get(shape) ?? [];
      list.push(token);
      shapesB.set(shape, list);
    }
    for (const token of leftoverA) {
      if (!/\d/.test(token) || (digitVariants === 'counters' && !COUNTER.test(token))) continue;
      const match = shapesB.get(digitShape(token))?.pop();
      if (match !== undefined) shared += DIGIT_VARIANT_CREDIT * (weight(token) + weight(match));
    }
  }
  return Math.min(1, shared / total);
}

export function textSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const tokensA = contentTokens(a);
  const tokensB = contentTokens(b);
  // Symbol-only texts ("✎" vs "🗑") have no word tokens; they are alike only when identical.
  if (tokensA.length === 0 && tokensB.length === 0) return normalizeText(a) === normalizeText(b) ? 1 : 0;
  // "Checkout" vs "Check out", "E-mail" vs "Email": the same words written differently.
  if (
    tokensA.join('') === tokensB.join('').replace(/[-'.]/g, '') ||
    tokensA.join('').replace(/[-'.]/g, '') === tokensB.join('')
  ) {
    return 1;
  }
  return tokenSimilarity(tokensA, tokensB);
}

// --- generated-looking values -------------------------------------------------------------------------------

/** Values longer than this are never treated as stable identifiers. */
const MAX_STABLE_VALUE_LENGTH = 64;
/** A run of this many digits reads as a database key or counter, not a name ("row-48213", "ember1234"). */
const GENERATED_DIGIT_RUN = 3;
/** Lower→upper case switches inside one word that read as a hash ("kZxVvG") rather than camelCase. */
const GENERATED_CASE_SWITCHES = 3;

const GUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/i;
const HEX_BLOB = /(?:^|[-_])[0-9a-f]{8,}(?:$|[-_])/i;
/**
 * React useId (`:r4:`, `:R1a:`, React 19 `«r4»`), Closure/Gmail ids (`:9p`), numbered component-library ids
 * (`mat-input-4`, `cdk-overlay-2`), Radix/Headless UI style prefixes, Ember/ExtJS/YUI/GWT.
 */
const FRAMEWORK_ID =
  /^(?:[:«]|.*:r[0-9a-z]+:.*|(?:mat|cdk|mdc|ng|ngb|p|pr_id|ui|el|vs|q|v|tippy|popper|floating-ui|chakra|mantine|headlessui-[a-z]+)-[a-z-]*\d+$|radix-|headlessui-|react-select-\d|react-aria\d|mui-\d|ember\d|ext-(?:gen|comp)|yui_|gwt-uid|downshift-\d|rc-[a-z]+-\d|__next|v-[0-9a-f]{6})/i;
/** CSS-in-JS prefixes: emotion `css-1x2y3z`, styled-components `sc-AxjAm`, JSS `makeStyles-root-12`, svelte-xyz. */
const CSS_IN_JS =
  /^(?:css|sc|jsx|emotion|styled|svelte|astro|tw|jss|makeStyles|chakra|mantine|e)-[A-Za-z0-9_-]*[A-Za-z0-9]{4,}$/;
/** CSS modules: `Button_primary__3xk9a`, `button-module__primary___aB3dE`. */
const CSS_MODULE = /_{2,3}[A-Za-z0-9-]{4,}$/;

function caseSwitches(word: string): number {
  let switches = 0;
  for (let index = 1; index < word.length; index++) {
    const previous = word.charAt(index - 1);
    const current = word.charAt(index);
    if (previous >= 'a' && previous <= 'z' && current >= 'A' && current <= 'Z') switches++;
  }
  return switches;
}

function looksLikeHashSegment(segment: string): boolean {
  if (segment.length < 4) return false;
  const letters = segment.replace(/[^A-Za-z]/g, '').length;
  const digits = segment.replace(/\D/g, '').length;
  // "1x2y3z", "j8ko6", "3pEaI": digits interleaved with letters, not a version suffix like "h2" or "utf8".
  if (letters > 0 && digits > 0 && /\d[A-Za-z]/.test(segment) && /[A-Za-z]\d|\d[A-Za-z].*[A-Za-z]/.test(segment)) {
    return true;
  }
  if (segment.length <= 10 && caseSwitches(segment) >= GENERATED_CASE_SWITCHES) return true;
  return false;
}

/** True for ids, classes and attribute values a build or framework regenerates; such values make fragile locators. */
export function isGeneratedValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_STABLE_VALUE_LENGTH) return true;
  if (GUID.test(trimmed) || HEX_BLOB.test(trimmed)) return true;
  if (FRAMEWORK_ID.test(trimmed) || CSS_IN_JS.test(trimmed) || CSS_MODULE.test(trimmed)) return true;
  if (new RegExp(`\\d{${GENERATED_DIGIT_RUN},}`).test(trimmed)) return true;
  return trimmed.split(/[-_:.]+/).some(looksLikeHashSegment);
}

/**
 * The stable part of a class name: CSS-module hashes are stripped (`Field_fieldInput__j8ko6` → `Field_fieldInput`)
 * so fingerprints still compare across builds; returns null when nothing stable is left.
 */
export function stableClassStem(className: string): string | null {
  const stem = className.replace(CSS_MODULE, '');
  if (stem !== className && stem.length >= 2 && !isGeneratedValue(stem)) return stem;
  return isGeneratedValue(className) ? null : className;
}

/**
 * An id ending in a number ("address-line-2", "field-4") may be a counter that renumbers when something is
 * inserted above it; it still makes a locator, but never vouches for an element on its own.
 */
export function isNumberedValue(value: string): boolean {
  return /\d$/.test(value.trim());
}

/**
 * A field name that numbers its place in a list ("dependants[1].tin", "q66402:1_sub1", "items.0.qty"):
 * the list is renumbered when an entry is inserted or removed, so the name then belongs to another entry.
 */
export function isIndexedName(value: string): boolean {
  return isNumberedValue(value) || /\[\d+\]|[._]\d+[._]/.test(value);
}

/**
 * An id or test id that numbers its element's place in a list ("g1-doc", "item-5-price",
 * "contact-2-email", "q7", "input-43"): the numbering moves to another entry when one is inserted,
 * removed or re-sorted: one ending in a digit, or with a part of up to two letters and three digits.
 */
export function isIndexedId(value: string): boolean {
  return isNumberedValue(value) || value.split(/[-_.:[\]\s]+/).some((part) => /^[a-z]{0,2}\d{1,3}$/i.test(part));
}

/** Choice values that mean "checked" in any group, so they never tell two controls apart. */
const GENERIC_CHOICE_VALUES = new Set(['on', 'off', 'yes', 'no', 'true', 'false', 'y', 'n', 'none', 'other', 'all']);

/**
 * A value that names what was chosen ("annually", "express-shipping"): at least three letters, not a
 * number or generated id, and not a generic on/yes/true.
 */
export function isWordedValue(value: string): boolean {
  const trimmed = value.trim().toLowerCase();
  return /[a-z].*[a-z].*[a-z]/.test(trimmed) && !isGeneratedValue(trimmed) && !GENERIC_CHOICE_VALUES.has(trimmed);
}

/** True when the text has at least one letter or digit (not just icons, emoji or punctuation). */
export function hasWords(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

/** Words of an identifier: `billing_country`, `address[billing][country_code]`, `billingCountry` → billing, country… */
export function identifierTokens(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** 1 for the same identifier, partial credit for shared words (a refactored field name), 0 otherwise. */
export function identifierSimilarity(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  if (a === b) return 1;
  return tokenSimilarity(identifierTokens(a), identifierTokens(b));
}

/** The same text, ignoring case and runs of white space. */
export function equalText(a: string, b: string): boolean {
  return a === b || foldedText(a) === foldedText(b);
}

function foldedText(value: string): string {
  return cachedOfText('folded', value, (text) => normalizeText(text).toLowerCase());
}

/** Both lists hold words and none is in both ("Hokusai: Waves and Wind" / "Ansel Adams: The Mural Project"). */
export function noWordShared(a: readonly string[], b: readonly string[]): boolean {
  const other = new Set(b);
  return a.length > 0 && other.size > 0 && !a.some((token) => other.has(token));
}

/** `part` holds words and every one of them is in `whole` ("Save" in "Save product"). */
export function wordsWithin(part: readonly string[], whole: readonly string[]): boolean {
  const other = new Set(whole);
  return part.length > 0 && part.every((token) => other.has(token));
}

/** A word's singular, roughly ("lots" → "lot", "invitations" → "invitation"; "class" kept): both sides of a comparison are mapped alike. */
export function singular(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !/\d/.test(token)
    ? token.slice(0, -1)
    : token;
}
