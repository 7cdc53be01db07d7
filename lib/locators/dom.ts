/**
 * DOM reading shared by recording and replay: implicit roles, a pragmatic accessible-name subset, retargeting and
 * bounded text gathering. Everything takes its nodes as arguments so it runs in happy-dom and in real pages, and
 * nothing scans the whole document: recording runs on every user event.
 */
import { cachedRead } from './read-cache';
import { hasWords, isGeneratedValue, normalizeText, truncate } from './text';

export type Scope = Document | ShadowRoot;

/** Longest text read from a subtree; the walker stops there, so big containers cost the same as small ones. */
export const MAX_GATHERED_TEXT = 400;
/** Ancestors examined when looking for context, headings and landmarks. */
const MAX_CONTEXT_DEPTH = 6;
const MAX_HEADING_DEPTH = 8;
const MAX_HEADING_SIBLINGS = 12;
/** Boxes a field may sit in, each holding no other field, below the label it follows. */
const MAX_FIELD_BOX_DEPTH = 2;
/** The fields a person fills in, for telling which one an untied label captions. */
const FIELD_SELECTOR = 'input:not([type="hidden"]), select, textarea';
/** A container is the element's "row" once it adds at least this much text beyond the element's own. */
const CONTEXT_MIN_EXTRA_CHARS = 12;

const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
/** Containers that group choices: what they are captioned is the question a choice answers. */
export const CHOICE_GROUPS = 'fieldset, [role="radiogroup"], [role="group"]';
/** Containers that hold one record of a list: its actions belong to that record. */
export const RECORD_CONTAINERS = 'li, tr, article, [role="row"], [role="listitem"], [role="article"]';

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** What a click on a nested node (icon, span) really targets, like Playwright's retargeting. */
const INTERACTIVE_SELECTOR = [
  'button',
  'a[href]',
  'input',
  'select',
  'textarea',
  'summary',
  'label',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="menuitemcheckbox"]',
  '[role="menuitemradio"]',
  '[role="option"]',
  '[role="treeitem"]',
  '[role="combobox"]',
  '[role="textbox"]',
  '[role="slider"]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
].join(',');

export function tagOf(element: Element): string {
  return element.localName.toLowerCase();
}

export function scopeOf(element: Element): Scope {
  const root = element.getRootNode();
  return isShadowRoot(root) ? root : (element.ownerDocument as Document);
}

export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;
}

/** The element a recorded event should describe: the enclosing control, or a label's control. */
export function retarget(element: Element): Element {
  // `matches` first: happy-dom's `closest` hands back another object for a matching <select>.
  const interactive = element.matches(INTERACTIVE_SELECTOR)
    ? element
    : (element.closest(INTERACTIVE_SELECTOR) ?? element);
  if (tagOf(interactive) === 'label') {
    const control = (interactive as HTMLLabelElement).control;
    if (control) return control;
  }
  return interactive;
}

export function inputType(element: Element): string | undefined {
  const tag = tagOf(element);
  if (tag === 'input') return (element.getAttribute('type') ?? 'text').toLowerCase();
  if (tag === 'button') return (element.getAttribute('type') ?? 'submit').toLowerCase();
  return undefined;
}

const INPUT_ROLES: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
  search: 'searchbox',
  email: 'textbox',
  tel: 'textbox',
  text: 'textbox',
  url: 'textbox',
  password: 'textbox',
};

const TAG_ROLES: Record<string, string> = {
  button: 'button',
  summary: 'button',
  textarea: 'textbox',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  nav: 'navigation',
  main: 'main',
  header: 'banner',
  footer: 'contentinfo',
  aside: 'complementary',
  form: 'form',
  table: 'table',
  tr: 'row',
  td: 'cell',
  th: 'columnheader',
  ul: 'list',
  ol: 'list',
  li: 'listitem',
  option: 'option',
  dialog: 'dialog',
  article: 'article',
  fieldset: 'group',
  details: 'group',
  progress: 'progressbar',
  img: 'img',
};

