/**
 * Recording: turn the element a person acted on into a TargetDescriptor.
 *
 * 1. Retarget (an icon inside a button → the button, a label → its control).
 * 2. For the target and for each open shadow host around it (outermost first), generate every locator kind that
 *    applies, most specific first, and a fingerprint. Locators and fingerprints of a shadow-internal element are
 *    relative to its own shadow root.
 * 3. Generated-looking values (hashes, GUIDs, React ids, long digit runs) never become locators.
 *
 * This runs on every recorded event, so it reads only the element's neighbourhood; the few uniqueness checks
 * query a scoped subtree and are bounded in number.
 */

import { COMMAND_ROLES, commandVerb } from './command-words';
import {
  accessibleName,
  ancestorTexts,
  CHOICE_GROUPS,
  contextText,
  cssIdent,
  gatherText,
  groupCaption,
  isFormControl,
  isShadowRoot,
  labelText,
  MAX_LOOKALIKES_READ,
  MAX_NAME_UNIQUENESS_CANDIDATES,
  ownText,
  RECORD_CONTAINERS,
  retarget,
  type Scope,
  sameTagIn,
  scopeOf,
  tagOf,
} from './dom';
import {
  computeFingerprint,
  enteredValue,
  optionList,
  rowValuesOf,
  stableClassesOf,
  stableIdOf,
  testIdOf,
  typesValue,
  widerSectionWords,
} from './fingerprint';
import { neighboursOf } from './neighbours';
import {
  type ElementDescriptor,
  type Fingerprint,
  type Locator,
  MAX_DISTINCT_WORD,
  MAX_DISTINCT_WORDS,
  MAX_SELECTOR,
  MAX_SHADOW_DEPTH,
  MAX_SHORT,
  MAX_TEXT,
  MAX_TWIN_WORDS,
  type TargetDescriptor,
} from './schema';
import { contentTokens, hasLettersAndDigits, isGeneratedValue, normalizeText, tokenize, truncate } from './text';

/** Visible text longer than this is a paragraph, not a caption worth matching exactly. */
const MAX_TEXT_LOCATOR_LENGTH = 80;
/** Stable classes used per CSS path segment; more makes selectors brittle without making them more unique. */
const MAX_CLASSES_PER_SEGMENT = 2;
/** Levels between an element and its id anchor for which a short "#anchor segment" selector is tried. */
const MAX_SHORTCUT_ANCHOR_DEPTH = 4;
/** Path depth for CSS and XPath; deeper trees are cut at an anchor or at this many levels. */
const MAX_PATH_DEPTH = 24;

const TEXT_LOCATOR_ROLES = new Set(['button', 'link', 'tab', 'menuitem', 'option', 'checkbox', 'radio', 'switch']);

export interface DescribeOptions {
  /**
   * What the field held before the person typed (noted when it took focus); null when unknown. By
   * default, what it holds now.
   */
  valueBefore?: string | null;
  /** Fields the recording itself typed in or chose in before (their values are the run's data). */
  filledByRecording?: (field: Element) => boolean;
}

/**
 * A value that can say which field held it: a phone number, an address, a name; not a count or a
 * short code ("144", "No"), which other fields come to hold by chance.
 */
function tellingValue(value: string): boolean {
  return value.length >= MIN_FIELD_VALUE && (/\p{L}/u.test(value) || value.length >= MIN_FIGURES_VALUE);
}
const MIN_FIELD_VALUE = 3;
const MIN_FIGURES_VALUE = 6;

/**
 * Whether another field of the element's kind in its scope holds the same value (Phone = Mobile), or
 * there are too many fields to tell.
 */
function heldElsewhere(element: Element, value: string): boolean {
  const type = element.getAttribute('type');
  const sameTag = sameTagIn(scopeOf(element), element.localName);
  // Too many to read on every recorded event: unknown, so the value is not relied on.
  if (sameTag.length > MAX_NAME_UNIQUENESS_CANDIDATES) return true;
  return Array.from(sameTag).some(
    (other) => other !== element && other.getAttribute('type') === type && enteredValue(other) === value,
  );
}

