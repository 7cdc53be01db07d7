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
import { composedAncestors, focusTargetFor, windowOf } from './dom';

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
  /** For boundary events: the element the pointer comes from (over, enter) or goes to (out, leave). */
  relatedTarget?: Element | null;
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
    relatedTarget: init.relatedTarget ?? null,
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

/**
 * Where the replayed pointer is in each document. A real pointer that moves from A to B leaves A and those of its
 * ancestors that do not hold B, and enters those of B's ancestors that do not hold A; hover menus open and close on
 * exactly these events (mouseenter on the menu's container, mouseleave with a relatedTarget inside the submenu).
 */
const pointerAt = new WeakMap<Document, Element>();

/** Ancestors-or-self of `element` (across shadow roots), innermost first, up to but not including any of `stop`'s. */
function chainUntil(element: Element, stop: Element | null): Element[] {
  const stopChain = new Set(stop ? composedAncestors(stop) : []);
  const chain: Element[] = [];
  for (const ancestor of composedAncestors(element)) {
    if (stopChain.has(ancestor)) break;
    chain.push(ancestor);
  }
  return chain;
}

/**
 * The pointer arriving over the element from where the last replayed action left it (or from outside the page):
 * out/leave on what it leaves, over/enter on what it enters (pointer events, then their mouse compatibility events),
 * then a move.
 */
export function moveOnto(element: Element, point: Point, modifiers?: ModifierState): void {
  const doc = element.ownerDocument as Document;
  const previous = pointerAt.get(doc);
  const from = previous?.isConnected && previous !== element ? previous : null;
  if (previous !== element) {
    const leaving = from ? chainUntil(from, element) : [];
    const entering = chainUntil(element, from).reverse();
    for (const kind of ['pointer', 'mouse'] as const) {
      const dispatch = kind === 'pointer' ? dispatchPointer : dispatchMouse;
      if (from) {
        dispatch(from, `${kind}out`, { point, modifiers, relatedTarget: element });
        for (const left of leaving) dispatch(left, `${kind}leave`, { point, modifiers, relatedTarget: element });
      }
      dispatch(element, `${kind}over`, { point, modifiers, relatedTarget: from });
      for (const entered of entering) dispatch(entered, `${kind}enter`, { point, modifiers, relatedTarget: from });
    }
    pointerAt.set(doc, element);
  }
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