/** Explicit role if present, else the implicit role of the tag/type; '' when the element is generic. */
export function roleOf(element: Element): string {
  const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit.toLowerCase();
  const tag = tagOf(element);
  if (tag === 'a' || tag === 'area') return element.hasAttribute('href') ? 'link' : '';
  if (tag === 'input') {
    const type = inputType(element) ?? 'text';
    if (type === 'hidden') return '';
    if (element.hasAttribute('list') && INPUT_ROLES[type] === 'textbox') return 'combobox';
    return INPUT_ROLES[type] ?? 'textbox';
  }
  if (tag === 'select') {
    const select = element as HTMLSelectElement;
    return select.multiple || Number(element.getAttribute('size') ?? '0') > 1 ? 'listbox' : 'combobox';
  }
  if (tag === 'section')
    return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby') ? 'region' : '';
  if (tag === 'img') return element.getAttribute('alt') === '' ? 'presentation' : 'img';
  return TAG_ROLES[tag] ?? '';
}

/** Roles whose accessible name comes from their content (WAI-ARIA "name from content"). */
const NAME_FROM_CONTENT = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'option',
  'heading',
  'cell',
  'columnheader',
  'rowheader',
  'checkbox',
  'radio',
  'switch',
  'treeitem',
  'tooltip',
]);

function isHiddenForName(element: Element): boolean {
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const tag = tagOf(element);
  return tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript';
}

/**
 * The nodes an element renders as its content: an open shadow root's children in place of the light
 * ones (a web component's text lives there), and for a slot the light nodes assigned to it, else its
 * fallback content. So a component's copies are told apart by what they show.
 */
function renderedChildren(element: Element): Iterable<Node> {
  if (element.shadowRoot) return element.shadowRoot.childNodes;
  if (tagOf(element) === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
    if (assigned.length > 0) return assigned;
  }
  return element.childNodes;
}

/**
 * Visible-ish text of a subtree, stopping after `max` characters. Skips aria-hidden subtrees and `skip`
 * (the recorded element, when gathering its surroundings). Uses alt text of images and labels of controls
 * so icon buttons and checkboxes in a row still contribute words.
 */
/** Input types whose value is words a person reads (a name, a city), not a secret, a choice or a file. */
const WORDED_INPUT_TYPES = new Set(['text', 'email', 'search', 'tel', 'url']);

/**
 * The value a text field shows that the page itself put there (its `value` attribute), or the label
 * of the option a list shows selected by the page: what a person reads in a section of fields
 * ("Sofia" in Guest 2's first-name field). Not what someone typed: a replay with other values for
 * the task's variables would not find it again. Never a password's.
 */
function prefilledValue(element: Element, tag: string): string {
  if (tag === 'input') {
    const input = element as HTMLInputElement;
    if (!WORDED_INPUT_TYPES.has(inputType(element) ?? 'text')) return '';
    return input.value === input.defaultValue ? input.value : '';
  }
  if (tag === 'select') {
    const option = (element as HTMLSelectElement).selectedOptions?.[0];
    return option?.defaultSelected && option.value !== '' ? option.label : '';
  }
  return '';
}

export interface GatherOptions {
  /** Also read the values fields show that the page filled in (see prefilledValue). */
  prefilledValues?: boolean;
}

