/**
 * What a command's name says it does: the verb a button or link starts with ("Save", "Delete this
 * repository", "View all tickets"). Two names with verbs of the same meaning ("Save" / "Update profile",
 * "Remove filter" / "Clear filter") name the same command reworded; two different verbs ("Delete
 * this repository" / "Archive this repository", "Pay now" / "Cancel order") name different commands,
 * whatever object words they share. English only; other words compare as before.
 */
import { contentTokens, noWordShared, singular, textSimilarity, tokenize } from './text';

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
  ['add', 'create', 'new', 'attach'],
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
  // Asking for something ("Request stage plot") is not seeing it ("View stage plot").
  ['request'],
  ['apply'],
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
  ['mute', 'silence'],
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
  ['undo'],
  ['redo'],
  ['retry'],
  ['reset'],
  ['select', 'choose'],
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
  // Admin and operations commands: each undoes or does something the others do not.
  ['wipe'],
  ['revoke'],
  ['suspend'],
  ['unsuspend'],
  ['restart', 'reboot'],
  ['rerun'],
  ['deploy'],
  ['rollback', 'revert'],
  ['merge'],
  ['reopen'],
  ['resolve'],
  ['refund'],
  ['void'],
  ['ship'],
  ['sync'],
  ['connect'],
  ['disconnect'],
  ['install'],
  ['uninstall'],
  ['record'],
  ['reconcile'],
  ['generate'],
  ['regenerate'],
  ['reinstate', 'reactivate'],
  ['renew'],
  ['withdraw'],
  ['receive'],
  ['redeem'],
  // Front desks and schedules: checking a patient or guest in is marking them arrived.
  ['checkin', 'arrive'],
  // Work orders and tasks: completing one is marking it complete or done.
  ['complete', 'finish'],
];

/** States a task is marked as ("Mark complete", "Mark as done"): the verb that puts it in that state. */
const MARKED_STATES: ReadonlyMap<string, string> = new Map([
  ['complete', 'complete'],
  ['completed', 'complete'],
  ['done', 'complete'],
  ['finished', 'complete'],
]);

/** Each known verb → the first verb of its group, which stands for the group. */
const VERB_GROUP: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((verb) => [verb, group[0] as string] as const)),
);

/**
 * Particles that make a phrasal verb whose meaning flips with them: "Log in" / "Log out", "Turn on" /
 * "Turn off", "Sign in" / "Sign up". Plain word similarity drops "in" and "on" as stop words and reads
 * "Log in" and "Log out" as alike; here the verb and its particle are one word.
 */
const PARTICLES: ReadonlySet<string> = new Set(['in', 'out', 'on', 'off', 'up', 'down']);

/** Phrasal verbs written several ways for one action. */
const PHRASAL_GROUP: ReadonlyMap<string, string> = new Map([
  ['sign in', 'login'],
  ['log in', 'login'],
  ['login', 'login'],
  ['signin', 'login'],
  ['sign out', 'logout'],
  ['log out', 'logout'],
  ['logout', 'logout'],
  ['signout', 'logout'],
  ['sign up', 'signup'],
  ['signup', 'signup'],
  ['register', 'signup'],
  ['check out', 'checkout'],
  ['checkout', 'checkout'],
  ['check-out', 'checkout'],
  ['check in', 'checkin'],
  ['check-in', 'checkin'],
  ['checkin', 'checkin'],
]);

/** The roles whose names are commands: what they do is said by their first word. */
export const COMMAND_ROLES: ReadonlySet<string> = new Set(['button', 'link', 'menuitem', 'tab']);

/**
 * Words for the person using the page: UI copy says "Assign to me" or "Assign yourself" for the same
 * command, so they compare as one word.
 */
const SELF_WORDS: ReadonlySet<string> = new Set(['me', 'myself', 'yourself', 'you']);

/**
 * Nouns UI copy uses for one thing ("Book visit" / "Book appointment"), grouped: the object a verb acts
 * on, reworded. Narrow on purpose, as the verbs: a reminder is not an invitation.
 */
const OBJECT_GROUPS: readonly (readonly string[])[] = [
  ['appointment', 'visit'],
  ['booking', 'reservation'],
  ['invoice', 'bill'],
  ['photo', 'picture', 'image'],
  ['cart', 'basket'],
];
const OBJECT_GROUP: ReadonlyMap<string, string> = new Map(
  OBJECT_GROUPS.flatMap((group) => group.map((word) => [word, group[0] as string] as const)),
);

/** A command's word with "yourself" as "me" and a synonymous object as its group's first word. */
function objectWord(token: string): string {
  if (SELF_WORDS.has(token)) return 'me';
  return OBJECT_GROUP.get(token) ?? OBJECT_GROUP.get(singular(token)) ?? token;
}

interface Action {
  /** The verb's group, a phrasal verb ("turn off"), or "un" + a known verb's group ("uncollapse"). */
  verb: string;
  /** The words after the verb. */
  rest: string[];
}