export function describeElement(element: Element, options: DescribeOptions = {}): TargetDescriptor {
  const target = retarget(element);
  const hosts: Element[] = [];
  let root = target.getRootNode();
  while (isShadowRoot(root) && hosts.length < MAX_SHADOW_DEPTH) {
    hosts.unshift(root.host);
    root = root.host.getRootNode();
  }
  const own = describeInScope(target);
  const rowValues = rowValuesOf(target, options.filledByRecording);
  if (rowValues.length > 0) own.fingerprint.rowValues = rowValues;
  const valueBefore =
    options.valueBefore === undefined ? enteredValue(target) : normalizeText(options.valueBefore ?? '');
  const fieldValue = typesValue(target) ? valueBefore : '';
  if (tellingValue(fieldValue) && !heldElsewhere(target, fieldValue)) {
    own.fingerprint.fieldValue = truncate(fieldValue, MAX_SHORT);
  }
  return {
    version: 1,
    locators: own.locators,
    fingerprint: own.fingerprint,
    shadowHosts: hosts.map((host) => describeInScope(host)),
  };
}

function describeInScope(element: Element): ElementDescriptor {
  const fingerprint = computeFingerprint(element, { geometry: true });
  const inRecord = element.closest(RECORD_CONTAINERS) !== null;
  if (inRecord) fingerprint.inRecord = true;
  // An action of one record (the cart's only line) stays with that record: if it is gone, a
  // "Remove" of another record is not this one moved, so its name's uniqueness is not noted.
  const lookAlikes = sameNamed(element, fingerprint);
  const unique = lookAlikes === undefined ? undefined : lookAlikes.length === 0;
  if (unique === false || (unique === true && !inRecord)) fingerprint.nameUnique = unique;
  if (fingerprint.options && optionsUnique(element, fingerprint.options)) fingerprint.optionsUnique = true;
  if (fingerprint.options && optionCountUnique(element)) fingerprint.optionCountUnique = true;
  if (element.shadowRoot && sameTagIn(scopeOf(element), element.localName).length === 1) fingerprint.onlyCopy = true;
  const verbUnique = synonymTwinAbsent(element, fingerprint);
  if (verbUnique !== undefined) fingerprint.verbUnique = verbUnique;
  const twins = lookAlikes ?? sameNamedFields(element, fingerprint);
  const copies = twins === undefined ? componentCopies(element, fingerprint) : [];
  // What told it apart when recorded: words of its surroundings no look-alike's have ("Starter" of the
  // Starter plan's "Choose plan"), or else how it differs from a near twin. Contexts are read once.
  const twinContexts = twins?.length ? twins.map(contextText) : [];
  const distinct = twins?.length
    ? wordsNoneOtherHas(fingerprint.context, twinContexts)
    : copies.length > 0
      ? distinctOwnWords(fingerprint, copies)
      : [];
  if (distinct.length > 0) fingerprint.distinct = distinct;
  // No word its own, but a look-alike alike in all but a word or two: how they differ says which.
  const twin = twinContexts.length > 0 && distinct.length === 0 ? nearTwin(fingerprint, twinContexts) : undefined;
  if (twin) fingerprint.twin = twin;
  // Look-alikes told apart only by a number, or choices whose question is worded alike ("Select
  // one:" in every question): the wider section around each says which one it is.
  const section =
    twins?.length && distinct.every((token) => /\d/.test(token))
      ? sectionWords(element, twins)
      : choiceSectionWords(element, fingerprint);
  if (section.length > 0) fingerprint.sectionWords = section;
  const wider = widerSectionWords(element, fingerprint);
  if (wider.length > 0) fingerprint.widerWords = wider;
  const neighbours = neighboursOf(element, fingerprint, lookAlikes);
  if (neighbours.length > 0) fingerprint.neighbours = neighbours;
  return { locators: generateLocators(element, fingerprint), fingerprint };
}

/** Commands whose name is checked for uniqueness (resolve.ts follows them when they move). */
const UNIQUE_NAME_ROLES = new Set(['button', 'link', 'menuitem', 'tab']);

/**
 * The other elements with the same tag and the same name (case-insensitive) in the scope, up to
 * MAX_LOOKALIKES_READ; undefined when unknown: not a command, no name, or too many elements to
 * check on every recorded event. A live tag collection keeps this cheap on big pages (bench:recorder).
 */
