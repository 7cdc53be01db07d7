/**
 * Element fingerprints and their similarity. A fingerprint is what a person would use to recognise the element
 * again: its kind, its words, its identifying attributes and the words around it. Similarity is a weighted
 * average over the features the recording has, so a missing feature neither helps nor hurts.
 */

import {
  COMMAND_ROLES,
  commandNameSimilarity,
  commandObjectsDiffer,
  commandVerb,
  commandVerbsDiffer,
  POLITE_VERBS,
} from './command-words';
import {
  accessibleName,
  ancestorTexts,
  columnHeaderText,
  contextText,
  formOf,
  groupCaption,
  headingText,
  hrefPath,
  inputType,
  isFormControl,
  isFormControlTag,
  labelText,
  landmarkOf,
  ownText,
  RECORD_CONTAINERS,
  roleOf,
  siblingPosition,
  tagOf,
} from './dom';
import { fieldNameSimilarity } from './field-words';
import { cachedRead } from './read-cache';
import {
  type Fingerprint,
  MAX_DISTINCT_WORD,
  MAX_DISTINCT_WORDS,
  MAX_ROW_VALUES,
  MAX_SHORT,
  MAX_TEXT,
  MAX_WIDER_WORDS,
  TEST_ID_ATTRIBUTES,
} from './schema';
import {
  contentTokens,
  digitShape,
  equalText,
  identifierSimilarity,
  isGeneratedValue,
  isIndexedId,
  isIndexedName,
  isWordedValue,
  normalizeText,
  stableClassStem,
  type TokenWeight,
  textSimilarity,
  tokenize,
  tokenSimilarity,
  truncate,
  wordsWithin,
} from './text';

// Feature weights: how much each agreeing feature counts towards the similarity score.
export const WEIGHT_TAG = 1;
export const WEIGHT_ROLE = 2;
export const WEIGHT_TYPE = 1;
export const WEIGHT_NAME = 5;
export const WEIGHT_TEXT = 1;
export const WEIGHT_LABEL = 2;
export const WEIGHT_NAME_ATTR = 3;
export const WEIGHT_HREF = 3;
export const WEIGHT_PLACEHOLDER = 2;
export const WEIGHT_TITLE = 1;
export const WEIGHT_VALUE = 1;
export const WEIGHT_ALT = 1;
export const WEIGHT_ID = 3;
export const WEIGHT_TEST_ID = 4;
export const WEIGHT_CLASSES = 1;
export const WEIGHT_CONTEXT = 4;
export const WEIGHT_HEADING = 2;
export const WEIGHT_GROUP = 2;
export const WEIGHT_LANDMARK = 1;
export const WEIGHT_FORM = 2;
export const WEIGHT_POSITION = 1;

/** Credit for the same sibling index when the number of siblings changed. */
const POSITION_INDEX_ONLY_CREDIT = 0.5;
const MAX_CLASSES = 12;

export interface FingerprintOptions {
  /** Read the bounding box; skipped at replay, where geometry is never used as evidence. */
  geometry?: boolean;
}

function optional(value: string | null | undefined, max: number = MAX_SHORT): string | undefined {
  const normalized = normalizeText(value);
  return normalized ? truncate(normalized, max) : undefined;
}

export function testIdOf(element: Element): Fingerprint['testId'] {
  for (const attr of TEST_ID_ATTRIBUTES) {
    const value = element.getAttribute(attr);
    if (value && !isGeneratedValue(value)) return { attr, value: truncate(value, MAX_SHORT) };
  }
  return undefined;
}

export function stableIdOf(element: Element): string | undefined {
  const id = element.getAttribute('id');
  return id && !isGeneratedValue(id) ? truncate(id, MAX_SHORT) : undefined;
}

export function stableClassesOf(element: Element): string[] {
  const classes: string[] = [];
  const list = element.classList;
  for (let index = 0; index < list.length && classes.length < MAX_CLASSES; index++) {
    const stem = stableClassStem(list[index] as string);
    if (stem && stem.length <= 80) classes.push(stem);
  }
  return classes;
}

/** The numbered page its record links to (a row's "/deals/8812"), for an element inside a list's record. */
function recordLinkOf(element: Element): string | undefined {
  const link = element.closest(RECORD_CONTAINERS)?.querySelector('a[href]');
  const href = link && link !== element ? link.getAttribute('href') : null;
  if (!href) return undefined;
  const path = hrefPath(href);
  return /\d/.test(path) && !path.startsWith('#') ? path : undefined;
}

/** Two link paths that differ only in their numbers: the same page for another record. */
function otherRecord(recorded: string | undefined, candidate: string | undefined): boolean {
  if (!recorded || !candidate || recorded === candidate) return false;
  return (
    (/\d/.test(recorded) && digitShape(recorded) === digitShape(candidate)) || lastSegmentDiffers(recorded, candidate)
  );
}

/** Controls a person types or picks a value in, and controls a person ticks: never the same control. */
const ENTRY_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider', 'listbox']);
const TOGGLE_ROLES = new Set(['checkbox', 'radio', 'switch']);

/** Whether a role is a control to type or pick a value in ('entry'), one to tick ('toggle'), or neither. */
export function controlFamily(role: string): 'entry' | 'toggle' | null {
  return ENTRY_ROLES.has(role) ? 'entry' : TOGGLE_ROLES.has(role) ? 'toggle' : null;
}

/** Options of a select read for their language-neutral words; a longer list is read in part. */
const MAX_OPTIONS_READ = 60;

/**
 * A select's options as no translation changes them: explicit values ("2", "express") and the
 * tokens of their captions that hold a digit ("18:30", "35", "4242"). Empty for other elements.
 */
