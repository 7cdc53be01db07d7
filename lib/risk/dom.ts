/**
 * DOM reading for the risk classifier: HTML form semantics (form owner, submit buttons, effective
 * method and action), a control's label and developer hints, its dialog and its composer.
 *
 * Elements are compared by tag name and attributes, never with `instanceof`, so the same code runs
 * in a page, in an extension's isolated world and in happy-dom. Nothing here changes the page.
 */
import {
  ACTIONABLE_SELECTOR,
  COMPOSER_BOUNDARY_SELECTOR,
  COMPOSER_FIELD_SELECTOR,
  DIALOG_SELECTOR,
  HINT_ATTRIBUTES,
  MAX_COMPOSER_DEPTH,
  MAX_DIALOG_TEXT_CHARS,
  MAX_ICON_DESCENDANTS,
  MAX_LABEL_TEXT_CHARS,
} from './constants';
import { splitIdentifier } from './text';

export type FormMethod = 'get' | 'post' | 'dialog';

/** Resolves relative URLs when the document has no usable base (about:blank in tests). */
const FALLBACK_BASE = 'http://page.invalid/';

const LISTED_SELECTOR = 'button, input, select, textarea, object, output, fieldset';
const SKIPPED_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export function tagOf(element: Element): string {
  return element.tagName.toUpperCase();
}

export function isForm(element: Element | null): element is HTMLFormElement {
  return element !== null && tagOf(element) === 'FORM';
}

/** The element a click on `target` activates: the enclosing button, link or control. */
export function retarget(target: Element): Element {
  return target.closest(ACTIONABLE_SELECTOR) ?? target;
}

/** The form a control belongs to: its `form="id"` attribute when present, else its ancestor form. */
export function formOwner(element: Element): HTMLFormElement | null {
  if (isForm(element)) return element;
  const formId = element.getAttribute('form');
  if (formId !== null && element.matches(LISTED_SELECTOR)) {
    const referenced = element.ownerDocument.getElementById(formId);
    return isForm(referenced) ? referenced : null;
  }
  const ancestor = element.closest('form');
  return isForm(ancestor) ? ancestor : null;
}

/** The form's controls in tree order, including those outside it that point at it with `form=`. */
export function formControls(form: HTMLFormElement): Element[] {
  return Array.from(form.ownerDocument.querySelectorAll(LISTED_SELECTOR)).filter((el) => formOwner(el) === form);
}

export function inputType(element: Element): string {
  return (element.getAttribute('type') ?? 'text').trim().toLowerCase();
}

/** `<button>` without a valid non-submit type, `<input type=submit>` and `<input type=image>`. */
export function isSubmitButton(element: Element): boolean {
  const tag = tagOf(element);
  if (tag === 'BUTTON') {
    const type = inputType(element);
    return type !== 'button' && type !== 'reset';
  }
  if (tag === 'INPUT') {
    const type = inputType(element);
    return type === 'submit' || type === 'image';
  }
  return false;
}

export function isDisabled(element: Element): boolean {
  if (element.hasAttribute('disabled')) return true;
  const fieldset = element.closest('fieldset[disabled]');
  if (fieldset === null) return false;
  // Controls in a disabled fieldset's first legend stay enabled.
  const legend = fieldset.querySelector(':scope > legend');
  return !(legend?.contains(element) ?? false);
}

/** The default button: the first submit button among the form's controls in tree order. */
export function defaultButton(form: HTMLFormElement): Element | null {
  return formControls(form).find(isSubmitButton) ?? null;
}

function parseMethod(raw: string | null): FormMethod | null {
  const method = raw?.trim().toLowerCase();
  return method === 'get' || method === 'post' || method === 'dialog' ? method : null;
}

/** `formmethod` on the submitter wins over the form's `method`; a missing or invalid one is GET. */
export function effectiveMethod(form: HTMLFormElement, submitter: Element | null): FormMethod {
  const override = submitter?.hasAttribute('formmethod') ? parseMethod(submitter.getAttribute('formmethod')) : null;
  return override ?? parseMethod(form.getAttribute('method')) ?? 'get';
}

