/**
 * The elements beside a recorded one that a changed page could pass off as it: the other fields of its
 * form (by name), or, for a command named like others ("Book" in every slot), the others under the
 * same heading (by their surroundings). Recorded with the target; at replay a candidate that is one of
 * them is that neighbour, not the target renamed ("Navigator licence no." removed, "Driver licence
 * no." beside it all along; the 19:00 Main hall slot booked, the 19:00 Small hall one beside it).
 */
import { COMMAND_ROLES } from './command-words';
import {
  accessibleName,
  contextText,
  formOf,
  headingText,
  isFormControl,
  MAX_LOOKALIKES_READ,
  MAX_NAME_UNIQUENESS_CANDIDATES,
  sameTagIn,
  scopeOf,
} from './dom';
import { controlFamily } from './fingerprint';
import { type Fingerprint, MAX_NEIGHBOUR, MAX_NEIGHBOURS, MAX_TEXT } from './schema';
import { contentTokens, digitShape, normalizeText, singular, truncate } from './text';

type NeighbourKind = 'name' | 'context';

function kindOf(fingerprint: Fingerprint): NeighbourKind | null {
  if (controlFamily(fingerprint.role) !== null) return 'name';
  return COMMAND_ROLES.has(fingerprint.role) && fingerprint.nameUnique === false ? 'context' : null;
}

function keyOf(text: string): string {
  return truncate(normalizeText(text).toLowerCase(), MAX_NEIGHBOUR);
}

/** What a neighbour is known by: a field's name; a command's surroundings. */
function neighbourKey(kind: NeighbourKind, name: string, context: string | undefined): string {
  return keyOf(kind === 'name' ? name : (context ?? ''));
}

/**
 * At recording: the neighbours of `element`, whose fingerprint (with `nameUnique` set) is `fingerprint`;
 * `lookAlikes` are the same-named commands already found.
 */
export function neighboursOf(
  element: Element,
  fingerprint: Fingerprint,
  lookAlikes: readonly Element[] = [],
): string[] {
  const kind = kindOf(fingerprint);
  if (!kind) return [];
  const own = neighbourKey(kind, fingerprint.name, fingerprint.context);
  const keys = new Set<string>();
  const add = (key: string) => {
    if (key && !placeOnly(kind, key, own) && keys.size < MAX_NEIGHBOURS) keys.add(key);
  };
  if (kind === 'name') {
    if (!own || !isFormControl(element)) return [];
    const form = formOf(element);
    const heading = fingerprint.heading ?? '';
    const type = element.getAttribute('type');
    const sameTag = sameTagIn(scopeOf(element), element.localName);
    if (sameTag.length > MAX_NAME_UNIQUENESS_CANDIDATES) return [];
    for (let index = 0, read = 0; index < sameTag.length && read < MAX_LOOKALIKES_READ; index++) {
      const other = sameTag[index] as Element;
      if (other === element || other.getAttribute('type') !== type) continue;
      // Its form's fields, or, outside forms, those under the same heading.
      if (form ? formOf(other) !== form : truncate(headingText(other), MAX_TEXT) !== heading) continue;
      read++;
      add(neighbourKey(kind, accessibleName(other), undefined));
    }
  } else {
    const heading = fingerprint.heading ?? '';
    for (const other of lookAlikes.slice(0, MAX_LOOKALIKES_READ)) {
      if (truncate(headingText(other), MAX_TEXT) === heading) add(neighbourKey(kind, '', contextText(other)));
    }
  }
  return [...keys];
}

/** At replay: whether the candidate is one of the recorded element's neighbours. */
export function isRecordedNeighbour(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const neighbours = recorded.neighbours;
  const kind = kindOf(recorded);
  if (!neighbours?.length || !kind) return false;
  // A command's neighbours are those of its heading: under another, the same surroundings are another slot's.
  if (kind === 'context' && keyOf(candidate.heading ?? '') !== keyOf(recorded.heading ?? '')) return false;
  const key = neighbourKey(kind, candidate.name, candidate.context);
  return !placeOnly(kind, key, neighbourKey(kind, recorded.name, recorded.context)) && neighbours.includes(key);
}

/** At replay: the names of the candidate fields of each form (read once per resolution). */
export function fieldNamesByForm(candidates: readonly Fingerprint[]): Map<string | undefined, string[]> {
  const byForm = new Map<string | undefined, string[]>();
  for (const candidate of candidates) {
    const names = byForm.get(candidate.form) ?? [];
    names.push(keyOf(candidate.name));
    byForm.set(candidate.form, names);
  }
  return byForm;
}

/**
 * At replay: whether the candidate's name is what is left of the recorded name and of a neighbour's
 * alike once their qualifiers went ("Name" where "First name" and "Last name" were), that neighbour
 * gone too from its form and no other field there so named: two fields merged into one, no more the
 * recorded one than that neighbour. (Look-alikes all named so, "Approve" in each row, moved their
 * qualifier aside.) Only the candidate's form counts: a newsletter box's "First name" in the footer
 * is not the neighbour. `namesByForm` is `fieldNamesByForm` of all candidates.
 */
export function mergedWithNeighbour(
  recorded: Fingerprint,
  candidate: Fingerprint,
  namesByForm: ReadonlyMap<string | undefined, readonly string[]>,
): boolean {
  if (kindOf(recorded) !== 'name' || !recorded.neighbours?.length) return false;
  const words = contentTokens(candidate.name).map(singular);
  const within = (name: string) => {
    const others = contentTokens(name).map(singular);
    return others.length > words.length && words.every((word) => others.includes(word));
  };
  if (words.length === 0 || !within(recorded.name)) return false;
  const names = namesByForm.get(candidate.form) ?? [];
  const own = keyOf(candidate.name);
  if (names.filter((name) => name === own).length > 1) return false;
  return recorded.neighbours.some((neighbour) => within(neighbour) && !names.includes(neighbour));
}

/** Numbers that measure ("2 hours", "7 days", "10 kg"): a setting's amount, not a place in a list. */
const AMOUNTS =
  /\d+(?:[.,]\d+)?\s*(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?|kg|g|lbs?|km|mi|m|cm|mm|l|ml|%)(?![\p{L}\d])/gu;

/** Whether two keys measure different amounts ("… 2 hours before" / "… 24 hours before"). */
function amountsDiffer(key: string, own: string): boolean {
  const amounts = (text: string) => (text.match(AMOUNTS) ?? []).map((amount) => amount.replace(/\s+/g, '')).join('|');
  return amounts(key) !== amounts(own);
}

/**
 * Whether two keys differ at most by their numbers ("item 2 quantity" beside "item 1 quantity"): a
 * place in a list, which the recorded element itself takes when a row above it goes or comes. Not when
 * a field's name measures with its number ("SMS reminder 2 hours before" beside "… 24 hours before":
 * two settings).
 */
function placeOnly(kind: NeighbourKind, key: string, own: string): boolean {
  return digitShape(key) === digitShape(own) && !(kind === 'name' && amountsDiffer(key, own));
}
