/**
 * Acting on a resolved, actionable element the way a person would, so the page's own handlers run: pointer
 * sequences for clicks (lib/replay/events.ts), native value setters plus input events for fills, option selection
 * plus input/change for lists, a real click for checkboxes, key events plus the browser's default actions for key
 * presses (lib/replay/keyboard.ts).
 *
 * Every event is untrusted (`isTrusted` false), which is all a content script can produce. Where a missing effect
 * is detectable (a checkbox that did not toggle, a value the field sanitised away, a form that failed validation)
 * it is reported as a failure with a plain message; nothing here guesses beyond that. Messages never contain the
 * value being typed, which may be a secret.
 */
import { err, ok, type Result } from '@/lib/result';
import type { Point } from './actionability';
import { describeForHumans } from './describe-for-humans';
import { tagOf, windowOf } from './dom';
import { clickAt, doubleClickAt, type Modifier, modifierState, moveOnto } from './events';
import { defaultButtonOf, type PressOutcome, pressKey } from './keyboard';

export type ActCode =
  | 'not-fillable'
  | 'input-refused'
  | 'value-rejected'
  | 'not-a-list'
  | 'no-such-option'
  | 'option-disabled'
  | 'not-checkable'
  | 'cannot-uncheck-radio'
  | 'no-effect'
  | 'not-a-form'
  | 'invalid-form'
  | 'default-button-disabled'
  | 'needs-user';

/** How long a checkbox may take (framework re-render) to show its new state after the click. */
const CHECK_SETTLE_MS = 500;

export function click(element: Element, point: Point, modifiers: readonly Modifier[] = []): Result<null, ActCode> {
  clickAt(element, point, modifierState(modifiers));
  return ok(null);
}

export function doubleClick(element: Element, point: Point): Result<null, ActCode> {
  doubleClickAt(element, point);
  return ok(null);
}

export function hover(element: Element, point: Point): Result<null, ActCode> {
  moveOnto(element, point);
  return ok(null);
}

// ---------------------------------------------------------------------------------------------------------------
// fill

const UNFILLABLE_INPUT_TYPES = new Set(['checkbox', 'radio', 'file', 'submit', 'reset', 'button', 'image', 'hidden']);
/** Inputs whose value is committed at once (a picker, not typing): change follows input immediately. */
const COMMIT_AT_ONCE_TYPES = new Set(['date', 'datetime-local', 'month', 'week', 'time', 'color', 'range']);

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?/;

/** Date and time fields take ISO forms; a full ISO timestamp is cut to what the field holds. */
export function normalizeForInput(type: string, value: string): string {
  const trimmed = value.trim();
  const iso = ISO_DATE.exec(trimmed);
  switch (type) {
    case 'date':
      return iso ? (iso[1] as string) : value;
    case 'month':
      return iso ? (iso[1] as string).slice(0, 7) : value;
    case 'datetime-local':
      return iso?.[2] ? `${iso[1]}T${iso[2]}` : value;
    case 'time': {
      if (iso?.[2]) return iso[2];
      return /^\d{2}:\d{2}/.test(trimmed) ? trimmed.replace(/(?:Z|[+-]\d{2}:?\d{2})$/, '') : value;
    }
    default:
      return value;
  }
}

function fireInput(element: Element, type: 'beforeinput' | 'input', inputType: string, data: string | null): boolean {
  const win = windowOf(element);
  const init: InputEventInit = {
    bubbles: true,
    cancelable: type === 'beforeinput',
    composed: true,
    inputType,
    data,
  };
  const event = win.InputEvent ? new win.InputEvent(type, init) : new win.Event(type, init);
  return element.dispatchEvent(event);
}

function fireChange(element: Element): void {
  const win = windowOf(element);
  element.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/**
 * The prototype's own setter, not the element's: React, Preact and Vue wrap `value` on the instance to track
 * what they rendered, and only a change made past that wrapper makes their input handler see a new value.
 * (In an extension's isolated world the page's wrapper is invisible anyway; this is right in both worlds.)
 */
function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const win = windowOf(element);
  const proto = tagOf(element) === 'textarea' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
}

/** Fields with a pending "change on blur", and their value when the fill began. */
const pendingChange = new WeakMap<Element, string>();