/** `formaction` on the submitter wins over the form's `action`; an empty one means this page. */
export function effectiveAction(form: HTMLFormElement, submitter: Element | null): URL {
  const raw = submitter?.hasAttribute('formaction')
    ? submitter.getAttribute('formaction')
    : form.getAttribute('action');
  const value = raw?.trim() ?? '';
  return resolveUrl(value === '' ? form.ownerDocument.URL || '' : value, form.ownerDocument);
}

export function resolveUrl(raw: string, doc: Document): URL {
  for (const base of [doc.baseURI, FALLBACK_BASE]) {
    try {
      return new URL(raw, base);
    } catch {
      // Try the next base: about:blank cannot resolve relative URLs.
    }
  }
  return new URL(FALLBACK_BASE);
}

/** Visible-ish text: text nodes minus scripts, styles and `hidden` subtrees. Icon ligatures count. */
export function textOf(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      if (SKIPPED_TEXT_TAGS.has(tagOf(element)) || element.hasAttribute('hidden')) continue;
      out += ` ${textOf(element)} `;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

function textOfIds(doc: Document, ids: string | null): string {
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => doc.getElementById(id))
    .filter((el): el is HTMLElement => el !== null)
    .map((el) => textOf(el))
    .join(' ');
}

/** What the control says to a person: ARIA name, title, value, alt text and its own text. */
export function labelOf(element: Element): string {
  const parts = [
    element.getAttribute('aria-label') ?? '',
    textOfIds(element.ownerDocument, element.getAttribute('aria-labelledby')),
    element.getAttribute('title') ?? '',
  ];
  const tag = tagOf(element);
  if (tag === 'INPUT') {
    const type = inputType(element);
    if (type === 'submit' || type === 'button' || type === 'reset') parts.push(element.getAttribute('value') ?? '');
    if (type === 'image') parts.push(element.getAttribute('alt') ?? '');
  } else {
    const text = textOf(element);
    if (text.length <= MAX_LABEL_TEXT_CHARS) parts.push(text);
    for (const image of Array.from(element.querySelectorAll('img[alt]')).slice(0, MAX_ICON_DESCENDANTS)) {
      parts.push(image.getAttribute('alt') ?? '');
    }
  }
  return parts
    .filter((part) => part.trim() !== '')
    .join(' · ')
    .trim();
}

/** The control's text alone, for reasons shown to the user. */
export function shortLabelOf(element: Element): string {
  return (
    element.getAttribute('aria-label') ||
    (tagOf(element) === 'INPUT' ? element.getAttribute('value') || element.getAttribute('alt') : textOf(element)) ||
    element.getAttribute('title') ||
    ''
  );
}

function fileStem(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  return last.replace(/\.[a-z0-9]+$/i, '');
}

/**
 * Developer hints: ids, classes, `data-action`, icon classes of descendants and sprite names of
 * `<use href="#trash">`, split into words ("btnDelete" → "btn delete").
 */