/** The action a command's name starts with, when its first word is a known verb or makes a phrasal verb. */
function leadingAction(name: string | null | undefined): Action | undefined {
  const [first, second, ...rest] = tokenize(name);
  if (first === undefined) return undefined;
  // "Mark as resolved" resolves: the participle of a known verb after "mark as" is that verb; "Mark
  // complete" and "Mark as done" complete.
  if (first === 'mark') {
    const [state, after] = second === 'as' ? [rest[0], rest.slice(1)] : [second, rest];
    const marked = participleVerb(state) ?? (state === undefined ? undefined : MARKED_STATES.get(state));
    if (marked !== undefined) return { verb: marked, rest: after };
  }
  if (second !== undefined && PARTICLES.has(second)) {
    const phrasal = `${first} ${second}`;
    return { verb: PHRASAL_GROUP.get(phrasal) ?? phrasal, rest };
  }
  const after = second === undefined ? rest : [second, ...rest];
  const verb = PHRASAL_GROUP.get(first) ?? VERB_GROUP.get(first);
  if (verb !== undefined) return { verb, rest: after };
  // "Unhide replies" undoes "Hide replies": the opposite command, though all but two letters match.
  const undone = first.startsWith('un') ? VERB_GROUP.get(first.slice(2)) : undefined;
  return undone === undefined ? undefined : { verb: `un${undone}`, rest: after };
}

/** The group of the known verb a past participle comes from ("resolved" → resolve), if any. */
function participleVerb(word: string | undefined): string | undefined {
  if (!word?.endsWith('ed')) return undefined;
  return VERB_GROUP.get(word.slice(0, -1)) ?? VERB_GROUP.get(word.slice(0, -2));
}

/** The group of the verb a command's name starts with ("Remove filter: …" → remove), if it is a known one. */
export function commandVerb(name: string | null | undefined): string | undefined {
  return leadingAction(name)?.verb;
}

/**
 * Whether both names start with a known verb and the verbs mean different things ("Join huddle" /
 * "Start a huddle", "Follow" / "Unfollow"): another command, whatever id it kept.
 */
export function commandVerbsDiffer(recorded: string, candidate: string): boolean {
  const recordedAction = leadingAction(recorded);
  const candidateAction = leadingAction(candidate);
  return (
    recordedAction !== undefined &&
    candidateAction !== undefined &&
    recordedAction.verb !== candidateAction.verb &&
    !POLITE_VERBS.has(recordedAction.verb) &&
    !POLITE_VERBS.has(candidateAction.verb)
  );
}

/**
 * Verbs that only frame what is asked for ("Request a demo" is "Book a demo" behind the same link):
 * they tell a command's wording apart (its name similarity), never another command whatever it kept.
 */
export const POLITE_VERBS: ReadonlySet<string> = new Set(['request']);

/**
 * Whether both names start with the same known verb but act on things that share no word ("Send
 * invitations" / "Send reminder to 38 guests"): another command, whatever id it kept. A name with no
 * object ("Save") says nothing either way.
 */
export function commandObjectsDiffer(recorded: string, candidate: string): boolean {
  const recordedAction = leadingAction(recorded);
  const candidateAction = leadingAction(candidate);
  if (!recordedAction || !candidateAction || recordedAction.verb !== candidateAction.verb) return false;
  const objectOf = (action: Action) => contentTokens(action.rest.map(objectWord).join(' ')).map(singular);
  return noWordShared(objectOf(recordedAction), objectOf(candidateAction));
}

/** The action's words with the verb as one token ("Clear filter" → "remove filter"), "yourself" → "me" and objects as in OBJECT_GROUPS. */
function actionText(action: Action): string {
  const rest = action.rest.map(objectWord);
  return [action.verb.replace(/\s+/g, '_'), ...rest].join(' ');
}

/** What says whether another wording of the verb may stand for it on the changed page. */
export interface SynonymEvidence {
  /** No other command started with a synonym when recorded (fingerprint.verbUnique). */
  verbUnique: boolean;
  /** The candidate's surroundings hold words the recorded ones did not. */
  surroundingsChanged: boolean;
}

/**
 * A synonym ("Update" for "Save") may be a command that stood beside the recorded one all along, or
 * one that came with the change ("Update now" beside a new "4.3.0 is available"). It stands in only
 * where nothing else changed around it, and either no synonym stood beside it when recorded or the
 * names also share what they act on ("Remove filter: Assignee" / "Clear Assignee filter", though a
 * "Clear all" stood beside it).
 */
function synonymsMayStandIn(recorded: Action, candidate: Action, synonyms: SynonymEvidence): boolean {
  if (synonyms.surroundingsChanged) return false;
  if (synonyms.verbUnique) return true;
  const object = new Set(contentTokens(recorded.rest.join(' ')));
  return contentTokens(candidate.rest.join(' ')).some((token) => object.has(token));
}

/**
 * Similarity of two command names: 0 when they start with verbs of different meaning; otherwise the
 * word similarity with synonymous leading verbs counted as the same word, where `synonyms` allow.
 */
export function commandNameSimilarity(
  recorded: string,
  candidate: string,
  synonyms: SynonymEvidence = { verbUnique: false, surroundingsChanged: true },
): number {
  const recordedAction = leadingAction(recorded);
  const candidateAction = leadingAction(candidate);
  if (recordedAction === undefined || candidateAction === undefined) {
    // "Turn on alerts" vs "Turn alerts off": the particle moved and may have flipped; never the same on words alone.
    const phrasal = (recordedAction ?? candidateAction)?.verb;
    if (phrasal?.includes(' ') && tokenize(recorded)[0] === tokenize(candidate)[0]) return 0;
    return textSimilarity(recorded, candidate);
  }
  if (recordedAction.verb !== candidateAction.verb) return 0;
  // Another wording of the verb ("Update" for "Save") may be a command that stood beside it all along.
  const sameWording = tokenize(recorded)[0] === tokenize(candidate)[0];
  if (!sameWording && !synonymsMayStandIn(recordedAction, candidateAction, synonyms)) {
    return textSimilarity(recorded, candidate);
  }
  return Math.max(
    textSimilarity(recorded, candidate),
    textSimilarity(actionText(recordedAction), actionText(candidateAction)),
  );
}
