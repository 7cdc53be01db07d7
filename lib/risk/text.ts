/**
 * Text folding and word matching for the risk classifier.
 *
 * Labels on real pages come in any case, with or without diacritics, in scripts with and without
 * spaces between words. Everything is folded the same way (lowercase, diacritics and Arabic vowel
 * marks dropped, a few letters that do not decompose mapped by hand) so that one spelling in
 * `words.ts` matches "Löschen", "LOSCHEN" and "löschen". Latin, Cyrillic, Arabic and Devanagari
 * phrases match on whole words, so "post" never fires on "Posts" or "compost"; Chinese, Japanese
 * Korean and Thai phrases match as substrings, because those scripts do not put spaces between words and
 * Korean glues endings onto verbs ("삭제하기").
 */

/** Combining diacritics (U+0300–036F) plus Arabic harakat and hamza marks, dropped when folding. */
const FOLDED_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;

/** Letters that have no Unicode decomposition but that people type without the stroke. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  æ: 'ae',
  œ: 'oe',
  ё: 'е',
  ى: 'ي',
  ة: 'ه',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** A word: letters (with their combining marks, which Devanagari vowel signs are) and digits. */
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;

/** Scripts written without spaces between words, where a phrase can only be found as a substring. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

export function foldText(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(FOLDED_MARKS, '')
    .normalize('NFC')
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/**
 * Splits identifiers the way developers write them ("btnDelete", "fa-trash-can", "trash3",
 * "delete_forever") into words. Used for class names, ids, URLs and icon names, never for labels.
 */
export function splitIdentifier(raw: string): string {
  return raw
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
}

/** Folded text and its words, computed once per label and matched against many lexicons. */
export interface FoldedText {
  readonly folded: string;
  readonly words: readonly string[];
}

export function prepareText(raw: string): FoldedText {
  const folded = foldText(raw);
  return { folded, words: folded.match(WORD_PATTERN) ?? [] };
}

interface WordEntry {
  readonly phrase: string;
  readonly kind: 'words';
  readonly words: readonly string[];
  /** A trailing `*` in the source list: the last word may continue ("lösch*" → "löschen"). */
  readonly prefixLast: boolean;
}
interface SubstringEntry {
  readonly phrase: string;
  readonly kind: 'substring';
  readonly text: string;
}
type LexiconEntry = WordEntry | SubstringEntry;

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
}

export function compileLexicon(phrases: readonly string[]): Lexicon {
  const entries: LexiconEntry[] = [];
  for (const phrase of phrases) {
    const prefixLast = phrase.endsWith('*');
    const body = prefixLast ? phrase.slice(0, -1) : phrase;
    const folded = foldText(body).trim();
    if (folded.length === 0) continue;
    if (UNSPACED_SCRIPT.test(folded)) {
      entries.push({ phrase, kind: 'substring', text: folded.replace(/\s+/g, '') });
      continue;
    }
    const words = folded.match(WORD_PATTERN) ?? [];
    if (words.length > 0) entries.push({ phrase, kind: 'words', words, prefixLast });
  }
  return { entries };
}

function matchesAt(text: readonly string[], start: number, entry: WordEntry): boolean {
  const last = entry.words.length - 1;
  for (let offset = 0; offset <= last; offset++) {
    const word = text[start + offset];
    const wanted = entry.words[offset] as string;
    if (word === undefined) return false;
    if (offset === last && entry.prefixLast ? !word.startsWith(wanted) : word !== wanted) return false;
  }
  return true;
}

function matchesEntry(text: FoldedText, entry: LexiconEntry): boolean {
  if (entry.kind === 'substring') {
    return text.folded.replace(/\s+/g, '').includes(entry.text);
  }
  for (let start = 0; start + entry.words.length <= text.words.length; start++) {
    if (matchesAt(text.words, start, entry)) return true;
  }
  return false;
}

/**
 * The first phrase of the lexicon found in the text (as written in the list), or null. Phrases
 * whose folded form is in `skip` are passed over (a commit word that is also a bare "Confirm").
 */
export function findPhrase(text: FoldedText, lexicon: Lexicon, skip?: ReadonlySet<string>): string | null {
  if (text.folded.length === 0) return null;
  for (const entry of lexicon.entries) {
    if (skip?.has(foldedPhrase(entry))) continue;
    if (matchesEntry(text, entry)) return entry.phrase.replace(/\*$/, '');
  }
  return null;
}

function foldedPhrase(entry: LexiconEntry): string {
  return entry.kind === 'substring' ? entry.text : entry.words.join(' ');
}

/** The folded phrases of a lexicon, to pass as `skip`. */
export function phraseSet(lexicon: Lexicon): ReadonlySet<string> {
  return new Set(lexicon.entries.map(foldedPhrase));
}

/** Shortens text shown to the user in a reason, on a character boundary. */
export function clip(raw: string, max: number): string {
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
