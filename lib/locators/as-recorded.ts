/**
 * Whether an element reads now exactly as its recorded fingerprint says it read: the usual replay, on the
 * page the task was shown on. Resolution then needs no look-alike's fingerprint (see `resolve.ts`).
 */
import type { Fingerprint } from './schema';

/** Where it was drawn on the screen: layout, not identity (a wider window moves every element). */
const LAYOUT_KEYS = new Set<string>(['rect']);

/**
 * Written only at recording, from the look-alikes around it then (or from what the field held before
 * the step typed in it): a fingerprint read now has none of them. `widerWords` is checked apart.
 */
const RECORDED_ONLY_KEYS = new Set<string>([
  'nameUnique',
  'inRecord',
  'verbUnique',
  'optionsUnique',
  'optionCountUnique',
  'onlyCopy',
  'distinct',
  'neighbours',
  'fieldValue',
  'widerWords',
]);

/**
 * Recorded only when words outside its own surroundings, or its row's values, were needed to tell it from
 * look-alikes: whether it keeps them is a comparison with those look-alikes, so such a target is resolved
 * the full way.
 */
const NEEDS_LOOK_ALIKES_KEYS = ['sectionWords', 'twin', 'rowValues'] as const;

/**
 * True when `now` (the element's fingerprint read now) equals `recorded` in every key both can hold, and
 * `widerNow` (the words of its wider section now) are the recorded wider words, when some were recorded.
 */
export function readsAsRecorded(recorded: Fingerprint, now: Fingerprint, widerNow: () => readonly string[]): boolean {
  if (NEEDS_LOOK_ALIKES_KEYS.some((key) => recorded[key] !== undefined)) return false;
  const keys = new Set([...Object.keys(recorded), ...Object.keys(now)]);
  for (const key of keys) {
    if (LAYOUT_KEYS.has(key) || RECORDED_ONLY_KEYS.has(key)) continue;
    if (!sameValue(recorded[key as keyof Fingerprint], now[key as keyof Fingerprint])) return false;
  }
  if (recorded.widerWords?.length) {
    const around = new Set(widerNow());
    const wanted = new Set(recorded.widerWords);
    if (around.size !== wanted.size || ![...wanted].every((word) => around.has(word))) return false;
  }
  return true;
}

/** Structural equality of fingerprint values (strings, numbers, flags, word lists, attribute maps). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const entriesA = Object.entries(a).filter(([, value]) => value !== undefined);
    const entriesB = Object.entries(b).filter(([, value]) => value !== undefined);
    return (
      entriesA.length === entriesB.length &&
      entriesA.every(([key, value]) => sameValue(value, (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}
