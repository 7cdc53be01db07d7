/**
 * Replaying a key press: keydown, keypress (printable keys and Enter), keyup, plus the default actions a browser
 * would take that synthetic key events do not trigger by themselves:
 *
 * - Enter in a single-line field of a form runs implicit submission (HTML "implicit submission"): a click on the
 *   form's default button if it has one (nothing if that button is disabled), else `requestSubmit()` when the form
 *   has exactly one field that blocks implicit submission. Enter on a button, link or summary clicks it.
 * - Space on a button, checkbox or radio clicks it on keyup.
 * - Tab moves focus to the next (Shift+Tab: previous) tabbable element.
 * - Escape and the arrows only dispatch; pages handle them in their listeners.
 *
 * Printable characters are not typed into fields: text is replayed by fill steps.
 */
import { isDisabled, isStyleVisible, tagOf, windowOf } from './dom';
import { type Modifier, modifierState } from './events';

/** `code` and legacy `keyCode` for the keys recordings contain; letters and digits are derived. */
const KEYS: Record<string, { code: string; keyCode: number }> = {
  Enter: { code: 'Enter', keyCode: 13 },
  Tab: { code: 'Tab', keyCode: 9 },
  Escape: { code: 'Escape', keyCode: 27 },
  Backspace: { code: 'Backspace', keyCode: 8 },
  Delete: { code: 'Delete', keyCode: 46 },
  ' ': { code: 'Space', keyCode: 32 },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
  Home: { code: 'Home', keyCode: 36 },
  End: { code: 'End', keyCode: 35 },
  PageUp: { code: 'PageUp', keyCode: 33 },
  PageDown: { code: 'PageDown', keyCode: 34 },
};

export function keyInfo(key: string): { code: string; keyCode: number; printable: boolean } {
  const known = KEYS[key];
  if (known) return { ...known, printable: key === ' ' };
  if (/^[a-z]$/i.test(key))
    return { code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0), printable: true };
  if (/^[0-9]$/.test(key)) return { code: `Digit${key}`, keyCode: key.charCodeAt(0), printable: true };
  if (/^F([1-9]|1[0-2])$/.test(key)) return { code: key, keyCode: 111 + Number(key.slice(1)), printable: false };
  return { code: '', keyCode: 0, printable: [...key].length === 1 };
}

function dispatchKey(target: Element, type: string, key: string, modifiers: readonly Modifier[]): boolean {
  const win = windowOf(target);
  const info = keyInfo(key);
  const charCode = type === 'keypress' ? (key === 'Enter' ? 13 : key.charCodeAt(0)) : 0;
  const event = new win.KeyboardEvent(type, {
    key,
    code: info.code,
    bubbles: true,
    cancelable: true,
    composed: true,
    view: win,
    ...modifierState(modifiers),
  });
  // Older handlers read keyCode/which/charCode, which KeyboardEventInit cannot set in every browser.
  const legacy = type === 'keypress' ? charCode : info.keyCode;
  for (const [name, value] of [
    ['keyCode', legacy],
    ['which', legacy],
    ['charCode', charCode],
  ] as const) {
    try {
      Object.defineProperty(event, name, { value, configurable: true });
    } catch {
      // Read-only in this engine: modern handlers use `key` anyway.
    }
  }
  return target.dispatchEvent(event);
}

/** Input types whose Enter key triggers implicit submission. */
const IMPLICIT_SUBMISSION_TYPES = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'date',
  'month',
  'week',
  'time',
  'datetime-local',
  'number',
]);

function isSubmitButton(element: Element): boolean {
  const tag = tagOf(element);
  const type = (element.getAttribute('type') ?? '').toLowerCase();
  if (tag === 'button') return type === '' || type === 'submit';
  return tag === 'input' && (type === 'submit' || type === 'image');
}

/** The form's default button: its first submit button in tree order. */
export function defaultButtonOf(form: HTMLFormElement): HTMLElement | null {
  for (const element of Array.from(form.elements)) if (isSubmitButton(element)) return element as HTMLElement;
  return null;
}

export type ImplicitSubmission = 'clicked-default-button' | 'submitted' | 'default-button-disabled' | 'none';