function sameNamed(element: Element, fingerprint: Fingerprint): Element[] | undefined {
  if (!fingerprint.name || !UNIQUE_NAME_ROLES.has(fingerprint.role)) return undefined;
  const name = fingerprint.name.toLowerCase();
  // Most elements are ruled out by their text alone; only the rest get an accessible name.
  return sameTagNamed(element, name, (other) => {
    const labelled =
      other.hasAttribute('aria-label') || other.hasAttribute('aria-labelledby') || other.hasAttribute('title');
    return labelled || (other.textContent ?? '').toLowerCase().includes(name);
  });
}

/**
 * Up to MAX_LOOKALIKES_READ other elements of the element's tag in its scope that `worthNaming`
 * lets through and whose accessible name is `name`; undefined when the scope has too many of that tag.
 */
function sameTagNamed(element: Element, name: string, worthNaming: (other: Element) => boolean): Element[] | undefined {
  const scope = scopeOf(element);
  const sameTag = sameTagIn(scope, element.localName);
  if (sameTag.length > MAX_NAME_UNIQUENESS_CANDIDATES) return undefined;
  const found: Element[] = [];
  for (let index = 0; index < sameTag.length && found.length < MAX_LOOKALIKES_READ; index++) {
    const other = sameTag[index] as Element;
    if (other === element || !worthNaming(other)) continue;
    // Truncated like fingerprint.name, so a long shared name still counts as shared.
    if (truncate(normalizeText(accessibleName(other)), MAX_TEXT).toLowerCase() === name) found.push(other);
  }
  return found;
}

/** Fields whose look-alikes (same kind, same name) are looked for: "Last name" of each passenger. */
const FIELD_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'spinbutton',
  'switch',
]);

/**
 * The other fields of the same tag and type with the same name in the scope (up to
 * MAX_LOOKALIKES_READ); undefined when not a named field or too many fields to check.
 */
function sameNamedFields(element: Element, fingerprint: Fingerprint): Element[] | undefined {
  if (!fingerprint.name || !FIELD_ROLES.has(fingerprint.role) || !isFormControl(element)) return undefined;
  const type = element.getAttribute('type');
  return sameTagNamed(element, fingerprint.name.toLowerCase(), (other) => other.getAttribute('type') === type);
}

/** Whether no other select in the element's scope offers the same options, in the same order. */
function optionsUnique(element: Element, options: string): boolean {
  for (const other of scopeOf(element).querySelectorAll('select')) {
    if (other !== element && optionList(other) === options) return false;
  }
  return true;
}

/** Whether no other select in the element's scope offers as many options (what a translation keeps). */
function optionCountUnique(element: Element): boolean {
  const count = element.querySelectorAll('option').length;
  for (const other of scopeOf(element).querySelectorAll('select')) {
    if (other !== element && other.querySelectorAll('option').length === count) return false;
  }
  return true;
}

/** Characters of a command's text read for its leading verb. */
const VERB_TEXT_CHARS = 80;

/**
 * Whether no other button, link or submit in the scope starts with another verb of the same meaning
 * ("Transfer" beside "Send money", "Hide" beside "Collapse"); undefined when the recorded name has no
 * known verb or the scope has too many commands to check on every recorded event. Names are read
 * cheaply (aria-label, title, text, value): a miss only leaves synonyms unused.
 */
function synonymTwinAbsent(element: Element, fingerprint: Fingerprint): boolean | undefined {
  const verb = commandVerb(fingerprint.name);
  if (verb === undefined || !COMMAND_ROLES.has(fingerprint.role)) return undefined;
  const ownWord = tokenize(fingerprint.name)[0];
  const scope = scopeOf(element);
  const lists: ArrayLike<Element>[] =
    'getElementsByTagName' in scope
      ? ['button', 'a', 'input'].map((tag) => scope.getElementsByTagName(tag))
      : [scope.querySelectorAll('button, a, input')];
  let total = 0;
  for (const list of lists) total += list.length;
  if (total > MAX_NAME_UNIQUENESS_CANDIDATES) return undefined;
  for (const list of lists) {
    for (let index = 0; index < list.length; index++) {
      const other = list[index] as Element;
      if (other === element) continue;
      const text =
        other.getAttribute('aria-label') ??
        other.getAttribute('title') ??
        (other.localName === 'input' ? other.getAttribute('value') : other.textContent) ??
        '';
      const head = text.trim().slice(0, VERB_TEXT_CHARS);
      if (commandVerb(head) === verb && tokenize(head)[0] !== ownWord) return false;
    }
  }
  return true;
}

