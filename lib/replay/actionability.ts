/**
 * Life of a replayed pointer action, after Playwright's injected script: before acting, the element must be
 *
 * 1. attached (still in the document),
 * 2. visible (a non-empty box, not display:none / visibility:hidden / opacity 0 anywhere up the tree),
 * 3. enabled (not disabled, not in a disabled fieldset, not aria-disabled) when the action needs it,
 * 4. editable (not read-only) for fills,
 * 5. stable (the same bounding box on two consecutive animation frames, so a sliding menu has stopped, and no
 *    finite animation or transition of a geometry property running or pending on it or an ancestor: a transition
 *    that was just started has not moved anything yet on its first frame, so the box alone would call it settled;
 *    on a page that asked for no animation frame lately, the box read when the target was looked up ahead counts
 *    as the first of the two even before a frame came: see BoxSighting.still),
 * 6. in the viewport (else scrolled to the centre, which restarts the stability check), and
 * 7. the hit target at the action point: what `elementFromPoint` returns there (descending through open shadow
 *    roots) must be the element or inside it, so a cookie banner or modal over it is caught.
 *
 * Every check is retried on each animation frame until all pass or the time runs out; a timeout reports the last
 * failing check as a code with a message naming the element. Coordinates are the element's own frame's: the
 * executor runs inside the frame that holds the element.
 */
import { err, ok, type Result } from '@/lib/result';
import { describeForHumans } from './describe-for-humans';
import { composedContains, isDisabled, isReadOnly, isStyleVisible, windowOf } from './dom';

export type ActionabilityCode =
  | 'not-attached'
  | 'not-visible'
  | 'not-enabled'
  | 'not-editable'
  | 'not-stable'
  | 'outside-viewport'
  | 'covered'
  | 'aborted';

export interface Point {
  x: number;
  y: number;
}

export interface ActionabilityOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  needsEnabled: boolean;
  needsEditable: boolean;
  /** Skip the hit-target check (hover over an element that shows a tooltip over itself is still fine). */
  skipHitTarget?: boolean;
  /**
   * Skip the stability check: typing, choosing an option and pressing keys aim no pointer, so a box
   * still moving does not matter (Playwright does not wait for it there either). Saves the frames a
   * stability check needs on every such step.
   */
  skipStable?: boolean;
  /** The time named in failure messages, when the caller's budget is longer than what is left for this wait. */
  stepTimeoutMs?: number;
  now?: () => number;
  /** Schedules the next check; defaults to the element window's requestAnimationFrame. */
  raf?: (callback: () => void) => unknown;
  /**
   * The element's box read earlier (when the step's target was looked up ahead of it): once a frame has
   * passed since, or while the page is still (see BoxSighting.still), it is the first of the two boxes the
   * stability check compares, so an element that has not moved needs no further frame.
   */
  seen?: BoxSighting;
}

/** An element's box as read at one moment, and whether an animation frame has come since. */
export interface BoxSighting {
  readonly element: Element;
  readonly box: Box;
  framed: boolean;
  /**
   * Asked when the box is compared, before a frame came: true when the page moves nothing from one frame
   * to the next (it asked for no animation frame lately, as its request sensor tells). A box that moves is
   * moved by an animation (checked apart), a frame callback, or a change since the sighting that the box
   * read now shows; so the same box read twice is as good as the same box on two frames.
   */
  readonly still?: () => boolean;
}

/** Reads the element's box now and notes the next animation frame (see ActionabilityOptions.seen). */
export function sightBox(
  element: Element,
  raf: (callback: () => void) => unknown = defaultRaf(element),
  still?: () => boolean,
): BoxSighting {
  const rect = element.getBoundingClientRect();
  const sighting: BoxSighting = {
    element,
    box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    framed: false,
    ...(still ? { still } : {}),
  };
  raf(() => {
    sighting.framed = true;
  });
  return sighting;
}

/**
 * rAF never fires in a hidden tab; without this fallback a replay in a background tab would wait out its whole
 * timeout. Visible tabs get their frame well before it.
 */
const FRAME_FALLBACK_MS = 100;
/** Boxes that differ by less than this (subpixel layout jitter) count as the same. */
const STABLE_EPSILON_PX = 0.5;
/** A point this far inside the viewport edge still counts as in view. */
const VIEWPORT_MARGIN_PX = 1;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function defaultRaf(element: Element): (callback: () => void) => void {
  const win = element.ownerDocument?.defaultView;
  return (callback) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      callback();
    };
    win?.requestAnimationFrame?.(once);
    setTimeout(once, FRAME_FALLBACK_MS);
  };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function sameBox(a: Box, b: Box): boolean {
  return (
    Math.abs(a.x - b.x) < STABLE_EPSILON_PX &&
    Math.abs(a.y - b.y) < STABLE_EPSILON_PX &&
    Math.abs(a.width - b.width) < STABLE_EPSILON_PX &&
    Math.abs(a.height - b.height) < STABLE_EPSILON_PX
  );
}

/** Properties whose animation moves or resizes an element's box (opacity or colour fades do not). */
const GEOMETRY_PROPERTY =
  /^(transform|translate|rotate|scale|left|top|right|bottom|inset.*|width|height|margin.*|padding.*|offset.*|all)$/;