function neutralChoices(element: Element): string[] {
  if (tagOf(element) !== 'select') return [];
  const tokens = new Set<string>();
  const options = element.querySelectorAll('option');
  for (let index = 0; index < options.length && index < MAX_OPTIONS_READ; index += 1) {
    const option = options[index] as Element;
    const value = option.getAttribute('value');
    if (value && value.length <= MAX_DISTINCT_WORD && !isGeneratedValue(value)) tokens.add(value.toLowerCase());
    for (const token of tokenize(option.textContent)) {
      if (/\d/.test(token) && token.length <= MAX_DISTINCT_WORD) tokens.add(token);
    }
    if (tokens.size >= MAX_DISTINCT_WORDS) break;
  }
  return [...tokens].slice(0, MAX_DISTINCT_WORDS);
}

/** Options a select needs before its list says which select it is ("Yes / No" says nothing). */
const MIN_OPTIONS_LISTED = 3;

/** A select's option texts in order (see Fingerprint.options); '' for anything else or a short list. */
export function optionList(element: Element): string {
  if (tagOf(element) !== 'select') return '';
  const options = element.querySelectorAll('option');
  if (options.length < MIN_OPTIONS_LISTED) return '';
  const texts: string[] = [];
  for (let index = 0; index < options.length && index < MAX_OPTIONS_READ; index += 1) {
    texts.push(normalizeText((options[index] as Element).textContent ?? '').toLowerCase());
  }
  return truncate(texts.join(' | '), MAX_TEXT);
}

export function computeFingerprint(element: Element, options: FingerprintOptions = {}): Fingerprint {
  // Callers may add to a fingerprint with geometry (describeElement does): never share one.
  if (options.geometry) return readFingerprint(element, options);
  return cachedRead('fingerprint', element, () => readFingerprint(element, options));
}