/** Fewest words around a record for a look-alike to count as its near twin, and the share they must share. */
const MIN_TWIN_CONTEXT_WORDS = 4;
const MIN_TWIN_SHARED = 0.8;

/**
 * The look-alike whose surroundings are the recorded one's but for a few words (the same post queued
 * for another channel, the same lens in another focal length): the words only each has. Numbers are
 * left out (a "2h ago" ticks, a total changes with the quantity); a code of letters and digits
 * ("50mm", "S4") is kept: it names the item.
 */
function nearTwin(fingerprint: Fingerprint, lookAlikeContexts: readonly string[]): Fingerprint['twin'] {
  const wordsOf = (text: string | undefined) =>
    new Set(
      contentTokens(text).filter(
        (token) => (!/\d/.test(token) || itemCode(token)) && token.length <= MAX_DISTINCT_WORD,
      ),
    );
  const own = wordsOf(fingerprint.context);
  if (own.size < MIN_TWIN_CONTEXT_WORDS) return undefined;
  let best: { shared: number; own: string[]; theirs: string[] } | undefined;
  for (const context of lookAlikeContexts) {
    const theirs = wordsOf(context);
    const ownOnly = [...own].filter((token) => !theirs.has(token));
    const theirsOnly = [...theirs].filter((token) => !own.has(token));
    const shared = (own.size - ownOnly.length) / Math.max(own.size, theirs.size);
    if (shared < MIN_TWIN_SHARED || ownOnly.length === 0 || theirsOnly.length === 0) continue;
    if (ownOnly.length > MAX_TWIN_WORDS || theirsOnly.length > MAX_TWIN_WORDS) continue;
    if (!best || shared > best.shared) best = { shared, own: ownOnly, theirs: theirsOnly };
  }
  return best ? { own: best.own, theirs: best.theirs } : undefined;
}

/**
 * A code of letters and digits that names an item ("50mm", "s4", "a320", "t2"): not a plain number, a
 * time or date, nor an age or duration that ticks ("2h", "10min", "3d").
 */
const TICKING = /^\d+(?:s|sec|secs|m|min|mins|h|hr|hrs|d|w|wk|wks|mo|y|yr|yrs|am|pm|st|nd|rd|th)$/;
function itemCode(token: string): boolean {
  return hasLettersAndDigits(token) && /^[\p{L}\d]+$/u.test(token) && !TICKING.test(token);
}

/** Words of `own` (up to MAX_DISTINCT_WORDS) that none of `others` has. */
function wordsNoneOtherHas(own: string | undefined, others: readonly string[]): string[] {
  if (!own) return [];
  const shared = new Set(others.flatMap((text) => contentTokens(text)));
  return [...new Set(contentTokens(own))]
    .filter((token) => !shared.has(token) && token.length <= MAX_DISTINCT_WORD)
    .slice(0, MAX_DISTINCT_WORDS);
}

/**
 * Other hosts of the same web component in the scope, when the element is an unnamed host: the
 * copies of a list's card component (`<loan-item>`), told apart only by the content they hold.
 */
function componentCopies(element: Element, fingerprint: Fingerprint): Element[] {
  if (!element.shadowRoot || fingerprint.name || !fingerprint.text) return [];
  const scope = scopeOf(element);
  const sameTag = sameTagIn(scope, element.localName);
  if (sameTag.length > MAX_NAME_UNIQUENESS_CANDIDATES) return [];
  const copies: Element[] = [];
  for (let index = 0; index < sameTag.length && copies.length < MAX_COPIES_READ; index++) {
    const other = sameTag[index] as Element;
    if (other !== element) copies.push(other);
  }
  return copies;
}

