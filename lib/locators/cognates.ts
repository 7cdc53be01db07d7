/**
 * Words that look alike across languages ("Frequency" / "Frecuencia", "Edit" / "Editar", "Section" /
 * "Sección"). On a page translated since recording, a name whose every word has such a counterpart in a
 * candidate's name is a hint where nothing else in words is; resolve.ts uses it only among candidates
 * that passed every other check, and only when one candidate alone has it.
 */
import { tokenize } from './text';

/** Shorter words are too often alike by chance ("save" / "sale"). */
const MIN_COGNATE_LENGTH = 4;
/** Letters a translation may add to a shared stem ("edit" + "ar", "document" + "o"). */
const MAX_ADDED_ENDING = 3;
/** Words this long may differ in a few letters ("frequency" / "frecuencia"). */
const MIN_SPELLING_LENGTH = 6;
/** Edits allowed per letter of the longer word. */
const MAX_EDIT_SHARE = 0.34;

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Words of a name worth comparing: letters only, long enough, accents dropped. */
export function cognateWords(name: string): string[] {
  return tokenize(name)
    .map(withoutAccents)
    .filter((word) => word.length >= MIN_COGNATE_LENGTH && /^[a-z]+$/.test(word));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

export function areCognates(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.startsWith(shorter)) return longer.length - shorter.length <= MAX_ADDED_ENDING;
  if (a[0] !== b[0] || shorter.length < MIN_SPELLING_LENGTH) return false;
  return editDistance(a, b) <= MAX_EDIT_SHARE * longer.length;
}

/** Every word of the recorded name has a counterpart in the candidate's (which may say more). */
export function namedByCognates(recorded: string, candidate: string): boolean {
  const wanted = cognateWords(recorded);
  const present = cognateWords(candidate);
  return wanted.length > 0 && wanted.every((word) => present.some((other) => areCognates(word, other)));
}