function changeOnBlur(element: HTMLInputElement | HTMLTextAreaElement, before: string): void {
  if (pendingChange.has(element)) return;
  pendingChange.set(element, before);
  element.addEventListener(
    'blur',
    () => {
      const initial = pendingChange.get(element);
      pendingChange.delete(element);
      if (element.value !== initial) fireChange(element);
    },
    { once: true },
  );
}

function focusIfNeeded(element: HTMLElement): void {
  const doc = element.ownerDocument;
  if (doc.activeElement !== element) element.focus({ preventScroll: true });
}

export function fill(element: Element, value: string): Result<null, ActCode> {
  const tag = tagOf(element);
  const who = describeForHumans(element);
  if ((element as HTMLElement).isContentEditable && tag !== 'input' && tag !== 'textarea') {
    return fillContentEditable(element as HTMLElement, value);
  }
  if (tag !== 'input' && tag !== 'textarea') {
    return err('not-fillable', `${who} is not a text field, so Understudy can’t type into it.`);
  }
  const field = element as HTMLInputElement | HTMLTextAreaElement;
  const type = tag === 'input' ? ((field as HTMLInputElement).type || 'text').toLowerCase() : 'textarea';
  if (UNFILLABLE_INPUT_TYPES.has(type)) {
    return err('not-fillable', `${who} is not a text field, so Understudy can’t type into it.`);
  }
  const wanted = normalizeForInput(type, value);
  focusIfNeeded(field);
  const before = field.value;
  try {
    field.select();
  } catch {
    // Some input types have no selection; the value is replaced below either way.
  }
  const inputType = wanted === '' ? 'deleteContentBackward' : before === '' ? 'insertText' : 'insertReplacementText';
  const data = wanted === '' ? null : wanted;
  if (!fireInput(field, 'beforeinput', inputType, data)) {
    return err('input-refused', `${who} refused the text Understudy typed; the page may need you to type it.`);
  }
  setNativeValue(field, wanted);
  if (field.value !== wanted) {
    // The browser sanitised it away (an invalid date, a non-number in a number field). Restore what was there.
    setNativeValue(field, before);
    return err('value-rejected', `${who} did not accept the value (${expectedFormat(type)}).`);
  }
  fireInput(field, 'input', inputType, data);
  if (COMMIT_AT_ONCE_TYPES.has(type)) fireChange(field);
  else changeOnBlur(field, before);
  return ok(null);
}

function expectedFormat(type: string): string {
  switch (type) {
    case 'date':
      return 'it expects a date like 2024-03-31';
    case 'datetime-local':
      return 'it expects a date and time like 2024-03-31T14:30';
    case 'time':
      return 'it expects a time like 14:30';
    case 'month':
      return 'it expects a month like 2024-03';
    case 'week':
      return 'it expects a week like 2024-W13';
    case 'number':
    case 'range':
      return 'it expects a number';
    case 'color':
      return 'it expects a colour like #336699';
    case 'email':
      return 'it expects an email address';
    default:
      return 'it rejected the text';
  }
}

function fillContentEditable(element: HTMLElement, value: string): Result<null, ActCode> {
  const doc = element.ownerDocument;
  const win = windowOf(element);
  focusIfNeeded(element);
  win.getSelection()?.selectAllChildren(element);
  const inputType = value === '' ? 'deleteContentBackward' : 'insertText';
  if (!fireInput(element, 'beforeinput', inputType, value || null)) {
    return err('input-refused', `${describeForHumans(element)} refused the text Understudy typed.`);
  }
  element.textContent = value;
  // Leave the caret at the end, as after typing.
  const range = doc.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  const selection = win.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  fireInput(element, 'input', inputType, value || null);
  return ok(null);
}

// ---------------------------------------------------------------------------------------------------------------
// select

const normalizeLabel = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The option with this value, else the one whose label matches (case- and whitespace-insensitive). */
export function findOption(select: HTMLSelectElement, value: string, label: string): HTMLOptionElement | null {
  const options = Array.from(select.options);
  const byValue = options.find((option) => option.value === value);
  if (byValue) return byValue;
  for (const wanted of [label, value].map(normalizeLabel).filter(Boolean)) {
    const byLabel = options.find(
      (option) => normalizeLabel(option.label) === wanted || normalizeLabel(option.textContent) === wanted,
    );
    if (byLabel) return byLabel;
  }
  return null;
}