function animatesGeometry(animation: Animation): boolean {
  if (animation.playState !== 'running' && !animation.pending) return false;
  const effect = animation.effect;
  if (!effect) return false;
  // A spinner that never ends must not hold the action forever.
  if (effect.getComputedTiming().iterations === Number.POSITIVE_INFINITY) return false;
  const transition = (animation as Animation & { transitionProperty?: string }).transitionProperty;
  if (transition !== undefined) return GEOMETRY_PROPERTY.test(transition);
  if (!('getKeyframes' in effect)) return false;
  for (const frame of (effect as KeyframeEffect).getKeyframes())
    for (const property of Object.keys(frame))
      if (
        property !== 'offset' &&
        property !== 'easing' &&
        property !== 'composite' &&
        GEOMETRY_PROPERTY.test(property)
      )
        return true;
  return false;
}

/** True while the element or an ancestor (across shadow hosts) is being moved by a finite animation. */
function isBeingAnimated(element: Element): boolean {
  const doc = element.ownerDocument;
  if (typeof doc?.getAnimations !== 'function') return false;
  for (const animation of doc.getAnimations()) {
    const target = (animation.effect as KeyframeEffect | null)?.target;
    if (target && composedContains(target, element) && animatesGeometry(animation)) return true;
  }
  return false;
}

/** The element at a point, descending into open shadow roots like a real hit test would. */
export function deepElementFromPoint(doc: Document, x: number, y: number): Element | null {
  let hit = doc.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** The centre of the part of the box inside the viewport; null when none of it is. */
function actionPoint(box: Box, win: Window): Point | null {
  const left = Math.max(box.x, 0);
  const top = Math.max(box.y, 0);
  const right = Math.min(box.x + box.width, win.innerWidth);
  const bottom = Math.min(box.y + box.height, win.innerHeight);
  if (right - left < VIEWPORT_MARGIN_PX || bottom - top < VIEWPORT_MARGIN_PX) return null;
  return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

function fullyInView(box: Box, win: Window): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= win.innerWidth && box.y + box.height <= win.innerHeight;
}

/** A hit on the element's own <label> reaches the element too (custom checkboxes draw the label over the box). */
function hitReaches(element: Element, hit: Element): boolean {
  if (composedContains(element, hit)) return true;
  const label = hit.closest('label') as HTMLLabelElement | null;
  return !!label && label.control === element;
}

type Check = { ok: true; point: Point } | { ok: false; code: ActionabilityCode; cover?: Element };

export async function waitForActionable(
  element: Element,
  options: ActionabilityOptions,
): Promise<Result<{ point: Point }, ActionabilityCode>> {
  const now = options.now ?? (() => performance.now());
  const raf = options.raf ?? defaultRaf(element);
  const deadline = now() + options.timeoutMs;
  const seen = options.seen;
  let previousBox: Box | null =
    seen && seen.element === element && (seen.framed || seen.still?.() === true) ? seen.box : null;
  let scrolled = false;

  const check = (): Check => {
    if (!element.isConnected) return { ok: false, code: 'not-attached' };
    const win = windowOf(element);
    const rect = element.getBoundingClientRect();
    const box: Box = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    const last = previousBox;
    previousBox = box;
    if (box.width <= 0 || box.height <= 0 || !isStyleVisible(element)) return { ok: false, code: 'not-visible' };
    if (options.needsEnabled && isDisabled(element)) return { ok: false, code: 'not-enabled' };
    if (options.needsEditable && isReadOnly(element)) return { ok: false, code: 'not-editable' };
    if (!options.skipStable && (!last || !sameBox(last, box) || isBeingAnimated(element))) {
      return { ok: false, code: 'not-stable' };
    }
    if (!fullyInView(box, win) && !scrolled) {
      // Once per wait: a fixed header may keep part of the box out of view, which the hit test then judges.
      scrolled = true;
      element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      previousBox = null;
      return { ok: false, code: 'not-stable' };
    }
    const point = actionPoint(box, win);
    if (!point) {
      scrolled = false;
      return { ok: false, code: 'outside-viewport' };
    }
    if (options.skipHitTarget) return { ok: true, point };
    const hit = deepElementFromPoint(element.ownerDocument as Document, point.x, point.y);
    if (!hit) return { ok: false, code: 'outside-viewport' };
    if (!hitReaches(element, hit)) return { ok: false, code: 'covered', cover: hit };
    return { ok: true, point };
  };

  let last: Check = { ok: false, code: 'not-visible' };
  for (;;) {
    if (options.signal?.aborted) return err('aborted', 'Stopped before acting.');
    last = check();
    if (last.ok) return ok({ point: last.point });
    if (last.code === 'not-attached') break;
    if (now() >= deadline) break;
    await new Promise<void>((resolve) => raf(resolve));
  }
  return err(last.code, failureMessage(element, last, options.stepTimeoutMs ?? options.timeoutMs));
}

function failureMessage(element: Element, failure: Exclude<Check, { ok: true }>, timeoutMs: number): string {
  const who = describeForHumans(element);
  const within = formatDuration(timeoutMs);
  switch (failure.code) {
    case 'not-attached':
      return `${who} disappeared from the page before Understudy could use it.`;
    case 'not-visible':
      return `${who} never became visible within ${within}.`;
    case 'not-enabled':
      return `${who} never became enabled within ${within}.`;
    case 'not-editable':
      return `${who} stayed read-only for ${within}.`;
    case 'not-stable':
      return `${who} kept moving for ${within}; it never settled in one place.`;
    case 'outside-viewport':
      return `${who} could not be scrolled into view.`;
    case 'covered': {
      const cover = failure.cover ? describeForHumans(failure.cover) : 'another element';
      return `${who} is covered by ${cover}; close whatever is in front of it and try again.`;
    }
    case 'aborted':
      return 'Stopped before acting.';
  }
}