/** What Enter in `field` does to its form, done the way the browser does it. */
export function implicitSubmit(field: HTMLInputElement): ImplicitSubmission {
  const form = field.form;
  if (!form) return 'none';
  const button = defaultButtonOf(form);
  if (button) {
    if (isDisabled(button)) return 'default-button-disabled';
    const win = windowOf(button);
    // Keyboard-initiated activation: a click with detail 0 and no coordinates, like the browser's own.
    button.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: win }));
    return 'clicked-default-button';
  }
  const blocking = Array.from(form.elements).filter(
    (element) =>
      tagOf(element) === 'input' &&
      IMPLICIT_SUBMISSION_TYPES.has(((element as HTMLInputElement).type || 'text').toLowerCase()),
  );
  if (blocking.length !== 1) return 'none';
  form.requestSubmit();
  return 'submitted';
}

function isTextInput(element: Element): element is HTMLInputElement {
  return (
    tagOf(element) === 'input' &&
    IMPLICIT_SUBMISSION_TYPES.has(((element as HTMLInputElement).type || 'text').toLowerCase())
  );
}

function clickByKeyboard(element: Element): void {
  const win = windowOf(element);
  element.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: win }));
}

const TABBABLE_SELECTOR =
  'a[href],area[href],button,input:not([type=hidden]),select,textarea,iframe,summary,[tabindex],[contenteditable=""],[contenteditable="true"]';

/** Tabbable elements of the document in sequential focus order (positive tabindex first, then tree order). */
export function tabbables(doc: Document): HTMLElement[] {
  const candidates = Array.from(doc.querySelectorAll<HTMLElement>(TABBABLE_SELECTOR)).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      !element.closest('[inert]') &&
      isStyleVisible(element),
  );
  const positive = candidates.filter((element) => element.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex);
  return [...positive, ...candidates.filter((element) => element.tabIndex === 0)];
}

function moveFocus(from: Element, backwards: boolean): void {
  const doc = from.ownerDocument as Document;
  const order = tabbables(doc);
  if (order.length === 0) return;
  const index = order.indexOf(from as HTMLElement);
  let next: HTMLElement | undefined;
  if (index === -1) next = backwards ? order[order.length - 1] : order[0];
  else next = order[(index + (backwards ? -1 : 1) + order.length) % order.length];
  next?.focus();
}

export interface PressOutcome {
  /** The page cancelled keydown, so no default action ran. */
  prevented: boolean;
  submission: ImplicitSubmission;
}

export function pressKey(target: Element, key: string, modifiers: readonly Modifier[]): PressOutcome {
  const info = keyInfo(key);
  let submission: ImplicitSubmission = 'none';
  const keydownAllowed = dispatchKey(target, 'keydown', key, modifiers);
  const noModifiers = modifiers.length === 0 || (modifiers.length === 1 && modifiers[0] === 'Shift');
  if (keydownAllowed) {
    if (key === 'Tab' && !modifiers.some((modifier) => modifier !== 'Shift')) {
      moveFocus(target, modifiers.includes('Shift'));
    } else if ((info.printable || key === 'Enter') && noModifiers) {
      const keypressAllowed = dispatchKey(target, 'keypress', key, modifiers);
      if (keypressAllowed && key === 'Enter') {
        const tag = tagOf(target);
        if (isTextInput(target)) submission = implicitSubmit(target);
        else if (tag === 'button' || tag === 'summary' || (tag === 'a' && target.hasAttribute('href')))
          clickByKeyboard(target);
      }
    }
  }
  // The focused element may have changed (Tab): keyup goes where focus now is, as in a browser.
  const doc = target.ownerDocument as Document;
  const keyupTarget = key === 'Tab' ? (doc.activeElement ?? target) : target;
  const keyupAllowed = dispatchKey(keyupTarget, 'keyup', key, modifiers);
  if (key === ' ' && keydownAllowed && keyupAllowed && noModifiers) {
    const tag = tagOf(target);
    const type = (target as HTMLInputElement).type?.toLowerCase();
    if (tag === 'button' || (tag === 'input' && ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)))
      clickByKeyboard(target);
  }
  return { prevented: !keydownAllowed, submission };
}
