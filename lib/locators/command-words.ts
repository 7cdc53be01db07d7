/**
 * What a command's name says it does: the verb a button or link starts with ("Save", "Delete this
 * repository", "View all tickets"). Two names with verbs of the same meaning ("Save" / "Update profile",
 * "Remove filter" / "Clear filter") name the same command reworded; two different verbs ("Delete
 * this repository" / "Archive this repository", "Pay now" / "Cancel order") name different commands,
 * whatever object words they share. English only; other words compare as before.
 */
import { textSimilarity, tokenize } from './text';

/**
 * Verbs that UI copy uses interchangeably for one action, grouped. Kept narrow on purpose: a verb that
 * also means something stronger stays in its own group ("delete" is not "remove": removing a filter
 * or a member is not deleting the record), so a reworded command is recognised and a replaced one is not.
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Not "apply": applying for a job or a loan is not saving it.
  ['save', 'update'],
  ['send', 'transfer'],
  ['view', 'see', 'show', 'display', 'browse'],
  ['remove', 'clear'],
  ['delete', 'erase', 'destroy'],
  ['edit', 'modify', 'change'],
  ['add', 'create', 'new'],
  ['search', 'find', 'lookup'],
  ['close', 'dismiss'],
  ['download', 'export'],
  ['upload', 'import'],
  ['buy', 'purchase'],
  ['continue', 'next', 'proceed'],
  ['back', 'previous', 'prev'],
  ['open', 'launch'],
  ['copy', 'duplicate', 'clone'],
  ['refresh', 'reload'],
  ['collapse', 'hide'],
  ['expand'],
  ['join', 'enroll', 'enrol'],
  ['leave', 'exit', 'quit'],
  ['reply', 'respond'],
  ['publish', 'post'],
  ['confirm', 'verify'],
  ['approve', 'accept', 'allow'],
  ['reject', 'decline', 'deny'],
  ['cancel', 'abort'],
  ['restore', 'recover'],
  ['pay'],
  ['apply'],
  ['checkout'],
  ['submit'],
  ['archive'],
  ['unarchive'],
  ['share'],
  ['print'],
  ['invite'],
  ['forward'],
  ['follow'],
  ['unfollow'],
  ['subscribe'],
  ['unsubscribe'],
  ['like'],
  ['unlike'],
  ['block'],
  ['unblock'],
  ['mute'],
  ['unmute'],
  ['pin'],
  ['unpin'],
  ['enable', 'activate'],
  ['disable', 'deactivate'],
  ['start'],
  ['stop'],
  ['play'],
  ['pause'],
  ['lock'],
  ['unlock'],
  ['freeze'],
  ['unfreeze'],
  ['upgrade'],
  ['downgrade'],
  ['assign'],
  ['unassign'],
  ['rename'],
  ['move'],
  ['report', 'flag'],
  ['manage'],
  ['message'],
  ['call'],
  ['register'],
  ['undo'],
  ['redo'],
  ['retry'],
  ['reset'],
  ['select'],
  ['deselect'],
  ['sort'],
  ['filter'],
  ['schedule'],
  ['reschedule'],
  ['book', 'reserve'],
  ['rsvp'],
  ['review'],
  ['rate'],
  ['comment'],
  ['mark'],
  ['snooze'],
  ['favorite', 'favourite', 'star'],
  ['unfavorite', 'unfavourite', 'unstar'],
];

/** Each known verb → the first verb of its group, which stands for the group. */
const VERB_GROUP: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((verb) => [verb, group[0] as string] as const)),
);

/** The roles whose names are commands: what they do is said by their first word. */
export const COMMAND_ROLES: ReadonlySet<string> = new Set(['button', 'link', 'menuitem', 'tab']);

/** The group of the verb a command's name starts with ("Remove filter: …" → remove), if it is a known one. */
export function commandVerb(name: string | null | undefined): string | undefined {
  const [first] = tokenize(name);
  return first === undefined ? undefined : VERB_GROUP.get(first);
}

/**
 * Words for the person using the page: UI copy says "Assign to me" or "Assign yourself" for the same
 * command, so they compare as one word.
 */
const SELF_WORDS: ReadonlySet<string> = new Set(['me', 'myself', 'yourself', 'you']);

/** The name with its leading verb replaced by its group's ("Clear filter" → "remove filter") and "yourself" → "me". */
function withGroupVerb(name: string): string {
  const [first, ...rest] = tokenize(name);
  const group = first === undefined ? undefined : VERB_GROUP.get(first);
  if (group === undefined) return name;
  return [group, ...rest.map((token) => (SELF_WORDS.has(token) ? 'me' : token))].join(' ');
}

/**
 * Similarity of two command names: 0 when they start with verbs of different meaning; otherwise the
 * word similarity with synonymous leading verbs counted as the same word.
 */
export function commandNameSimilarity(recorded: string, candidate: string): number {
  const recordedVerb = commandVerb(recorded);
  const candidateVerb = commandVerb(candidate);
  if (recordedVerb !== undefined && candidateVerb !== undefined && recordedVerb !== candidateVerb) return 0;
  const plain = textSimilarity(recorded, candidate);
  if (recordedVerb === undefined || recordedVerb !== candidateVerb) return plain;
  return Math.max(plain, textSimilarity(withGroupVerb(recorded), withGroupVerb(candidate)));
}