export function gatherText(
  root: Node,
  max: number = MAX_GATHERED_TEXT,
  skip?: Element | readonly Element[],
  options: GatherOptions = {},
): string {
  const skipped = skip === undefined ? [] : Array.isArray(skip) ? skip : [skip as Element];
  const parts: string[] = [];
  let length = 0;
  const visit = (node: Node): boolean => {
    if (length >= max) return false;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value.trim()) {
        parts.push(value);
        length += value.length;
      }
      return length < max;
    }
    if (node.nodeType !== 1) return true;
    const element = node as Element;
    if (skipped.includes(element) || isHiddenForName(element)) return true;
    const tag = tagOf(element);
    const shown = options.prefilledValues ? prefilledValue(element, tag) : '';
    if (shown) {
      parts.push(` ${shown} `);
      length += shown.length;
    }
    if (tag === 'img' || tag === 'input' || tag === 'area') {
      const alt = element.getAttribute('alt') ?? element.getAttribute('aria-label');
      if (alt) {
        parts.push(` ${alt} `);
        length += alt.length;
      }
      return length < max;
    }
    if (tag === 'select' || tag === 'textarea') return length < max;
    const before = length;
    for (const child of renderedChildren(element)) if (!visit(child)) return false;
    // An icon button says what it does by its label: a row's "Call Text" buttons that became icons
    // labelled "Call" and "Send text" still read so around the row's other controls.
    if (length === before && element !== root && (tag === 'button' || tag === 'a')) {
      const label = element.getAttribute('aria-label') ?? element.getAttribute('title');
      if (label) {
        parts.push(` ${label} `);
        length += label.length;
      }
    }
    if (tag === 'td' || tag === 'th' || tag === 'li' || tag === 'p' || tag === 'div' || tag === 'br') parts.push(' ');
    return true;
  };
  visit(root);
  return truncate(normalizeText(parts.join(' ')), max);
}

function textOfIds(element: Element, ids: string): string {
  const scope = scopeOf(element);
  const texts: string[] = [];
  for (const id of ids.split(/\s+/).slice(0, 8)) {
    if (!id) continue;
    const target = scope.getElementById(id);
    if (target) texts.push(target.getAttribute('aria-label') || gatherText(target));
  }
  return normalizeText(texts.join(' '));
}

/** Text of the labels attached to a form control (`label[for]`, wrapping label), without the control itself. */
export function labelText(element: Element): string {
  return cachedRead('label', element, () => readLabelText(element));
}

function readLabelText(element: Element): string {
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return normalizeText(
      Array.from(labels)
        .slice(0, 3)
        .map((label) => gatherText(label, MAX_GATHERED_TEXT, element))
        .join(' '),
    );
  }
  // Fallback for environments without `labels`: a wrapping label or a label[for] in the same scope.
  const wrapping = element.parentElement?.closest('label');
  if (wrapping) return gatherText(wrapping, MAX_GATHERED_TEXT, element);
  const id = element.getAttribute('id');
  if (id) {
    const label = scopeOf(element).querySelector(`label[for="${cssString(id)}"]`);
    if (label) return gatherText(label);
  }
  return visualLabelText(element);
}

/**
 * The caption a person sees right before a control that no label is tied to: a build that strips
 * ids also strips `for`, and the label then names nothing though it still reads "Email" above the
 * field. Only a label that labels no other control counts. The field may sit in a box that holds no
 * other field (`<label>Email</label><div class="control"><input><span class="icon"></span></div>`),
 * with an icon, a unit or a "Show" button beside it: a redesign adds those, and the label still names it.
 */
function visualLabelText(element: Element): string {
  const label = visualLabelOf(element);
  return label ? gatherText(label, MAX_GATHERED_TEXT) : '';
}

/** Read for the field's name and again for its surroundings (which leave it out): read once. */
function visualLabelOf(element: Element): Element | null {
  return cachedRead('visual label', element, () => readVisualLabel(element));
}

function readVisualLabel(element: Element): Element | null {
  if (inputType(element) === 'hidden') return null;
  let field: Element = element;
  for (let depth = 0; ; depth++) {
    const previous = field.previousElementSibling;
    const label = previous ? captionLabelOf(previous) : null;
    if (previous && label) return namesNothing(label) && captionsOneField(previous) ? label : null;
    const box = field.parentElement;
    if (depth === MAX_FIELD_BOX_DEPTH || !box || !holdsOnlyField(box, element)) return null;
    field = box;
  }
}

/** A label, or a row holding one label and no field (the label beside a "Why we ask" link or an "Optional" tag). */
function captionLabelOf(element: Element): HTMLLabelElement | null {
  if (tagOf(element) === 'label') return element as HTMLLabelElement;
  if (element.querySelector(FIELD_SELECTOR)) return null;
  const labels = element.querySelectorAll('label');
  return labels.length === 1 ? (labels[0] as HTMLLabelElement) : null;
}