/** Copies of a component whose content is read at recording (bench:recorder: pages with many cards). */
const MAX_COPIES_READ = 20;

/** Words of the element's own content that none of its copies' content has (the book's title, its author). */
function distinctOwnWords(fingerprint: Fingerprint, copies: readonly Element[]): string[] {
  // Read as replay reads a copy's text (bounded), so a word past that bound is not called its own.
  return wordsNoneOtherHas(fingerprint.text, copies.map(ownText));
}

/** Words around the recorded choice's group that no other group with the same caption has around it. */
function choiceSectionWords(element: Element, fingerprint: Fingerprint): string[] {
  if (!fingerprint.group || (fingerprint.type !== 'radio' && fingerprint.type !== 'checkbox')) return [];
  const ownGroup = element.parentElement?.closest(CHOICE_GROUPS);
  const scope = scopeOf(element);
  const inputs = scope.querySelectorAll(`input[type="${fingerprint.type}"]`);
  if (!ownGroup || inputs.length > MAX_NAME_UNIQUENESS_CANDIDATES) return [];
  const seen = new Set<Element>([ownGroup]);
  const groups: Element[] = [];
  for (const other of inputs) {
    const group = other.parentElement?.closest(CHOICE_GROUPS);
    if (!group || seen.has(group) || groups.length >= MAX_LOOKALIKES_READ) continue;
    seen.add(group);
    if (truncate(groupCaption(other), MAX_TEXT) === fingerprint.group) groups.push(group);
  }
  return groups.length > 0 ? sectionWords(ownGroup, groups) : [];
}

/**
 * Words around the element, a few levels up, that no look-alike has at the same level: the first
 * level that has any that are not numbers. Stops where the element and a look-alike share the
 * ancestor (above that, their sections are one).
 */
function sectionWords(element: Element, twins: readonly Element[]): string[] {
  const own = [...ancestorTexts(element)];
  const theirs = twins.slice(0, MAX_LOOKALIKES_READ).map((twin) => [...ancestorTexts(twin)]);
  for (const [level, { ancestor, text }] of own.entries()) {
    const shared = new Set<string>();
    for (const levels of theirs) {
      const at = levels[level];
      if (!at || at.ancestor === ancestor || at.ancestor.contains(element)) return [];
      for (const token of contentTokens(at.text)) shared.add(token);
    }
    const words = [...new Set(contentTokens(text))].filter(
      (token) => !shared.has(token) && !/\d/.test(token) && token.length <= MAX_DISTINCT_WORD,
    );
    if (words.length > 0) return words.slice(0, MAX_DISTINCT_WORDS);
  }
  return [];
}

export function generateLocators(element: Element, fingerprint: Fingerprint): Locator[] {
  const locators: Locator[] = [];
  const tag = tagOf(element);
  const testId = testIdOf(element);
  if (testId) locators.push({ kind: 'testId', attr: testId.attr, value: testId.value });
  const id = stableIdOf(element);
  if (id) locators.push({ kind: 'id', value: id });
  if (fingerprint.role && fingerprint.name) {
    locators.push({ kind: 'role', role: fingerprint.role, name: truncate(fingerprint.name, MAX_TEXT) });
  }
  if (isFormControl(element)) {
    const label = labelText(element);
    if (label) locators.push({ kind: 'label', text: truncate(label, MAX_TEXT) });
    const placeholder = normalizeText(element.getAttribute('placeholder'));
    if (placeholder) locators.push({ kind: 'placeholder', text: truncate(placeholder, MAX_TEXT) });
    const name = element.getAttribute('name');
    if (name && !isGeneratedValue(name)) locators.push({ kind: 'name', tag, value: truncate(name, MAX_SHORT) });
  }
  if (TEXT_LOCATOR_ROLES.has(fingerprint.role) || tag === 'a' || tag === 'button') {
    const text = gatherText(element, MAX_TEXT_LOCATOR_LENGTH + 1);
    if (text && text.length <= MAX_TEXT_LOCATOR_LENGTH) locators.push({ kind: 'text', tag, text });
  }
  const scope = scopeOf(element);
  const css = generateCss(element, scope);
  if (css) locators.push({ kind: 'css', selector: css });
  const xpath = generateXPath(element, scope);
  if (xpath) locators.push({ kind: 'xpath', path: xpath });
  return locators;
}