export function hintsOf(element: Element): string {
  const parts: string[] = [];
  const nodes = [element, ...Array.from(element.querySelectorAll('*')).slice(0, MAX_ICON_DESCENDANTS)];
  for (const node of nodes) {
    for (const attribute of HINT_ATTRIBUTES) {
      const value = node.getAttribute(attribute);
      if (value) parts.push(value);
    }
    const tag = tagOf(node);
    if (tag === 'USE') {
      const href = node.getAttribute('href') ?? node.getAttribute('xlink:href') ?? '';
      parts.push(href.split('#').pop() ?? '', fileStem(href));
    }
    if (tag === 'IMG') parts.push(fileStem(node.getAttribute('src') ?? ''));
  }
  if (tagOf(element) === 'BUTTON') parts.push(element.getAttribute('value') ?? '');
  return parts.map((part) => splitIdentifier(part).replace(/[_\-./:#()[\]'"]+/g, ' ')).join(' ');
}

/** Class names only, split into words, for destructive styling. */
export function classWordsOf(element: Element): string {
  const variant = element.getAttribute('data-variant') ?? element.getAttribute('variant') ?? '';
  return splitIdentifier(`${element.getAttribute('class') ?? ''} ${variant}`).replace(/[_-]+/g, ' ');
}

export function dialogOf(element: Element): Element | null {
  return element.closest(DIALOG_SELECTOR);
}

/**
 * A dialog's question: its labelled-by title and described-by text, then its own text outside
 * controls. "Delete 2 subscribers? This cannot be undone." — never the button labels themselves.
 */
export function dialogTextOf(dialog: Element): string {
  const doc = dialog.ownerDocument;
  const named = [
    dialog.getAttribute('aria-label') ?? '',
    textOfIds(doc, dialog.getAttribute('aria-labelledby')),
    textOfIds(doc, dialog.getAttribute('aria-describedby')),
  ];
  let prose = proseOf(dialog).replace(/\s+/g, ' ');
  // The title is usually also in the prose; say it once.
  for (const part of named) {
    const flat = part.replace(/\s+/g, ' ').trim();
    if (flat) prose = prose.replace(flat, ' ');
  }
  return `${named.join(' ')} ${prose}`.replace(/\s+/g, ' ').trim().slice(0, MAX_DIALOG_TEXT_CHARS);
}

const CONTROL_TAGS = new Set(['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'LABEL']);

function proseOf(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      const tag = tagOf(element);
      if (SKIPPED_TEXT_TAGS.has(tag) || CONTROL_TAGS.has(tag) || element.getAttribute('role') === 'button') continue;
      out += ` ${proseOf(element)} `;
    }
  }
  return out;
}

/** Node.DOCUMENT_POSITION_FOLLOWING, spelled out so this runs where `Node` is not a global. */
const DOCUMENT_POSITION_FOLLOWING = 4;

function precedes(first: Element, second: Element): boolean {
  return (first.compareDocumentPosition(second) & DOCUMENT_POSITION_FOLLOWING) !== 0;
}

export type ComposerState = 'filled' | 'empty' | 'absent';

function fieldHasContent(field: Element): boolean {
  const tag = tagOf(field);
  if (tag === 'TEXTAREA' || tag === 'INPUT') return ((field as HTMLInputElement).value ?? '').trim() !== '';
  return textOf(field).trim() !== '';
}

function isComposerField(field: Element): boolean {
  if (field.closest('[role="search"], form[role="search"]')) return false;
  if (tagOf(field) === 'INPUT' && inputType(field) !== 'text') return false;
  return !isDisabled(field);
}

/**
 * Whether the text box a script-driven "Reply"/"Post"/"Send" belongs to holds text. Looks up a few
 * ancestors and stops at the first that has a text box before the control, or at a form, article or
 * section edge, so a "Reply" in a message header does not borrow the reply box of another part of
 * the page.
 */
export function composerStateOf(control: Element): ComposerState {
  let container = control.parentElement;
  for (let depth = 0; container !== null && depth < MAX_COMPOSER_DEPTH; depth++) {
    // The box a control sends sits before it ("Reply" under the reply box); one after it belongs to
    // something else (a message's "Forward" above the quick-reply form).
    const fields = Array.from(container.querySelectorAll(COMPOSER_FIELD_SELECTOR)).filter(
      (field) => isComposerField(field) && precedes(field, control),
    );
    if (fields.length > 0) return fields.some(fieldHasContent) ? 'filled' : 'empty';
    if (container.matches(COMPOSER_BOUNDARY_SELECTOR)) break;
    container = container.parentElement;
  }
  return 'absent';
}

/** A short name for a form in reasons: its ARIA name, heading, `name` or `id`. */
export function formNameOf(form: HTMLFormElement): string {
  const doc = form.ownerDocument;
  const heading =
    form.querySelector('h1, h2, h3, h4, h5, h6, legend') ??
    form.parentElement?.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4') ??
    null;
  return (
    form.getAttribute('aria-label') ||
    textOfIds(doc, form.getAttribute('aria-labelledby')) ||
    (heading ? textOf(heading) : '') ||
    form.getAttribute('name') ||
    form.getAttribute('id') ||
    ''
  );
}