function namesNothing(label: HTMLLabelElement): boolean {
  if (label.control !== undefined ? label.control !== null : label.hasAttribute('for')) return false;
  return !label.querySelector('input, select, textarea, button');
}

/**
 * A label over a group of fields ("Address" above street, town and postcode boxes, "Date of birth"
 * above three selects) names none of them: a line added first, or the group reordered, would take it.
 */
function captionsOneField(caption: Element): boolean {
  let fields = 0;
  for (let next = caption.nextElementSibling; next && !captionLabelOf(next); next = next.nextElementSibling) {
    fields += next.matches(FIELD_SELECTOR) ? 1 : next.querySelectorAll(FIELD_SELECTOR).length;
    if (fields > 1) return false;
  }
  return fields === 1;
}

/** A box around a field with no other field in it, nor a label of its own. */
function holdsOnlyField(box: Element, field: Element): boolean {
  if (tagOf(box) === 'label' || box.querySelector('label')) return false;
  const fields = box.querySelectorAll(FIELD_SELECTOR);
  return fields.length === 1 && fields[0] === field;
}

export function isFormControl(element: Element): boolean {
  return isFormControlTag(tagOf(element));
}

/** Tags of the controls a person types in, picks from or ticks (fingerprints store the tag). */
export function isFormControlTag(tag: string): boolean {
  return tag === 'input' || tag === 'select' || tag === 'textarea';
}

/** The name `aria-labelledby` or `aria-label` gives an element, before anything it contains. */
function ariaNameOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  const text = labelledBy ? textOfIds(element, labelledBy) : '';
  return text || normalizeText(element.getAttribute('aria-label'));
}

/** Pragmatic accessible name: aria-labelledby, aria-label, labels, value/alt, content, title, placeholder. */
export function accessibleName(element: Element, role: string = roleOf(element)): string {
  return cachedRead(`name:${role}`, element, () => readAccessibleName(element, role));
}

function readAccessibleName(element: Element, role: string): string {
  const ariaName = ariaNameOf(element);
  if (ariaName) return ariaName;
  const tag = tagOf(element);
  if (tag === 'input') {
    const type = inputType(element);
    if (type === 'submit' || type === 'button' || type === 'reset') {
      const value = normalizeText(element.getAttribute('value'));
      if (value) return value;
      if (type === 'submit') return 'Submit';
      if (type === 'reset') return 'Reset';
    }
    if (type === 'image') {
      const alt = normalizeText(element.getAttribute('alt'));
      if (alt) return alt;
    }
  }
  if (isFormControl(element)) {
    const label = labelText(element);
    if (label) return label;
  }
  if (tag === 'img' || tag === 'area') {
    const alt = normalizeText(element.getAttribute('alt'));
    if (alt) return alt;
  }
  if (NAME_FROM_CONTENT.has(role) || tag === 'button' || tag === 'label') {
    const text = gatherText(element);
    // An icon glyph ("✎") names nothing; a title or placeholder says what the control does.
    if (text && (hasWords(text) || !(element.getAttribute('title') || element.getAttribute('placeholder'))))
      return text;
  }
  const title = normalizeText(element.getAttribute('title'));
  if (title) return title;
  return normalizeText(element.getAttribute('placeholder'));
}

/** The element's own text (buttons, links, cells); empty for form fields, whose text is their value. */
export function ownText(element: Element): string {
  if (isFormControl(element)) return '';
  return gatherText(element);
}

/**
 * Text around the element that identifies which copy of a repeated component it is: the first ancestor that adds
 * real text beyond the element (a table row, list item or card), without the element's own text. Ancestors too big
 * to read in full are not used: their first words (a page header) would say nothing about this element.
 */
/** Ancestors above an element read for its section's words, and how much text one may hold. */
const MAX_SECTION_LEVELS = 6;

/**
 * The element's ancestors from its parent up, each with the text it holds around the element, until
 * one holds more than MAX_GATHERED_TEXT (a whole page says nothing about one section of it).
 */