export function selectOption(element: Element, value: string, label: string): Result<{ label: string }, ActCode> {
  const who = describeForHumans(element);
  if (tagOf(element) !== 'select') {
    return err('not-a-list', `${who} is not a drop-down list; record this step again by clicking the choice.`);
  }
  const select = element as HTMLSelectElement;
  const option = findOption(select, value, label);
  const shown = label ? `'${label.replace(/\s+/g, ' ').trim().slice(0, 60)}'` : 'the recorded choice';
  if (!option) return err('no-such-option', `${capitalize(who)} has no option ${shown}.`);
  if (option.disabled || option.parentElement?.closest('optgroup')?.disabled) {
    return err('option-disabled', `Option ${shown} in ${who} is disabled.`);
  }
  focusIfNeeded(select);
  if (option.selected && (!select.multiple || select.selectedOptions.length === 1)) {
    return ok({ label: option.label });
  }
  if (!select.multiple) {
    option.selected = true;
  } else {
    for (const other of Array.from(select.options)) other.selected = other === option;
  }
  const win = windowOf(select);
  select.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new win.Event('change', { bubbles: true }));
  return ok({ label: option.label });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// check

const ARIA_CHECKABLE = new Set(['checkbox', 'switch', 'radio', 'menuitemcheckbox', 'menuitemradio']);

/** Checked state of a native or ARIA checkbox/radio/switch; null when the element is none of those. */
export function readChecked(element: Element): boolean | null {
  const type = (element as HTMLInputElement).type?.toLowerCase();
  if (tagOf(element) === 'input' && (type === 'checkbox' || type === 'radio')) {
    return (element as HTMLInputElement).checked;
  }
  const role = element.getAttribute('role')?.toLowerCase();
  if (role && ARIA_CHECKABLE.has(role)) return element.getAttribute('aria-checked')?.toLowerCase() === 'true';
  return null;
}

function isRadio(element: Element): boolean {
  const role = element.getAttribute('role')?.toLowerCase();
  return (
    (tagOf(element) === 'input' && (element as HTMLInputElement).type?.toLowerCase() === 'radio') ||
    role === 'radio' ||
    role === 'menuitemradio'
  );
}

export interface CheckOptions {
  /** What the pointer presses: the control itself or, for a visually hidden input, its visible label. */
  pressTarget?: Element;
  point: Point;
  now?: () => number;
  raf?: (callback: () => void) => unknown;
}

/** A visible label that activates this control, for custom checkboxes whose real input is hidden. */
export function visibleLabelOf(element: Element): HTMLLabelElement | null {
  const labels = (element as HTMLInputElement).labels;
  if (!labels) return null;
  for (const label of Array.from(labels)) {
    const rect = label.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) return label;
  }
  return null;
}

export async function setChecked(
  element: Element,
  wanted: boolean,
  options: CheckOptions,
): Promise<Result<{ changed: boolean }, ActCode>> {
  const who = describeForHumans(element);
  const current = readChecked(element);
  if (current === null) return err('not-checkable', `${who} is not a checkbox, radio button or switch.`);
  if (current === wanted) return ok({ changed: false });
  if (!wanted && isRadio(element)) {
    return err('cannot-uncheck-radio', `${who} can’t be unchecked by clicking it; choose another option instead.`);
  }
  // A click, not `checked = …`: the page's handlers (and its framework's state) must see the change.
  clickAt(options.pressTarget ?? element, options.point);
  const now = options.now ?? (() => performance.now());
  const raf = options.raf ?? ((callback: () => void) => setTimeout(callback, 16));
  const deadline = now() + CHECK_SETTLE_MS;
  while (readChecked(element) !== wanted && now() < deadline) {
    await new Promise<void>((resolve) => raf(resolve));
  }
  if (readChecked(element) !== wanted) {
    return err(
      'no-effect',
      `Clicking ${who} did not ${wanted ? 'check' : 'uncheck'} it; the page may need you to do this step yourself.`,
    );
  }
  return ok({ changed: true });
}

