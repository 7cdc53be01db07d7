/**
 * Synthetic input events in the order and shape a browser produces for a real mouse.
 *
 * A content script can only dispatch untrusted events (`isTrusted` is false). Browsers still run the default
 * actions that untrusted clicks trigger (checkbox toggle, label → control, submit button → form submission, link
 * navigation), and frameworks listen to these events like any others. Sites that insist on `isTrusted` (some
 * payment and anti-bot widgets) will ignore them; replay then reports that the action had no effect where that is
 * detectable, and the person does that step themselves.
 */
import type { Point } from './actionability';
import { focusTargetFor, windowOf } from './dom';

export type Modifier = 'Alt' | 'Control' | 'Meta' | 'Shift';

export interface ModifierState {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function modifierState(modifiers: readonly Modifier[] = []): ModifierState {
  return {
    altKey: modifiers.includes('Alt'),
    ctrlKey: modifiers.includes('Control'),
    metaKey: modifiers.includes('Meta'),
    shiftKey: modifiers.includes('Shift'),
  };
}

/** Events that do not bubble, as in the UI Events spec. */
const NON_BUBBLING = new Set(['pointerenter', 'pointerleave', 'mouseenter', 'mouseleave']);
/** …and those that cannot be cancelled. */
const NOT_CANCELABLE = new Set(['pointerenter', 'pointerleave', 'mouseenter', 'mouseleave']);

interface PointerInit {
  point: Point;
  detail?: number;
  buttons?: number;
  modifiers?: ModifierState;
}

function mouseInit(type: string, view: Window, init: PointerInit): MouseEventInit {
  return {
    bubbles: !NON_BUBBLING.has(type),
    cancelable: !NOT_CANCELABLE.has(type),
    composed: true,
    view,
    clientX: init.point.x,
    clientY: init.point.y,
    screenX: init.point.x + (view.screenX ?? 0),
    screenY: init.point.y + (view.screenY ?? 0),
    button: 0,
    buttons: init.buttons ?? 0,
    detail: init.detail ?? 0,
    ...(init.modifiers ?? modifierState()),
  };
}

/** Dispatches a mouse event made with the element's own window's constructor; returns false if cancelled. */
export function dispatchMouse(element: Element, type: string, init: PointerInit): boolean {
  const win = windowOf(element);
  return element.dispatchEvent(new win.MouseEvent(type, mouseInit(type, win, init)));
}

export function dispatchPointer(element: Element, type: string, init: PointerInit): boolean {
  const win = windowOf(element);
  const base = mouseInit(type, win, init);
  // Pointer events carry no `detail`; only the compatibility mouse events do.
  const pointerInit: PointerEventInit = { ...base, detail: 0, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  const event = win.PointerEvent ? new win.PointerEvent(type, pointerInit) : new win.MouseEvent(type, base);
  return element.dispatchEvent(event);
}

/** The pointer arriving over the element. */
export function moveOnto(element: Element, point: Point, modifiers?: ModifierState): void {
  dispatchPointer(element, 'pointerover', { point, modifiers });
  dispatchPointer(element, 'pointerenter', { point, modifiers });
  dispatchMouse(element, 'mouseover', { point, modifiers });
  dispatchMouse(element, 'mouseenter', { point, modifiers });
  dispatchPointer(element, 'pointermove', { point, modifiers });
  dispatchMouse(element, 'mousemove', { point, modifiers });
}

/**
 * One press and release: pointerdown, mousedown, focus, pointerup, mouseup, click. A cancelled pointerdown
 * suppresses the compatibility mouse events (but not click); a cancelled mousedown suppresses the focus change.
 */
export function pressAndRelease(element: Element, point: Point, detail: number, modifiers?: ModifierState): void {
  const compat = dispatchPointer(element, 'pointerdown', { point, buttons: 1, modifiers });
  const focusAllowed = compat ? dispatchMouse(element, 'mousedown', { point, detail, buttons: 1, modifiers }) : true;
  if (focusAllowed) focusForPress(element);
  dispatchPointer(element, 'pointerup', { point, modifiers });
  if (compat) dispatchMouse(element, 'mouseup', { point, detail, modifiers });
  dispatchMouse(element, 'click', { point, detail, modifiers });
}

/** A mouse press focuses the nearest focusable ancestor, or blurs the focused element when there is none. */
function focusForPress(element: Element): void {
  const target = focusTargetFor(element);
  const doc = element.ownerDocument as Document;
  if (target) {
    if (doc.activeElement !== target) target.focus({ preventScroll: true });
    return;
  }
  const active = doc.activeElement as HTMLElement | null;
  if (active && active !== doc.body && typeof active.blur === 'function') active.blur();
}

export function clickAt(element: Element, point: Point, modifiers?: ModifierState): void {
  moveOnto(element, point, modifiers);
  pressAndRelease(element, point, 1, modifiers);
}

export function doubleClickAt(element: Element, point: Point, modifiers?: ModifierState): void {
  moveOnto(element, point, modifiers);
  pressAndRelease(element, point, 1, modifiers);
  pressAndRelease(element, point, 2, modifiers);
  dispatchMouse(element, 'dblclick', { point, detail: 2, modifiers });
}