export function* ancestorTexts(element: Element): Generator<{ ancestor: Element; text: string }> {
  let current = element.parentElement;
  // Read level by level as asked: most callers stop at the first level or two (bench:recorder).
  for (let depth = 0; current && depth < MAX_SECTION_LEVELS; depth++) {
    const tag = tagOf(current);
    if (tag === 'body' || tag === 'html') break;
    // A section of fields says whose it is by what its fields show ("Sofia" in a guest's first name).
    const text = gatherText(current, MAX_GATHERED_TEXT + 1, element, { prefilledValues: true });
    if (text.length > MAX_GATHERED_TEXT) break;
    yield { ancestor: current, text };
    current = current.parentElement;
  }
}

/**
 * The label elements naming a field one types in or picks from (none for other elements). A radio
 * button's or checkbox's caption stays in its surroundings: among its group's choices, the other
 * captions alone would read almost the same around each of them.
 */
function ownLabels(element: Element): Element[] {
  // Fields only: a button is labelable too, and `labels` scans the whole page for it (bench:recorder).
  if (!isFormControl(element)) return [];
  const type = inputType(element);
  if (type === 'radio' || type === 'checkbox') return [];
  const labels = (element as HTMLInputElement).labels;
  const found: Element[] = labels ? Array.from(labels).slice(0, 3) : [];
  // An untied label is its label too: the same words whether or not a build kept its `for`.
  const visual = found.length === 0 ? visualLabelOf(element) : null;
  if (visual) found.push(visual);
  // A caption named by aria-labelledby is a label too ("<span id=amt-lbl>Other amount</span>").
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean).slice(0, 3) ?? [];
  const scope = scopeOf(element);
  for (const id of ids) {
    const caption = scope.getElementById(id);
    if (caption && !caption.contains(element)) found.push(caption);
  }
  return found;
}

export function contextText(element: Element): string {
  return cachedRead('context', element, () => readContextText(element));
}

function readContextText(element: Element): string {
  return contextArea(element).text;
}

/** The text around an element and the ancestor it was read from (null when none had enough). */
function contextArea(element: Element): { text: string; container: Element | null } {
  let current = element.parentElement;
  // Inside a list's record (a row, a card) a part of it (a card's footer of buttons) does not say
  // which record it is; the record does, as a table row does for its cells.
  const record = current?.closest(RECORD_CONTAINERS) ?? null;
  let fallback = '';
  // The element's own subtree and its labels are skipped, so this is only the text around it: a
  // field's label is its name, and a redesign that wraps label and field in a box changes nothing.
  const skipped = [element, ...ownLabels(element)];
  for (let depth = 0; current && depth < MAX_CONTEXT_DEPTH; depth++) {
    const tag = tagOf(current);
    if (tag === 'body' || tag === 'html') break;
    const text = gatherText(current, MAX_GATHERED_TEXT + 1, skipped);
    if (text.length > MAX_GATHERED_TEXT) break;
    fallback = text;
    // A cell holds sibling buttons at best ("Preview Trash"); the row is what names the record.
    const isCell = tag === 'td' || tag === 'th' || CELL_ROLES.has(current.getAttribute('role') ?? '');
    const partOfRecord = record !== null && current !== record && record.contains(current);
    if (text.length >= CONTEXT_MIN_EXTRA_CHARS && !isCell && !partOfRecord) return { text, container: current };
    current = current.parentElement;
  }
  return { text: fallback, container: null };
}

/** The box the element's surroundings are read from (null when none had enough text). */
export function contextContainer(element: Element): Element | null {
  return contextArea(element).container;
}

/**
 * The text around the box the element's surroundings were read from, that box's own text left out:
 * what the surroundings would have been without a text added beside the element (a hint under a
 * field's label). Empty inside a list's record, or when nothing around has enough text.
 */