// ---------------------------------------------------------------------------------------------------------------
// press, submit, scroll

export function press(target: Element, key: string, modifiers: readonly Modifier[]): Result<PressOutcome, ActCode> {
  const outcome = pressKey(target, key, modifiers);
  if (outcome.submission === 'default-button-disabled') {
    const form = (target as HTMLInputElement).form;
    const button = form ? defaultButtonOf(form) : null;
    return err(
      'default-button-disabled',
      `Enter did not send the form: its ${button ? describeForHumans(button) : 'submit button'} is disabled.`,
    );
  }
  return ok(outcome);
}

function firstInvalidField(form: HTMLFormElement): Element | null {
  if (form.noValidate) return null;
  for (const element of Array.from(form.elements)) {
    const validity = (element as HTMLInputElement).validity;
    if (validity && !validity.valid && !(element as HTMLInputElement).disabled) return element;
  }
  return null;
}

export function submitForm(element: Element): Result<null, ActCode> {
  if (tagOf(element) !== 'form') {
    return err('not-a-form', `${describeForHumans(element)} is not a form, so it can’t be submitted.`);
  }
  const form = element as HTMLFormElement;
  const invalid = firstInvalidField(form);
  // requestSubmit runs validation and the page's submit handlers, exactly like pressing its submit button.
  form.requestSubmit();
  if (invalid) {
    return err(
      'invalid-form',
      `The form was not sent: ${describeForHumans(invalid)} is not filled in correctly. Fix it, then continue.`,
    );
  }
  return ok(null);
}

export function scrollTo(doc: Document, target: Element | null, x: number, y: number): Result<null, ActCode> {
  if (target) target.scrollTo({ left: x, top: y, behavior: 'instant' });
  else doc.defaultView?.scrollTo({ left: x, top: y, behavior: 'instant' });
  return ok(null);
}

export interface ScrollOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
  /** Schedules the next look; defaults to a short timer (animation frames stop in hidden tabs). */
  raf?: (callback: () => void) => unknown;
}

/** A scroll that fell short waits this long without the content growing before it settles where it is. */
export const SCROLL_GROWTH_QUIET_MS = 1000;
const SCROLL_POLL_MS = 50;
/** Offsets within this of the recorded ones count as there (zoom makes offsets fractional). */
const SCROLL_TOLERANCE_PX = 1;

/**
 * Scrolls the container (or, without one, the page) to the recorded offsets. Lists that load more as they are
 * scrolled are shorter than they were when recorded, so a scroll that falls short is repeated each time the content
 * grows, until the offsets are reached, the content stops growing for SCROLL_GROWTH_QUIET_MS or the time runs out.
 * Falling short is not a failure: the next step scrolls its own target into view, and reports it if it is missing.
 */
export async function scrollToOffsets(
  doc: Document,
  target: Element | null,
  x: number,
  y: number,
  options: ScrollOptions,
): Promise<Result<{ x: number; y: number }, ActCode>> {
  const now = options.now ?? (() => performance.now());
  const raf = options.raf ?? ((callback: () => void) => setTimeout(callback, SCROLL_POLL_MS));
  const win = doc.defaultView;
  const scroller = target ?? doc.scrollingElement ?? doc.documentElement;
  const offsets = () =>
    target ? { x: target.scrollLeft, y: target.scrollTop } : { x: win?.scrollX ?? 0, y: win?.scrollY ?? 0 };
  const extent = () => `${scroller.scrollWidth}x${scroller.scrollHeight}`;
  const reached = () => {
    const at = offsets();
    return Math.abs(at.x - x) <= SCROLL_TOLERANCE_PX && Math.abs(at.y - y) <= SCROLL_TOLERANCE_PX;
  };
  scrollTo(doc, target, x, y);
  const deadline = now() + options.timeoutMs;
  let size = extent();
  let grewAt = now();
  while (!reached() && !options.signal?.aborted && now() < deadline && now() - grewAt < SCROLL_GROWTH_QUIET_MS) {
    await new Promise<void>((resolve) => raf(resolve));
    const next = extent();
    if (next !== size) {
      size = next;
      grewAt = now();
      scrollTo(doc, target, x, y);
    }
  }
  return ok(offsets());
}