function readFingerprint(element: Element, options: FingerprintOptions): Fingerprint {
  const tag = tagOf(element);
  const role = roleOf(element);
  const name = accessibleName(element, role);
  const text = ownText(element);
  const href = element.getAttribute('href');
  const position = siblingPosition(element);
  const type = inputType(element);
  const isButtonLike = type === 'submit' || type === 'button' || type === 'reset';
  const fingerprint: Fingerprint = {
    tag,
    role,
    name: truncate(name, MAX_TEXT),
    attrs: {
      name: optional(element.getAttribute('name')),
      href: href ? hrefPath(href) : undefined,
      placeholder: optional(element.getAttribute('placeholder')),
      title: optional(element.getAttribute('title')),
      ariaLabel: optional(element.getAttribute('aria-label')),
      // Values of text fields are user data and change; button captions and the fixed values of
      // radio buttons and checkboxes (what the server receives) are identifying.
      value:
        tag === 'input' && (isButtonLike || type === 'radio' || type === 'checkbox')
          ? optional(element.getAttribute('value'))
          : undefined,
      alt: optional(element.getAttribute('alt')),
    },
    classes: stableClassesOf(element),
    index: position.index,
    count: position.count,
  };
  if (type) fingerprint.type = type;
  if (text) fingerprint.text = truncate(text, MAX_TEXT);
  const id = stableIdOf(element);
  if (id) fingerprint.id = id;
  const testId = testIdOf(element);
  if (testId) fingerprint.testId = testId;
  if (isFormControl(element)) {
    const label = labelText(element);
    if (label) fingerprint.label = truncate(label, MAX_TEXT);
  }
  // The question a choice answers, or the section a field fills in ("Return address" / "Ship-from
  // address": the same labels in both).
  if (TOGGLE_ROLES.has(role) || ENTRY_ROLES.has(role)) {
    const group = groupCaption(element);
    // A numbered section ("Guest 2") is a place in a list, which shifts: sectionWords say which.
    const place = ENTRY_ROLES.has(role) && /\d/.test(group);
    if (group && !place) fingerprint.group = truncate(group, MAX_TEXT);
  }
  const column = columnHeaderText(element);
  if (column) fingerprint.column = truncate(column, MAX_TEXT);
  const choices = neutralChoices(element);
  if (choices.length > 0) fingerprint.choices = choices;
  const listed = optionList(element);
  if (listed) fingerprint.options = listed;
  const context = contextText(element);
  if (context) fingerprint.context = truncate(context, MAX_TEXT);
  const heading = headingText(element);
  if (heading) fingerprint.heading = truncate(heading, MAX_TEXT);
  const landmark = landmarkOf(element);
  if (landmark) fingerprint.landmark = landmark;
  const form = formOf(element);
  if (form) fingerprint.form = truncate(form, MAX_SHORT);
  const lang = languageOf(element);
  if (lang) fingerprint.lang = lang;
  const recordLink = recordLinkOf(element);
  if (recordLink) fingerprint.recordLink = recordLink;
  if (options.geometry && typeof element.getBoundingClientRect === 'function') {
    const rect = element.getBoundingClientRect();
    if ([rect.x, rect.y, rect.width, rect.height].every(Number.isFinite)) {
      fingerprint.rect = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
  }
  for (const key of Object.keys(fingerprint.attrs) as (keyof Fingerprint['attrs'])[]) {
    if (fingerprint.attrs[key] === undefined) delete fingerprint.attrs[key];
  }
  return fingerprint;
}

export interface Comparison {
  /** Weighted similarity in [0, 1]. */
  score: number;
  /** Similarity of accessible names; 1 when the recording had no name. */
  nameSimilarity: number;
  /** Similarity of surrounding text; null when the recording had none. */
  contextSimilarity: number | null;
  /**
   * Both link to the same kind of page about another record (/invoices/1001 vs /invoices/1002):
   * never acted on without the person, who may pick it (the recorded record was deleted).
   */
  otherRecord: boolean;
  /** Share of the recorded distinct words (fingerprint.distinct) found around the candidate; null without them. */
  distinctKept: number | null;
  /** Similarity of the question a choice answers; null when either side has no group caption. */
  groupSimilarity: number | null;
  /** Identity keys (test id, stable id, field name, link path, form submit) both share. */
  identities: string[];
  /**
   * A different element, whatever else matches: both carry a test id, with different values, one
   * is a field to type in and the other a box to tick (a caption moved from one to the other), or a
   * command now starts with a verb of another meaning ("Join huddle" → "Start a huddle", same test id),
   * a select offers none of the recorded options (trip purposes, not nationalities, under the old id),
   * a radio button or checkbox sends another worded value, or it carries the name a neighbour had
   * when recorded ("Escalate to Tier 3" where "… Tier 2" was).
   */
  identityConflict: boolean;
  /**
   * The candidate's text is in another language than the recording's: words (name, text, label, surroundings)
   * were not compared, so nameSimilarity is 1 and contextSimilarity null, and only structure and identity scored.
   */
  translated: boolean;
  /**
   * A radio button, checkbox or switch whose caption had words swapped for others ("Email enrolled
   * students …" → "Email co-instructors …"): it may now choose something else, so an identity it
   * kept does not settle it.
   */
  captionSwapped: boolean;
  /**
   * A command with the recorded verb acting on something that shares no word with what it acted on
   * ("Send invitations" → "Send reminder to 38 guests"): never acted on for its kept id; when it is
   * the only one of its kind left, the person is asked ("Save notifications" → "Save preferences").
   */
  objectChanged: boolean;
  /** Same position among the same number of same-tag siblings as recorded. */
  samePlace: boolean;
  /** The score without the position feature: what tells look-alikes apart besides where they sit. */
  scoreWithoutPlace: number;
}

/** The nearest `lang` attribute, through open shadow roots to their hosts, lower-cased. */
function languageOf(element: Element): string | undefined {
  let current: Element | null = element;
  while (current) {
    const owner: Element | null = current.closest('[lang]');
    const lang = owner?.getAttribute('lang')?.trim();
    if (lang) return lang.toLowerCase().slice(0, 35);
    const root = current.getRootNode();
    current = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return undefined;
}

/** Both languages known and their primary subtags differ (`en-GB` and `en` are one language). */
export function differentLanguages(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return a.split('-')[0] !== b.split('-')[0];
}

export interface CompareOptions {
  /** Token weights for the context feature (rare words count more). */
  contextWeight?: TokenWeight;
}

function equalish(a: string | undefined, b: string | undefined): number {
  if (a === undefined) return 1;
  if (b === undefined) return 0;
  return a.toLowerCase() === b.toLowerCase() ? 1 : textSimilarity(a, b);
}

/** The words of an element's own name, text and surroundings: what its wider section is read beyond. */
export function nearWords(fingerprint: Fingerprint): Set<string> {
  return new Set([
    ...contentTokens(fingerprint.context),
    ...contentTokens(fingerprint.name),
    ...contentTokens(fingerprint.text),
  ]);
}

/** Fields whose value is a typed or chosen answer; not a choice's state, a command or a file. */
const VALUE_FIELDS = 'input,select,textarea';
const NO_VALUE_TYPES = new Set([
  'hidden',
  'password',
  'file',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'image',
]);
/** Fields whose values are secrets whatever their type says (a card number, a one-time code). */
const SECRET_AUTOCOMPLETE = /cc-|password|one-time-code/i;

/**
 * What the other fields of the element's record (its table row, its list item) hold now, in order: their
 * values, a select's chosen option; not those `skipped` says the recording itself filled in, which a
 * data-driven run changes. Empty when the element is no field of a record. Read at recording and, for a
 * recorded field that has them, for its look-alikes at replay.
 */
export function rowValuesOf(element: Element, skipped?: (field: Element) => boolean): string[] {
  if (!isFormControl(element)) return [];
  const read = () => {
    const record = element.closest(RECORD_CONTAINERS);
    if (!record) return [];
    const values: string[] = [];
    for (const field of record.querySelectorAll(VALUE_FIELDS)) {
      if (values.length >= MAX_ROW_VALUES) break;
      if (field === element || field.closest(RECORD_CONTAINERS) !== record || skipped?.(field)) continue;
      const value = fieldValue(field);
      if (value) values.push(truncate(value, MAX_DISTINCT_WORD));
    }
    return values;
  };
  return skipped ? read() : cachedRead('rowValues', element, read);
}

/**
 * The value typed into a text field (an input of a text kind, a textarea), normalized; empty for any
 * other element and for secrets.
 */
export function enteredValue(element: Element): string {
  return typesValue(element) ? normalizeText((element as HTMLInputElement | HTMLTextAreaElement).value ?? '') : '';
}

/** A text field (an input of a text kind, a textarea) whose value is no secret. */
export function typesValue(element: Element): boolean {
  const tag = tagOf(element);
  if (tag !== 'input' && tag !== 'textarea') return false;
  return (
    !NO_VALUE_TYPES.has(inputType(element) ?? '') &&
    !SECRET_AUTOCOMPLETE.test(element.getAttribute('autocomplete') ?? '')
  );
}

/** A text field's value, or a select's chosen option (never a card's expiry month or the like). */
function fieldValue(field: Element): string {
  if (tagOf(field) !== 'select') return enteredValue(field);
  if (SECRET_AUTOCOMPLETE.test(field.getAttribute('autocomplete') ?? '')) return '';
  // A prompt ("Choose…", sending nothing) is what every untouched row shows: no value of its own.
  const chosen = (field as HTMLSelectElement).selectedOptions[0];
  return chosen && chosen.value !== '' ? normalizeText(chosen.textContent ?? '') : '';
}

/** A wider section with fewer new words than this (a lone caption) says too little to tell copies apart. */
const MIN_WIDER_WORDS = 3;

/**
 * All words of the first section around the element's surroundings that adds some (the card around its
 * row of buttons), beyond those surroundings and its own name; none when that section holds more than
 * MAX_WIDER_WORDS (then a copy could not be checked for keeping all of them).
 */
export function widerSectionWords(element: Element, fingerprint: Fingerprint): string[] {
  const near = nearWords(fingerprint);
  for (const { text } of ancestorTexts(element)) {
    const words = [...new Set(contentTokens(text))].filter(
      (token) => !near.has(token) && token.length <= MAX_DISTINCT_WORD,
    );
    if (words.length < MIN_WIDER_WORDS) continue;
    return words.length <= MAX_WIDER_WORDS ? words : [];
  }
  return [];
}

/** Words a placeholder needs to name one field's answer: "Search" or "Optional" name none. */
const MIN_PLACEHOLDER_WORDS = 2;

/** The identity keys a fingerprint offers, for counting how many candidates share them. */
export function identityKeys(fingerprint: Fingerprint): string[] {
  const keys: string[] = [];
  // A numbered id or test id ("contact-2-email") names a place in a list, not the element.
  if (fingerprint.testId && !isIndexedId(fingerprint.testId.value)) {
    keys.push(`testid:${fingerprint.testId.attr}=${fingerprint.testId.value}`);
  }
  if (fingerprint.id && !isIndexedId(fingerprint.id)) keys.push(`id:${fingerprint.id}`);
  if (
    fingerprint.attrs.name &&
    ['input', 'select', 'textarea'].includes(fingerprint.tag) &&
    !isIndexedName(fingerprint.attrs.name)
  ) {
    // Radio buttons share a name; their value tells them apart.
    const value =
      fingerprint.type === 'radio' || fingerprint.type === 'checkbox' ? `:${fingerprint.attrs.value ?? ''}` : '';
    keys.push(`name:${fingerprint.tag}:${fingerprint.attrs.name}${value}`);
  }
  // A placeholder giving an example of the answer ("e.g. HB4 7QT") is written for one field; like a field
  // name, it vouches only beside the label or surroundings (see resolve.ts).
  const placeholder = fingerprint.attrs.placeholder;
  if (placeholder && ENTRY_ROLES.has(fingerprint.role) && contentTokens(placeholder).length >= MIN_PLACEHOLDER_WORDS) {
    keys.push(`placeholder:${normalizeText(placeholder).toLowerCase()}`);
  }
  // A choice's value is what the server receives; it outlives a regenerated group name and a label
  // that gained a badge ("Annually" → "Annually save 8%"). Only worded values: "on", "1", "yes"
  // repeat across groups and say nothing.
  const choiceValue = fingerprint.attrs.value;
  if ((fingerprint.type === 'radio' || fingerprint.type === 'checkbox') && choiceValue && isWordedValue(choiceValue)) {
    keys.push(`value:${fingerprint.type}:${choiceValue}`);
  }
  if (fingerprint.attrs.href && !fingerprint.attrs.href.startsWith('#') && fingerprint.attrs.href !== '/') {
    keys.push(`href:${fingerprint.attrs.href}`);
  }
  // Deliberately not an identity: "the submit button of this form". A form's submit can change meaning
  // (Subscribe → Unsubscribe) while keeping its place, so its caption must still match.
  return keys;
}

/** A value naming a date or a time ("2025-06-14T10:00/11:00", "14:30"): which slot, never regenerated. */
const DATED_VALUE = /\d{4}-\d{2}-\d{2}|(?:^|\D)\d{1,2}:\d{2}(?!\d)/;

/**
 * Two radio buttons or checkboxes whose worded or dated values (what the server receives) differ are two
 * choices, however alike their captions ("Late checkout until 14:00" / "… until 12:00").
 */
function otherChoiceValue(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const choice = (fingerprint: Fingerprint) => fingerprint.type === 'radio' || fingerprint.type === 'checkbox';
  const [before, after] = [recorded.attrs.value, candidate.attrs.value];
  if (!choice(recorded) || !choice(candidate) || !before || !after) return false;
  // Another date or time is another slot, even under the same caption ("10:00–11:00" on Friday).
  const dated = DATED_VALUE.test(before) && DATED_VALUE.test(after);
  return (
    (dated || (isWordedValue(before) && isWordedValue(after))) &&
    before.trim().toLowerCase() !== after.trim().toLowerCase() &&
    (dated || !sameWordedCaption(recorded.name, candidate.name)) &&
    !qualifiedValueOf(after, before, recorded.attrs.name) &&
    !qualifiedValueOf(before, after, candidate.attrs.name)
  );
}

/** Captions of a few words that read the same ("Express 1–2 business days $14.95"): what the person chose. */
const MIN_CAPTION_WORDS = 3;

/**
 * The same choice, reading the same, whose value the site now spells another way (carrier rates
 * "shopify-Express-14.95" → "ups-2nd-day-air-14.95"); a one-word caption ("Select") says too little.
 */
function sameWordedCaption(recorded: string, candidate: string): boolean {
  return contentTokens(recorded).length >= MIN_CAPTION_WORDS && equalText(recorded, candidate);
}

/**
 * "type:bug" is the value "bug" of the group named "type", written so once a form put all its groups
 * under one name ("filter"); "label:bug" is another group's.
 */
function qualifiedValueOf(qualified: string, value: string, groupName: string | undefined): boolean {
  if (!groupName) return false;
  const lower = (text: string) => text.trim().toLowerCase();
  const [prefix, ...rest] = lower(qualified).split(/[:=/|]/);
  return rest.length === 1 && prefix === lower(groupName) && rest[0] === lower(value);
}

const SMALL_NUMBER = /^\d{1,2}$/;

/** Some of the recorded caption's words are gone and words it did not have stand in their stead. */
function wordsSwapped(recorded: string, candidate: string): boolean {
  // Inflections are the same word ("Home inspection scheduled" / "Schedule home inspection").
  const stem = (token: string) => (token.length > 4 ? token.replace(/(?:ing|ed|es|s|e)$/, '') : token);
  const wordsOf = (text: string) =>
    new Set(
      contentTokens(text)
        .filter((token) => !/\d/.test(token))
        .map(stem),
    );
  const [before, after] = [wordsOf(recorded), wordsOf(candidate)];
  const lost = [...before].some((token) => !after.has(token));
  const gained = [...after].some((token) => !before.has(token));
  return lost && gained;
}

/**
 * A record's row box named by its record ("Select Priya Raman") is named by what it does now ("Select
 * row"): the record's words, around it then and now, are not part of its caption to compare.
 */
function withoutRecordWords(recorded: Fingerprint, candidate: Fingerprint): string {
  if (!recorded.inRecord || !recorded.context || !candidate.context) return recorded.name;
  const aroundThen = new Set(contentTokens(recorded.context));
  const captionNow = new Set(tokenize(candidate.name));
  // Only words that left the caption for the row around it: a caption kept as it was is compared whole.
  const record = new Set(
    contentTokens(candidate.context).filter((token) => aroundThen.has(token) && !captionNow.has(token)),
  );
  return record.size > 0 ? wordsOutside(recorded.name, record) || recorded.name : recorded.name;
}

/**
 * A choice that said when or what ("7 days after the due date") now says to do something then ("Add a
 * 2% late fee 7 days after the due date"): another setting that quotes the recorded one.
 */
function actionAdded(recorded: string, candidate: string): boolean {
  const verb = commandVerb(candidate);
  // "Request wheelchair assistance" asks for the same option "Wheelchair assistance" chose.
  if (!recorded || commandVerb(recorded) !== undefined || verb === undefined || POLITE_VERBS.has(verb)) return false;
  const before = contentTokens(recorded);
  const after = new Set(contentTokens(candidate));
  return before.length > 0 && after.size > before.length && before.every((token) => after.has(token));
}

/** Words a name needs before its presence in the recorded surroundings says it was a neighbour's. */
const MIN_NEIGHBOUR_NAME_TOKENS = 2;

/**
 * The candidate carries another name, one that stood in the recorded element's surroundings when it
 * was recorded: it is that neighbour ("Escalate to Tier 3" beside the recorded "Escalate to Tier 2"),
 * now in the recorded one's place.
 */
function namedLikeANeighbour(recorded: Fingerprint, candidate: Fingerprint): boolean {
  const name = tokenize(candidate.name);
  if (name.length < MIN_NEIGHBOUR_NAME_TOKENS || !recorded.context) return false;
  const recordedName = tokenize(recorded.name);
  if (name.join(' ') === recordedName.join(' ')) return false;
  // Its own record's name, the recorded one's without its verb ("Select Priya Raman" → "Priya Raman").
  if (name.every((token) => recordedName.includes(token))) return false;
  const around = tokenize(recorded.context);
  for (let start = 0; start + name.length <= around.length; start++) {
    if (name.every((token, offset) => around[start + offset] === token)) return true;
  }
  return false;
}

/** Options read on each side before two selects' options can be called disjoint. */
const MIN_CHOICES_COMPARED = 2;

/** Two selects whose options share no value and no number (not even one of the same shape: "18:30" / "12:15"). */
function choicesDisjoint(recorded: readonly string[] | undefined, candidate: readonly string[] | undefined): boolean {
  if (!recorded || !candidate || recorded.length < MIN_CHOICES_COMPARED || candidate.length < MIN_CHOICES_COMPARED) {
    return false;
  }
  return tokenSimilarity(recorded, candidate) === 0;
}

/** The words of `name` none of whose tokens is in `words` ("Call Elena Petrova" without the record's: "Call"). */
function wordsOutside(name: string, words: ReadonlySet<string>): string {
  return name
    .split(/\s+/)
    .filter((word) => !contentTokens(word).some((token) => words.has(token)))
    .join(' ');
}

/** Two field names compared without the words of the heading both stand under; 0 under other headings. */
function similarBesideHeading(recorded: Fingerprint, candidate: Fingerprint): number {
  if (!recorded.heading || !candidate.heading || !equalText(recorded.heading, candidate.heading)) return 0;
  const headingWords = new Set(contentTokens(recorded.heading));
  const recordedRest = wordsOutside(recorded.name, headingWords);
  const candidateRest = wordsOutside(candidate.name, headingWords);
  if (!recordedRest || !candidateRest || recordedRest === recorded.name) return 0;
  return fieldNameSimilarity(recordedRest, candidateRest);
}

/** Fewest words of a hint before finding them in a field's name says the label grew to hold it. */
const MIN_HINT_WORDS = 4;
/** Share of the recorded surroundings' words the name must now hold. */
const MIN_HINT_KEPT = 0.8;

/**
 * A form field whose name now holds every word of its recorded name and, beside them, nearly all the
 * words of its recorded surroundings and nothing else (a hint that moved into the label): those
 * words, as its surroundings; null otherwise.
 */
function hintJoinedName(recorded: Fingerprint, candidate: Fingerprint): string[] | null {
  if (!isFormControlTag(recorded.tag) || !recorded.name || !recorded.context) return null;
  const named = contentTokens(recorded.name);
  const nameNow = contentTokens(candidate.name);
  if (named.length === 0 || nameNow.length <= named.length) return null;
  const nameWords = new Set(named);
  if (!named.every((token) => nameNow.includes(token))) return null;
  const context = new Set(contentTokens(recorded.context));
  if (context.size < MIN_HINT_WORDS) return null;
  const extra = nameNow.filter((token) => !nameWords.has(token));
  if (!extra.every((token) => context.has(token))) return null;
  const held = new Set(extra);
  return held.size >= MIN_HINT_KEPT * context.size ? extra : null;
}

/** A name ending in another in brackets: "Text message (SMS)". */
const SPELLED_OUT = /^\S.*\s\(([^()]+)\)$/;

/** A count, a share or an amount as a word of its own: "9%", "(1,204)", "$12.50". */
const FIGURE_WORD = /^\(?[$€£]?\d[\d.,]*%?\)?$/;

function withoutFigures(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => !FIGURE_WORD.test(word))
    .join(' ');
}

/**
 * Share of the recorded distinct words still around the candidate (see distinctWordsAround); null
 * when none were recorded. A small number beside words ("Guest 2: Sofia Ortiz") is a place in a
 * list, which shifts: the words say which entry it is.
 */
export function distinctKeptShare(recorded: Fingerprint, candidate: Fingerprint): number | null {
  if (!recorded.distinct?.length) return null;
  const around = new Set(distinctWordsAround(recorded, candidate));
  const worded = recorded.distinct.filter((token) => !SMALL_NUMBER.test(token));
  const basis = worded.length > 0 ? worded : recorded.distinct;
  return basis.filter((token) => around.has(token)).length / basis.length;
}

/**
 * The words of `fingerprint` among which the recorded distinct words are looked for: a component
 * copy's own content when they came from it (a card's title), not the copies around it; else its
 * surroundings, heading, name and label.
 */
export function distinctWordsAround(recorded: Fingerprint, fingerprint: Fingerprint): string[] {
  const ownText = new Set(contentTokens(recorded.text));
  const ownWords = !!recorded.distinct?.length && recorded.distinct.every((token) => ownText.has(token));
  const texts = ownWords
    ? [fingerprint.text]
    : [fingerprint.context, fingerprint.heading, fingerprint.name, fingerprint.label];
  const words = texts.flatMap((text) => contentTokens(text));
  return withReformattedIds(recorded, words);
}

/**
 * An id's letters and its number ("req-121"), or a record number ("#4471"): the number with its
 * leading zeros dropped.
 */
const ID_NUMBER = /^(?:(?=.*\p{L})[\p{L}\p{N}-]*?-?|#)0*(\d{3,})$/u;

/** The number of an id or record number ("doc-24-0121", "#121" → "121"); undefined for anything else. */
export function idNumber(token: string): string | undefined {
  return ID_NUMBER.exec(token)?.[1];
}

/** Each recorded fingerprint's ids by number, read once: a resolution asks for them per candidate, many times. */
const idsByRecording = new WeakMap<Fingerprint, Map<string, string>>();

function recordedIds(recorded: Fingerprint): Map<string, string> {
  let ids = idsByRecording.get(recorded);
  if (!ids) {
    ids = new Map();
    for (const token of recorded.distinct ?? []) {
      const number = idNumber(token);
      if (number) ids.set(number, token);
    }
    idsByRecording.set(recorded, ids);
  }
  return ids;
}

/**
 * The words, with each recorded id they hold in a new format added: "doc-24-0121" is "req-121"
 * after a migration to another scheme (a prefix, a year, zero padding), when its number is the
 * same. A record's number is kept through such a change; another record's is another number.
 */
function withReformattedIds(recorded: Fingerprint, words: string[]): string[] {
  const ids = recordedIds(recorded);
  if (ids.size === 0) return words;
  const present = new Set(words);
  const added: string[] = [];
  for (const word of words) {
    const number = idNumber(word);
    const id = number === undefined ? undefined : ids.get(number);
    if (id !== undefined && !present.has(id)) {
      added.push(id);
      present.add(id);
    }
  }
  return added.length > 0 ? [...words, ...added] : words;
}

/**
 * Two paths into the same place that end in different items ("…/secrets/actions/STRIPE_SECRET_KEY"
 * and "…/secrets/actions/STRIPE_WEBHOOK_SECRET") lead to different things: another record's link,
 * however alike it reads. Queries and fragments are not compared.
 */
function lastSegmentDiffers(recorded: string, candidate: string): boolean {
  const segments = (href: string) => (href.split(/[?#]/)[0] ?? '').split('/').filter(Boolean);
  const before = segments(recorded);
  const after = segments(candidate);
  if (before.length < 2 || before.length !== after.length) return false;
  const last = before.length - 1;
  const [ended, ends] = [before[last] as string, after[last] as string];
  // Regenerated keys ("m1v2sze" → "d0kxdh1") say nothing; worded ones name the item.
  const worded = (segment: string) => /\p{L}/u.test(segment) && !isGeneratedValue(segment);
  return (
    before.slice(0, last).every((segment, index) => segment === after[index]) &&
    ended !== ends &&
    worded(ended) &&
    worded(ends)
  );
}

/** Whether the candidate's surroundings hold a word the recorded surroundings did not. */
function gainedWords(recorded: string | undefined, candidate: string | undefined): boolean {
  const before = new Set(contentTokens(recorded));
  return contentTokens(candidate).some((token) => !before.has(token));
}

export function compareFingerprints(
  recorded: Fingerprint,
  candidate: Fingerprint,
  options: CompareOptions = {},
): Comparison {
  let total = 0;
  let earned = 0;
  const add = (weight: number, similarity: number) => {
    total += weight;
    earned += weight * similarity;
  };

  add(WEIGHT_TAG, recorded.tag === candidate.tag ? 1 : 0);
  if (recorded.role) add(WEIGHT_ROLE, recorded.role === candidate.role ? 1 : 0);
  if (recorded.type) add(WEIGHT_TYPE, recorded.type === candidate.type ? 1 : 0);

  // Translated text says nothing about which element this is, for or against: only the rest is compared.
  const translated = differentLanguages(recorded.lang, candidate.lang);
  const words = !translated;
  // The field's hint now inside its label (one <label> around "Methodology" and "Are the methods
  // sound…"): the name read now is the recorded name and the recorded surroundings together.
  const hint = words ? hintJoinedName(recorded, candidate) : null;

  let nameSimilarity = 1;
  if (recorded.name && words && !hint) {
    // A command's name starts with what it does: a synonym there is a rewording, another verb another command.
    const synonyms = {
      verbUnique: recorded.verbUnique === true,
      surroundingsChanged: gainedWords(recorded.context, candidate.context),
    };
    const similarName = COMMAND_ROLES.has(recorded.role)
      ? (a: string, b: string) => commandNameSimilarity(a, b, synonyms)
      : isFormControlTag(recorded.tag)
        ? fieldNameSimilarity
        : textSimilarity;
    nameSimilarity =
      recorded.name.toLowerCase() === candidate.name.toLowerCase() ? 1 : similarName(recorded.name, candidate.name);
    // A tooltip says what the control does even when a counter ("12") has become its accessible name.
    if (nameSimilarity < 1 && candidate.attrs.title) {
      nameSimilarity = Math.max(nameSimilarity, similarName(recorded.name, candidate.attrs.title));
    }
    // A dropped aria-label ("Submit Essay 2" on a button showing "Submit"): the words the person saw
    // on it still name it. Not when the candidate has a label of its own, which may name another record.
    if (nameSimilarity < 1 && recorded.attrs.ariaLabel && recorded.text && !candidate.attrs.ariaLabel) {
      nameSimilarity = Math.max(nameSimilarity, similarName(recorded.text, candidate.name));
    }
    // A label that names the record ("Call Elena Petrova" for a row's "Call"): the record's own
    // words say which record, and the distinct words judge that; the rest says what it does.
    if (nameSimilarity < 1 && recorded.distinct?.length) {
      const own = new Set(recorded.distinct);
      const recordedRest = wordsOutside(recorded.name, own);
      const candidateRest = wordsOutside(candidate.name, own);
      if (recordedRest && candidateRest && (recordedRest !== recorded.name || candidateRest !== candidate.name)) {
        nameSimilarity = Math.max(nameSimilarity, similarName(recordedRest, candidateRest));
      }
    }
    // An aria-label that named its record ("Hana Takeda available", "Call Marcus Webb") dropped for the
    // label the control shows ("Available", a "Call" tooltip): the record's words are around it now,
    // and the rest still names the field or the command.
    if (
      nameSimilarity < 1 &&
      recorded.inRecord &&
      (isFormControlTag(recorded.tag) || COMMAND_ROLES.has(recorded.role)) &&
      candidate.name
    ) {
      // Only the record's words: around it at recording too, not a neighbour's name ("Start visit"
      // beside "Visit options").
      const own = new Set(contentTokens(candidate.name));
      const aroundThen = new Set(contentTokens(recorded.context));
      const around = new Set(
        contentTokens(candidate.context).filter((token) => !own.has(token) && aroundThen.has(token)),
      );
      const rest = wordsOutside(recorded.name, around);
      if (rest && rest !== recorded.name) nameSimilarity = Math.max(nameSimilarity, similarName(rest, candidate.name));
    }
    // A figure shown beside a caption now ("Pocket Casts 9%", "Spotify (1,204)"): a share or a count,
    // not another name. Only when the recorded name had no number in it.
    if (nameSimilarity < 1 && !/\d/.test(recorded.name) && equalText(recorded.name, withoutFigures(candidate.name))) {
      nameSimilarity = 1;
    }
    // A short name spelled out, the old one kept in brackets ("SMS" → "Text message (SMS)").
    if (nameSimilarity < 1 && equalText(recorded.name, SPELLED_OUT.exec(normalizeText(candidate.name))?.[1] ?? '')) {
      nameSimilarity = 1;
    }
    // A field's label that dropped its section's word ("Roof pitch (degrees)" under "Roof" → "Pitch
    // (°)"): the section, the same one, still says it.
    if (nameSimilarity < 1 && isFormControlTag(recorded.tag)) {
      nameSimilarity = Math.max(nameSimilarity, similarBesideHeading(recorded, candidate));
    }
    // A field whose label lost its `for` has no name, but the label still says what it is.
    if (!candidate.name && candidate.label) {
      nameSimilarity = Math.max(nameSimilarity, textSimilarity(recorded.name, candidate.label));
    }
    add(WEIGHT_NAME, nameSimilarity);
  }
  if (recorded.text && recorded.text !== recorded.name && words) {
    add(WEIGHT_TEXT, equalish(recorded.text, candidate.text));
  }
  if (recorded.label && words) {
    // The label that grew to hold the hint holds the recorded label word for word.
    const labelHeld = !!hint && wordsWithin(contentTokens(recorded.label), contentTokens(candidate.label));
    add(WEIGHT_LABEL, labelHeld ? 1 : equalish(recorded.label, candidate.label));
  }

  const attrs = recorded.attrs;
  // A name or id that numbers a list entry ("guests[2][doc]", "g2-doc") says where, not which:
  // after the list changed, the entry now at that number earns nothing by it.
  if (attrs.name && !isIndexedName(attrs.name)) {
    add(WEIGHT_NAME_ATTR, identifierSimilarity(attrs.name, candidate.attrs.name));
  }
  if (attrs.href) add(WEIGHT_HREF, attrs.href === candidate.attrs.href ? 1 : 0);
  if (words) {
    if (attrs.placeholder) add(WEIGHT_PLACEHOLDER, equalish(attrs.placeholder, candidate.attrs.placeholder));
    if (attrs.title) add(WEIGHT_TITLE, equalish(attrs.title, candidate.attrs.title));
    if (attrs.value) add(WEIGHT_VALUE, equalish(attrs.value, candidate.attrs.value));
    if (attrs.alt) add(WEIGHT_ALT, equalish(attrs.alt, candidate.attrs.alt));
  }
  if (recorded.id && !isIndexedId(recorded.id)) add(WEIGHT_ID, identifierSimilarity(recorded.id, candidate.id));
  if (recorded.testId) {
    add(
      WEIGHT_TEST_ID,
      candidate.testId?.attr === recorded.testId.attr && candidate.testId.value === recorded.testId.value ? 1 : 0,
    );
  }
  if (recorded.classes.length > 0) add(WEIGHT_CLASSES, tokenSimilarity(recorded.classes, candidate.classes));

  let contextSimilarity: number | null = null;
  if (recorded.context && words) {
    // Words the surroundings gained (a status line, a badge) do not make it another place; words it
    // lost, or different numbers in it (another row's date or amount), do.
    const recordedTokens = contentTokens(recorded.context);
    const kept = new Set(recordedTokens);
    contextSimilarity = tokenSimilarity(
      recordedTokens,
      (hint ?? contentTokens(candidate.context)).filter((token) => kept.has(token) || /\d/.test(token)),
      options.contextWeight,
      'counters',
    );
    add(WEIGHT_CONTEXT, contextSimilarity);
  }
  if (recorded.heading && words) add(WEIGHT_HEADING, equalish(recorded.heading, candidate.heading));
  // The words that told it apart from its look-alikes when recorded must still be around it.
  const distinctKept = words ? distinctKeptShare(recorded, candidate) : null;
  // A candidate outside any group is not judged by it (a redesign may drop the fieldset).
  let groupSimilarity: number | null = null;
  if (recorded.group && candidate.group && words) {
    groupSimilarity = equalish(recorded.group, candidate.group);
    add(WEIGHT_GROUP, groupSimilarity);
  }
  if (recorded.landmark) {
    // `role:name`: a translated landmark keeps its role.
    const landmarkOf = (landmark: string | undefined) => (words ? landmark : landmark?.split(':')[0]);
    add(WEIGHT_LANDMARK, landmarkOf(recorded.landmark) === landmarkOf(candidate.landmark) ? 1 : 0);
  }
  if (recorded.form && words) add(WEIGHT_FORM, recorded.form === candidate.form ? 1 : 0);
  const [totalBeforePlace, earnedBeforePlace] = [total, earned];
  if (recorded.count > 1) {
    const sameIndex = recorded.index === candidate.index;
    add(WEIGHT_POSITION, sameIndex ? (recorded.count === candidate.count ? 1 : POSITION_INDEX_ONLY_CREDIT) : 0);
  }

  const candidateKeys = new Set(identityKeys(candidate));
  const identities = identityKeys(recorded).filter((key) => candidateKeys.has(key));
  // Only test ids are a contract; ids and field names get renamed in refactors and merely score lower.
  const recordedControl = controlFamily(recorded.role);
  const candidateControl = controlFamily(candidate.role);
  const identityConflict =
    (!!recorded.testId &&
      !!candidate.testId &&
      recorded.testId.attr === candidate.testId.attr &&
      recorded.testId.value !== candidate.testId.value &&
      !(isIndexedId(recorded.testId.value) && isIndexedId(candidate.testId.value))) ||
    (recordedControl !== null && candidateControl !== null && recordedControl !== candidateControl) ||
    (words &&
      COMMAND_ROLES.has(recorded.role) &&
      !!recorded.name &&
      commandVerbsDiffer(recorded.name, candidate.name)) ||
    choicesDisjoint(recorded.choices, candidate.choices) ||
    otherChoiceValue(recorded, candidate) ||
    (words && namedLikeANeighbour(recorded, candidate));

  const samePlace = recorded.index === candidate.index && recorded.count === candidate.count;
  const captionSwapped =
    words &&
    TOGGLE_ROLES.has(recorded.role) &&
    (wordsSwapped(withoutRecordWords(recorded, candidate), candidate.name) ||
      actionAdded(recorded.name, candidate.name));
  const objectChanged =
    words && COMMAND_ROLES.has(recorded.role) && commandObjectsDiffer(recorded.name, candidate.name);
  return {
    score: total === 0 ? 0 : earned / total,
    nameSimilarity,
    contextSimilarity,
    groupSimilarity,
    distinctKept,
    // Its own link, or its row's ("Log call" in the row of /deals/8855, not /deals/8812).
    otherRecord:
      otherRecord(recorded.attrs.href, candidate.attrs.href) || otherRecord(recorded.recordLink, candidate.recordLink),
    identities,
    identityConflict,
    captionSwapped,
    objectChanged,
    translated,
    samePlace,
    scoreWithoutPlace: totalBeforePlace === 0 ? 0 : earnedBeforePlace / totalBeforePlace,
  };
}