export function contextBeside(element: Element): string {
  const { container } = contextArea(element);
  if (!container || container.closest(RECORD_CONTAINERS)) return '';
  const skipped = [element, ...ownLabels(element), container];
  let current = container.parentElement;
  for (let depth = 0; current && depth < MAX_CONTEXT_DEPTH; depth++) {
    const tag = tagOf(current);
    if (tag === 'body' || tag === 'html') break;
    const text = gatherText(current, MAX_GATHERED_TEXT + 1, skipped);
    if (text.length > MAX_GATHERED_TEXT) break;
    if (text.length >= CONTEXT_MIN_EXTRA_CHARS) return text;
    current = current.parentElement;
  }
  return '';
}

/** An h1–h6 or role=heading; read by tag and attribute, not `matches`: each candidate's heading search asks it dozens of times. */
function isHeading(element: Element): boolean {
  return HEADING_TAGS.has(tagOf(element)) || element.getAttribute('role') === 'heading';
}

/**
 * The question a radio button or checkbox answers: the legend of its fieldset, or the label of its
 * radiogroup/group. "Yes" under "Smoker?" and "Yes" under "Pets at home?" are different answers.
 */
export function groupCaption(element: Element): string {
  return cachedRead('caption', element, () => readGroupCaption(element));
}

function readGroupCaption(element: Element): string {
  const group = element.parentElement?.closest(CHOICE_GROUPS);
  if (!group) return '';
  const ariaName = ariaNameOf(group);
  if (ariaName) return ariaName;
  const legend = tagOf(group) === 'fieldset' ? group.querySelector(':scope > legend') : null;
  return legend ? gatherText(legend, MAX_GATHERED_TEXT / 2) : '';
}

/** The nearest heading before the element within its enclosing sections (walks previous siblings upward). */
export function headingText(element: Element): string {
  return cachedRead('heading', element, () => readHeadingText(element));
}

function readHeadingText(element: Element): string {
  let current: Element | null = element;
  for (let depth = 0; current && depth < MAX_HEADING_DEPTH; depth++) {
    let sibling = current.previousElementSibling;
    for (let step = 0; sibling && step < MAX_HEADING_SIBLINGS; step++) {
      if (isHeading(sibling)) return gatherText(sibling, MAX_GATHERED_TEXT / 2);
      const first = sibling.firstElementChild;
      if (first && isHeading(first)) return gatherText(first, MAX_GATHERED_TEXT / 2);
      sibling = sibling.previousElementSibling;
    }
    current = current.parentElement;
    const tag = current ? tagOf(current) : '';
    if (tag === 'body') break;
  }
  return '';
}

const LANDMARK_ROLES = new Set([
  'main',
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'region',
  'form',
  'dialog',
  'alertdialog',
  'search',
  'toolbar',
  'menu',
  'menubar',
  'tablist',
]);

/** Nearest landmark-like ancestor as `role` or `role:name`. */
export function landmarkOf(element: Element): string {
  let current = element.parentElement;
  while (current) {
    const role = roleOf(current);
    if (LANDMARK_ROLES.has(role) && role !== 'form') {
      const label = normalizeText(current.getAttribute('aria-label'));
      return truncate(label ? `${role}:${label}` : role, 200);
    }
    current = current.parentElement;
  }
  return '';
}

/** A stable description of the owning form: id, name, action path or label, whichever is stable. */
export function formOf(element: Element): string {
  const form = (element as HTMLInputElement).form ?? element.closest('form');
  if (!form) return '';
  const id = form.getAttribute('id');
  if (id && !isGeneratedValue(id)) return `#${id}`;
  const name = form.getAttribute('name');
  if (name && !isGeneratedValue(name)) return `name:${name}`;
  const action = form.getAttribute('action');
  if (action && action !== '#') return `action:${hrefPath(action)}`;
  const label = normalizeText(form.getAttribute('aria-label'));
  if (label) return `label:${label}`;
  return 'form';
}

/** Path of a URL without origin, query or fragment: enough to identify the link target, stable across sessions. */
export function hrefPath(href: string): string {
  const trimmed = href.trim();
  if (trimmed.startsWith('#') || trimmed.startsWith('javascript:')) return truncate(trimmed, 200);
  try {
    const url = new URL(trimmed, 'http://x.invalid/');
    return truncate(url.pathname, 200);
  } catch {
    return truncate(trimmed, 200);
  }
}

