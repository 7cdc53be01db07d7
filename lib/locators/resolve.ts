/**
 * Replay: find the recorded element on a page that may have changed, or refuse.
 *
 * Acting on a wrong element is the worst outcome, so every path to "found" needs two kinds of evidence:
 *
 * 1. Shadow hosts are resolved outermost first with this same policy; the target is then resolved in the innermost
 *    open shadow root.
 * 2. Candidates are the elements of the recorded tag or role in the scope. Each is fingerprinted and compared with
 *    the recording; words shared by every candidate's surroundings ("Edit Preview Trash") are down-weighted so
 *    the words that tell rows apart decide.
 * 3. A candidate is disqualified outright when its name or its surroundings no longer match the recording and no
 *    identity (test id, stable id, field name, worded choice value, link path) unique to it vouches for it: a
 *    deleted row leaves look-alikes whose row text does not match, a replaced button has a different name. A
 *    field never stands in for a checkbox or radio, nor the reverse. When the name was shared at recording
 *    (fingerprint.nameUnique false) or the element sat in a list's record (inRecord), the surroundings must
 *    match closely even if one look-alike is left.
 * 4. Stored locators vote: one counts only when it matches exactly one element, that element is a qualified
 *    candidate and agrees with the fingerprint (score ≥ MIN_LOCATOR_AGREEMENT). Unanimous votes win unless another
 *    candidate fits the fingerprint clearly better, or equally well when only structural locators (CSS, XPath)
 *    voted: position alone never breaks a tie between look-alikes.
 * 5. Otherwise the best qualified candidate wins only with score ≥ MIN_FINGERPRINT_SCORE (MIN_LOCATOR_AGREEMENT
 *    when a unique identity vouches for it and its name still shares a word) and a margin ≥ MIN_MARGIN over the
 *    runner-up; else the result is ambiguous (close look-alikes) or not-found.
 * 6. With no qualified candidate, a command whose name was unique at recording is followed to the one element
 *    of its kind that carries that name now, if its surroundings share a word with the recorded ones (moved
 *    from a sidebar to a page header).
 *
 * A target imported from another tool (Chrome Recorder: `aria/Save`, `#save`, `xpath///*[@id="save"]`) may not
 * say what kind of element it is, so there is no tag or role to collect candidates by. Then the candidates are
 * what the locators (and the recorded name and text) match, and the locators themselves are the evidence: see
 * resolveByLocators.
 */

import { readsAsRecorded } from './as-recorded';
import { cognateWords, namedByCognates } from './cognates';
import { COMMAND_ROLES, commandVerb } from './command-words';
import {
  accessibleName,
  ancestorTexts,
  CHOICE_GROUPS,
  contextBeside,
  contextContainer,
  contextText,
  cssString,
  gatherText,
  groupCaption,
  headingText,
  inputType,
  isFormControl,
  isFormControlTag,
  isShadowRoot,
  labelText,
  ownText,
  retarget,
  roleOf,
  type Scope,
  sameTagIn,
  tagOf,
} from './dom';
import { canonicalFieldText } from './field-words';
import {
  type Comparison,
  compareFingerprints,
  computeFingerprint,
  controlFamily,
  distinctKeptShare,
  distinctWordsAround,
  enteredValue,
  identityKeys,
  idNumber,
  nearWords,
  rowValuesOf,
  widerSectionWords,
} from './fingerprint';
import { identifierWords, labelSaysIdentifier, MIN_IDENTIFIER_WORDS } from './identifier-words';
import { fieldNamesByForm, isRecordedNeighbour, mergedWithNeighbour } from './neighbours';
import { withReadCache } from './read-cache';
import {
  type ElementDescriptor,
  type Fingerprint,
  type Locator,
  type LocatorKind,
  MAX_NEIGHBOURS,
  MAX_TEXT,
  type TargetDescriptor,
} from './schema';
import {
  contentTokens,
  digitShape,
  equalText,
  hasLetters,
  hasLettersAndDigits,
  identifierTokens,
  isGeneratedValue,
  isIndexedId,
  isIndexedName,
  normalizeText,
  noWordShared,
  singular,
  textSimilarity,
  tokenize,
  tokenSimilarity,
  truncate,
  wordsWithin,
} from './text';

/** Identities another form may reuse (a field name, a placeholder's example). */
const WEAK_IDENTITY = /^(?:name|placeholder):/;

/** A unique locator match must agree with the fingerprint at least this much to count. */
export const MIN_LOCATOR_AGREEMENT = 0.5;
/** Fingerprint alone must reach this score to act. */
export const MIN_FINGERPRINT_SCORE = 0.7;
/** …and beat the runner-up by this much. */
export const MIN_MARGIN = 0.12;
/** Below this name similarity a candidate is a different control unless a unique identity vouches for it. */
export const MIN_NAME_SIMILARITY = 0.6;
/**
 * Below this context similarity a candidate sits in a different row/card unless a unique identity vouches for it.
 * With look-alikes (several candidates carry the recorded name) the surroundings are the only thing that tells
 * them apart, so they must match closely: a deleted row must not be replaced by a similar-looking neighbour.
 */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** Caption similarity of a reworded choice its worded value vouches for (see scoreCandidates). */
const REWORDED_CHOICE_SIMILARITY = 0.5;
/** Words (not numbers, months or days) in a select's options that identify it wherever it moved. */
const WORDED_OPTION_LIST = 6;
export const MIN_CONTEXT_SIMILARITY_LOOKALIKES = 0.8;
/** Share of the recorded distinct words (fingerprint.distinct) a candidate must keep. */
export const MIN_DISTINCT_KEPT = 0.5;
/**
 * Among look-alikes, a row that kept this share (and at least RECORD_WORDS_KEPT_MIN) of the words that
 * told the recorded row apart (its title, its number) is that row restyled, even when its layout words
 * changed ("opened 2d ago" → "updated 10m ago"); its surroundings must still pass the plain threshold.
 */
export const RECORD_WORDS_KEPT = 0.8;
export const RECORD_WORDS_KEPT_MIN = 3;
/**
 * On a translated page, a select whose options' values and numbers match the recorded ones at least
 * this much, and a look-alike's by this much less, is told apart from that look-alike.
 */
export const MIN_CHOICES_KEPT = 0.5;
/** Similarity of texts equal word for word (sums of weights may fall a hair short of 1). */
const WORD_FOR_WORD = 0.999;
/** A field's hint ("Not published before this time") says which field it is from this many words on. */
const MIN_DESCRIPTION_WORDS = 4;
/** A field offering at least this share of the recorded choices offers the same ones. */
const MIN_SAME_CHOICES = 0.8;
/** Scores closer than this are a tie that structural locators may not break. */
export const TIE_EPSILON = 0.02;
/** Candidates fingerprinted per scope; beyond this only elements some locator matched are compared. */
export const MAX_CANDIDATES = 4000;

export type ResolveResult =
  | { status: 'found'; element: Element; via: LocatorKind | 'fingerprint'; confidence: number }
  | { status: 'ambiguous'; candidates: Element[]; reason: string }
  | { status: 'not-found'; reason: string };

const IDENTITY_LOCATORS = new Set<LocatorKind>(['testId', 'id']);
const STRUCTURAL_LOCATORS = new Set<LocatorKind>(['css', 'xpath']);
const MAX_AMBIGUOUS_REPORTED = 10;

/**
 * What a locator of a target of unknown kind tells: who the element is (id, test id, field name), what a person
 * calls it (name, label, text), or where it sits (CSS, XPath). Agreement counts only across kinds of evidence.
 */