function countMatches(scope: Scope | Element, selector: string): number {
  try {
    return scope.querySelectorAll(selector).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function nthOfType(element: Element): number {
  let index = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName === element.localName) index++;
  }
  return index;
}

function hasSameTypeSibling(element: Element): boolean {
  const tag = element.localName;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName === tag) return true;
  }
  for (let sibling = element.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === tag) return true;
  }
  return false;
}

/** The nearest ancestor with a stable id that really is unique in its scope, to anchor paths on. */
function idAnchor(element: Element, scope: Scope): { element: Element; id: string } | null {
  for (let current = element.parentElement; current; current = current.parentElement) {
    const id = stableIdOf(current);
    if (id && scope.getElementById(id) === current) return { element: current, id };
  }
  return null;
}

function segment(element: Element, withNth: boolean): string {
  let result = cssIdent(element.localName);
  for (const className of stableClassesOf(element).slice(0, MAX_CLASSES_PER_SEGMENT)) {
    // Stems of CSS-module classes are not real class names; only exact stable classes go into selectors.
    if (element.classList.contains(className)) result += `.${cssIdent(className)}`;
  }
  if (withNth && hasSameTypeSibling(element)) result += `:nth-of-type(${nthOfType(element)})`;
  return result;
}

/**
 * A CSS selector unique in the element's scope: a child-combinator path from the nearest stable-id ancestor (or the
 * scope's top), with :nth-of-type only where same-tag siblings exist, which makes it unique by construction. Scanning
 * the document to find a shorter one costs milliseconds per event on big pages, so the only shortcut tried is the
 * element's own segment inside a nearby id anchor, whose subtree is small.
 */
export function generateCss(element: Element, scope: Scope): string | null {
  const id = stableIdOf(element);
  if (id && scope.getElementById(id) === element) return truncate(`#${cssIdent(id)}`, MAX_SELECTOR);
  const anchor = idAnchor(element, scope);
  const chain: Element[] = [];
  for (
    let current: Element | null = element;
    current && current !== anchor?.element && chain.length < MAX_PATH_DEPTH;
    current = current.parentElement
  ) {
    chain.push(current);
  }
  const top = chain[chain.length - 1];
  if (anchor && chain.length <= MAX_SHORTCUT_ANCHOR_DEPTH) {
    const own = `#${cssIdent(anchor.id)} ${segment(element, false)}`;
    if (countMatches(anchor.element, own) === 1) return truncate(own, MAX_SELECTOR);
  }
  // Without an anchor the path must start at the top of the scope, else it could also match deeper copies.
  if (!anchor && top?.parentElement) return null;
  const path = chain
    .map((node) => segment(node, true))
    .reverse()
    .join(' > ');
  const full = anchor ? `#${cssIdent(anchor.id)} > ${path}` : path;
  return full.length <= MAX_SELECTOR ? full : null;
}

function xpathStep(element: Element): string {
  const tag = element.localName;
  const name = /^[a-z][a-z0-9-]*$/i.test(tag) && element.namespaceURI === 'http://www.w3.org/1999/xhtml' ? tag : null;
  const test = name ?? `*[local-name()="${tag.replace(/"/g, '')}"]`;
  let index = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName === tag) index++;
  }
  return `${test}[${index}]`;
}

/** An XPath anchored on the nearest stable id, else rooted at the document (or relative to the shadow root). */
export function generateXPath(element: Element, scope: Scope): string | null {
  const anchor = idAnchor(element, scope);
  const steps: string[] = [];
  let current: Element | null = element;
  while (current && current !== anchor?.element && steps.length < MAX_PATH_DEPTH) {
    steps.unshift(xpathStep(current));
    current = current.parentElement;
  }
  if (current && current !== anchor?.element) return null;
  let path: string;
  if (anchor) path = `//*[@id="${anchor.id.replace(/"/g, '')}"]/${steps.join('/')}`;
  else if (isShadowRoot(scope)) path = `./${steps.join('/')}`;
  else path = `/${steps.join('/')}`;
  return path.length <= MAX_SELECTOR ? path : null;
}