/** Index of the element among its parent's children with the same tag, and how many there are. */
export function siblingPosition(element: Element): { index: number; count: number } {
  const parent = element.parentElement;
  if (!parent) return { index: 0, count: 1 };
  const tag = element.localName;
  let index = 0;
  let count = 0;
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (child === element) index = count;
    if (child.localName === tag) count++;
  }
  return { index, count: Math.max(count, 1) };
}

/** A CSS string literal body: escapes quotes, backslashes and line breaks. */
export function cssString(value: string): string {
  return value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ').replace(/\r/g, '\\d ');
}

/** CSS identifier escaping (a subset of CSS.escape that also works where CSS.escape is missing). */
export function cssIdent(value: string): string {
  let result = '';
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    const code = value.charCodeAt(index);
    if (code === 0) result += '\uFFFD';
    else if (
      (code >= 0x30 && code <= 0x39 && index === 0) ||
      (index === 1 && code >= 0x30 && code <= 0x39 && value.charAt(0) === '-')
    ) {
      result += `\\${code.toString(16)} `;
    } else if (/[A-Za-z0-9_\u00a0-\uffff-]/.test(char)) result += char;
    else result += `\\${char}`;
  }
  return result;
}

/** Header cells read to find a column's caption; a wider table leaves it unknown. */
const MAX_HEADER_CELLS = 50;

/**
 * The caption of the table column the element sits in ("Email" above a notification matrix's
 * checkbox): the header row's cell over the element's cell, columns counted with their spans.
 * Empty outside a table with a header row, or in the header row itself.
 */
export function columnHeaderText(element: Element): string {
  const cell = element.closest('td, th');
  const row = cell?.parentElement;
  const table = cell?.closest('table');
  if (!cell || !row || !table || tagOf(row) !== 'tr') return '';
  // Read through children, not `rows`/`cells`: the same in every DOM, and never a nested table's.
  const rowsOf = (parent: Element) => Array.from(parent.children).filter((child) => tagOf(child) === 'tr');
  const sections = Array.from(table.children);
  const head = sections.find((child) => tagOf(child) === 'thead');
  const header =
    (head && rowsOf(head)[0]) ??
    rowsOf(table)[0] ??
    sections.flatMap((child) => (tagOf(child) === 'tbody' ? rowsOf(child).slice(0, 1) : []))[0];
  if (!header || header === row) return '';
  const cellsOf = (tr: Element) =>
    Array.from(tr.children).filter((child) => tagOf(child) === 'td' || tagOf(child) === 'th');
  const headerCells = cellsOf(header);
  if (!headerCells.some((headerCell) => tagOf(headerCell) === 'th')) return '';
  const span = (spanned: Element) => Math.max(1, Number.parseInt(spanned.getAttribute('colspan') ?? '1', 10) || 1);
  let column = 0;
  for (const before of cellsOf(row)) {
    if (before === cell) break;
    column += span(before);
  }
  let start = 0;
  for (const headerCell of headerCells.slice(0, MAX_HEADER_CELLS)) {
    const end = start + span(headerCell);
    if (column >= start && column < end) return gatherText(headerCell, MAX_SECTION_CAPTION);
    start = end;
  }
  return '';
}

/** Characters of a column caption read. */
const MAX_SECTION_CAPTION = 100;

/**
 * Recording reads other elements of the target's tag on every event: with more than this many in the
 * scope it reads none (a name's uniqueness, neighbours and earlier values are then unknown), and it
 * reads at most MAX_LOOKALIKES_READ of them.
 */
export const MAX_NAME_UNIQUENESS_CANDIDATES = 400;
export const MAX_LOOKALIKES_READ = 50;

/** Elements of one tag in a scope; a live collection where the scope has one (cheap on big pages). */
export function sameTagIn(scope: Scope, tag: string): ArrayLike<Element> {
  return 'getElementsByTagName' in scope ? scope.getElementsByTagName(tag) : scope.querySelectorAll(tag);
}