type EvidenceClass = 'identity' | 'semantic' | 'structure';
const EVIDENCE_CLASS: Record<LocatorKind, EvidenceClass> = {
  testId: 'identity',
  id: 'identity',
  name: 'identity',
  role: 'semantic',
  label: 'semantic',
  placeholder: 'semantic',
  text: 'semantic',
  css: 'structure',
  xpath: 'structure',
};
/** Which locator says why an element was found, strongest first. */
const VIA_ORDER: LocatorKind[] = ['testId', 'id', 'role', 'label', 'placeholder', 'name', 'text', 'css', 'xpath'];
/** CSS and XPath that only name an id or test id (`#save`, `//*[@id="save"]`) say no more than the id itself. */
const ID_ONLY_CSS = /^(?:[a-z][a-z0-9-]*)?(?:#-?[A-Za-z_][\w-]*|\[[\w-]+\s*=\s*(?:"[^"]*"|'[^']*')\s*\])$/i;
const ID_ONLY_XPATH = /^\/\/(?:\*|[a-z][a-z0-9-]*)\[@(?:id|data-[\w-]+)\s*=\s*(?:"[^"]*"|'[^']*')\]$/i;
/**
 * A locator that says no more than a numbered id or test id ("#g2-doc", `[data-testid="row-3"]`):
 * the numbering moves to another list entry, so it does not vote.
 */
function namesIndexedId(locator: Locator): boolean {
  if (locator.kind === 'id' || locator.kind === 'testId') return isIndexedId(locator.value);
  const only =
    locator.kind === 'css' && ID_ONLY_CSS.test(locator.selector.trim())
      ? locator.selector
      : locator.kind === 'xpath' && ID_ONLY_XPATH.test(locator.path.trim())
        ? locator.path
        : null;
  const value = only?.match(/#(-?[A-Za-z_][\w-]*)$|["']([^"']*)["']/);
  const named = value?.[1] ?? value?.[2];
  return named !== undefined && isIndexedId(named);
}

/** Elements that can carry an accessible name, searched for a recorded name when the role is unknown. */
const NAMED_SELECTOR =
  '[role],[aria-label],[aria-labelledby],a[href],area[href],button,input,select,textarea,summary,img,option,' +
  'h1,h2,h3,h4,h5,h6';
/** Ancestors of a text node climbed to find the element whose whole text is the recorded text. */
const MAX_TEXT_DEPTH = 4;

/** Tags whose implicit role may be the recorded role, to collect candidates beyond the recorded tag. */
const ROLE_TAGS: Record<string, string> = {
  button: 'button,input[type=button],input[type=submit],input[type=reset],input[type=image],summary',
  link: 'a[href],area[href]',
  textbox: 'input,textarea',
  searchbox: 'input',
  combobox: 'select,input',
  listbox: 'select',
  checkbox: 'input[type=checkbox]',
  radio: 'input[type=radio]',
  slider: 'input[type=range]',
  spinbutton: 'input[type=number]',
};

export function resolveTarget(root: Document | ShadowRoot, descriptor: TargetDescriptor): ResolveResult {
  return withReadCache(() => {
    const result =
      (descriptor.shadowHosts.length === 0 ? foundAsRecorded(root, descriptor) : null) ??
      resolveThroughHosts(root, descriptor.shadowHosts, descriptor, 0, { left: MAX_HOSTS_TRIED });
    if (result.status !== 'found') return result;
    // Checked on the answer, not in each copy searched: an answer turned into a question there must not
    // leave another copy's answer standing alone.
    const holder = otherHolderOfValue(descriptor.fingerprint, result.element);
    return holder
      ? {
          status: 'ambiguous',
          candidates: [result.element, holder],
          reason: 'the value the field held when recorded is in another field now',
        }
      : result;
  });
}

/** Locators evaluated first when checking that all agree: the cheap ones, which rule most pages out. */
const LOCATOR_COST: Partial<Record<LocatorKind, number>> = { label: 1, text: 1, placeholder: 1, role: 2 };

/**
 * The usual replay, on the page as recorded: every stored locator finds the same one element, one of
 * them by what a person calls it, and that element reads exactly as recorded (name, surroundings, heading,
 * attributes, place among its siblings, its wider section's words). No look-alike can then score above
 * it, nor be it: one identical to it would share its name, and that locator would not be unique. So the
 * look-alikes are not fingerprinted one by one, which is most of a resolution's time on a long list.
 */
function foundAsRecorded(scope: Scope, descriptor: TargetDescriptor): FoundResult | null {
  const recorded = descriptor.fingerprint;
  const [first] = descriptor.locators;
  if (!first || isKindUnknown(recorded) || !normalizeText(recorded.name)) return null;
  if (!descriptor.locators.some((locator) => NAME_LOCATORS.has(locator.kind))) return null;
  const byCost = [...descriptor.locators].sort((a, b) => (LOCATOR_COST[a.kind] ?? 0) - (LOCATOR_COST[b.kind] ?? 0));
  let element: Element | undefined;
  for (const locator of byCost) {
    const found = evaluateLocator(scope, locator, []);
    if (found.length !== 1 || (element && found[0] !== element)) return null;
    element = found[0];
  }
  if (!element) return null;
  const now = computeFingerprint(element);
  const found = element;
  if (!readsAsRecorded(recorded, now, () => widerSectionWords(found, now))) return null;
  // A name numbered like its look-alikes' ("Zone 2 water amount" beside "Zone 3 …") moves to another entry
  // when the list renumbers, and entries worded alike then read as recorded too: only when its own
  // surroundings state its number as well ("Item 3" over its row) is its row the recorded one as far as
  // anything can tell. Otherwise the full resolution weighs the look-alikes (and asks when they tie).
  // Checked last: it reads every look-alike's surroundings, the one element's fingerprint rules out more.
  if (!numbersTellLookAlikesApart(scope, recorded)) return null;
  return { status: 'found', element, via: first.kind, confidence: 1 };
}

/**
 * False when the recorded name is numbered like another element's of its kind (the same name but for its
 * numbers) and its surroundings do not tell them apart by those numbers: the recorded surroundings must
 * state every number of the name, and no such look-alike's surroundings may (a hint in every row, "2 cycles
 * a day", states a "2" in each). Names and surroundings are read once per resolution.
 */
function numbersTellLookAlikesApart(scope: Scope, recorded: Fingerprint): boolean {
  const numbers = contentTokens(recorded.name).filter((token) => /\d/.test(token));
  if (numbers.length === 0) return true;
  const lookAlikes = collectCandidates(scope, recorded).filter((element) =>
    numberedLike(accessibleName(element), recorded.name),
  );
  if (lookAlikes.length === 0) return true;
  const statesNumbers = (context: string | undefined) => {
    const words = new Set(contentTokens(context));
    return numbers.every((token) => words.has(token));
  };
  return statesNumbers(recorded.context) && !lookAlikes.some((element) => statesNumbers(contextText(element)));
}

/** Copies of a component looked into, at all depths together. */
const MAX_HOSTS_TRIED = 200;

function resolveThroughHosts(
  scope: Scope,
  hosts: readonly ElementDescriptor[],
  descriptor: ElementDescriptor,
  depth: number,
  budget: { left: number },
): ResolveResult {
  const [host, ...inner] = hosts;
  if (!host) return resolveInScopeOrInnerComponents(scope, descriptor, depth, budget);
  const total = depth + hosts.length;
  const allCopies = safeQueryAll(scope, tagSelector(host.fingerprint)).filter((element) => element.shadowRoot);
  // Each copy's words, read only when asked and once.
  const copyWords = new Map<Element, Set<string>>();
  const wordsOf = (copy: Element) => {
    let words = copyWords.get(copy);
    if (!words) {
      // As a fingerprint reads a host's text, without the rest of a fingerprint.
      words = new Set(contentTokens(truncate(ownText(copy), MAX_TEXT)));
      copyWords.set(copy, words);
    }
    return words;
  };
  const variant = (element: Element) =>
    allCopies.length > 1 &&
    namesakeVariant(host.fingerprint, wordsOf(element), () =>
      allCopies.filter((copy) => copy !== element).map(wordsOf),
    );
  let result = resolveInScope(scope, host);
  if (result.status === 'found' && variant(result.element)) {
    result = {
      status: 'not-found',
      reason: 'the component there now holds another record named like the recorded one',
    };
  }
  const hostFailure: ResolveResult | null =
    result.status === 'found'
      ? null
      : result.status === 'ambiguous'
        ? { ...result, reason: `shadow host ${depth + 1} of ${total}: ${result.reason}` }
        : { status: 'not-found', reason: `shadow host ${depth + 1} of ${total}: ${result.reason}` };
  let copies = allCopies.filter((element) => !variant(element));
  // The recorded copy's own content (a card's title) told it from the others: only a copy that kept
  // it may be that copy moved elsewhere; when none did, the record is gone, and another copy's button
  // is another record's.
  const searchByOwnContent = result.status !== 'found' && !!host.fingerprint.distinct?.length;
  const copiesOnPage = copies.length;
  // The one copy that kept every word of the recorded copy's own: that record, wherever it moved.
  let identifiedByContent = false;
  if (searchByOwnContent) {
    const recordedHost = host.fingerprint;
    // Nor a copy the host's own checks found to be another record (the "2025 syllabus" pool in the
    // "2019 syllabus" one's place) that lost some of those words: the words it kept are its kind's.
    // One that kept them all is the record, its place number shifted ("Priority 1" → "Priority 2").
    const otherRecords = otherRecordHosts(scope, host);
    // Nor a copy for another day (the same visitor's pass, "Tue 3 Jun" → "Thu 19 Jun"): it kept the
    // recorded one's names, not the record.
    const kept = copies.map((copy) => {
      const fingerprint = computeFingerprint(copy);
      return {
        copy,
        share: distinctKeptShare(recordedHost, fingerprint) ?? 0,
        otherDay: dayReplaced(recordedHost, fingerprint),
      };
    });
    const keeping = kept.filter(
      (each) =>
        each.share >= MIN_DISTINCT_KEPT &&
        !each.otherDay &&
        !(otherRecords.has(each.copy) && each.share < WORD_FOR_WORD),
    );
    copies = keeping.map((each) => each.copy);
    if (copies.length === 0) return hostFailure as ResolveResult;
    identifiedByContent = keeping.length === 1 && (keeping[0]?.share ?? 0) >= WORD_FOR_WORD;
  }
  // Or the words around the target inside its copy (the expense line's "Zahav client dinner"),
  // when a redesign inside the component moved the target away from them: the one copy holding them all.
  let identifiedByContext = false;
  if (!identifiedByContent && inner.length === 0 && copies.length > 1) {
    const keeper = copyKeepingContext(copies, descriptor.fingerprint);
    // Never against the copy the host's own traits point at.
    if (keeper && (result.status !== 'found' || result.element === keeper)) {
      copies = [keeper];
      identifiedByContent = identifiedByContext = true;
    }
  }
  if (copies.length <= 1 && !searchByOwnContent && !identifiedByContext) {
    // The one copy of a component there was one of (<hearing-scheduler> moved to the left rail),
    // holding mostly the words it held: its own tag names it wherever it is. What it holds must still
    // match the target, as always.
    const onlyCopy =
      result.status === 'not-found' &&
      host.fingerprint.onlyCopy === true &&
      host.fingerprint.tag.includes('-') &&
      allCopies.length === 1 &&
      allCopies[0]?.shadowRoot
        ? allCopies[0]
        : undefined;
    if (
      onlyCopy?.shadowRoot &&
      tokenSimilarity(contentTokens(host.fingerprint.text), [...wordsOf(onlyCopy)]) >= MIN_CONTEXT_SIMILARITY
    ) {
      return resolveThroughHosts(onlyCopy.shadowRoot, inner, descriptor, depth + 1, budget);
    }
    if (result.status !== 'found') return hostFailure as ResolveResult;
    const shadow = result.element.shadowRoot;
    if (!shadow) return { status: 'not-found', reason: `shadow host ${depth + 1} has no open shadow root` };
    return resolveThroughHosts(shadow, inner, descriptor, depth + 1, budget);
  }
  // Copies of one component (a list of <ds-toggle>): a host tells little about itself, and ids, test
  // ids and field names inside repeat in every copy, so they identify nothing. What each copy holds is
  // compared by words, surroundings and structure; the target counts only when one copy clearly holds
  // it, or when the copy the host's own traits point at is among the best.
  const anonymousInner = inner.map(withoutComponentIdentities);
  // Unique inside its copy ("Reprint" in each row's shadow root), the target was one of a kind per
  // copy: across copies its name is shared, and unless its copy's own words singled the copy out,
  // only close surroundings say which copy is its record.
  // In the one copy its own surroundings' words point at, the target's field name and id say which of
  // that copy's elements it is, as they would on a page of its own.
  const anonymousTarget = identifiedByContext
    ? descriptor
    : copiesOnPage > 1 && !identifiedByContent
      ? sharedAcrossCopies(withoutComponentIdentities(descriptor))
      : withoutComponentIdentities(descriptor);
  const found: { host: Element; answer: Extract<ResolveResult, { status: 'found' }> }[] = [];
  for (const copy of copies) {
    if (budget.left <= 0) break;
    budget.left--;
    const answer = resolveThroughHosts(
      copy.shadowRoot as ShadowRoot,
      anonymousInner,
      anonymousTarget,
      depth + 1,
      budget,
    );
    if (answer.status === 'found' && !namesakeHeading(descriptor.fingerprint.heading, headingText(answer.element))) {
      found.push({ host: copy, answer });
    }
  }
  found.sort((a, b) => b.answer.confidence - a.answer.confidence);
  const answers = found.map((each) => each.answer);
  const clear = clearlyBest(answers);
  if (clear) return clear;
  const [best] = answers;
  const hostChoice = result.status === 'found' ? found.find((each) => each.host === result.element) : undefined;
  if (best && hostChoice && hostChoice.answer.confidence >= best.confidence - TIE_EPSILON) {
    return hostChoice.answer;
  }
  if (answers.length > 1) return heldByCopies(answers);
  // The recorded copy, whose template relabelled the target in every copy alike ("Waive" → "Request
  // waiver" on each fee line): its one element of that kind.
  // The copy is the one its own words identified, or else the one the host's traits found.
  const keeper =
    identifiedByContent && copies.length === 1 ? copies[0] : result.status === 'found' ? result.element : undefined;
  if (found.length === 0 && keeper && inner.length === 0) {
    const relabelled = relabelledInEveryCopy(keeper, allCopies, host.fingerprint, descriptor.fingerprint);
    // The evidence is the copies' structure, not a similarity: its confidence is the floor's.
    if (relabelled)
      return { status: 'found', element: relabelled, via: 'fingerprint', confidence: MIN_FINGERPRINT_SCORE };
  }
  // No copy holds it by words and structure alone (relabelled inside: "Window" → "Arrival window"),
  // but the host's surroundings found one copy, and the copies hold the same content (nothing of its
  // own told the recorded copy apart, so content cannot point elsewhere): inside that one, the
  // target's field name and id say which element it is, as they would on a page of its own.
  if (
    found.length === 0 &&
    result.status === 'found' &&
    result.element.shadowRoot &&
    !identifiedByContext &&
    !host.fingerprint.distinct?.length
  ) {
    const inside = resolveThroughHosts(result.element.shadowRoot, inner, descriptor, depth + 1, budget);
    if (inside.status === 'found') return inside;
  }
  // Or the copy the host's traits found is the one copy that kept every word of the recorded copy's
  // own ("Cave 2 — washed rind") while the template relabelled the target in each copy ("Relative
  // humidity (%)" → "Humidity (% RH)"): that record, in which the element that kept the target's field
  // name and id, both, is the target. With its words gone, an id alone may be a place ("secondary-value"
  // now on "Brine salinity").
  if (
    found.length === 0 &&
    result.status === 'found' &&
    result.element.shadowRoot &&
    !identifiedByContext &&
    onlyCopyKeepingAllItsWords(allCopies, host.fingerprint, wordsOf) === result.element
  ) {
    const inside = resolveThroughHosts(result.element.shadowRoot, inner, descriptor, depth + 1, budget);
    if (inside.status === 'found' && keptEveryIdentity(descriptor.fingerprint, inside.element)) return inside;
  }
  return (
    hostFailure ?? {
      status: 'not-found',
      reason: `none of ${copies.length} components of this kind holds an element like the recorded target`,
    }
  );
}

/**
 * Of copies of a component, the one that still holds every word the recorded copy held that some copy
 * still holds ("Room 5 · Bed 2": not "Room 6 · Bed 2", while a "5" is in another copy), and among them
 * every word that told it from the others, small numbers too ("2" of "Cave 2 — washed rind": not "Cave
 * 4 — washed rind"); not a copy for another day. Words gone from every copy went with the template
 * ("Relative humidity" → "Humidity"). Null unless exactly one copy does, or when none were recorded.
 */
function onlyCopyKeepingAllItsWords(
  copies: readonly Element[],
  recordedHost: Fingerprint,
  wordsOf: (copy: Element) => Set<string>,
): Element | null {
  const distinct = recordedHost.distinct ?? [];
  if (distinct.length === 0) return null;
  const recordedWords = contentTokens(recordedHost.text);
  const stillHeld = new Set(recordedWords.filter((word) => copies.some((copy) => wordsOf(copy).has(word))));
  const keeping = copies.filter((copy) => {
    const words = wordsOf(copy);
    return (
      distinct.every((word) => words.has(word)) &&
      [...stillHeld].every((word) => words.has(word)) &&
      !dayReplaced(recordedHost, computeFingerprint(copy))
    );
  });
  return keeping.length === 1 ? (keeping[0] ?? null) : null;
}

/** Whether the element carries the recorded id and field name, each the recorded one had, and had one. */
function keptEveryIdentity(recorded: Fingerprint, element: Element): boolean {
  const name = recorded.attrs.name;
  if (!recorded.id && !name) return false;
  return (!recorded.id || element.id === recorded.id) && (!name || element.getAttribute('name') === name);
}

/** Checks that find a candidate to be another record than the recorded one, not the record changed. */
const OTHER_RECORD_CHECKS = new Set(['other-numbered-record', 'other-record', 'namesake']);

/** Copies of a component whose host the host's checks found to be another record (see OTHER_RECORD_CHECKS). */
function otherRecordHosts(scope: Scope, host: ElementDescriptor): Set<Element> {
  if (isKindUnknown(host.fingerprint)) return new Set();
  return new Set(
    scoreCandidates(scope, host)
      .scored.filter((entry) => entry.failed.some((check) => OTHER_RECORD_CHECKS.has(check)))
      .map((entry) => entry.element),
  );
}

/**
 * Resolves in the scope; when no element of the target's kind is left there but copies of a component
 * in it have shadow roots, the target may have moved into a component of its own (each option became a
 * <toggle-row>): the copies are searched as copies of a recorded host are, their ids and field names
 * identifying nothing.
 */
function resolveInScopeOrInnerComponents(
  scope: Scope,
  descriptor: ElementDescriptor,
  depth: number,
  budget: { left: number },
): ResolveResult {
  const result = resolveInScope(scope, descriptor);
  if (result.status !== 'not-found' || isKindUnknown(descriptor.fingerprint) || depth >= MAX_INNER_DEPTH) return result;
  if (collectCandidates(scope, descriptor.fingerprint).length > 0) return result;
  // Copies of one component (two or more of a tag): a lone widget elsewhere is no record's copy.
  const byTag = new Map<string, Element[]>();
  for (const element of safeQueryAll(scope, '*')) {
    if (!element.shadowRoot) continue;
    const tag = tagOf(element);
    byTag.set(tag, [...(byTag.get(tag) ?? []), element]);
  }
  const hosts = [...byTag.values()].filter((copies) => copies.length > 1).flat();
  if (hosts.length === 0) return result;
  const target = sharedAcrossCopies(withoutComponentIdentities(descriptor));
  const found: FoundResult[] = [];
  for (const host of hosts) {
    // A search cut short proves nothing clear.
    if (budget.left <= 0) return result;
    budget.left--;
    const answer = resolveThroughHosts(host.shadowRoot as ShadowRoot, [], target, depth + 1, budget);
    if (answer.status === 'found') found.push(answer);
  }
  return clearlyBest(found) ?? (found.length > 1 ? heldByCopies(found) : result);
}

type FoundResult = Extract<ResolveResult, { status: 'found' }>;

/** Of the answers found in copies of a component, the one MIN_MARGIN more confident than every other, if any. */
function clearlyBest(answers: readonly FoundResult[]): FoundResult | null {
  const [best, second] = [...answers].sort((a, b) => b.confidence - a.confidence);
  return best && (!second || best.confidence - second.confidence >= MIN_MARGIN) ? best : null;
}

/** Several copies of a component each hold an element like the target: the person picks, most confident first. */
function heldByCopies(answers: readonly FoundResult[]): ResolveResult {
  return {
    status: 'ambiguous',
    candidates: [...answers]
      .sort((a, b) => b.confidence - a.confidence)
      .map((each) => each.element)
      .slice(0, MAX_AMBIGUOUS_REPORTED),
    reason: `${answers.length} components of this kind each hold an element like the recorded target`,
  };
}

/** Deepest nesting of shadow roots searched for a target that moved into components of its own. */
const MAX_INNER_DEPTH = 6;

/** Fewest copies of a component that, relabelled alike, show a change of the template rather than of one record. */
const MIN_COPIES_RELABELLED = 3;

/**
 * In the recorded copy of a component, the one element of the target's kind, when every copy holds
 * exactly one such element, all now named alike, none as recorded nor as anything the recorded copy
 * showed, the new name sharing a stem with the old, and the recorded name was on the recorded copy's
 * neighbours too: the component's template renamed it ("Waive" → "Request waiver" on every fee line),
 * it is no other control.
 */
function relabelledInEveryCopy(
  keeper: Element,
  allCopies: readonly Element[],
  recordedHost: Fingerprint,
  recorded: Fingerprint,
): Element | null {
  if (allCopies.length < MIN_COPIES_RELABELLED || !recorded.name.trim()) return null;
  // At recording the neighbours had it too (their words are the host's context).
  const around = new Set(contentTokens(recordedHost.context));
  if (!contentTokens(recorded.name).every((token) => around.has(token))) return null;
  // A name the recorded copy already showed is another control's that was there (the "Refund" box
  // beside a removed "Waive"), not the recorded one renamed.
  const shown = new Set(contentTokens(recordedHost.text));
  let name: string | null = null;
  let element: Element | null = null;
  for (const copy of allCopies) {
    const root = copy.shadowRoot;
    if (!root) return null;
    const inside = collectCandidates(root, recorded);
    const [only] = inside;
    if (inside.length !== 1 || !only) return null;
    const now = normalizeText(accessibleName(only)).toLowerCase();
    if (!now || equalText(now, recorded.name) || (name !== null && now !== name)) return null;
    if (contentTokens(now).every((token) => shown.has(token))) return null;
    // Renamed, not replaced: the new name keeps a stem of the old ("Waive" → "Request waiver",
    // "Auto-renew" → "Renew automatically"), or is its cognate; "Add to autopay" is another control.
    if (name === null && !shareStem(recorded.name, now) && !namedByCognates(recorded.name, now)) return null;
    name = now;
    if (copy === keeper) element = only;
  }
  return element;
}

/** Shortest stem two names must share to be one name reworded ("plan", "waive"). */
const MIN_STEM = 4;

/** Whether a word of one name (hyphenated parts apart) starts the other's, both of letters, at least MIN_STEM long. */
function shareStem(a: string, b: string): boolean {
  const words = (text: string) =>
    contentTokens(text)
      .flatMap((token) => token.split(/[-'.]/))
      .filter((word) => word.length >= MIN_STEM && LETTER_WORD.test(word));
  const others = words(b);
  return words(a).some((word) => others.some((other) => other.startsWith(word) || word.startsWith(other)));
}

/** Letter words of a heading naming a record ("dr", "lena", "hoffmann"). */
function headingNameWords(heading: string): string[] {
  return contentTokens(heading).filter((token) => /^\p{L}{2,}$/u.test(token));
}

/**
 * A copy of a component whose heading, the record's name, kept some words of the recorded one and swapped
 * another ("Dr Lena Hoffmann" → "Dr Jonas Hoffmann"): the card now holds a namesake, another record.
 * A heading that only gained words (a badge) or only lost some is not this.
 */
function namesakeHeading(recorded: string | undefined, now: string): boolean {
  if (!recorded) return false;
  const [before, after] = [headingNameWords(recorded), headingNameWords(now)];
  if (before.length < 2 || after.length < 2) return false;
  const lost = before.filter((word) => !after.includes(word));
  const gained = after.filter((word) => !before.includes(word));
  return lost.length > 0 && gained.length > 0 && lost.length < before.length;
}

/** Shortest word gained from another record that makes a copy that record's namesake ("decaf"). */
const MIN_BORROWED_WORD = 3;

/**
 * A copy of a component that kept every word of the recorded copy's own content and gained words
 * another copy had at recording and has now ("Sumatra Mandheling 5 lb" → "Sumatra Mandheling Decaf
 * (Swiss Water) 5 lb", beside "Mountain Water Decaf 5 lb"): another record, named like the recorded
 * one and like its neighbour, not the recorded one with a badge.
 */
function namesakeVariant(
  recorded: Fingerprint,
  now: ReadonlySet<string>,
  otherCopies: () => readonly ReadonlySet<string>[],
): boolean {
  if (!recorded.text || !recorded.context) return false;
  const own = new Set(contentTokens(recorded.text));
  if (![...own].every((token) => now.has(token))) return false;
  const neighbours = new Set(contentTokens(recorded.context));
  const borrowed = [...now].filter(
    (token) => !own.has(token) && neighbours.has(token) && token.length >= MIN_BORROWED_WORD && /^\p{L}+$/u.test(token),
  );
  if (borrowed.length === 0) return false;
  // Words every copy gained alike (a regrouped layout's captions) are the component's, not a record's.
  const others = otherCopies();
  return borrowed.some(
    (token) => others.some((words) => words.has(token)) && !others.every((words) => words.has(token)),
  );
}

/** Fewest words around the target, its own name's aside, that may single out its component's copy. */
const MIN_COPY_CONTEXT_WORDS = 3;
/** Share of them the copy must still hold (live figures such as a distance may change). */
const MIN_COPY_CONTEXT_KEPT = 0.9;
/** Longest text read from one copy's shadow root when looking for those words. */
const MAX_COPY_TEXT = 4000;

/**
 * The one copy of a component whose content still holds nearly every word the recorded target had
 * around it (its own name's aside), when no other copy holds even half of them: that copy is the
 * record. Null when the words are too few, or generic enough that other copies have them too.
 */
function copyKeepingContext(copies: readonly Element[], target: Fingerprint): Element | null {
  const own = new Set(contentTokens(target.name));
  const words = [...new Set(contentTokens(target.context))].filter((word) => !own.has(word));
  if (words.length < MIN_COPY_CONTEXT_WORDS) return null;
  let keeper: Element | null = null;
  for (const copy of copies) {
    const root = copy.shadowRoot;
    if (!root) continue;
    const text = new Set(
      contentTokens(
        [...root.children]
          .map((child) => gatherText(child, MAX_COPY_TEXT))
          .join(' ')
          .slice(0, MAX_COPY_TEXT),
      ),
    );
    const share = words.filter((word) => text.has(word)).length / words.length;
    if (share >= MIN_COPY_CONTEXT_KEPT) {
      if (keeper) return null;
      keeper = copy;
    } else if (share >= MIN_DISTINCT_KEPT) {
      return null;
    }
  }
  return keeper;
}

/**
 * The one look-alike still in the recorded record's own card: under the card's own heading ("AMR-07",
 * a word that told the record apart at recording, not a position such as "Question 4"), with the
 * record's link, both word for word, and no other look-alike under that heading. Its figures
 * (battery 18% → 23%, another task) changed; the record did not. -1 when there is none.
 */
function sameRecordCardIndex(
  recorded: Fingerprint,
  fingerprints: readonly Fingerprint[],
  comparisons: readonly Comparison[],
): number {
  const heading = recorded.heading;
  if (!heading || !recorded.recordLink) return -1;
  const headingWords = contentTokens(heading);
  const distinct = new Set(recorded.distinct ?? []);
  if (headingWords.length === 0 || !headingWords.every((word) => distinct.has(word))) return -1;
  if (tokenize(heading).some((word) => POSITION_NUMBER.test(word))) return -1;
  const underHeading = fingerprints.flatMap((fingerprint, index) =>
    (comparisons[index] as Comparison).nameSimilarity >= WORD_FOR_WORD && equalText(fingerprint.heading ?? '', heading)
      ? [index]
      : [],
  );
  const [only] = underHeading;
  if (underHeading.length !== 1 || only === undefined) return -1;
  return fingerprints[only]?.recordLink === recorded.recordLink ? only : -1;
}

/**
 * The recorded section ("Session") was copied by an "Add another" and the copies numbered ("Session 1",
 * "Session 2 (optional)"): the first is the recorded one. The index of the same-named field of the
 * section numbered 1, when no section keeps the unnumbered caption; -1 otherwise.
 */
function firstNumberedCopyIndex(
  recorded: Fingerprint,
  pool: readonly Element[],
  fingerprints: readonly Fingerprint[],
  comparisons: readonly Comparison[],
): number {
  const caption = normalizeText(recorded.group ?? '').toLowerCase();
  if (!caption || /\d/.test(caption)) return -1;
  const numbers = pool.map((element, index) => {
    const fingerprint = fingerprints[index] as Fingerprint;
    if (fingerprint.tag !== recorded.tag || (comparisons[index] as Comparison).nameSimilarity !== 1) return null;
    const group = normalizeText(groupCaption(element)).toLowerCase();
    if (group === caption) return Number.NaN; // the unnumbered section is still there
    if (!group.startsWith(caption)) return null;
    // An aside may say where each copy is ("Brood box 1 (bottom)", "Recommender 1 — teacher").
    const match = /^\s*(?:#|no\.?\s*)?(\d{1,2})(?:\s*\([^)]*\)|\s+[—–-]\s+.*)?$/.exec(group.slice(caption.length));
    return match ? Number(match[1]) : null;
  });
  if (numbers.some((number) => Number.isNaN(number))) return -1;
  const first = numbers.flatMap((number, index) => (number === 1 ? [index] : []));
  const later = numbers.some((number) => number !== null && number > 1);
  return first.length === 1 && later ? (first[0] as number) : -1;
}

function isCommand(fingerprint: Fingerprint): boolean {
  return COMMAND_ROLES.has(fingerprint.role);
}

/** A command now called something sharing no word with its recorded name (an empty name is a label dropped, not this). */
function renamedCommand(recorded: Fingerprint, candidate: Fingerprint, comparison: Comparison): boolean {
  return (
    isCommand(recorded) &&
    !comparison.translated &&
    comparison.nameSimilarity === 0 &&
    contentTokens(candidate.name).length > 0
  );
}

const COMPONENT_IDENTITY_LOCATORS = new Set<LocatorKind>(['testId', 'id', 'name']);

function sharedAcrossCopies(descriptor: ElementDescriptor): ElementDescriptor {
  return { ...descriptor, fingerprint: { ...descriptor.fingerprint, nameUnique: false } };
}

function withoutComponentIdentities(descriptor: ElementDescriptor): ElementDescriptor {
  const { id: _id, testId: _testId, ...fingerprint } = descriptor.fingerprint;
  const { name: _name, ...attrs } = fingerprint.attrs;
  const choice = fingerprint.type === 'radio' || fingerprint.type === 'checkbox';
  if (choice) delete attrs.value;
  return {
    locators: descriptor.locators.filter((locator) => !COMPONENT_IDENTITY_LOCATORS.has(locator.kind)),
    fingerprint: { ...fingerprint, attrs },
  };
}

export interface Scored {
  element: Element;
  /** The candidate's own fingerprint, as compared. */
  fingerprint: Fingerprint;
  comparison: Comparison;
  qualified: boolean;
  /** The checks it failed, when not qualified (for diagnostics: BENCH_EXPLAIN). */
  failed: string[];
  /** An identity (test id, stable id, field name, choice value, link path) only this candidate has. */
  vouched: boolean;
  /** An id or test id only this candidate has. */
  idVouched: boolean;
  /** Its surroundings kept the recorded record's own words and gained none of their own. */
  recordKept: boolean;
  /** It sits under the next numbered heading ("Sprint 25") while the recorded one is still on the page. */
  underSiblingHeading: boolean;
  /** The only field of its kind in the recorded record's row, its label dropped (see scoreCandidates). */
  unnamedInSameRecord: boolean;
  /** The same where the row has no link: its kept words tell the row (see scoreCandidates). */
  unnamedInKeptRecord: boolean;
  /** A select that alone offers the recorded option list, as only it did at recording (see scoreCandidates). */
  listVouched: boolean;
  /** A form field, relabelled, whose own hint no other field has is kept word for word (see scoreCandidates). */
  descriptionKept: boolean;
  /** The recorded control split in two ("Genre" → "Primary genre", "Secondary genre"): the primary one. */
  primaryNamed: boolean;
  /** The only form field with the recorded label under the recorded (unnumbered) caption, both word for word. */
  labelAndCaptionKept: boolean;
  /** The same-named field of the section numbered 1 once the recorded section was copied and numbered. */
  firstNumberedCopy: boolean;
  /** The one form field whose label now says the words of the recorded field's name or id (see scoreCandidates). */
  identifierVouched: boolean;
}

/** An imported target whose selectors state neither tag nor role: only its locators say which element it is. */
function isKindUnknown(fingerprint: Fingerprint): boolean {
  return !fingerprint.tag && !fingerprint.role;
}

/** The recorded tag as a selector (any element when it has none). */
function tagSelector(fingerprint: Fingerprint): string {
  return fingerprint.tag.replace(/[^a-z0-9-]/gi, '') || '*';
}

function collectCandidates(scope: Scope, fingerprint: Fingerprint): Element[] {
  const parts = [tagSelector(fingerprint)];
  if (fingerprint.role) {
    parts.push(`[role="${cssString(fingerprint.role)}"]`);
    const implicit = ROLE_TAGS[fingerprint.role];
    if (implicit) parts.push(implicit);
  }
  // A field to type in is never a box to tick, nor the other way round (compareFingerprints calls that
  // an identity conflict): such elements are not fingerprinted at all (a form's checkboxes are half of
  // its inputs).
  const family = controlFamily(fingerprint.role);
  const found = new Set<Element>();
  for (const element of safeQueryAll(scope, parts.join(','))) {
    if (tagOf(element) !== fingerprint.tag && !(fingerprint.role && roleOf(element) === fingerprint.role)) continue;
    if (family) {
      const other = controlFamily(roleOf(element));
      if (other && other !== family) continue;
    }
    found.add(element);
  }
  return [...found];
}

function safeQueryAll(scope: Scope, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function documentOf(scope: Scope): Document {
  return (scope.nodeType === 9 ? scope : scope.ownerDocument) as Document;
}

/** Elements a stored locator matches in this scope (possibly many; the caller requires exactly one). */
export function evaluateLocator(scope: Scope, locator: Locator, pool: readonly Element[]): Element[] {
  switch (locator.kind) {
    case 'testId':
      return safeQueryAll(scope, `[${locator.attr}="${cssString(locator.value)}"]`);
    case 'id':
      return safeQueryAll(scope, `[id="${cssString(locator.value)}"]`);
    case 'placeholder':
      return safeQueryAll(scope, `[placeholder]`).filter((element) =>
        equalText(element.getAttribute('placeholder') ?? '', locator.text),
      );
    case 'name':
      return safeQueryAll(scope, `${locator.tag.replace(/[^a-z0-9-]/gi, '')}[name="${cssString(locator.value)}"]`);
    case 'css':
      return safeQueryAll(scope, locator.selector);
    case 'xpath':
      return evaluateXPath(scope, locator.path);
    case 'role': {
      const selector = [`[role="${cssString(locator.role)}"]`, ROLE_TAGS[locator.role] ?? ''].filter(Boolean);
      const roleCandidates = new Set([...safeQueryAll(scope, selector.join(',')), ...pool]);
      return [...roleCandidates].filter(
        (element) => roleOf(element) === locator.role && equalText(accessibleName(element), locator.name),
      );
    }
    case 'label':
      return safeQueryAll(scope, 'input,select,textarea').filter(
        (element) => isFormControl(element) && equalText(labelText(element), locator.text),
      );
    case 'text': {
      const tag = locator.tag.replace(/[^a-z0-9-]/gi, '');
      if (!tag) return elementsWithText(scope, locator.text);
      return safeQueryAll(scope, tag).filter((element) => equalText(gatherText(element), locator.text));
    }
  }
}

/**
 * Elements whose whole text is `text`, found from the text nodes that hold its first word rather than by reading
 * every element's text; retargeted to the control a click on that text reaches (the button around a `<span>`).
 */
function elementsWithText(scope: Scope, text: string): Element[] {
  const wanted = normalizeText(text);
  const first = wanted.toLowerCase().split(' ')[0];
  if (!first) return [];
  const walker = documentOf(scope).createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  const found = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').toLowerCase().includes(first)) continue;
    let element = node.parentElement;
    for (let depth = 0; element && depth < MAX_TEXT_DEPTH; depth++, element = element.parentElement) {
      const own = gatherText(element);
      if (equalText(own, wanted)) {
        found.add(retarget(element));
        break;
      }
      // An ancestor's text contains this one's: once longer than the wanted text, no ancestor can equal it.
      if (normalizeText(own).length > wanted.length) break;
    }
  }
  return innermost([...found]);
}

/** Every word of the group's caption is in the choice's own caption. */
function captionNamesGroup(caption: string, group: string | undefined): boolean {
  return wordsWithin(contentTokens(group), contentTokens(caption));
}

/** Both headings say something and share no word: the section is about something else now. */
function headingRenamed(recorded: string | undefined, now: string | undefined): boolean {
  return noWordShared(contentTokens(recorded), contentTokens(now));
}

/** Drops elements that contain another one of the set: the row around a matching button is not a second match. */
function innermost(elements: readonly Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && element.contains(other)));
}

/** Named elements (any role) whose accessible name is `name`, as an `aria/Name` selector without a role finds them. */
function elementsNamed(scope: Scope, name: string): Element[] {
  return safeQueryAll(scope, NAMED_SELECTOR)
    .slice(0, MAX_CANDIDATES)
    .filter((element) => {
      const role = roleOf(element);
      return role !== '' && role !== 'presentation' && role !== 'none' && equalText(accessibleName(element), name);
    });
}

/** `//*[@id="…"]/rest`, as generateXPath writes a path anchored on an id. */
const ID_ANCHORED_XPATH = /^\/\/\*\[@id="([^"]*)"\]\/(.+)$/s;

function evaluateXPath(scope: Scope, path: string): Element[] {
  const doc = documentOf(scope);
  if (typeof doc.evaluate !== 'function') return [];
  // Blink's XPath has no id index: `//*[@id="x"]` visits every element of the page (most of a
  // resolution's locator time on a long form). The same anchors found by selector, then the rest of the
  // path from each, is the same answer.
  const anchored = scope === doc ? ID_ANCHORED_XPATH.exec(path) : null;
  if (anchored) return evaluateFromAnchors(doc, anchored[1] as string, anchored[2] as string);
  try {
    const result = doc.evaluate(path, scope, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
    const elements: Element[] = [];
    for (let index = 0; index < result.snapshotLength; index++) {
      const node = result.snapshotItem(index);
      if (node && node.nodeType === 1 && node.getRootNode() === scope) elements.push(node as Element);
    }
    return elements;
  } catch {
    return [];
  }
}

function evaluateFromAnchors(doc: Document, id: string, rest: string): Element[] {
  const found = new Set<Element>();
  try {
    for (const anchor of safeQueryAll(doc, `[id="${cssString(id)}"]`)) {
      const result = doc.evaluate(`./${rest}`, anchor, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
      for (let index = 0; index < result.snapshotLength; index++) {
        const node = result.snapshotItem(index);
        if (node && node.nodeType === 1 && node.getRootNode() === doc) found.add(node as Element);
      }
    }
  } catch {
    return [];
  }
  // Nested anchors (an id used twice, one inside the other) could interleave: document order, as XPath gives.
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** Inverse document frequency over candidates' surroundings: words every row shares say little. */
function contextWeights(recorded: Fingerprint, fingerprints: readonly Fingerprint[]): (token: string) => number {
  const frequency = new Map<string, number>();
  const documents = [recorded, ...fingerprints];
  for (const fingerprint of documents) {
    for (const token of new Set(contentTokens(fingerprint.context))) {
      frequency.set(token, (frequency.get(token) ?? 0) + 1);
    }
  }
  const total = documents.length;
  return (token) => Math.log(1 + total / (frequency.get(token) ?? 1));
}

/** Every candidate in the scope with its comparison to the recording; exported for diagnostics and benchmarks. */
export function scoreCandidates(
  scope: Scope,
  descriptor: ElementDescriptor,
): { scored: Scored[]; locatorMatches: { locator: Locator; elements: Element[] }[]; numberedNames: boolean } {
  const recorded = descriptor.fingerprint;
  const locatorMatches = descriptor.locators.map((locator) => ({
    locator,
    elements: evaluateLocator(scope, locator, []),
  }));
  let pool = isKindUnknown(recorded)
    ? [...new Set(gatherEvidence(scope, descriptor).flatMap((evidence) => evidence.elements))]
    : collectCandidates(scope, recorded);
  if (pool.length > MAX_CANDIDATES) {
    // Too many look-alike elements to fingerprint them all: compare only what the locators point at.
    const matched = new Set<Element>();
    for (const { elements } of locatorMatches) for (const element of elements.slice(0, 50)) matched.add(element);
    pool = [...matched];
  }

  const fingerprints = pool.map((element) => computeFingerprint(element));
  const contextWeight = contextWeights(recorded, fingerprints);
  const identityCounts = new Map<string, number>();
  for (const fingerprint of fingerprints) {
    for (const key of identityKeys(fingerprint)) identityCounts.set(key, (identityCounts.get(key) ?? 0) + 1);
  }
  // An identity numbered like another candidate's, by a small number ("zone3_mm" beside "zone4_mm"), is
  // a place in a list, however it is spelled: it identifies nothing, as if every candidate had it.
  for (const key of listNumberedKeys(identityCounts.keys())) identityCounts.set(key, Number.POSITIVE_INFINITY);
  const comparisons = pool.map((_, index) =>
    compareFingerprints(recorded, fingerprints[index] as Fingerprint, { contextWeight }),
  );
  besideAddedText(recorded, pool, fingerprints, comparisons, contextWeight);
  // Words, not numbers (a unit renumbered "4B" → "0402" is the same record), no other look-alike has
  // (a row's "Message captain" beside its "Check in" shares its words).
  const { gainedOwnWords, gainedWordsNoLookAlikeHas } = ownWordsGained(
    recorded,
    fingerprints,
    (index) => (comparisons[index] as Comparison).nameSimilarity >= MIN_NAME_SIMILARITY,
  );
  // The recorded element's look-alikes now (named like it: "Flag question" in every question).
  const namedAlike = pool.filter(
    (_, index) => (comparisons[index] as Comparison).nameSimilarity >= MIN_NAME_SIMILARITY,
  );
  // A section ends where another look-alike's begins, as at recording: for a command or a field, the
  // same-named ones ("Re-run" in every run, not the row's "View logs"); for a choice, any other
  // group's choices (whose captions may have changed: "c. Mitochondria" → "b. Mitochondria").
  // Copies of the recorded control itself ("Box 2 · Federal income tax withheld" in each W-2) when there
  // are several: a field named a little alike in its own section ("Box 17 · State income tax") is not one.
  const isChoice = recorded.type === 'radio' || recorded.type === 'checkbox';
  const namedSame = pool.filter((_, index) => {
    const name = (fingerprints[index] as Fingerprint).name;
    return !!recorded.name && (equalText(name, recorded.name) || sameButNumbers(name, recorded.name));
  });
  const sectionPool = isChoice ? pool : namedSame.length > 1 ? namedSame : namedAlike.length > 1 ? namedAlike : pool;
  // Fields of the recorded record (its row's link) of the recorded kind: one alone there is its field.
  const fieldsPerRecord = new Map<string, number>();
  for (const fingerprint of fingerprints) {
    if (!fingerprint.recordLink || fingerprint.tag !== recorded.tag || fingerprint.type !== recorded.type) continue;
    fieldsPerRecord.set(fingerprint.recordLink, (fieldsPerRecord.get(fingerprint.recordLink) ?? 0) + 1);
  }
  // Fields of the recorded kind (a select: offering the recorded options) around which the recorded
  // record's words are kept (its row's text): one alone is the only such field in the only such record.
  const inKeptRecord = fingerprints.map(
    (fingerprint, index) =>
      isFormControlTag(recorded.tag) &&
      !!recorded.inRecord &&
      fingerprint.tag === recorded.tag &&
      fingerprint.type === recorded.type &&
      (!recorded.options || fingerprint.options === recorded.options) &&
      ((comparisons[index] as Comparison).contextSimilarity ?? 0) >= KEPT_SURROUNDINGS,
  );
  const onlyFieldInKeptRecord = inKeptRecord.filter(Boolean).length === 1;
  // Fields of the recorded tag and type here: one alone, under the recorded heading, its surroundings
  // kept, is the recorded one relabelled ("Note to processor" → "Message for your loan processor" in a
  // request card; not the Meals card's cap when the Hotels card lost its own).
  const sameKindFields = isFormControlTag(recorded.tag)
    ? fingerprints.filter((fingerprint) => fingerprint.tag === recorded.tag && fingerprint.type === recorded.type)
        .length
    : 0;
  const namesByForm = fieldNamesByForm(fingerprints);
  const recordedHeadingStays = fingerprints.some((fingerprint) =>
    equalText(fingerprint.heading ?? '', recorded.heading ?? ''),
  );
  const lookAlikes = comparisons.filter((comparison) => comparison.nameSimilarity >= MIN_NAME_SIMILARITY).length;
  // Look-alikes now, or at recording ("Archive" in every row, and the recorded row is gone), or a
  // record's own action (the cart's one line): only close surroundings tell which one it was.
  const strictContext = lookAlikes > 1 || recorded.nameUnique === false || !!recorded.inRecord;
  const minContext = strictContext ? MIN_CONTEXT_SIMILARITY_LOOKALIKES : MIN_CONTEXT_SIMILARITY;
  // A select offering the options only the recorded one offered, in the same order, is the one only it
  // can be (a filter relabelled "Status" → "Permit status" beside a new "Inspection status").
  const sameOptions = recorded.optionsUnique && recorded.options ? recorded.options : null;
  const sameOptionsCount = sameOptions
    ? fingerprints.filter((fingerprint) => fingerprint.options === sameOptions).length
    : 0;
  // A list of many words says what the select is by itself (sites and rooms, reminder channels; not
  // "Yes | No", priorities, months or days, which any other select may offer): it vouches wherever the
  // select moved and whatever it is called now. A list of few words needs a name word too.
  const wordedOptionList = !!sameOptions && optionWords(sameOptions) >= WORDED_OPTION_LIST;
  // How each candidate's section caption relates to the recorded one ("Primary owner", "Second owner"),
  // and the names of fields in an added copy of it: read once, not per candidate pair.
  const recordedGroup = recorded.group;
  const copies = fingerprints.map((fingerprint) =>
    recordedGroup ? copyOfSection(recordedGroup, fingerprint.group) : null,
  );
  // The recorded control itself split in two ("Genre" → "Primary genre" and "Secondary genre
  // (optional)"): the one called primary is the recorded one, when the added one is there to show it.
  const nameCopies = fingerprints.map((fingerprint) =>
    recorded.name ? copyOfSection(recorded.name, fingerprint.name) : null,
  );
  const splitByName = nameCopies.filter((copy) => copy === 'primary').length === 1 && nameCopies.includes('added');
  // The same by the section's heading ("Commissary kitchen" → "Primary commissary kitchen" beside a
  // new "Backup commissary (optional)"): the one same-named field under the heading called primary,
  // when another same-named field is there to show a copy was added.
  const primaryByHeading = fingerprints.map(
    (fingerprint) =>
      !!recorded.heading &&
      !!recorded.name &&
      equalText(fingerprint.name, recorded.name) &&
      copyOfSection(recorded.heading, fingerprint.heading) === 'primary',
  );
  const headingCopyAdded =
    primaryByHeading.filter(Boolean).length === 1 &&
    fingerprints.filter((fingerprint) => equalText(fingerprint.name, recorded.name)).length > 1;
  const namesInAddedCopy = new Set(
    fingerprints
      .filter((_, index) => copies[index] === 'added')
      .map((fingerprint) => normalizeText(fingerprint.name).toLowerCase()),
  );
  // A field under the recorded caption word for word ("Billing ZIP code" in "Card details"), with the
  // recorded label: when exactly one field is both now, the caption says which section it is though
  // words around it changed (a hint added under it, a "Same as ship-from" box dropped). Its label, if
  // unique at recording, also says which field, whatever its surroundings now.
  const labelAndCaptionKept = comparisons.map(
    (comparison) =>
      isFormControlTag(recorded.tag) &&
      !!recordedGroup &&
      !/\d/.test(recordedGroup) &&
      comparison.nameSimilarity >= WORD_FOR_WORD &&
      (comparison.groupSimilarity ?? 0) >= WORD_FOR_WORD,
  );
  const onlyLabelAndCaptionKept = labelAndCaptionKept.filter(Boolean).length === 1;
  // A form field relabelled with the words its field name or id always had ("condition_notes" →
  // "Condition notes"): the one field so labelled is it, when the recorded label said other words.
  const recordedIdentifiers = isFormControlTag(recorded.tag)
    ? [recorded.attrs.name, recorded.id]
        .map(identifierWords)
        .filter((words) => words.length >= MIN_IDENTIFIER_WORDS && !labelSaysIdentifier(words, recorded.name))
    : [];
  // Never a field whose own label was around the recorded one: that field was there already.
  const looking = recordedIdentifiers.length > 0;
  const recordedLabelWords = looking ? contentTokens(recorded.label ?? '').map(singular) : [];
  const recordedAround = new Set(looking ? contentTokens(recorded.context).map(singular) : []);
  const labelledAround = (name: string) => {
    const words = contentTokens(name).map(singular);
    return words.length > 0 && words.every((word) => recordedAround.has(word));
  };
  // Nor the recorded label with a qualifier ("Email" → "Emergency contact email"): another field.
  const qualifiesRecordedLabel = (name: string) => {
    const words = contentTokens(name).map(singular);
    return (
      recordedLabelWords.length > 0 &&
      words.length > recordedLabelWords.length &&
      recordedLabelWords.every((word) => words.includes(word))
    );
  };
  const identifierNamed = fingerprints.map(
    (fingerprint) =>
      // Cheapest first: most resolutions have no code name to look for.
      looking &&
      fingerprint.tag === recorded.tag &&
      fingerprint.type === recorded.type &&
      recordedIdentifiers.some((words) => labelSaysIdentifier(words, fingerprint.name)) &&
      !labelledAround(fingerprint.name) &&
      !qualifiesRecordedLabel(fingerprint.name),
  );
  const onlyIdentifierNamed = identifierNamed.filter(Boolean).length === 1;
  const namedInSection = labelAndCaptionKept.map(
    (kept) => kept && onlyLabelAndCaptionKept && recorded.nameUnique !== false,
  );
  // A label split between a new fieldset's caption and the field ("Hall you want to move to" → "Where
  // you want to move" › "Hall", beside "Your current room" › "Hall"): the one field whose caption and
  // label hold every recorded word, its own label only some of them.
  const labelSplit = fingerprints.map(
    (fingerprint) =>
      isFormControlTag(recorded.tag) &&
      !recordedGroup &&
      !!fingerprint.group &&
      labelSplitInto(recorded.name, fingerprint.group, fingerprint.name),
  );
  const onlyLabelSplit = labelSplit.filter(Boolean).length === 1;
  // A field relabelled ("Embargo until" → "Embargo lifts at") whose own hint beside it is kept word for
  // word, a hint no other field has: the same field. Not in a list's records, where the row's words
  // are around every field of the row.
  const describedAlike = comparisons.filter(
    (comparison) => (comparison.contextSimilarity ?? 0) >= MIN_CONTEXT_SIMILARITY,
  ).length;
  const descriptionKept = comparisons.map(
    (comparison) =>
      isFormControlTag(recorded.tag) &&
      !recorded.inRecord &&
      recorded.nameUnique !== false &&
      contentTokens(recorded.context).length >= MIN_DESCRIPTION_WORDS &&
      (comparison.contextSimilarity ?? 0) >= WORD_FOR_WORD &&
      comparison.nameSimilarity > 0 &&
      describedAlike === 1,
  );
  // Names numbered like a list's entries ("Mark item 4 complete" beside "Mark item 3 complete"): the
  // number moves to another entry when the list renumbers, so the name says nothing of which entry.
  const numberedNames = fingerprints.some((fingerprint) => numberedLike(fingerprint.name, recorded.name));
  const sameRecordCard = sameRecordCardIndex(recorded, fingerprints, comparisons);
  const firstNumberedCopy = firstNumberedCopyIndex(recorded, pool, fingerprints, comparisons);
  const recordedSlot = recordedSlotOf(recorded, fingerprints);
  // Nothing around it told it from its look-alikes at recording (the same person's card in two
  // lists, word for word): only its wider section did (the other people of its list), which must
  // still be around it. Not inside a component's copy: there its look-alikes are the other copies'.
  const widerOnly =
    recorded.nameUnique === false &&
    !recorded.distinct?.length &&
    !recorded.twin &&
    !recorded.sectionWords?.length &&
    (recorded.widerWords?.length ?? 0) > 0 &&
    !inComponentCopy(scope);
  const keepsWiderSection = (element: Element, fingerprint: Fingerprint) => {
    const wanted = recorded.widerWords ?? [];
    const around = firstSectionWords(element, fingerprint);
    return wanted.filter((word) => around.has(word)).length >= wanted.length * MIN_DISTINCT_KEPT;
  };
  // A field told from its twins by its section's words ("Shipping address"), none of them around it
  // now: its field name does not vouch for it while another field labelled alike sits among all the
  // recorded section's other words (its address lines), the one such field.
  // Read only when a field-name vouch is in question: it walks every candidate's ancestors.
  let widerSectionKeeper: number | undefined;
  const onlyWiderSectionKeeper = (): number => {
    if (widerSectionKeeper === undefined) {
      const keepers = pool.flatMap((element, index) =>
        (comparisons[index] as Comparison).nameSimilarity >= WORD_FOR_WORD &&
        wordsWithin(recorded.widerWords ?? [], [...firstSectionWords(element, fingerprints[index] as Fingerprint)])
          ? [index]
          : [],
      );
      widerSectionKeeper = keepers.length === 1 ? (keepers[0] as number) : -1;
    }
    return widerSectionKeeper;
  };
  const widerSectionElsewhere = (index: number) =>
    !!recorded.distinct?.length &&
    !!recorded.widerWords?.length &&
    isFormControlTag(recorded.tag) &&
    onlyWiderSectionKeeper() >= 0 &&
    onlyWiderSectionKeeper() !== index;
  const recordIdKeeper = onlyRecordIdKeeper(recorded, fingerprints, comparisons);
  const rowValuesKeeper = onlyRowValuesKeeper(recorded, pool, fingerprints);
  const recordLinkKeeper = onlyRecordLinkKeeper(recorded, recordedSlot, fingerprints);
  const commandsExtended = extendedCommands(recorded, fingerprints, comparisons);
  const removesFromList = !!recorded.inRecord && !!recorded.heading && commandVerb(recorded.name) === 'remove';
  // The record ids in the recorded wider section (the card's "J-20877"): where a candidate's holds
  // none of them but another of their form ("J-20893"), another record stands in the recorded one's place.
  // Only when nothing nearer named the record: ids of its own around it (a card's "R-5531") make the
  // wider section's ids its neighbours' (the column it moved to).
  const ownIds = [recorded.context, recorded.name].some((text) =>
    contentTokens(text).some((token) => idNumber(token) !== undefined),
  );
  const recordedSectionIds = ownIds ? [] : (recorded.widerWords ?? []).filter((token) => idNumber(token) !== undefined);
  const sectionIdNumbers = new Set(recordedSectionIds.map(idNumber));
  const sectionIdShapes = new Set(recordedSectionIds.map(digitShape));
  const sectionIdReplaced = (element: Element, fingerprint: Fingerprint) => {
    const ids = widerSectionWords(element, fingerprint).filter((token) => idNumber(token) !== undefined);
    return (
      !ids.some((token) => sectionIdNumbers.has(idNumber(token))) &&
      ids.some((token) => sectionIdShapes.has(digitShape(token)))
    );
  };
  const specificName = contentTokens(recorded.name).length >= SPECIFIC_NAME_WORDS;
  // The recorded command's name is on another element now ("Bind" on a related quote) while the one
  // holding its id or test id says something else entirely ("Re-quote"): the id names a slot, and the
  // command that was in it is gone.
  const nameTakenElsewhere = isCommand(recorded) && namedAlike.length > 0;
  const scored: Scored[] = pool.map((element, index) => {
    const comparison = comparisons[index] as Comparison;
    const nameOk = comparison.nameSimilarity >= MIN_NAME_SIMILARITY;
    const inSameRecordCard = index === sameRecordCard;
    const uniqueIdentities = comparison.identities.filter((key) => identityCounts.get(key) === 1);
    const optionsVouch =
      sameOptionsCount === 1 &&
      (fingerprints[index] as Fingerprint).options === sameOptions &&
      (nameOk ||
        (comparison.contextSimilarity ?? 1) >= MIN_CONTEXT_SIMILARITY ||
        wordedOptionList ||
        comparison.nameSimilarity > 0);
    // A field name alone ("status") is a weak identity: a new form may reuse it ("code" for a
    // referral code where the promo code was). It vouches only for a field its label or its
    // surroundings point at too. So does a placeholder.
    const vouched =
      uniqueIdentities.some((key) => !WEAK_IDENTITY.test(key)) ||
      (uniqueIdentities.length > 0 &&
        (nameOk ||
          (comparison.contextSimilarity ?? 1) >= minContext ||
          // Or every word that told its section apart ("Mood & wellbeing") is still around it.
          (comparison.distinctKept === 1 && (recorded.distinct?.length ?? 0) >= MIN_SECTION_WORDS_VOUCHING))) ||
      optionsVouch;
    const recordKept =
      (comparison.distinctKept ?? 0) >= RECORD_WORDS_KEPT &&
      (comparison.distinctKept ?? 0) * (recorded.distinct?.length ?? 0) >= RECORD_WORDS_KEPT_MIN &&
      !gainedOwnWords(index);
    const contextOk =
      comparison.contextSimilarity === null ||
      comparison.contextSimilarity >= minContext ||
      (recordKept && comparison.contextSimilarity >= MIN_CONTEXT_SIMILARITY) ||
      index === recordLinkKeeper;
    // An answer under another question is another answer, whatever its value says; only an id or
    // test id unique to it outweighs that.
    const testIdVouched = comparison.identities.some(
      (key) => key.startsWith('testid:') && identityCounts.get(key) === 1,
    );
    const idVouched = comparison.identities.some(
      (key) => (key.startsWith('id:') || key.startsWith('testid:')) && identityCounts.get(key) === 1,
    );
    const fingerprint = fingerprints[index] as Fingerprint;
    // A choice whose own caption names its group ("Auto-renew membership" under "Membership") says
    // what it is wherever it moved: the same caption under another group is still it.
    // So does a caption of many words ("Upset prevention and recovery (UPRT)") that no other choice
    // is named like, its own description beside it kept: a list split into groups moved it. Not when
    // its field name gained a word its new group is named by ("rest_ok" → "linked_rest_ok" under
    // "Linked shift: Mon 14 Oct"): the same declaration for another thing.
    const groupOk =
      comparison.groupSimilarity === null ||
      comparison.groupSimilarity >= MIN_CONTEXT_SIMILARITY ||
      idVouched ||
      // A select its option list names (the one such list on the page), its label kept.
      (optionsVouch && nameOk) ||
      (equalText(recorded.name, fingerprint.name) && captionNamesGroup(recorded.name, recorded.group)) ||
      (specificName &&
        namedAlike.length === 1 &&
        !nameQualifiedByGroup(recorded, fingerprint) &&
        comparison.nameSimilarity >= MIN_NAME_SIMILARITY &&
        (comparison.contextSimilarity ?? 0) >= KEPT_SURROUNDINGS);
    // A cell under another column ("Desktop" inserted before "Email") is another setting of the same row.
    const columnOk =
      !recorded.column ||
      !fingerprint.column ||
      comparison.translated ||
      textSimilarity(recorded.column, fingerprint.column) >= MIN_CONTEXT_SIMILARITY ||
      idVouched;
    // A field of another form, in other surroundings (the sign-in form is gone, the newsletter's
    // email field is not), is another field, whatever its name attribute says.
    const candidateForm = fingerprint.form;
    const fieldOfOtherForm =
      isFormControlTag(recorded.tag) &&
      !!recorded.form &&
      !!candidateForm &&
      recorded.form !== candidateForm &&
      (comparison.contextSimilarity ?? 1) < MIN_CONTEXT_SIMILARITY;
    // What told it apart from its look-alikes at recording ("Starter") must still be around it,
    // unless an identity only it has (its link, its id) says it is the same one.
    // An identity does not vouch for a record that kept none of the recorded record's own words when
    // every record had such a control: a test id repeats in each row's copy of it.
    // A section's number shifts when one is added or removed above it ("Guest 2" → "Guest 1"): when
    // only numbers told it apart, its own section words kept (the guest's name) say it is the same.
    const renumbered =
      !!recorded.sectionWords &&
      (recorded.distinct ?? []).every((token) => /\d/.test(token)) &&
      keepsSectionWords(recorded.sectionWords, element, sectionPool, namedAlike);
    // Nor does it vouch for one whose section now names something else entirely (the same block
    // reused: "Hokusai: Waves and Wind" → "Ansel Adams: The Mural Project", its fields kept).
    const distinctOk =
      comparison.distinctKept === null ||
      comparison.distinctKept >= MIN_DISTINCT_KEPT ||
      renumbered ||
      (labelAndCaptionKept[index] === true && onlyLabelAndCaptionKept) ||
      (vouched &&
        !(recorded.nameUnique === false && comparison.distinctKept === 0) &&
        !(
          comparison.distinctKept === 0 &&
          uniqueIdentities.every((key) => WEAK_IDENTITY.test(key)) &&
          widerSectionElsewhere(index)
        ) &&
        (comparison.translated || !headingRenamed(recorded.heading, fingerprint.heading)));
    // Among records, one whose surroundings name a record number ("#58") the recorded ones did not is
    // another record, even when it quotes the recorded one ("Duplicate of #47: …").
    const otherNumberedRecord =
      strictContext &&
      ((newRecordNumber(recorded, fingerprint) &&
        !onlyPositionShifted(recorded, fingerprint, gainedOwnWords(index), MAX_POSITION_SHIFT)) ||
        ((distinctDatePartReplaced(recorded, fingerprint) || leadingWordReplaced(recorded, fingerprint)) &&
          !onlyPositionShifted(recorded, fingerprint, gainedOwnWords(index))) ||
        (numberedNames && numberReplacedAround(recorded, fingerprint)) ||
        slotReplaced(recorded, recordedSlot, fingerprint));
    // Only a number told it from its look-alikes, and numbering shifts ("Question 4" is another
    // question once one is inserted above): the section's own words must still be around it. A
    // field name or id numbered the same way ("dependants[1].tin") does not outweigh that.
    const sectionOk =
      !recorded.sectionWords ||
      comparison.translated ||
      renumbered ||
      keepsSectionWords(recorded.sectionWords, element, sectionPool, namedAlike) ||
      testIdVouched;
    // Under the next numbered heading ("Sprint 25") while the recorded one ("Sprint 24") is still on the
    // page: another record's copy of the control, not this one renumbered (that keeps its section words,
    // or its own words with only the number moved: "Party 2 Marcus Hale" → "Party 3 Marcus Hale").
    const underSiblingHeading =
      recordedHeadingStays &&
      !renumbered &&
      headingNumberChanged(recorded.heading, fingerprint.heading) &&
      !onlyPositionShifted(recorded, fingerprint, gainedOwnWords(index), MAX_POSITION_SHIFT);
    // Its label dropped ("Table for Dr. Lena Okafor" → no name at all), still the only field of its kind
    // in the recorded record's row, offering the same choices: nothing says it is another field.
    const unnamedInSameRecord =
      isFormControlTag(recorded.tag) &&
      !!recorded.name &&
      !fingerprint.name.trim() &&
      !!recorded.recordLink &&
      fingerprint.recordLink === recorded.recordLink &&
      fingerprint.tag === recorded.tag &&
      fingerprint.type === recorded.type &&
      fieldsPerRecord.get(recorded.recordLink) === 1 &&
      (!recorded.choices || tokenSimilarity(recorded.choices, fingerprint.choices ?? []) >= MIN_SAME_CHOICES);
    // Nor when the row has no link: its name dropped ("Status for ENG-231" → no name, or back to the
    // label it showed, "If unavailable"), the only field of its kind where the recorded row's words are
    // kept, under the same column, offering the same options, and the old name's words all around it
    // (it only repeated the column, the label and the row).
    const unnamedInKeptRecord =
      inKeptRecord[index] === true &&
      onlyFieldInKeptRecord &&
      !!recorded.name &&
      (!fingerprint.name.trim() || (!!recorded.label && equalText(fingerprint.name, recorded.label))) &&
      (!recorded.column || (!!fingerprint.column && equalText(recorded.column, fingerprint.column))) &&
      (wordsWithin(
        // Words that name something ("Mary’s", "is" aside): the label's grammar is not around it, nor
        // its number ("Select lot L-2016-012" under the column "Select all lots"), nor the verb it
        // started with ("Assign run for Tucker" beside "Run").
        nameWords(recorded.name),
        contentTokens(
          `${fingerprint.name} ${fingerprint.column ?? ''} ${fingerprint.group ?? ''} ${fingerprint.context ?? ''}`,
        ).map(singular),
      ) ||
        // Or, under its recorded field name, the column says the name in its standard short form
        // ("Quantity" under "Qty"; not "45 min" or a person called Max elsewhere in the row).
        (!!recorded.attrs.name &&
          fingerprint.attrs.name === recorded.attrs.name &&
          wordsWithin(
            nameWords(canonicalFieldText(recorded.name)),
            contentTokens(canonicalFieldText(`${fingerprint.name} ${fingerprint.column ?? ''}`)).map(singular),
          )));
    // A form regrouped into sections ("Identity", "Purchase"): the one field still labelled as
    // recorded, in the same form under the same heading, its surroundings now a part of the recorded
    // ones. Not in a list's records, nor for a field that had a same-named twin.
    const surroundingsSplit =
      isFormControlTag(recorded.tag) &&
      !recorded.inRecord &&
      !recorded.distinct &&
      recorded.nameUnique !== false &&
      namedAlike.length === 1 &&
      equalText(fingerprint.name, recorded.name) &&
      !!recorded.form &&
      fingerprint.form === recorded.form &&
      equalText(fingerprint.heading ?? '', recorded.heading ?? '') &&
      contextWithinRecorded(recorded, fingerprint);
    // A form that gained a second copy of the recorded section ("Owner" → "Primary owner" and "Second
    // owner"): the copy called primary is the recorded one, when the other copy is there to show it,
    // and the copy called second never is, whatever the first became.
    const addedCopy = copies[index] === 'added';
    const primaryCopy =
      (comparison.nameSimilarity === 1 &&
        copies[index] === 'primary' &&
        namesInAddedCopy.has(normalizeText(fingerprint.name).toLowerCase())) ||
      (headingCopyAdded && primaryByHeading[index] === true);
    // A choice reworded ("permission for any third-party copyright material" → "permission to
    // reproduce third-party copyright material") that still sends the recorded worded value
    // ("copyright"), no other choice sending it, and still shares half its caption: the same choice.
    const valueVouched =
      comparison.nameSimilarity >= REWORDED_CHOICE_SIMILARITY &&
      uniqueIdentities.some((key) => key.startsWith('value:'));
    // A record that lost some of the words telling the recorded one apart and gained words of its own
    // that no other record has ("Voltage · ampere" → "Voltage Academy · ohm"): a namesake in its place.
    // So is one that kept them all but whose own title grew a word no other record has ("Scarlet Runner
    // bean" → "Scarlet Emperor runner bean", pushed onto the next page by newer donations).
    const namesakeRecord =
      strictContext &&
      !!recorded.inRecord &&
      comparison.distinctKept !== null &&
      (comparison.distinctKept < 1 || titleGrew(recorded, fingerprint)) &&
      gainedWordsNoLookAlikeHas(index);
    const identifierVouched = onlyIdentifierNamed && identifierNamed[index] === true;
    const checks: [string, boolean][] = [
      ['section', sectionOk],
      ['sibling-heading', !(underSiblingHeading && !idVouched && index !== recordIdKeeper)],
      ['identity-conflict', !comparison.identityConflict],
      ['caption-swapped', !comparison.captionSwapped || valueVouched || identifierVouched],
      ['object-changed', !comparison.objectChanged],
      ['renamed-name-elsewhere', !(nameTakenElsewhere && renamedCommand(recorded, fingerprint, comparison))],
      ['other-record', !comparison.otherRecord],
      ['question-replaced', !questionReplaced(recorded, fingerprint, comparison)],
      // A kept id says it is the same control, not that a command still does what it did (a toggle).
      ['opposite-asked', !(oppositeAsked(recorded, fingerprint) && (!idVouched || isCommand(recorded)))],
      [
        'name-qualified',
        !(
          nameQualified(recorded, fingerprint, comparison) &&
          !idVouched &&
          // Its example value ("e.g. ALCLF8A2C41D") and its label kept: the field moved into a
          // section its name now starts with ("ont_serial" → "equipment.ontSerial").
          !(nameOk && uniqueIdentities.some((key) => key.startsWith('placeholder:'))) &&
          (comparison.contextSimilarity ?? 0) < minContext
        ),
      ],
      ['namesake', !(namesakeRecord && !idVouched && index !== recordIdKeeper)],
      // One of the elements beside the recorded one then, as it was: that neighbour, not it renamed.
      ['neighbour', !(isRecordedNeighbour(recorded, fingerprint) && !idVouched)],
      // Unless what the server receives is still the recorded field's ("Delivery postcode" → "Postcode"
      // once the billing one moved to the payment page, `delivery_postcode` kept).
      [
        'merged-with-neighbour',
        !(
          mergedWithNeighbour(recorded, fingerprint, namesByForm) &&
          !idVouched &&
          !uniqueIdentities.some((key) => key.startsWith('name:'))
        ),
      ],
      // Another row holds what the recorded row's other fields held and this one holds none of it: this
      // one is another row, whatever its number ("Segment 3" once a segment was inserted above the
      // recorded one). A row that kept some may have been edited since: its place and name decide.
      [
        'row-values',
        rowValuesKeeper < 0 || index === rowValuesKeeper || idVouched || holdsRecordedRowValue(recorded, element),
      ],
      ['twin-words', !lostTwinWords(recorded, fingerprint)],
      ['wider-section', !widerOnly || idVouched || keepsWiderSection(element, fingerprint)],
      // "Remove" takes a record off the list it is in: the same person listed under another heading
      // (moved from MV Islander's crew to MV Kestrel's), the recorded list still there, is another entry.
      [
        'removed-elsewhere',
        !(
          removesFromList &&
          recordedHeadingStays &&
          !!fingerprint.heading &&
          !equalText(fingerprint.heading, recorded.heading ?? '') &&
          !idVouched
        ),
      ],
      [
        'section-id-replaced',
        !(recordedSectionIds.length > 0 && !idVouched && sectionIdReplaced(element, fingerprint)),
      ],
      ['name-number-replaced', !(nameNumberReplaced(recorded, fingerprint) && !idVouched)],
      [
        'other-numbered-record',
        !(otherNumberedRecord && !idVouched && !renumbered && !inSameRecordCard && index !== recordIdKeeper),
      ],
      ['group', groupOk],
      // Likewise a field named as an added copy of the recorded one ("Secondary genre" for "Genre").
      // And the same-named field beside the one under the heading called primary.
      [
        'added-copy',
        !addedCopy &&
          nameCopies[index] !== 'added' &&
          !(headingCopyAdded && primaryByHeading[index] !== true && equalText(fingerprint.name, recorded.name)),
      ],
      // And the other way round: the recorded field was the added copy ("Additional scope" beside
      // "Primary scope"); one named plainly ("Scope") is the first one renamed, the copy removed.
      ['base-of-added-copy', !baseOfRecordedCopy(recorded, fingerprint)],
      ['column', columnOk],
      ['distinct', distinctOk],
      ['other-form', !fieldOfOtherForm || idVouched],
      [
        'name-or-context',
        vouched ||
          (nameOk && contextOk) ||
          unnamedInSameRecord ||
          unnamedInKeptRecord ||
          surroundingsSplit ||
          (sameKindFields === 1 &&
            fingerprint.tag === recorded.tag &&
            !!recorded.heading &&
            equalText(fingerprint.heading ?? '', recorded.heading) &&
            comparison.nameSimilarity > 0 &&
            (comparison.contextSimilarity ?? 0) >= KEPT_SURROUNDINGS) ||
          primaryCopy ||
          (splitByName && nameCopies[index] === 'primary') ||
          namedInSection[index] === true ||
          (onlyLabelSplit && labelSplit[index] === true) ||
          descriptionKept[index] === true ||
          inSameRecordCard ||
          index === firstNumberedCopy ||
          identifierVouched ||
          (commandsExtended[index] === true &&
            comparison.distinctKept === 1 &&
            (comparison.contextSimilarity ?? 0) >= KEPT_SURROUNDINGS),
      ],
    ];
    const failed = checks.flatMap(([check, passed]) => (passed ? [] : [check]));
    const qualified = failed.length === 0;
    return {
      element,
      fingerprint,
      comparison,
      qualified,
      failed,
      vouched,
      idVouched,
      recordKept,
      underSiblingHeading,
      unnamedInSameRecord,
      unnamedInKeptRecord,
      listVouched: optionsVouch,
      descriptionKept: descriptionKept[index] === true,
      primaryNamed: splitByName && nameCopies[index] === 'primary',
      labelAndCaptionKept: labelAndCaptionKept[index] === true && onlyLabelAndCaptionKept,
      firstNumberedCopy: index === firstNumberedCopy,
      identifierVouched,
    };
  });
  // An identity that now belongs to another record (Harbor View's unit 4B took the id
  // "record-payment-4B" from Maple Court's): when a candidate kept every word that told the recorded
  // record apart, one that lost most of them is not that record, whatever id it holds.
  const recordFound = scored.some((entry) => entry.qualified && entry.comparison.distinctKept === 1);
  // Likewise a section: when a look-alike still sits under the recorded caption word for word
  // ("ZIP" under "Return address"), one under another caption ("Ship-from address") is not it. A
  // field of another name there ("Auto-renew parking pass" where "Auto-renew membership" was) is not.
  const sectionFound =
    !!recorded.group &&
    !/\d/.test(recorded.group) &&
    scored.some(
      (entry) => entry.comparison.groupSimilarity === 1 && entry.comparison.nameSimilarity >= MIN_NAME_SIMILARITY,
    );
  if (!recordFound && !sectionFound) return { scored, locatorMatches, numberedNames };
  // An id outweighs another caption, unless the recorded label is there too under the recorded caption
  // and the id's field has neither (a new "Mailing address" block took over the id "zip").
  const fieldFound =
    sectionFound &&
    scored.some(
      (entry) =>
        (entry.comparison.groupSimilarity ?? 0) >= WORD_FOR_WORD && entry.comparison.nameSimilarity >= WORD_FOR_WORD,
    );
  const otherRecordOrSection = (entry: Scored) =>
    (recordFound && (entry.comparison.distinctKept ?? 1) < MIN_DISTINCT_KEPT && !entry.labelAndCaptionKept) ||
    (sectionFound &&
      (entry.comparison.groupSimilarity ?? 1) < 1 &&
      (!entry.idVouched || (fieldFound && entry.comparison.nameSimilarity < WORD_FOR_WORD)));
  return {
    scored: scored.map((entry) =>
      entry.qualified && otherRecordOrSection(entry)
        ? { ...entry, qualified: false, failed: ['another-holds-the-record-or-section'] }
        : entry,
    ),
    locatorMatches,
    numberedNames,
  };
}

/** Share of an element's surroundings now that the recorded surroundings may hold before they count as added text. */
const MAX_ADDED_TEXT_KNOWN = 0.5;

/**
 * A field whose surroundings now are a text added right beside it (a hint under its label: "The first
 * nine digits printed at the bottom-left of a check"), where the recorded ones were its form: what
 * is around that text is compared instead, and counts when it is the recorded surroundings. Only
 * outside a list's records (around a row's field, the rest of the list holds every row's words) and
 * for a field named like the recorded one. Updates `fingerprints` and `comparisons` in place.
 */
function besideAddedText(
  recorded: Fingerprint,
  pool: readonly Element[],
  fingerprints: Fingerprint[],
  comparisons: Comparison[],
  contextWeight: (token: string) => number,
): void {
  // Nor for one told from look-alikes by words of its own (a card's "PN" button on every card):
  // another card's own words are not text added beside the recorded one, and what lies beyond them
  // is the rest of the board.
  if (!recorded.context || recorded.inRecord || recorded.distinct?.length) return;
  const recordedWords = new Set(contentTokens(recorded.context));
  if (recordedWords.size < MIN_DESCRIPTION_WORDS) return;
  // The recorded surroundings word for word in a box of one field's own ("Warning at % A message
  // goes to #db-oncall…"), that field now named otherwise ("warning_threshold"): the recorded field
  // name was given to another field ("Critical at"), and what lies beyond that one's box is not it.
  const recordedName = recorded.attrs.name;
  const nameGiven = !!recordedName && fingerprints.some((fingerprint) => fingerprint.attrs.name === recordedName);
  const ownedByOne =
    nameGiven &&
    pool.some((element, index) => {
      if (((comparisons[index] as Comparison).contextSimilarity ?? 0) < WORD_FOR_WORD) return false;
      const renamed = fingerprints[index]?.attrs.name;
      if (!renamed || renamed === recordedName) return false;
      const box = contextContainer(element);
      return !!box && pool.every((other) => other === element || !box.contains(other));
    });
  if (ownedByOne) return;
  comparisons.forEach((comparison, index) => {
    if (comparison.nameSimilarity < MIN_NAME_SIMILARITY) return;
    if ((comparison.contextSimilarity ?? 1) >= MIN_CONTEXT_SIMILARITY_LOOKALIKES) return;
    const fingerprint = fingerprints[index] as Fingerprint;
    // Under another heading, the text around it is another section's ("Backlog" beside "In progress").
    if (!equalText(fingerprint.heading ?? '', recorded.heading ?? '')) return;
    const words = contentTokens(fingerprint.context);
    if (
      words.length === 0 ||
      words.filter((word) => recordedWords.has(word)).length > MAX_ADDED_TEXT_KNOWN * words.length
    ) {
      return;
    }
    const beside = contextBeside(pool[index] as Element);
    if (!beside) return;
    const widened = { ...fingerprint, context: beside };
    const again = compareFingerprints(recorded, widened, { contextWeight });
    if ((again.contextSimilarity ?? 0) < MIN_CONTEXT_SIMILARITY_LOOKALIKES) return;
    fingerprints[index] = widened;
    comparisons[index] = again;
  });
}

/**
 * Whether at least half the recorded section's own words are around the element, within its own
 * section: ancestors up to, not including, one that also holds a look-alike (of another choice group).
 */
function keepsSectionWords(
  words: readonly string[],
  element: Element,
  pool: readonly Element[],
  lookAlikes: readonly Element[] = [],
): boolean {
  const group = element.parentElement?.closest(CHOICE_GROUPS) ?? null;
  // A list of different settings (a child's consents) is one section too, unless it holds a look-alike.
  const list = element.parentElement?.closest('ul, ol') ?? null;
  const ownList = list && !lookAlikes.some((other) => other !== element && list.contains(other)) ? list : null;
  const others = pool.filter(
    (other) =>
      other !== element &&
      (group === null || other.parentElement?.closest(CHOICE_GROUPS) !== group) &&
      !ownList?.contains(other),
  );
  const around = ownSectionTokens(element, others);
  return words.filter((word) => around.has(word)).length >= words.length * MIN_DISTINCT_KEPT;
}

/**
 * A look-alike that kept more than this share of the recorded wider section, or lost fewer than
 * MIN_RIVAL_WIDER_LOST of its words, leaves the tie unbroken.
 */
const MAX_RIVAL_WIDER_KEPT = 0.75;
const MIN_RIVAL_WIDER_LOST = 2;

/**
 * Among candidates that match equally well (copies of one card: "Void label" in the Outbound and the
 * new Return label card), the one whose own section still holds every word of the recorded wider
 * section, when every other clearly lacks some (see MAX_RIVAL_WIDER_KEPT) and it gained no word of its
 * own that the recording lacked (a new card quoting the old one, "Replaces: Outbound …").
 */
function keptWiderSection(recorded: Fingerprint, close: readonly Scored[]): Scored | null {
  const wanted = recorded.widerWords;
  if (!wanted || wanted.length === 0 || close.length < 2) return null;
  const elements = close.map((entry) => entry.element);
  const regions = close.map((entry) => ownSectionTokens(entry.element, elements));
  const keptCounts = regions.map((words) => wanted.filter((word) => words.has(word)).length);
  const winners = keptCounts.flatMap((kept, index) => (kept === wanted.length ? [index] : []));
  const [winner] = winners;
  if (winners.length !== 1 || winner === undefined) return null;
  // A rival that lost a code of letters and digits (the plate "310e" of "B-RM 310E") is another
  // record's section, however much else it shares (the same model at the same depot).
  const codes = wanted.filter(hasLettersAndDigits);
  const rivalClose = (kept: number, index: number) =>
    (kept > wanted.length * MAX_RIVAL_WIDER_KEPT || wanted.length - kept < MIN_RIVAL_WIDER_LOST) &&
    codes.every((code) => regions[index]?.has(code));
  if (keptCounts.some((kept, index) => index !== winner && rivalClose(kept, index))) return null;
  // Wider words its own name and surroundings hold are its own: the recorded section held it (the form's
  // other line, "Line 3 quantity … Returns desk, damaged", below the recorded "Line 2 quantity"), so they
  // say it was beside the recorded element, not that it is that element.
  // Only for a winner named otherwise than the recorded element: one named as recorded whose own words
  // grew to hold the wider ones (its card flattened, "Outbound · USPS" beside its buttons) is still it.
  const winning = (close[winner] as Scored).fingerprint;
  const own = nearWords(winning);
  if (!equalText(winning.name, recorded.name) && wanted.every((word) => own.has(word))) return null;
  const known = new Set([
    ...wanted,
    ...contentTokens(recorded.context),
    ...contentTokens(recorded.name),
    ...contentTokens(recorded.text),
  ]);
  return gainedOwnWord(regions, winner, known) ? null : (close[winner] ?? null);
}

/**
 * Whether `regions[index]` holds a word of a record (see RECORD_WORD) that the recording did not know
 * and no other region has: a new entry quoting the recorded one ("Replaces: Outbound …").
 */
function gainedOwnWord(regions: readonly Set<string>[], index: number, known: ReadonlySet<string>): boolean {
  const othersHave = new Set(regions.flatMap((words, other) => (other === index ? [] : [...words])));
  for (const word of regions[index] ?? []) {
    if (!known.has(word) && !othersHave.has(word) && RECORD_WORD.test(word)) return true;
  }
  return false;
}

/** Surroundings with fewer words than this ("Edit") repeat too easily to tell copies apart by. */
const MIN_SAME_CONTEXT_WORDS = 2;

/**
 * Among candidates that match equally well, the only one whose surroundings read exactly as recorded
 * ("Chicken Wings", beside the new "Boneless Chicken Wings" row): the others hold words it never had.
 */
function onlyWithSameSurroundings(recorded: Fingerprint, close: readonly Scored[]): Scored | null {
  const context = recorded.context;
  if (!context || contentTokens(context).length < MIN_SAME_CONTEXT_WORDS || close.length < 2) return null;
  const same = close.filter((entry) => equalText(entry.fingerprint.context ?? '', context));
  return same.length === 1 ? (same[0] ?? null) : null;
}

/**
 * Among candidates that match equally well, the best-scoring one when it alone still shows the recorded
 * text ("10:30 AM" among a doctor's slots, whose labels were all reworded alike).
 */
function bestWithSameText(recorded: Fingerprint, best: Scored, close: readonly Scored[]): Scored | null {
  const text = recorded.text;
  if (!text || close.length < 2) return null;
  const same = close.filter((entry) => equalText(entry.fingerprint.text ?? '', text));
  return same.length === 1 && same[0] === best ? best : null;
}

/**
 * Among candidates that match equally well, the one still under the recorded column with every word
 * and number of the recorded name ("Book lane 7 at 11:00" → "Book 11:00–12:00 on lane 7" in the 11:00
 * column of a grid whose labels were all reworded alike).
 */
function onlyInColumnKeepingName(recorded: Fingerprint, close: readonly Scored[]): Scored | null {
  const column = recorded.column;
  const words = contentTokens(recorded.name);
  if (!column || close.length < 2 || !words.some((token) => /\d/.test(token))) return null;
  const keeping = close.filter((entry) => {
    if (!entry.fingerprint.column || !equalText(entry.fingerprint.column, column)) return false;
    const now = new Set(contentTokens(entry.fingerprint.name));
    return words.every((token) => now.has(token));
  });
  return keeping.length === 1 ? (keeping[0] as Scored) : null;
}

/** Fewest words (small numbers aside) that told the record apart before keeping them all tells it from its look-alikes. */
const MIN_RECORD_WORDS_KEPT = 3;

/**
 * Among candidates that match equally well, the best-scoring one when it alone kept every word that
 * told the recorded record apart ("Nitrile gloves, size M … GLV-NIT-M" at line 4 now) and every other
 * lost some ("size L", "GLV-NIT-L" in the line inserted above, which took the line number 3).
 */
function bestKeepingRecordWords(recorded: Fingerprint, best: Scored, close: readonly Scored[]): Scored | null {
  const worded = (recorded.distinct ?? []).filter((token) => !POSITION_NUMBER.test(token));
  if (worded.length < MIN_RECORD_WORDS_KEPT || close.length < 2) return null;
  const keeping = close.filter((entry) => entry.comparison.distinctKept === 1);
  return keeping.length === 1 && keeping[0] === best ? best : null;
}

/**
 * Among candidates that match equally well, the best-scoring one when it alone still has every word
 * of the recorded surroundings around it, numbers aside ("Downtown Donor Center · Whole blood", its
 * "3 chairs open" now 2), every other lacks some ("Downtown Mobile Unit"), and it gained no word of
 * its own that the recording lacked (a new entry quoting the old one).
 */
function bestKeepingSurroundings(recorded: Fingerprint, best: Scored, close: readonly Scored[]): Scored | null {
  const wanted = [...new Set(contentTokens(recorded.context))].filter((token) => !/\d/.test(token));
  if (wanted.length < MIN_RECORD_WORDS_KEPT || close.length < 2) return null;
  const words = close.map((entry) => new Set(contentTokens(entry.fingerprint.context)));
  const keeping = close.filter((_, index) => wanted.every((token) => words[index]?.has(token)));
  if (keeping.length !== 1 || keeping[0] !== best) return null;
  return gainedOwnWord(words, close.indexOf(best), new Set(contentTokens(recorded.context))) ? null : best;
}

/**
 * Among candidates that match equally well, the best-scoring one when it alone is still named as
 * recorded, word for word, and every other lost a word of that name ("Gross CPM (USD)" inserted before
 * "Net CPM (USD)", the ids regenerated and shifted). Only for a name the recorded element alone had: a
 * record's action is named alike in every record, and one that kept it may be another record's.
 */
function bestNamedAsRecorded(recorded: Fingerprint, best: Scored, close: readonly Scored[]): Scored | null {
  if (close.length < 2 || recorded.inRecord || recorded.nameUnique === false || !recorded.name.trim()) return null;
  if (!equalText(best.fingerprint.name, recorded.name)) return null;
  const words = contentTokens(recorded.name);
  const othersLostAWord = close.every((entry) => {
    if (entry === best) return true;
    const now = new Set(contentTokens(entry.fingerprint.name));
    // A number lost ("day 2" → "day 3") is a renumbering, which says nothing.
    return words.some((word) => hasLetters(word) && !now.has(word));
  });
  return othersLostAWord ? best : null;
}

/**
 * Wrappers regrouped kept fields ("Warning at" and "Critical at" now share a row), so the structural
 * locators point at a neighbour while the recorded field name, id or test id is on one contender
 * alone, under the recorded heading: what the server receives decides. Only when no other locator but a
 * structural one voted, and the recorded surroundings and name are not kept around another element.
 */
function onlyKeepingIdentityAgainstStructure(
  recorded: Fingerprint,
  votes: readonly { kind: LocatorKind; entry: Scored }[],
  close: readonly Scored[],
  scored: readonly Scored[],
): Scored | null {
  const named = votes.filter((vote) => !STRUCTURAL_LOCATORS.has(vote.kind));
  const [first] = named;
  if (!first || !named.every((vote) => vote.entry === first.entry)) return null;
  if (!named.some((vote) => COMPONENT_IDENTITY_LOCATORS.has(vote.kind))) return null;
  const entry = first.entry;
  // Under another heading it is another section's field that took the name ("postcode" moved to the new
  // delivery address block, the billing one renamed in place).
  if (!close.includes(entry) || !equalText(entry.fingerprint.heading ?? '', recorded.heading ?? '')) return null;
  if (surroundingsKeptElsewhere(recorded, entry, scored) ?? nameKeptElsewhere(recorded, entry, scored)) return null;
  return entry;
}

/** Fewest words a label needs before its split between a caption and a shorter label is told. */
const MIN_SPLIT_LABEL_WORDS = 3;

/** Whether `caption` and `label` together hold every word of `recorded`, the label alone only some of them. */
function labelSplitInto(recorded: string, caption: string, label: string): boolean {
  const words = contentTokens(recorded).map(singular);
  const own = contentTokens(label).map(singular);
  if (words.length < MIN_SPLIT_LABEL_WORDS || own.length === 0 || own.length >= words.length) return false;
  if (!own.every((word) => words.includes(word))) return false;
  const both = new Set([...contentTokens(caption).map(singular), ...own]);
  return words.every((word) => both.has(word));
}

/** Fewest words of a heading that may tell a section from its copies ("Jordan Patel Borrower"). */
const MIN_HEADING_WORDS = 2;

/** Among candidates that match equally well, the one in the section numbered 1 (see firstNumberedCopyIndex). */
function onlyFirstNumberedCopy(close: readonly Scored[]): Scored | null {
  const first = close.filter((entry) => entry.firstNumberedCopy);
  return first.length === 1 ? (first[0] as Scored) : null;
}

/**
 * Among candidates that match equally well, the best-scoring one when it alone is still under the
 * recorded heading word for word and every other is under another heading: the same questions asked
 * again in a section added for someone else ("Priya Patel Co-borrower") or for another purpose
 * ("Assessment drive" above "Lesson 1") are that section's.
 */
export function bestUnderRecordedHeading(recorded: Fingerprint, best: Scored, close: readonly Scored[]): Scored | null {
  const heading = recorded.heading;
  if (!heading || close.length < 2) return null;
  // A short numbered heading ("Lesson 1") is a place a section inserted above would take: it counts
  // only when every other heading shares no word with it ("Assessment drive"; not "Lesson 2").
  const words = contentTokens(heading);
  const short = words.filter((token) => !/\d/.test(token)).length < MIN_HEADING_WORDS;
  if (short && (words.length < MIN_HEADING_WORDS || !words.some((token) => /\d/.test(token)))) return null;
  // Or the recorded heading, words in order, with a place put before it ("Leg 2 · Hamburg → München").
  const phrase = tokenize(heading).join(' ');
  const keeps = (other: string) =>
    equalText(other, heading) || (!short && ` ${tokenize(other).join(' ')} `.includes(` ${phrase} `));
  const under = close.filter((entry) => keeps(entry.fingerprint.heading ?? ''));
  const elsewhere = close.filter(
    (entry) =>
      !!entry.fingerprint.heading &&
      !keeps(entry.fingerprint.heading) &&
      (!short || noWordShared(words, contentTokens(entry.fingerprint.heading))),
  );
  return under.length === 1 && under[0] === best && elsewhere.length === close.length - 1 ? best : null;
}

/** Whether `scope` is the shadow root of one of several copies of a component (a list of cards). */
function inComponentCopy(scope: Scope): boolean {
  if (!isShadowRoot(scope)) return false;
  const host = scope.host;
  const copies = Array.from(sameTagIn(host.getRootNode() as Scope, host.localName));
  return copies.filter((copy) => copy.shadowRoot).length > 1;
}

/**
 * Words of the first section around the element's surroundings that adds any (the list its card is in,
 * or the "Emergency contacts" section around the one card there): what the recording's wider words
 * (describe.ts) are checked against when nothing nearer told the element apart.
 */
function firstSectionWords(element: Element, fingerprint: Fingerprint): Set<string> {
  const near = nearWords(fingerprint);
  for (const { text } of ancestorTexts(element)) {
    const words = contentTokens(text).filter((token) => !near.has(token));
    if (words.length > 0) return new Set(words);
  }
  return new Set();
}

/** Words around the element up to (not including) the first ancestor that also holds one of `pool`. */
function ownSectionTokens(element: Element, pool: readonly Element[]): Set<string> {
  const others = pool.filter((other) => other !== element);
  const words = new Set<string>();
  for (const { ancestor, text } of ancestorTexts(element)) {
    if (others.some((other) => ancestor.contains(other))) break;
    for (const token of contentTokens(text)) words.add(token);
  }
  return words;
}

/** Two headings with the same words and a different number in them ("ENG Sprint 24" / "ENG Sprint 25"). */
function headingNumberChanged(recorded: string | undefined, candidate: string | undefined): boolean {
  if (!recorded || !candidate || equalText(recorded, candidate)) return false;
  const words = (text: string) => tokenize(text).filter((token) => !/\d/.test(token));
  const numbers = (text: string) => tokenize(text).filter((token) => /\d/.test(token));
  if (numbers(recorded).length === 0 || numbers(candidate).length === 0) return false;
  return words(recorded).join(' ') === words(candidate).join(' ');
}

const RECORD_NUMBER = /^#\d+$/;

/** The candidate's surroundings name a record number ("#58") that the recorded surroundings, which named one, did not. */
function newRecordNumber(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const recordedNumbers = contentTokens(recorded.context).filter((token) => RECORD_NUMBER.test(token));
  if (recordedNumbers.length === 0) return false;
  const known = new Set(recordedNumbers);
  return contentTokens(candidate.context).some((token) => RECORD_NUMBER.test(token) && !known.has(token));
}

/**
 * The different words of a select's option list, numbers, months and weekdays aside; prices and rates
 * ("0.29" of "Compact · €0.29/min") count, as particular as words.
 */
function optionWords(options: string): number {
  const words = contentTokens(options).filter(
    (token) =>
      /^\d+[.,]\d+$/.test(token) ||
      (!/\d/.test(token) && token.length > 1 && !MONTH.test(token) && !WEEKDAY.test(token)),
  );
  return new Set(words).size;
}

/** A time of day as lists print it ("14:00", "9:30"), and a day of a month ("14" beside "Sep"). */
const TIME_OF_DAY = /^\d{1,2}:\d{2}$/;
const DAY_OF_MONTH = /^\d{1,2}$/;

/** A numbered resource a slot is of, named with a capital ("Lane 6", "Court 3"; not "blood 3 chairs"). */
const NUMBERED_RESOURCE = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{2,})\s+(\d{1,3})(?![\p{L}\p{N}]|[.,:]\d)/gu;

/**
 * The times of day and the dates ("sep 14") a context names, and, beside them, the numbered resources
 * ("lane 6"): what a slot is, when and where.
 */
function slotParts(context: string | undefined): Set<string> {
  const tokens = tokenize(context);
  const parts = new Set<string>();
  tokens.forEach((token, index) => {
    if (TIME_OF_DAY.test(token)) parts.add(token);
    const next = tokens[index + 1] ?? '';
    if (MONTH.test(token) && DAY_OF_MONTH.test(next)) parts.add(`${token.slice(0, 3)} ${next}`);
    if (DAY_OF_MONTH.test(token) && MONTH.test(next)) parts.add(`${next.slice(0, 3)} ${token}`);
  });
  if (parts.size === 0) return parts;
  for (const [, word = '', number = ''] of (context ?? '').matchAll(NUMBERED_RESOURCE)) {
    const lower = word.toLowerCase();
    if (!MONTH.test(lower) && !WEEKDAY.test(lower)) parts.add(`${lower} ${number}`);
  }
  return parts;
}

/** The recorded slot's parts (slotParts), and whether its heading's dates count: read once per resolution. */
interface RecordedSlot {
  parts: ReadonlySet<string>;
  byDay: boolean;
}

/** The dates a heading names ("Thursday 14 March" → "mar 14"). */
function headingDates(heading: string | undefined): Set<string> {
  return new Set([...slotParts(heading)].filter((part) => !TIME_OF_DAY.test(part) && /\d/.test(part)));
}

/**
 * The slot parts (slotParts) of an element's surroundings, with the dates of its heading when `byDay`:
 * slots listed under day headings ("Thursday 14 March") name their day there, not beside each time.
 */
function slotOf(fingerprint: Fingerprint, byDay: boolean): Set<string> {
  const parts = slotParts(fingerprint.context);
  if (byDay) for (const part of headingDates(fingerprint.heading)) parts.add(part);
  return parts;
}

/**
 * The recorded slot. Its heading's dates count only while some element of its kind is still under them
 * (the recorded day is still listed): a heading whose date moved on for every section ("Big savings ·
 * ends 21 October" → "28 October") dates the offer, not one slot among others.
 */
function recordedSlotOf(recorded: Fingerprint, fingerprints: readonly Fingerprint[]): RecordedSlot {
  const day = headingDates(recorded.heading);
  // Candidates share a few headings: each is read once.
  const headings = new Set(day.size > 0 ? fingerprints.map((fingerprint) => fingerprint.heading) : []);
  const byDay = [...headings].some((heading) => {
    const dates = headingDates(heading);
    return [...day].every((part) => dates.has(part));
  });
  return { parts: slotOf(recorded, byDay), byDay };
}

/**
 * A slot in a list, or of commands named alike ("Sign up" under each shift), whose time, date or resource
 * is not the recorded one ("Thu 21 Mar 14:00–18:00" → "Thu 21 Mar 10:00–14:00", "Sun Sep 14 9:00 AM
 * Nursery" → "Sun Sep 21 9:00 AM Nursery", "19:00 Lane 6" → "19:00 Lane 5", the 17:00 shift under
 * "Thursday 14 March" → the 18:00 one, or the 17:00 one under "Friday 15 March"): a recorded part is gone
 * and another stands there, so it is another slot, however alike the rest; unless an id number of the
 * record's is kept (an appointment moved to another time).
 * `slot` is the recorded one (recordedSlotOf).
 */
function slotReplaced(recorded: Fingerprint, slot: RecordedSlot, candidate: Fingerprint): boolean {
  const before = slot.parts;
  if (!(recorded.inRecord || isCommand(recorded)) || recorded.nameUnique !== false || before.size === 0) return false;
  const after = slotOf(candidate, slot.byDay);
  if (![...before].some((part) => !after.has(part)) || ![...after].some((part) => !before.has(part))) return false;
  const around = new Set(contentTokens(candidate.context));
  return !recordIdNumbers(recorded).some((token) => around.has(token));
}

/** A price ("€189" beside the date) as its tokens: an amount, which names no record. */
const AMOUNT = /[$€£¥₹]\s?(\d[\d,.]*)/gu;

/**
 * The id numbers ("#1042", "4471") among the words that told the recorded record apart; not its
 * price, which another day's or another size's record has too ("€189" for each departure of a tour).
 */
function recordIdNumbers(recorded: Fingerprint, idPattern: RegExp = RECORD_ID_NUMBER): string[] {
  const amounts = new Set([...(recorded.context ?? '').matchAll(AMOUNT)].flatMap(([, number]) => tokenize(number)));
  return (recorded.distinct ?? []).filter((token) => idPattern.test(token) && !amounts.has(token));
}

/** Months and weekdays, written out or shortened: the parts of a date that are words. */
const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$|^(?:tues|wednes|thurs|satur)day$/;

/**
 * A number, a month or a weekday that told the recorded record apart ("14" in "14 Aug", "March" in
 * "Late fee · March dues") is gone from the candidate's surroundings and another of its kind stands
 * there ("21 Aug", "April dues"): another record, or another period's, however alike the rest; unless
 * an id number of the record's is kept ("Invoice 1001": another number there is a counter that
 * ticked, another date the record's own, moved).
 */
function distinctDatePartReplaced(recorded: Fingerprint, candidate: Fingerprint): boolean {
  return distinctPartReplaced(recorded, candidate, [PLAIN_NUMBER, MONTH, WEEKDAY], true);
}

/**
 * Whether a word of one of `kinds` that told the recorded record apart is gone from the candidate's
 * surroundings with another of its kind standing there; with `idKeeps`, never while a record id
 * number of the recording is kept around it.
 */
function distinctPartReplaced(
  recorded: Fingerprint,
  candidate: Fingerprint,
  allKinds: readonly RegExp[],
  idKeeps: boolean,
): boolean {
  const distinct = recorded.distinct ?? [];
  const kinds = allKinds.filter((kind) => distinct.some((token) => kind.test(token)));
  if (kinds.length === 0) return false;
  const around = new Set(distinctWordsAround(recorded, candidate));
  if (idKeeps && recordIdNumbers(recorded).some((token) => around.has(token))) return false;
  const recordedAround = new Set(distinctWordsAround(recorded, recorded));
  return kinds.some(
    (kind) =>
      distinct.some((token) => kind.test(token) && !around.has(token)) &&
      [...around].some((token) => kind.test(token) && !recordedAround.has(token)),
  );
}

/**
 * A weekday, a month or a time of day that told the recorded record apart is gone from the candidate's,
 * and another one stands there: the record of another day or time, whatever else it kept.
 */
function dayReplaced(recorded: Fingerprint, candidate: Fingerprint): boolean {
  return distinctPartReplaced(recorded, candidate, [MONTH, WEEKDAY, TIME_OF_DAY], false);
}

/**
 * A field name that carried its record's number ("chk-604431-2" under "Rx 604431") now carries
 * another in the same place ("chk-604452-2"): the field of another record, however alike its card.
 */
function nameNumberReplaced(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const [before, after] = [recorded.attrs.name, candidate.attrs.name];
  if (!before || !after || before === after || digitShape(before) !== digitShape(after)) return false;
  const [numbersBefore, numbersAfter] = [before.match(/\d+/g) ?? [], after.match(/\d+/g) ?? []];
  const around = new Set(tokenize(`${recorded.heading ?? ''} ${recorded.context ?? ''}`));
  return numbersBefore.some(
    (number, index) => number.length >= 3 && number !== numbersAfter[index] && around.has(number),
  );
}

/** Words that told a field's section apart, all kept, for its field name alone to vouch for it. */
const MIN_SECTION_WORDS_VOUCHING = 2;

/** Words that told a renumbered line apart, all kept, for its new number to be only a shift. */
const MIN_KEPT_LINE_WORDS = 2;

/**
 * A record's first word, where lists put what names it (the child in "Maya Chen · Science Center
 * trip · $12.00"), is gone from the candidate's record and another word stands first: another
 * record, however alike the rest ("Leo Chen · Science Center trip · $12.00").
 */
function leadingWordReplaced(recorded: Fingerprint, candidate: Fingerprint): boolean {
  // Only where every record had such a control ("Pay" in each row): a menu's one "Changelog" link
  // that moved to another menu is not another record.
  if (!recorded.inRecord || recorded.nameUnique !== false) return false;
  const before = contentTokens(recorded.context);
  const after = contentTokens(candidate.context);
  const [first] = before;
  const [now] = after;
  if (first === undefined || now === undefined || after.includes(first) || before.includes(now)) return false;
  // Its id in a new scheme ("#4471" → "IW-24-04471"): the same record.
  if (idNumber(first) !== undefined && idNumber(first) === idNumber(now)) return false;
  // A position in a queue ("3" → "2" once the first hold was filled), the record's own id number kept
  // beside it ("21180009921054"): the same record, moved up.
  const idKept = recordIdNumbers(recorded).some((token) => after.includes(token));
  // Or a line renumbered by one inserted above ("4" → "5"), every word that told it apart (its
  // quantity, price and total) kept.
  const distinct = recorded.distinct ?? [];
  const shiftedLine =
    distinct.length >= MIN_KEPT_LINE_WORDS &&
    !distinct.includes(first) &&
    distinct.every((token) => after.includes(token)) &&
    Math.abs(Number(first.replace('#', '')) - Number(now.replace('#', ''))) <= MAX_POSITION_SHIFT;
  return !(POSITION_NUMBER.test(first) && POSITION_NUMBER.test(now) && (idKept || shiftedLine));
}

/**
 * Of the words that told the recorded record apart ("4 Old Town"), only its place in the list changed
 * ("5 Old Town" once an entry was inserted above): every other one is kept, and nothing was added that
 * no other look-alike has ("Old Town (Night)" may be another record, and this one its namesake moved).
 * With `maxShift`, the place moved by at most that many.
 */
function onlyPositionShifted(
  recorded: Fingerprint,
  candidate: Fingerprint,
  gainedOwnWords: boolean,
  maxShift = Number.POSITIVE_INFINITY,
): boolean {
  const distinct = recorded.distinct ?? [];
  // The place is the number the entry starts with, after a word every entry starts with ("Party 2");
  // a number elsewhere in it ("14 Aug") is a date, an amount: what the record is about.
  const then = distinctWordsAround(recorded, recorded);
  const around = distinctWordsAround(recorded, candidate);
  let start = 0;
  while (start < MAX_WORDS_BEFORE_PLACE && then[start] !== undefined && then[start] === around[start]) start++;
  if (!POSITION_NUMBER.test(then[start] ?? '')) start = 0;
  const position = then[start];
  const now = around[start];
  const rest = [...around.slice(0, start), ...around.slice(start + 1)];
  if (gainedOwnWords || position === undefined || now === undefined) return false;
  if (!POSITION_NUMBER.test(position) || !POSITION_NUMBER.test(now)) return false;
  if (Math.abs(Number(position.replace('#', '')) - Number(now.replace('#', ''))) > maxShift) return false;
  const words = distinct.filter((token) => token !== position);
  if (words.length === 0 || words.length === distinct.length) return false;
  const restWords = new Set(rest);
  return words.every((token) => restWords.has(token));
}

/** The numbers in both names ("4", "#4" for "Mark item 4 complete"): entry numbers, shifting with the list. */
function entryNumbersOf(recorded: Fingerprint, candidate: Fingerprint): Set<string> {
  return new Set(
    [recorded.name, candidate.name].flatMap((name) => (name.match(/\d+/g) ?? []).flatMap((n) => [n, `#${n}`])),
  );
}

/** How alike two surroundings are once the entry numbers of both names ("Zone 3", "Zone 4") are set aside. */
function similarityBesideNumbers(recorded: Fingerprint, candidate: Fingerprint): number {
  const entryNumbers = entryNumbersOf(recorded, candidate);
  const words = (context: string | undefined) => contentTokens(context).filter((token) => !entryNumbers.has(token));
  return tokenSimilarity(words(recorded.context), words(candidate.context));
}

/** Two names that differ only in their numbers ("Mark item 4 complete" / "Mark item 3 complete"). */
/** Whether `name` is `recorded` with other numbers ("Zone 3 water amount" for "Zone 2 water amount"). */
function numberedLike(name: string, recorded: string): boolean {
  return /\d/.test(recorded) && name !== recorded && sameButNumbers(name, recorded);
}

function sameButNumbers(a: string, b: string): boolean {
  const shape = (name: string) => digitShape(normalizeText(name).toLowerCase());
  return /\d/.test(a) && shape(a) === shape(b);
}

/**
 * A number of the recorded entry's own words ("stair 2") is gone from the candidate's surroundings and
 * another stands there ("stair 1"): another entry, when numbered names cannot say which entry it is.
 */
function numberReplacedAround(recorded: Fingerprint, candidate: Fingerprint): boolean {
  // The entry numbers themselves ("#4" beside "Mark item 4 complete") shift with the names.
  const entryNumbers = entryNumbersOf(recorded, candidate);
  const numbers = (context: string | undefined) =>
    new Set(contentTokens(context).filter((token) => PLAIN_NUMBER.test(token) && !entryNumbers.has(token)));
  const before = numbers(recorded.context);
  const after = numbers(candidate.context);
  return [...before].some((token) => !after.has(token)) && [...after].some((token) => !before.has(token));
}

/**
 * The recorded record had a near twin and the candidate's surroundings lack a word that told the
 * record from it ("Instagram" where the twin said "Facebook"; "Mar" beside the "Feb" gift): the twin,
 * or another record like both, never the recorded one.
 */
function lostTwinWords(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const own = recorded.twin?.own;
  if (!own) return false;
  const around = new Set(contentTokens(candidate.context));
  return !own.every((word) => around.has(word));
}

/** A record's id as lists print it: "A-30917", "INV2231", "#1042", "1042" (not an amount or a time). */
const RECORD_ID = /^(?:\p{L}{1,4}-?)?#?\d{3,}$/u;

/**
 * The one look-alike that kept the recorded record's own id ("Appt #A-30917", a word that told it apart
 * at recording) and names no record id the recording did not: that record, whatever position number
 * its section now has ("Visit 2" → "Visit 1" once the visit before it was cancelled). -1 when none or
 * several.
 */
function onlyRecordIdKeeper(
  recorded: Fingerprint,
  fingerprints: readonly Fingerprint[],
  comparisons: readonly Comparison[],
): number {
  const numbers = recordIdNumbers(recorded, RECORD_ID);
  // An id with letters ("RCC-0219") is the record's; the bare numbers beside it are its values, which
  // change (a rating "1904" → "1931").
  const lettered = numbers.filter(hasLetters);
  // But a bare number the record starts with is what the list names it by ("100231 Acme Ltd …"), beside
  // a customer's code with letters.
  const leading = contentTokens(recorded.context)[0];
  const ids = lettered.length > 0 ? [...lettered, ...numbers.filter((token) => token === leading)] : numbers;
  if (ids.length === 0) return -1;
  const idShapes = new Set(ids.map(digitShape));
  const known = new Set([recorded.context, recorded.heading, recorded.name].flatMap((text) => contentTokens(text)));
  const keepers = fingerprints.flatMap((fingerprint, index) => {
    // Among its look-alikes: the record's other controls keep its id too.
    if ((comparisons[index] as Comparison).nameSimilarity < MIN_NAME_SIMILARITY) return [];
    const around = distinctWordsAround(recorded, fingerprint);
    const kept = ids.every((id) => around.includes(id));
    // Another record's id, written like the recorded one's.
    const otherId = around.some(
      (token) => RECORD_ID.test(token) && idShapes.has(digitShape(token)) && !known.has(token),
    );
    return kept && !otherId ? [index] : [];
  });
  return keepers.length === 1 ? (keepers[0] as number) : -1;
}

/**
 * The one control named as recorded inside a record that links where the recorded one's did
 * ("/members/RCC-0219") and kept every word that told the record apart, only numbers changed: that
 * record, wherever a re-sort moved it and whatever its values are now (its rank, its rating). A record
 * that lost a word ("Theo Brandt" → "Ines Duarte") under a reissued number is another. Only for a
 * record's own action, which every record has once; -1 otherwise.
 */
function onlyRecordLinkKeeper(
  recorded: Fingerprint,
  recordedSlot: RecordedSlot,
  fingerprints: readonly Fingerprint[],
): number {
  if (!recorded.recordLink || recorded.nameUnique !== false || !recorded.name) return -1;
  const worded = (recorded.distinct ?? []).filter(hasLetters);
  if (worded.length === 0) return -1;
  let keeper = -1;
  for (const [index, fingerprint] of fingerprints.entries()) {
    if (fingerprint.recordLink !== recorded.recordLink || !equalText(fingerprint.name, recorded.name)) continue;
    // A slot (a time, a date, a numbered court) replaced is another booking under the same owner's link.
    if (slotReplaced(recorded, recordedSlot, fingerprint)) continue;
    const around = new Set(distinctWordsAround(recorded, fingerprint));
    if (!worded.every((token) => around.has(token))) continue;
    if (keeper >= 0) return -1;
    keeper = index;
  }
  return keeper;
}

/** Fewest copies of a command renamed alike before a rename is taken to be the page's, not a record's state. */
const MIN_COMMANDS_EXTENDED = 2;

/** Words that start saying where a command acts ("Pick from yard"), which leaves what it does as it was. */
const PLACE_WORDS = new Set(['from', 'to', 'into', 'onto', 'in', 'at', 'on', 'via']);

/**
 * Commands named as recorded with where they act added after ("Pick" → "Pick from yard"), when the
 * recorded name is on no element any more, nothing is named alike, and several copies were renamed so:
 * the page relabelled the command in every record. Which record's is then for its kept words to say. A
 * one-off rename may be a record's new state; words of what or how much ("Cancel whole series") another
 * command.
 */
function extendedCommands(
  recorded: Fingerprint,
  fingerprints: readonly Fingerprint[],
  comparisons: readonly Comparison[],
): boolean[] {
  const words = contentTokens(recorded.name);
  const none = fingerprints.map(() => false);
  if (!isCommand(recorded) || words.length === 0) return none;
  if (fingerprints.some((fingerprint) => equalText(fingerprint.name, recorded.name))) return none;
  // A command still named alike ("Cancel this occurrence") is the rename; the extended ones are others.
  if (comparisons.some((comparison) => comparison.nameSimilarity >= MIN_NAME_SIMILARITY)) return none;
  const all = tokenize(recorded.name);
  const extended = fingerprints.map((fingerprint) => {
    const now = contentTokens(fingerprint.name);
    // Only words saying where ("from yard"), not what or how much ("whole series", "all versions").
    const added = tokenize(fingerprint.name)[all.length];
    return (
      now.length > words.length &&
      words.every((word, at) => now[at] === word) &&
      added !== undefined &&
      PLACE_WORDS.has(added)
    );
  });
  return extended.filter(Boolean).length >= MIN_COMMANDS_EXTENDED ? extended : none;
}

/** Whether the element's record holds any of the values the recorded row's other fields held. */
function holdsRecordedRowValue(recorded: Fingerprint, element: Element): boolean {
  const held = new Set(rowValuesOf(element).map((value) => value.toLowerCase()));
  return (recorded.rowValues ?? []).some((value) => held.has(value.toLowerCase()));
}

/** Values of the recorded row's other fields needed to tell its row by them: one could be a default. */
const MIN_ROW_VALUES = 2;

/**
 * The one field of the recorded kind whose record's other fields hold every value the recorded row's
 * held (in any order, each once), when exactly one does; -1 otherwise, or when fewer than
 * MIN_ROW_VALUES were recorded. Rows of defaults ("0", "Standard" in each) match many and tell nothing.
 */
function onlyRowValuesKeeper(
  recorded: Fingerprint,
  pool: readonly Element[],
  fingerprints: readonly Fingerprint[],
): number {
  const wanted = recorded.rowValues ?? [];
  if (wanted.length < MIN_ROW_VALUES) return -1;
  let keeper = -1;
  for (const [index, element] of pool.entries()) {
    const fingerprint = fingerprints[index] as Fingerprint;
    if (fingerprint.tag !== recorded.tag || fingerprint.type !== recorded.type) continue;
    const held = rowValuesOf(element).map((value) => value.toLowerCase());
    const holdsAll = wanted.every((value) => {
      const at = held.indexOf(value.toLowerCase());
      if (at < 0) return false;
      held.splice(at, 1);
      return true;
    });
    if (!holdsAll) continue;
    if (keeper >= 0) return -1;
    keeper = index;
  }
  return keeper;
}

/**
 * Places a list entry numbered like a record ("#5") may move when entries above it come or go; a
 * number further off ("#47" → "#58") is another record's.
 */
const MAX_POSITION_SHIFT = 3;
/** Words an entry may start with before its place ("Party 2", "Stop 5"). */
const MAX_WORDS_BEFORE_PLACE = 1;
/** A place in a numbered list ("3", "#12", zero-padded "003"). */
const POSITION_NUMBER = /^#?(?:\d{1,2}|0\d{2})$/;

const RECORD_ID_NUMBER = /^#?\d{3,}$/;
/** A number, a date or an amount ("14", "178.00", "#1042"); not an age that ticks ("2d", "10m"). */
const PLAIN_NUMBER = /^#?\d[\d.,:/-]*$/;

/** A word or an id number (three digits or more), not a counter or a time ("2d", "10m"). */
const RECORD_WORD = /^\p{L}+$|\d{3,}/u;

/**
 * For each candidate: do its surroundings hold words of their own (found around no other candidate)
 * that the recording's did not? A row that gained its own words ("Duplicate of #471 …", "#490") may
 * be another record quoting the recorded one, so keeping the recorded row's words proves nothing.
 * The second answer counts letter words only, and only the look-alikes' surroundings as others'
 * (read when first asked: few candidates get that far).
 */
function ownWordsGained(
  recorded: Fingerprint,
  fingerprints: readonly Fingerprint[],
  isLookAlike: (index: number) => boolean,
): { gainedOwnWords: (index: number) => boolean; gainedWordsNoLookAlikeHas: (index: number) => boolean } {
  const recordedWords = new Set(contentTokens(recorded.context));
  const wordSets = fingerprints.map((fingerprint) => new Set(contentTokens(fingerprint.context)));
  const countHolders = (counted: (index: number) => boolean) => {
    const holders = new Map<string, number>();
    wordSets.forEach((words, index) => {
      if (counted(index)) for (const word of words) holders.set(word, (holders.get(word) ?? 0) + 1);
    });
    return holders;
  };
  const gained = (index: number, holders: ReadonlyMap<string, number>, ownWord: RegExp) => {
    for (const word of wordSets[index] ?? []) {
      // A place ("004" once a line was inserted above) is not a word of the record's own.
      if (!recordedWords.has(word) && holders.get(word) === 1 && ownWord.test(word) && !POSITION_NUMBER.test(word))
        return true;
    }
    return false;
  };
  const allHolders = countHolders(() => true);
  let lookAlikeHolders: Map<string, number> | undefined;
  return {
    gainedOwnWords: (index) => gained(index, allHolders, RECORD_WORD),
    gainedWordsNoLookAlikeHas: (index) => {
      lookAlikeHolders ??= countHolders(isLookAlike);
      return isLookAlike(index) && gained(index, lookAlikeHolders, LETTER_WORD);
    },
  };
}

/** A word of letters only: not a number, an id or a time. */
const LETTER_WORD = /^\p{L}+$/u;

/**
 * The record's own title (the heading its surroundings start with) kept every recorded word and gained,
 * among them, a word of letters the recorded surroundings did not hold: a title that names another record.
 */
function titleGrew(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const [before, after] = [recorded.heading, candidate.heading];
  if (!before || !after || equalText(before, after)) return false;
  const [titleBefore, titleAfter] = [contentTokens(before), contentTokens(after)];
  const contextBefore = contentTokens(recorded.context);
  if (titleBefore.some((token, index) => contextBefore[index] !== token)) return false;
  const around = new Set(contextBefore);
  // Inside it: an aside after or before it ("Hyperion (Deluxe Edition)", "Postponed: …") is news of the
  // same record.
  const start = titleAfter.indexOf(titleBefore[0] ?? '');
  const inside = titleAfter.slice(start, start + titleBefore.length);
  const contiguous = start >= 0 && inside.every((token, index) => token === titleBefore[index]);
  return (
    !contiguous &&
    titleBefore.every((token) => titleAfter.includes(token)) &&
    titleAfter.some((token) => LETTER_WORD.test(token) && !around.has(token))
  );
}

/**
 * A name, id or test id numbered like the same attribute of other candidates ("zone3_mm" beside
 * "zone4_mm"): a place in a list, whatever its spelling, so it does not vote.
 */
function numberedLikeOthers(locator: Locator, scored: readonly Scored[]): boolean {
  if (locator.kind !== 'name' && locator.kind !== 'id' && locator.kind !== 'testId') return false;
  const { kind, value } = locator;
  if (!/\d/.test(value) || !SMALL_NUMBERS_ONLY.test(value)) return false;
  const read = (fingerprint: Fingerprint) =>
    kind === 'name' ? fingerprint.attrs.name : kind === 'id' ? fingerprint.id : fingerprint.testId?.value;
  const shape = digitShape(value);
  return scored.some((entry) => {
    const other = read(entry.fingerprint);
    return !!other && other !== value && digitShape(other) === shape;
  });
}

/** Place numbers: one or two digits ("3" in "zone3_mm"), not a record's id ("order-1042"). */
const SMALL_NUMBERS_ONLY = /^(?:[^\d]*\d{1,2})+[^\d]*$/;

/** Identity keys that differ from another key only in small numbers (see scoreCandidates). */
function listNumberedKeys(keys: Iterable<string>): string[] {
  const byShape = new Map<string, string[]>();
  for (const key of keys) {
    // Ids, test ids and field names; a link's address names its record ("/contacts/7").
    if (!/^(?:id|testid|name):/.test(key) || !/\d/.test(key) || !SMALL_NUMBERS_ONLY.test(key)) continue;
    const shape = digitShape(key);
    byShape.set(shape, [...(byShape.get(shape) ?? []), key]);
  }
  return [...byShape.values()].filter((alike) => alike.length > 1).flat();
}

/** Locators that find an element by the words of its name. */
const NAME_LOCATORS = new Set<LocatorKind>(['role', 'label', 'text']);

/**
 * The one other text field of the recorded kind that holds what the recorded field held before the step
 * typed in it, when the field found holds something else: the recorded field relabelled, with another
 * added beside it ("Phone" → "Mobile number" and a new, empty "Home phone"). Which one, the person says.
 */
function otherHolderOfValue(recorded: Fingerprint, found: Element): Element | undefined {
  const value = recorded.fieldValue?.toLowerCase();
  if (!value || enteredValue(found).toLowerCase() === value) return undefined;
  const holders = holdersOfValue(found.getRootNode() as Scope, recorded, value);
  return holders.length === 1 ? holders[0] : undefined;
}

/** The fields of the recorded tag and type in the scope whose entered value is `value` (lower-cased). */
function holdersOfValue(scope: Scope, recorded: Fingerprint, value: string): Element[] {
  return safeQueryAll(scope, recorded.tag).filter(
    (element) => inputType(element) === recorded.type && enteredValue(element).toLowerCase() === value,
  );
}

/** Shortest recorded value that names its field: a number or a few words ("G4821937", "Night Shift Devs"). */
const MIN_NAMING_VALUE = 6;

/**
 * A field relabelled and moved ("Passport number" → "Travel document no." in a new section) may be the
 * one field of the recorded kind that still holds what it held when recorded, a value no other field held
 * then (see `fieldValue`), held back only by its name and surroundings, its name still sharing a word
 * with the recorded one. Offered to the person, never acted on: a new field may hold the same data
 * ("Previous employer" where "Employer" was, a delivery address copied from billing). Only a value with
 * a figure or a space in it (a name, a number, a sentence), not a word like "Silver" that another field
 * ("Trim colour") may hold by chance.
 */
function onlyHolderOfRecordedValue(scope: Scope, recorded: Fingerprint, scored: readonly Scored[]): Scored | null {
  const value = recorded.fieldValue?.toLowerCase();
  if (!value || value.length < MIN_NAMING_VALUE || !/[\d\s]/u.test(value)) return null;
  const holders = holdersOfValue(scope, recorded, value);
  const [holder] = holders;
  const only = holders.length === 1 ? scored.find((entry) => entry.element === holder) : undefined;
  if (!only || only.comparison.nameSimilarity === 0) return null;
  return only.failed.length === 1 && only.failed[0] === 'name-or-context' ? only : null;
}

function resolveInScope(scope: Scope, descriptor: ElementDescriptor): ResolveResult {
  if (isKindUnknown(descriptor.fingerprint)) return resolveByLocators(scope, descriptor);
  const candidates = scoreCandidates(scope, descriptor);
  return besideMergedField(pickCandidate(scope, descriptor, candidates), candidates.scored);
}

/**
 * A field merged from the recorded one and its neighbour ("Name" where "First name" and "Last name"
 * were) is not the recorded one, but it may be as close as what was picked without it ("Preferred
 * first name", added beside it): the step then asks, as it would have with both in the running.
 */
function besideMergedField(result: ResolveResult, scored: readonly Scored[]): ResolveResult {
  if (result.status !== 'found') return result;
  const found = scored.find((entry) => entry.element === result.element);
  if (!found) return result;
  const merged = scored.find(
    (entry) =>
      entry.failed.length === 1 &&
      entry.failed[0] === 'merged-with-neighbour' &&
      entry.comparison.score >= found.comparison.score - MIN_MARGIN,
  );
  if (!merged) return result;
  return {
    status: 'ambiguous',
    candidates: [found.element, merged.element],
    reason: 'the recorded field and the one beside it were merged into one, and another field reads almost as well',
  };
}

function pickCandidate(
  scope: Scope,
  descriptor: ElementDescriptor,
  { scored, locatorMatches, numberedNames }: ReturnType<typeof scoreCandidates>,
): ResolveResult {
  const recorded = descriptor.fingerprint;
  if (scored.length === 0)
    return { status: 'not-found', reason: `no ${recorded.role || recorded.tag} elements remain` };
  const byElement = new Map(scored.map((entry) => [entry.element, entry]));
  const allQualified = scored
    .filter((entry) => entry.qualified)
    .sort((a, b) => b.comparison.score - a.comparison.score);
  // A section in another language added beside the recorded one (an abstract in German above the English
  // one): while elements in the recorded language qualify, the page was not translated, and those others
  // are that section's.
  const inRecordedLanguage = allQualified.filter((entry) => !entry.comparison.translated);
  const qualified = inRecordedLanguage.length > 0 ? inRecordedLanguage : allQualified;

  // Locator votes.
  const votes: { kind: LocatorKind; entry: Scored }[] = [];
  for (const { locator, elements } of locatorMatches) {
    if (elements.length !== 1) continue;
    // A list's numbered field name moves to another entry when the list is renumbered.
    if (locator.kind === 'name' && isIndexedName(locator.value)) continue;
    if (namesIndexedId(locator)) continue;
    // Likewise a name numbered like its look-alikes' ("Zone 3 water amount" beside "Zone 4 …").
    if (numberedNames && NAME_LOCATORS.has(locator.kind)) continue;
    if (numberedLikeOthers(locator, scored)) continue;
    const entry = byElement.get(elements[0] as Element);
    if (!entry?.qualified || !qualified.includes(entry) || entry.comparison.score < MIN_LOCATOR_AGREEMENT) continue;
    votes.push({ kind: locator.kind, entry });
  }
  const voted = new Set(votes.map((vote) => vote.entry));
  // The page is in another language now: words cannot vouch for anything, so the structure must be
  // unchanged around the target (both structural locators, same place among as many siblings) or an
  // identity must name it. Nothing else is acted on.
  if (qualified.some((entry) => entry.comparison.translated))
    return resolveTranslated(recorded, votes, qualified, scored);
  if (voted.size === 1) {
    const [first] = votes;
    const entry = (first as { entry: Scored }).entry;
    const score = entry.comparison.score;
    const identityVote = votes.some((vote) => IDENTITY_LOCATORS.has(vote.kind));
    const onlyStructural = votes.every((vote) => STRUCTURAL_LOCATORS.has(vote.kind));
    const better = qualified.find((other) => other !== entry && other.comparison.score >= score + MIN_MARGIN);
    // Position alone does not tell apart near twins (the same field in two numbered sections).
    const tied = qualified.find((other) => other !== entry && other.comparison.score >= score - MIN_MARGIN);
    // An id passed on to a look-alike (a new "Parking" row took the rent row's id "pay-now"): another
    // element of the recorded name kept the recorded surroundings word for word, the voted one did not.
    // Which one the step meant, the person says.
    const keptElsewhere = surroundingsKeptElsewhere(recorded, entry, scored);
    // Likewise an id kept by a field named otherwise now ("Preferred server region" in the old place,
    // id="region"), while another field of its kind carries the recorded name word for word ("Home
    // region", moved to a side panel): the id may have been reused, or the label moved.
    const elsewhere = keptElsewhere ?? nameKeptElsewhere(recorded, entry, scored);
    if (elsewhere) {
      return {
        status: 'ambiguous',
        candidates: [entry.element, elsewhere.element],
        reason: keptElsewhere
          ? 'the recorded id is on one element, the recorded surroundings are around another'
          : 'the recorded id is on one field, the recorded name on another',
      };
    }
    // Records renumbered, the recorded number given to another one ("SF-1042" is a new find now, the
    // recorded one reads "SF-1045 (was SF-1042)"): its place and link point at the new holder.
    const renumbered = !identityVote ? renumberedAway(recorded, entry, scored) : null;
    if (renumbered) {
      return {
        status: 'ambiguous',
        candidates: [entry.element, renumbered.element],
        reason: "the recorded record's number is on one record now, its words around another",
      };
    }
    if (!better && !(tied && onlyStructural && !identityVote)) {
      return { status: 'found', element: entry.element, via: (first as { kind: LocatorKind }).kind, confidence: score };
    }
  }

  // Fingerprint ranking over qualified candidates.
  const [best, second] = qualified;
  if (!best) {
    // A redesign renamed the control ("Save notifications" → "Save preferences"): when it is the
    // only element of its kind left here, in the same surroundings, and its name still shares a
    // word with the recorded one, the person is asked whether it is the one. Never acted on without
    // them; with look-alikes around, or nothing in common ("Delete everything"), refused outright.
    const [only] = scored;
    const context = only?.comparison.contextSimilarity ?? null;
    if (
      scored.length === 1 &&
      only &&
      !only.comparison.identityConflict &&
      only.comparison.nameSimilarity > 0 &&
      (context === null || context >= MIN_CONTEXT_SIMILARITY)
    ) {
      return {
        status: 'ambiguous',
        candidates: [only.element],
        reason: `the recorded ${recorded.role || recorded.tag} is gone; the only one left here may be it, renamed`,
      };
    }
    // The recorded record is gone ("Edit" of a deleted contact): links of that kind to other
    // records are offered to the person, never followed on a guess.
    const others = scored.filter(
      (entry) =>
        entry.comparison.otherRecord &&
        !entry.comparison.identityConflict &&
        entry.comparison.nameSimilarity >= MIN_NAME_SIMILARITY,
    );
    if (others.length > 0) {
      return {
        status: 'ambiguous',
        candidates: others.slice(0, MAX_AMBIGUOUS_REPORTED).map((entry) => entry.element),
        reason: 'the record the step acted on is gone; these belong to others like it',
      };
    }
    const moved = movedUniqueName(recorded, scored);
    if (moved)
      return { status: 'found', element: moved.element, via: 'fingerprint', confidence: moved.comparison.score };
    const holder = onlyHolderOfRecordedValue(scope, recorded, scored);
    if (holder) {
      return {
        status: 'ambiguous',
        candidates: [holder.element],
        reason: `the recorded ${recorded.role || recorded.tag} is gone; one labelled otherwise holds what it held, and may be it`,
      };
    }
    return { status: 'not-found', reason: `none of ${scored.length} similar elements matches the recorded target` };
  }
  const bestScore = best.comparison.score;
  // An identity only it has, and a name that still shares a word, count like a unique locator's
  // vote: a radio group renamed by a build, whose "Annually" gained a "save 8%" badge.
  // So do the recorded record's own words around a same-named control (a table row redesigned as a
  // card: its link's address, classes and place all changed).
  const recordVouched = best.recordKept && best.comparison.nameSimilarity >= MIN_NAME_SIMILARITY;
  // The only candidate to pass every check, named as recorded (the usual name threshold) and amid the
  // recorded surroundings: what it lost (its id and field name regenerated, its place) costs score, not
  // identity, so it needs the score a unique locator's pick needs.
  const soleQualifiedNamedAmidSurroundings =
    !second &&
    best.comparison.nameSimilarity >= MIN_NAME_SIMILARITY &&
    (best.comparison.contextSimilarity ?? 0) >= KEPT_SURROUNDINGS;
  // An unnamed field in the kept row scores low by its nature (the name, which weighs most, is gone):
  // what qualified it (the only such field there, same column and options, the label's words around
  // it) is the evidence, and it must still stand clear of the next candidate.
  // Likewise a select its option list vouches for (moved to a side panel and renamed "Site / room").
  const floor =
    best.unnamedInKeptRecord || best.listVouched || best.identifierVouched
      ? 0
      : (best.vouched && best.comparison.nameSimilarity > 0) ||
          recordVouched ||
          best.unnamedInSameRecord ||
          best.descriptionKept ||
          best.primaryNamed ||
          movedUniqueName(recorded, scored) === best ||
          soleQualifiedNamedAmidSurroundings
        ? MIN_LOCATOR_AGREEMENT
        : MIN_FINGERPRINT_SCORE;
  if (bestScore < floor) {
    return { status: 'not-found', reason: `best match scores ${bestScore.toFixed(2)}, below ${floor}` };
  }
  const margin = second ? bestScore - second.comparison.score : bestScore;
  if (margin < MIN_MARGIN) {
    const contenders = qualified.filter((entry) => entry.comparison.score >= bestScore - MIN_MARGIN);
    // A copy of the recorded record made in place is not the record; the tie-breaks choose among the others.
    const close = withoutCopiesOfRecorded(recorded, contenders);
    const leader = close[0] ?? best;
    const kept =
      originalOfCopies(recorded, close, contenders) ??
      keptWiderSection(recorded, close) ??
      onlyWithSameSurroundings(recorded, close) ??
      bestWithSameText(recorded, leader, close) ??
      bestUnderRecordedHeading(recorded, leader, close) ??
      bestKeepingRecordWords(recorded, leader, close) ??
      onlyKeepingRecordNumber(recorded, close) ??
      onlyFirstNumberedCopy(close) ??
      onlyInColumnKeepingName(recorded, close) ??
      bestKeepingSurroundings(recorded, leader, close) ??
      bestNamedAsRecorded(recorded, leader, close) ??
      onlyKeepingIdentityAgainstStructure(recorded, votes, close, scored);
    if (kept) return { status: 'found', element: kept.element, via: 'fingerprint', confidence: kept.comparison.score };
    return {
      status: 'ambiguous',
      candidates: close.slice(0, MAX_AMBIGUOUS_REPORTED).map((entry) => entry.element),
      reason: `${close.length} elements match the recorded target about equally well`,
    };
  }
  return { status: 'found', element: best.element, via: 'fingerprint', confidence: bestScore };
}

/**
 * A field name is never translated: a field of the recorded form whose name differs from the recorded
 * one is another field ("trailer_height" in the place "vehicle_height" had).
 */
function otherFieldName(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const [before, after] = [recorded.attrs.name, candidate.attrs.name];
  return (
    !!before &&
    !!after &&
    !!recorded.form &&
    candidate.form === recorded.form &&
    !isGeneratedValue(before) &&
    !isGeneratedValue(after) &&
    before.toLowerCase() !== after.toLowerCase()
  );
}

/** The numbers of the record ids a text names ("PS-2025-020418" → "20418"). */
function idNumbersIn(text: string | undefined): Set<string> {
  return new Set(contentTokens(text).flatMap((token) => idNumber(token) ?? []));
}

/**
 * Records renumbered in a new scheme ("CLM-20418" → "PS-2025-020418") keep their number inside the
 * new id: among look-alikes tied on everything else, the one whose id ends in the recorded id's number.
 */
function onlyKeepingRecordNumber(recorded: Fingerprint, close: readonly Scored[]): Scored | null {
  const recordedNumbers = idNumbersIn(`${recorded.name} ${recorded.context ?? ''}`);
  if (recordedNumbers.size === 0) return null;
  const keeping = close.filter((entry) =>
    [...idNumbersIn(`${entry.fingerprint.name} ${entry.fingerprint.context ?? ''}`)].some((number) =>
      recordedNumbers.has(number),
    ),
  );
  return keeping.length === 1 ? (keeping[0] as Scored) : null;
}

/** A section's caption or heading naming the record it copies ("(copy of 4502)", "Copie de R-12"). */
const COPY_OF =
  /\b(?:copy|duplicate|clone|copie|kopie|copia|cópia)\s+(?:of|de|von|di|da|do)\s+#?([\p{L}\p{N}][\p{L}\p{N}-]*)/iu;

/** The record a fingerprint's section says it is a copy of, lower-cased, or null. */
function copiedRecord(fingerprint: Fingerprint): string | null {
  const match = COPY_OF.exec(`${fingerprint.group ?? ''} ${fingerprint.heading ?? ''}`);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * A record duplicated in place: the copy's section names the recorded record as what it copies
 * ("Animal 3 · New animal (copy of 4502)" for "Animal 2 · Ear tag 4502") and holds the same fields.
 * Look-alikes tied on everything else without such copies; a copy of another record stays (the
 * recorded one deleted, "copy of 4488" is no sign of it).
 */
function withoutCopiesOfRecorded(recorded: Fingerprint, close: Scored[]): Scored[] {
  if (copiedRecord(recorded)) return close;
  const own = new Set(tokenize(`${recorded.group ?? ''} ${recorded.heading ?? ''}`));
  const others = close.filter((entry) => {
    const copied = copiedRecord(entry.fingerprint);
    return !(copied && own.has(copied));
  });
  return others.length > 0 ? others : close;
}

/** The one look-alike left beside copies of the recorded record, when its section reads as recorded word for word. */
function originalOfCopies(
  recorded: Fingerprint,
  close: readonly Scored[],
  contenders: readonly Scored[],
): Scored | null {
  const [only] = close;
  if (close.length !== 1 || contenders.length < 2 || !only || !recorded.group) return null;
  const same = (a: string | undefined, b: string | undefined) => equalText(a ?? '', b ?? '');
  return same(only.fingerprint.group, recorded.group) && same(only.fingerprint.heading, recorded.heading) ? only : null;
}

/** Words from which a choice's caption names it wherever it is grouped (see scoreCandidates). */
const SPECIFIC_NAME_WORDS = 4;
/** Context similarity from which surroundings count as kept, and how far below it a locator's pick must fall. */
const KEPT_SURROUNDINGS = 0.9;
/** Words (of four letters or more) a field's label needs before it is a question of its own. */
const QUESTION_WORDS = 5;

/**
 * A field that asked a question of many words now asks another, sharing none of its words outside
 * brackets and figures ("Describe a challenge or setback you faced… (max 300 words)" → "Tell us about a
 * community you belong to… (max 300 words)"): another field in the same box, whatever id it kept. Choices
 * are judged by their captions elsewhere.
 */
function questionReplaced(recorded: Fingerprint, candidate: Fingerprint, comparison: Comparison): boolean {
  if (!isFormControlTag(recorded.tag) || recorded.type === 'checkbox' || recorded.type === 'radio') return false;
  if (comparison.translated) return false;
  // Words of four letters or more: "you", "it" and "us" are in any question.
  const words = (name: string) =>
    contentTokens(name.replace(/\([^)]*\)/g, ' ')).filter((token) => token.length >= 4 && !/\d/.test(token));
  const asked = words(recorded.name);
  return asked.length >= QUESTION_WORDS && noWordShared(asked, words(candidate.name));
}

/**
 * Words of which a field's label holds one to say which of several alike quantities it asks for: a
 * label that swapped one for another of its group ("Monthly gross income" → "Annual gross income",
 * "Minimum" → "Maximum", "Start time" → "End time") asks for another figure, however alike the rest;
 * "Billing street address" → "Delivery street address" for another party's address. A command that
 * swapped one does another thing ("Switch to annual billing" → "Switch to monthly billing"), as does one
 * that swapped how much it acts on ("Issue full refund" → "Issue partial refund").
 */
const OPPOSITE_GROUPS: readonly (readonly string[])[] = [
  ['hourly', 'daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'annual', 'annually', 'yearly'],
  ['min', 'minimum', 'max', 'maximum'],
  ['start', 'end'],
  ['first', 'last'],
  ['arrival', 'departure'],
  // Whose address: the payer's or where the parcel goes ("Billing street" beside a "Delivery street"
  // prefilled from it, once the billing step is done).
  ['billing', 'shipping'],
];
// A field's "(full balance)" hint may become "(partial payment accepted)"; a command's amount is what it does.
const COMMAND_OPPOSITE_GROUPS: readonly (readonly string[])[] = [...OPPOSITE_GROUPS, ['full', 'partial']];
const groupIndex = (groups: readonly (readonly string[])[]) =>
  new Map(groups.flatMap((group, index) => group.map((word) => [word, index] as const)));
const OPPOSITE_GROUP = groupIndex(OPPOSITE_GROUPS);
const COMMAND_OPPOSITE_GROUP = groupIndex(COMMAND_OPPOSITE_GROUPS);
const SAME_WORD = new Map([
  ['min', 'minimum'],
  ['max', 'maximum'],
  ['annually', 'annual'],
  ['yearly', 'annual'],
  // "$12 per month" → "$120 per year": a price for another period.
  ['month', 'monthly'],
  ['year', 'annual'],
  ['delivery', 'shipping'],
  // An invoice address is the billing address (UK and EU wording).
  ['invoice', 'billing'],
]);

function oppositeAsked(recorded: Fingerprint, candidate: Fingerprint): boolean {
  // A choice's caption is one of the alternatives offered, not a reworded question.
  const asks = isFormControlTag(recorded.tag) && recorded.type !== 'checkbox' && recorded.type !== 'radio';
  const command = !asks && isCommand(recorded);
  if (!asks && !command) return false;
  const groups = command ? COMMAND_OPPOSITE_GROUP : OPPOSITE_GROUP;
  // A menu button showing its current setting ("Chart interval: Weekly") says what is set, not what it does.
  const said = (name: string) => (command ? (name.split(':')[0] as string) : name);
  const words = (name: string) => new Set(tokenize(said(name)).map((word) => SAME_WORD.get(word) ?? word));
  const [before, after] = [words(recorded.name), words(candidate.name)];
  for (const word of before) {
    const group = groups.get(word);
    if (group === undefined || after.has(word)) continue;
    for (const other of after) if (groups.get(other) === group && !before.has(other)) return true;
  }
  return false;
}

/**
 * A field whose name attribute kept every recorded word and gained one its group caption now says
 * ("rest_ok" → "linked_rest_ok" under "Linked shift: Mon 14 Oct"): the field of what that group is about.
 * A prefix every field of a redesigned form gained ("pickup[rest_ok]") is not said by its group.
 */
function nameQualifiedByGroup(recorded: Fingerprint, candidate: Fingerprint): boolean {
  if (!candidate.attrs.name || !candidate.group || isIndexedName(candidate.attrs.name)) return false;
  const [before, after] = [identifierTokens(recorded.attrs.name), identifierTokens(candidate.attrs.name)];
  if (before.length === 0 || after.length <= before.length || !before.every((token) => after.includes(token)))
    return false;
  const group = new Set(contentTokens(candidate.group).map(singular));
  return after.some((token) => !before.includes(token) && token.length >= 4 && group.has(singular(token)));
}

/**
 * A field whose name attribute gained a qualifier ("slot" → "collectionSlot") naming what the recorded field
 * was not about, its surroundings replaced as well: the form now asks for a more specific thing (the
 * collection's time slot where the delivery's was), however alike its label and choices read.
 */
function nameQualified(recorded: Fingerprint, candidate: Fingerprint, comparison: Comparison): boolean {
  if (!isFormControlTag(recorded.tag) || comparison.translated) return false;
  // A list's entry name ("gifts[0][fund]") names the list, not another field.
  if (!candidate.attrs.name || isIndexedName(candidate.attrs.name)) return false;
  const [before, after] = [identifierTokens(recorded.attrs.name), identifierTokens(candidate.attrs.name)];
  if (before.length === 0 || after.length <= before.length || !before.every((token) => after.includes(token)))
    return false;
  const own = new Set([
    ...contentTokens(recorded.name),
    ...contentTokens(recorded.context ?? ''),
    ...identifierTokens(recorded.id),
  ]);
  // "primary_plan" beside an added "secondary_plan" is the recorded field, first of its copies.
  return after.some(
    (token) =>
      !before.includes(token) && token.length >= 4 && !/\d/.test(token) && !own.has(token) && !PRIMARY_WORDS.has(token),
  );
}

/** Words of a field's surroundings now, and the share of them, that must be among the recorded ones. */
const SPLIT_WORDS_KEPT = 3;
const SPLIT_SHARE_KEPT = 0.75;

/** The candidate's surroundings are mostly words the recorded ones held: a part of them, not others. */
function contextWithinRecorded(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const recordedWords = new Set(contentTokens(recorded.context ?? ''));
  const words = contentTokens(candidate.context ?? '');
  const kept = words.filter((token) => recordedWords.has(token)).length;
  return kept >= SPLIT_WORDS_KEPT && kept >= words.length * SPLIT_SHARE_KEPT;
}
const LOST_SURROUNDINGS_GAP = 0.3;

/**
 * Another candidate named as the voted one is (or numbered like it: "Zone 4 water amount" for "Zone 3 …"),
 * around which the recorded surroundings are kept (nearly word for word) while the voted one's are mostly
 * not: the locator may have followed an identity that moved, or a numbered name that passed to the next
 * entry. Qualified, or refused only for an identity of its own (a shared Save component renumbered its
 * test ids: the recorded card's Save got a new one) when it also sits under the recorded heading. Null
 * when there is none.
 */
function surroundingsKeptElsewhere(recorded: Fingerprint, voted: Scored, scored: readonly Scored[]): Scored | null {
  const votedContext = voted.comparison.contextSimilarity;
  if (votedContext === null) return null;
  const underRecordedHeading = (entry: Scored) =>
    !!recorded.heading && equalText(entry.fingerprint.heading ?? '', recorded.heading);
  // Around an entry renumbered with its name, its number ("Zone 3" → "Zone 4") is not a word it lost.
  const keptAround = (entry: Scored) =>
    sameButNumbers(recorded.name, entry.fingerprint.name)
      ? Math.max(entry.comparison.contextSimilarity ?? 0, similarityBesideNumbers(recorded, entry.fingerprint))
      : (entry.comparison.contextSimilarity ?? 0);
  const keptClearly = (kept: number) => kept >= KEPT_SURROUNDINGS && votedContext <= kept - LOST_SURROUNDINGS_GAP;
  return (
    scored.find(
      (other) =>
        other !== voted &&
        (other.qualified ||
          (other.failed.length === 1 && other.failed[0] === 'identity-conflict' && underRecordedHeading(other))) &&
        (other.comparison.nameSimilarity >= voted.comparison.nameSimilarity ||
          // A numbered name ("Zone 3 water amount") passes to the next entry when one is inserted above.
          sameButNumbers(recorded.name, other.fingerprint.name)) &&
        keptClearly(keptAround(other)),
    ) ?? null
  );
}

/** How much closer to the recorded surroundings a renumbered record must be than the voted one. */
const RENUMBERED_CONTEXT_GAP = 0.1;

/** Words a list writes before a record's old number once it renumbered it ("SF-1045 (was SF-1042)"). */
const RENUMBERED_FROM = /(?:^|[\s([])(?:was|formerly|previously|prev\.?|old no\.?|renumbered from)\s*[:#]?\s*$/;

/** Whether `context` says the record was numbered `number` before ("was SF-1042"). */
function saysWasNumbered(context: string, number: string): boolean {
  const text = normalizeText(context).toLowerCase();
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
    if (RENUMBERED_FROM.test(text.slice(Math.max(0, at - 24), at))) return true;
  }
  return false;
}

/**
 * Another control named as the voted one, failing only for linking to another record, around which the
 * recorded surroundings are kept (nearly word for word) and every word that told the recorded record
 * apart, while the voted one's are kept less, and whose record says it had the recorded number ("SF-1045
 * (was SF-1042)"): the records were renumbered and the voted one holds the recorded number now. A copy
 * that quotes it ("duplicate of SF-1042") is no renumbering. Null when there is none.
 */
function renumberedAway(recorded: Fingerprint, voted: Scored, scored: readonly Scored[]): Scored | null {
  const votedContext = voted.comparison.contextSimilarity;
  const numbers = recorded.distinct?.filter((token) => /\d/.test(token)) ?? [];
  if (votedContext === null || numbers.length === 0) return null;
  return (
    scored.find(
      (other) =>
        other !== voted &&
        other.failed.length === 1 &&
        other.failed[0] === 'other-record' &&
        other.comparison.distinctKept === 1 &&
        numbers.some((number) => saysWasNumbered(other.fingerprint.context ?? '', number)) &&
        other.comparison.nameSimilarity >= voted.comparison.nameSimilarity &&
        (other.comparison.contextSimilarity ?? 0) >= KEPT_SURROUNDINGS &&
        votedContext <= (other.comparison.contextSimilarity ?? 0) - RENUMBERED_CONTEXT_GAP,
    ) ?? null
  );
}

/**
 * The one other field of the recorded kind named as recorded, word for word, while the voted one is
 * named otherwise (its name not even alike): see resolveInScope. Only for a field whose name was its
 * own at recording; the same options too, for a select.
 */
function nameKeptElsewhere(recorded: Fingerprint, voted: Scored, scored: readonly Scored[]): Scored | null {
  if (!isFormControlTag(recorded.tag) || recorded.nameUnique === false || recorded.inRecord) return null;
  if (!recorded.name.trim() || voted.comparison.nameSimilarity >= MIN_NAME_SIMILARITY) return null;
  // Not when same-named look-alikes stood beside it at recording (what distinct, twin or section words
  // were read against), nor for a field that fails any check but its name and surroundings.
  if (recorded.distinct?.length || recorded.twin || recorded.sectionWords?.length) return null;
  const named = scored.filter(
    (other) =>
      other !== voted &&
      other.failed.every((check) => check === 'name-or-context') &&
      other.fingerprint.tag === recorded.tag &&
      other.fingerprint.type === recorded.type &&
      !other.comparison.identityConflict &&
      (!recorded.options || other.fingerprint.options === recorded.options) &&
      equalText(other.fingerprint.name, recorded.name),
  );
  return named.length === 1 ? (named[0] as Scored) : null;
}

/**
 * A control whose name was unique when recorded ("New report") and is carried by exactly one element
 * of its kind now: the same control, moved to other surroundings (sidebar → page header). A name
 * shared with other controls at recording ("Edit" in every row) never gets here: then only the
 * surroundings say which one it was.
 */
const MOVABLE_ROLES = new Set(['button', 'link', 'menuitem', 'tab']);

function movedUniqueName(recorded: Fingerprint, scored: readonly Scored[]): Scored | null {
  // Commands only: a choice's caption ("Yes", "Monthly") means something only beside its question.
  if (!recorded.nameUnique || !recorded.name || !MOVABLE_ROLES.has(recorded.role)) return null;
  const notOther = (entry: Scored) =>
    !entry.comparison.translated &&
    !(entry.underSiblingHeading && !entry.idVouched) &&
    !entry.comparison.identityConflict;
  const sameName = scored.filter((entry) => notOther(entry) && equalText(entry.fingerprint.name, recorded.name));
  // Moved and shortened or lengthened with the same verb ("Save product" → "Save" in a new save bar,
  // "Export CSV" → "Export as CSV"), when no other command had a verb of that meaning at recording.
  const alike =
    sameName.length === 0 && recorded.verbUnique
      ? scored.filter(
          (entry) =>
            notOther(entry) && !entry.comparison.objectChanged && sameVerbNested(recorded.name, entry.fingerprint.name),
        )
      : sameName;
  const [only] = alike;
  if (alike.length !== 1 || !only) return null;
  // Moved, not swapped for another dialog's "Confirm": some word of the old surroundings came along
  // ("reports": from the Reports sidebar to the All reports header), or it stayed under the same
  // heading (a sheet's "Add row" from its toolbar to its footer).
  const context = only.comparison.contextSimilarity;
  const sameHeading = !!recorded.heading && equalText(recorded.heading, only.fingerprint.heading ?? '');
  return context === null || context > 0 || sameHeading ? only : null;
}

/** Both names start with one known verb, and the words of one are all in the other ("Save" / "Save product"). */
function sameVerbNested(recorded: string, candidate: string): boolean {
  const verb = commandVerb(recorded);
  if (verb === undefined || commandVerb(candidate) !== verb) return false;
  const [a, b] = [contentTokens(recorded), contentTokens(candidate)];
  return b.length > 0 && (wordsWithin(a, b) || wordsWithin(b, a));
}

/**
 * Whether the words that told the recorded element from its look-alikes (a passenger's name) are
 * still around the candidate: names are not translated.
 */
function keepsDistinctWords(recorded: Fingerprint, candidate: Fingerprint): boolean {
  return (distinctKeptShare(recorded, candidate) ?? 0) >= MIN_DISTINCT_KEPT;
}

function resolveTranslated(
  recorded: Fingerprint,
  votes: readonly { kind: LocatorKind; entry: Scored }[],
  qualified: readonly Scored[],
  scored: readonly Scored[],
): ResolveResult {
  const refused: ResolveResult = {
    status: 'not-found',
    reason: 'the page is in another language now and no id or unchanged structure says which element it is',
  };
  // Before refusing, an identity only one element kept, or a name whose every word has a look-alike,
  // may still single one out; when they point at two elements, neither is acted on.
  const namedOrRefused = (): ResolveResult => {
    const kept = keptIdentityInTranslation(recorded, qualified, scored);
    const named = namedInTranslation(recorded, qualified);
    if (kept && named?.status === 'found' && named.element !== kept.element) return refused;
    return kept ?? named ?? refused;
  };
  const voted = new Set(votes.map((vote) => vote.entry));
  const [entry] = voted;
  if (voted.size === 0) return sameValuesOnly(recorded, qualified, scored) ?? namedOrRefused();
  if (voted.size !== 1 || !entry) return namedOrRefused();
  const kinds = new Set(votes.map((vote) => vote.kind));
  const identityVote = [...kinds].some((kind) => IDENTITY_LOCATORS.has(kind));
  const structureHolds = kinds.has('css') && kinds.has('xpath') && entry.comparison.samePlace;
  if (!identityVote && !structureHolds) return namedOrRefused();
  if (otherFieldName(recorded, entry.fingerprint)) return namedOrRefused();
  // A candidate that matches as well apart from its position is a look-alike (rows re-sorted in the new
  // language's order): position alone never tells them apart.
  const apart = entry.comparison.scoreWithoutPlace;
  const twins = qualified.filter(
    (other) => other !== entry && other.comparison.scoreWithoutPlace >= apart - TIE_EPSILON,
  );
  // What no translation changes still tells it from look-alikes: words only the target's section had
  // (a passenger's name), or its options' values and numbers (delivery times, not tip amounts).
  const lookAlikes = [entry, ...twins].map((candidate) => candidate.element);
  const keeps = (candidate: Scored) =>
    (!!recorded.sectionWords && keepsSectionWords(recorded.sectionWords, candidate.element, lookAlikes)) ||
    keepsDistinctWords(recorded, candidate.fingerprint);
  const choices = (candidate: Scored) =>
    recorded.choices ? tokenSimilarity(recorded.choices, candidate.fingerprint.choices ?? []) : 0;
  const entryKeeps = keeps(entry);
  const entryChoices = choices(entry);
  // Nor does it change how many options a select offers, where no other select offered as many at
  // recording (six exams, not five offences or three priorities), or the code a field's hint gives as an
  // example ("e.g. KOR-PAT-0093" → "例：KOR-PAT-0093"; not an amount or a date, which any field's may be).
  const recordedOptions = recorded.optionCountUnique ? optionCount(recorded.options) : null;
  const entryOptions = optionCount(entry.fingerprint.options);
  const exampleFigures = figuresOf(recorded.attrs.placeholder).filter((figure) => /\p{L}/u.test(figure));
  const keepsExample = (candidate: Scored) => {
    const figures = figuresOf(candidate.fingerprint.attrs.placeholder);
    return exampleFigures.length > 0 && exampleFigures.every((figure) => figures.includes(figure));
  };
  const entryKeepsExample = keepsExample(entry);
  const keepsNameFigures = (candidate: Scored) => keepsOwnNameFigures(recorded, candidate.fingerprint.name);
  // Only where the list holds as many of its kind as at recording: a box inserted above ("Young driver
  // (under 25)" before "Additional driver (under 25)") may take the place and the figure both.
  const listKept = () =>
    !!recorded.neighbours &&
    recorded.neighbours.length < MAX_NEIGHBOURS &&
    scored.filter(
      ({ fingerprint }) =>
        fingerprint.type === recorded.type &&
        (recorded.form
          ? fingerprint.form === entry.fingerprint.form
          : fingerprint.heading === entry.fingerprint.heading),
    ).length ===
      recorded.neighbours.length + 1;
  const entryKeepsFigures = keepsNameFigures(entry) && listKept();
  const setApart = (other: Scored) => {
    // No list at all: fewer options than are listed (a "Routine / Rush" select).
    const otherOptions = other.fingerprint.options ? optionCount(other.fingerprint.options) : 0;
    return (
      (entryKeeps && !keeps(other)) ||
      (entryChoices >= MIN_CHOICES_KEPT && choices(other) <= entryChoices - MIN_CHOICES_KEPT) ||
      (entryKeepsExample && !keepsExample(other)) ||
      (entryKeepsFigures && !keepsNameFigures(other)) ||
      (recordedOptions !== null &&
        entryOptions === recordedOptions &&
        otherOptions !== null &&
        otherOptions !== recordedOptions)
    );
  };
  const rival = twins.find((other) => !setApart(other));
  if (rival && !identityVote) return namedOrRefused();
  const via = VIA_ORDER.find((kind) => kinds.has(kind)) ?? 'css';
  return { status: 'found', element: entry.element, via, confidence: entry.comparison.score };
}

/**
 * Whether `name` holds every figure of the recorded name when no look-alike's name held a figure at
 * recording ("… over 90 minutes" among unnumbered boxes): a measure no translation changes, not a place
 * in a numbered list ("Passenger 2" beside "Passenger 1"), which rows inserted above would shift.
 */
export function keepsOwnNameFigures(recorded: Fingerprint, name: string): boolean {
  // A time of day is a slot's, which another option may name too ("Workshop at 14:00").
  const own = figuresOf(recorded.name).filter((figure) => !TIME_OF_DAY.test(figure));
  if (own.length === 0 || !recorded.neighbours?.length) return false;
  if (recorded.neighbours.some((neighbour) => /\d/.test(neighbour))) return false;
  const figures = figuresOf(name);
  return own.every((figure) => figures.includes(figure));
}

/**
 * On a translated page, the one element of the kind that kept an identity of the recorded element no
 * translation changes: its id or test id (one per page), or its field name (with a choice's value) in
 * the recorded form, where a field name says which field it is. A name shared with another form's
 * field ("email" of the newsletter), a choice's value in another group, a placeholder or a link's path
 * names no one element. It must have qualified.
 */
function keptIdentityInTranslation(
  recorded: Fingerprint,
  qualified: readonly Scored[],
  scored: readonly Scored[],
): FoundResult | null {
  const pageIdentity = (key: string) => key.startsWith('id:') || key.startsWith('testid:');
  const keeps = (entry: Scored) =>
    !entry.comparison.identityConflict &&
    entry.comparison.identities.some(
      (key) =>
        pageIdentity(key) ||
        (key.startsWith('name:') &&
          !!recorded.form &&
          sameFormTranslated(recorded.form, recorded.lang, entry.fingerprint.form, entry.fingerprint.lang)),
    );
  const keeping = scored.filter(keeps);
  const [only] = keeping;
  if (keeping.length !== 1 || !only || !qualified.includes(only)) return null;
  const keys = only.comparison.identities;
  const via = keys.some((key) => key.startsWith('testid:')) ? 'testId' : keys.some(pageIdentity) ? 'id' : 'name';
  return { status: 'found', element: only.element, via, confidence: only.comparison.score };
}

/**
 * Whether a form is the recorded one across a translation: the same stable description, or an action
 * path that differs only by a leading segment naming the page's language ("/booking/vehicle" →
 * "/de/booking/vehicle" on a page now in German), as localised sites prefix their routes. A segment that
 * only looks like a language ("/hr/", "/it/", "/my/") is part of the route unless the page says so.
 */
export function sameFormTranslated(
  recorded: string,
  recordedLang: string | undefined,
  candidate: string | undefined,
  candidateLang: string | undefined,
): boolean {
  if (recorded === candidate) return true;
  const ACTION = 'action:';
  if (!candidate?.startsWith(ACTION) || !recorded.startsWith(ACTION)) return false;
  const route = (form: string, lang: string | undefined) => {
    const parts = form.slice(ACTION.length).split('/').filter(Boolean);
    const first = parts[0]?.toLowerCase().replace(/_/g, '-');
    const language = lang?.toLowerCase().replace(/_/g, '-');
    const namesLanguage = !!first && !!language && (first === language || first === language.split('-')[0]);
    return (namesLanguage && parts.length > 1 ? parts.slice(1) : parts).join('/');
  };
  return route(recorded, recordedLang) === route(candidate, candidateLang);
}

/**
 * On a translated page, the one qualified candidate whose name has a look-alike word for every word of
 * the recorded name ("Frequency" → "Frecuencia"). Where the recorded element had look-alikes (an "Edit"
 * in every row), it must also keep the words only its own row had (a name, a number: not translated).
 */
function namedInTranslation(recorded: Fingerprint, qualified: readonly Scored[]): ResolveResult | null {
  const named = qualified.filter((entry) => namedByCognates(recorded.name, entry.fingerprint.name));
  if (named.length === 0) return null;
  const lookAlikes = named.map((entry) => entry.element);
  const keeps = (entry: Scored) =>
    (!!recorded.sectionWords && keepsSectionWords(recorded.sectionWords, entry.element, lookAlikes)) ||
    (!!recorded.distinct?.length && keepsDistinctWords(recorded, entry.fingerprint));
  // Several alike now ("Número de documento" for each passenger): only the words of its own section say which.
  const hadLookAlikes = named.length > 1 || recorded.nameUnique === false || !!recorded.inRecord;
  // A one-word command ("Cancelar") is in many places of a page; with its surroundings unreadable,
  // only its record's own words could say it is the recorded one.
  const oneWordCommand = isCommand(recorded) && cognateWords(recorded.name).length === 1;
  const chosen = hadLookAlikes || oneWordCommand ? named.filter(keeps) : named;
  const [only] = chosen;
  if (chosen.length !== 1 || !only) return null;
  return { status: 'found', element: only.element, via: 'fingerprint', confidence: only.comparison.score };
}

/** Words that call a section the first of its kind, and words that call one an added copy. */
const PRIMARY_WORDS = new Set(['primary', 'first', '1st', 'main']);
// An earlier one ("Previous passport number") or a stand-in ("Backup carer") is another field too.
const ADDED_WORDS = new Set([
  'second',
  '2nd',
  'additional',
  'another',
  'secondary',
  'other',
  'previous',
  'former',
  'prior',
  'alternate',
  'alternative',
  'backup',
]);

/**
 * Whether the candidate is named with the recorded name's words but the one that called it an added
 * copy ("Scope" for "Additional scope"), keeping neither its id nor its field name, while a field
 * beside it at recording was named so, or as the first copy ("Primary scope"): that field renamed.
 */
function baseOfRecordedCopy(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const before = tokenize(recorded.name);
  const added = before.filter((token) => ADDED_WORDS.has(token));
  if (added.length !== 1 || !recorded.neighbours?.length) return false;
  // Its id or field name kept says it is the recorded field, however its label reads now.
  const kept = (a: string | undefined, b: string | undefined) => !!a && a === b;
  if (kept(recorded.id, candidate.id) || kept(recorded.attrs.name, candidate.attrs.name)) return false;
  const base = before.filter((token) => !ADDED_WORDS.has(token));
  const sameWords = (tokens: readonly string[]) =>
    tokens.length === base.length && base.every((token) => tokens.includes(token));
  if (base.length === 0 || !sameWords(tokenize(candidate.name))) return false;
  return recorded.neighbours.some((neighbour) => {
    const words = tokenize(neighbour);
    return sameWords(words) || sameWords(words.filter((token) => !PRIMARY_WORDS.has(token)));
  });
}

/**
 * How `caption` relates to the recorded section caption: 'primary' when it is that caption with a word
 * calling it the first ("Primary owner" for "Owner"), 'added' when with a word calling it an added copy
 * ("Second owner"), else null. The recorded caption must not be so qualified itself.
 */
function copyOfSection(recorded: string, caption: string | undefined): 'primary' | 'added' | null {
  const before = tokenize(recorded);
  if (!caption || before.length === 0 || before.some((token) => PRIMARY_WORDS.has(token) || ADDED_WORDS.has(token))) {
    return null;
  }
  // An aside in parentheses ("Second owner (optional)") says nothing about which copy it is.
  const after = tokenize(caption.replace(/\([^)]*\)/g, ' '));
  if (after.length !== before.length + 1) return null;
  const extra = after.filter((token) => !before.includes(token));
  if (extra.length !== 1 || !before.every((token) => after.includes(token))) return null;
  const word = extra[0] as string;
  return PRIMARY_WORDS.has(word) ? 'primary' : ADDED_WORDS.has(word) ? 'added' : null;
}

/** How many options a select's listed option texts hold; null when unknown (no list, or cut short). */
function optionCount(options: string | undefined): number | null {
  if (!options || options.length >= MAX_TEXT) return null;
  return options.split(' | ').length;
}

/** The words of a text holding a figure ("kor-pat-0093", "2024"): what no translation changes. */
function figuresOf(text: string | undefined): string[] {
  return text ? tokenize(text).filter((token) => /\d/.test(token)) : [];
}

/** Option values a select needs before they say which select it is. */
const MIN_VALUES_NAMING_SELECT = 3;

/**
 * On a translated page, a select whose options send exactly the recorded values ("AP", "LD", "IT"…),
 * when no other element here does and its option list was its own at recording: no translation changes
 * what the server receives, so it is the recorded select, whatever its labels now say.
 */
function sameValuesOnly(
  recorded: Fingerprint,
  qualified: readonly Scored[],
  scored: readonly Scored[],
): ResolveResult | null {
  const values = recorded.choices;
  if (!recorded.optionsUnique || !values || values.length < MIN_VALUES_NAMING_SELECT) return null;
  let same = scored.filter((entry) => {
    const choices = entry.fingerprint.choices ?? [];
    return choices.length === values.length && tokenSimilarity(values, choices) === 1;
  });
  // A filter of the same values adds its own "All …" option: one more option than the recorded select.
  const count = optionCount(recorded.options);
  if (same.length > 1 && count !== null)
    same = same.filter((entry) => optionCount(entry.fingerprint.options) === count);
  const [only] = same;
  if (same.length !== 1 || !only || !qualified.includes(only)) return null;
  return { status: 'found', element: only.element, via: 'fingerprint', confidence: only.comparison.score };
}

interface Evidence {
  /** The locator, or `accessibleName` for a recorded name no role locator could express. */
  kind: LocatorKind | 'accessibleName';
  class: EvidenceClass;
  elements: Element[];
}

function evidenceClassOf(locator: Locator): EvidenceClass {
  if (locator.kind === 'css' && ID_ONLY_CSS.test(locator.selector.trim())) return 'identity';
  if (locator.kind === 'xpath' && ID_ONLY_XPATH.test(locator.path.trim())) return 'identity';
  return EVIDENCE_CLASS[locator.kind];
}

/** What each locator (and the recorded name) matches here. Text matches are retargeted to their control. */
function gatherEvidence(scope: Scope, descriptor: ElementDescriptor): Evidence[] {
  const evidence: Evidence[] = descriptor.locators.map((locator) => ({
    kind: locator.kind,
    class: evidenceClassOf(locator),
    elements: evaluateLocator(scope, locator, []),
  }));
  const { name } = descriptor.fingerprint;
  const named = descriptor.locators.some(
    (locator) =>
      (locator.kind === 'role' || locator.kind === 'label') &&
      equalText(locator.kind === 'role' ? locator.name : locator.text, name),
  );
  if (name && !named)
    evidence.push({ kind: 'accessibleName', class: 'semantic', elements: elementsNamed(scope, name) });
  return evidence;
}

const ambiguous = (candidates: readonly Element[], reason: string): ResolveResult => ({
  status: 'ambiguous',
  candidates: [...new Set(candidates)].slice(0, MAX_AMBIGUOUS_REPORTED),
  reason,
});

/** The words of a name that name something: no verb it starts with, no short grammar word (see unnamedInKeptRecord). */
function nameWords(name: string): string[] {
  return contentTokens(name)
    .slice(commandVerb(name) === undefined ? 0 : 1)
    .filter((token) => token.length >= 3 || /\d/.test(token))
    .map(singular);
}

/**
 * A target of unknown kind (imported; see the top of this file). Candidates are what the locators match, and one
 * element is acted on only when an id or a name (not a position) matches exactly that element, locators of at
 * least two kinds of evidence match it (an id and a name, a name and a CSS path), no locator that matches anything
 * here points elsewhere, and the element still carries the recorded name. Anything less is put to the person: a
 * single kind of evidence, a renamed element, locators that disagree, or look-alikes every locator matches alike.
 */
function resolveByLocators(scope: Scope, descriptor: ElementDescriptor): ResolveResult {
  const recorded = descriptor.fingerprint;
  const matched = gatherEvidence(scope, descriptor).filter((evidence) => evidence.elements.length > 0);
  if (matched.length === 0)
    return { status: 'not-found', reason: 'none of the recorded selectors matches anything here' };
  const unique = matched.filter((evidence) => evidence.elements.length === 1);
  const targets = [...new Set(unique.map((evidence) => evidence.elements[0] as Element))];
  if (targets.length > 1) {
    return ambiguous(targets, `the recorded selectors point at ${targets.length} different elements`);
  }
  const [target] = targets;
  if (!target) {
    // Every locator matches several elements: look-alikes. Those that every locator matches are the ones to offer.
    const all = [...new Set(matched.flatMap((evidence) => evidence.elements))];
    const common = all.filter((element) => matched.every((evidence) => evidence.elements.includes(element)));
    const offered = common.length > 0 ? common : all;
    return ambiguous(offered, `${offered.length} elements match the recorded selectors about equally well`);
  }
  const dissent = matched.filter((evidence) => !evidence.elements.includes(target));
  if (dissent.length > 0) {
    const others = [...new Set(dissent.flatMap((evidence) => evidence.elements))];
    return ambiguous([target, ...others], 'the recorded selectors disagree about which element it is');
  }
  const candidate = computeFingerprint(target);
  // The locators have settled what kind of element it is; the rest of the recording is compared as usual.
  const comparison = compareFingerprints({ ...recorded, tag: candidate.tag, role: candidate.role }, candidate);
  if (comparison.identityConflict) {
    return { status: 'not-found', reason: 'the element the selectors point at is another control (test id or kind)' };
  }
  if (recorded.name && comparison.nameSimilarity < MIN_NAME_SIMILARITY) {
    return ambiguous([target], 'the element the recorded selectors point at has another name now');
  }
  // Every locator that matches anything here includes the target; position alone never singles it out.
  if (!unique.some((evidence) => evidence.class !== 'structure')) {
    return ambiguous([target, ...matched.flatMap((evidence) => evidence.elements)], 'only its position sets it apart');
  }
  if (new Set(matched.map((evidence) => evidence.class)).size < 2) {
    return ambiguous([target], 'only one kind of recorded selector points at this element');
  }
  if (comparison.score < MIN_LOCATOR_AGREEMENT) {
    return ambiguous([target], 'the element the recorded selectors point at differs from the recording');
  }
  const kinds = new Set(unique.map((evidence) => evidence.kind));
  const via = VIA_ORDER.find((kind) => kinds.has(kind)) ?? 'fingerprint';
  return { status: 'found', element: target, via, confidence: comparison.score };
}
