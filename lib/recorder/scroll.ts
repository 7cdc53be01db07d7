/**
 * Scrolls worth a step (issue 5): the person scrolled a container, or the page, and then acted on something the
 * scroll brought into view. Rule:
 *
 * 1. Only the person's scrolls count. A `scroll` event is trusted even when the page scrolled itself, so it counts
 *    only within SCROLL_INTENT_WINDOW_MS of a trusted wheel, touchmove or scrolling key (PageDown, Space, arrows…
 *    outside fields), or while a trusted press on a scrollbar is held; a recorded action ends that window (what
 *    scrolls after a click is the click's doing). Anchor jumps, focus scrolls, `scrollTo` from page scripts and
 *    scroll restoration are ignored.
 * 2. Nothing is emitted while scrolling: each scrolled container (an element, or the document for the page) is
 *    remembered once with its offsets from before the scroll, snapshotted at the intent event (the scrolled
 *    container is on that event's path).
 * 3. When the next action is recorded, each remembered container that holds its target and was scrolled so that the
 *    target was wholly out of the container's view before the scroll becomes one `scroll` step with the container's
 *    current (final) offsets, in the order the containers were first scrolled. Scrolling that merely moved things
 *    around, or was followed by nothing, is dropped: replay scrolls a target into view by itself, so a step is only
 *    needed where scrolling was what revealed (or loaded) the target.
 *
 * Limits: scroll events are not composed, so containers inside shadow roots are not seen; each frame records its
 * own scrolls, so scrolling the page to reach an iframe makes no step; fixed-position targets never count as
 * revealed by a page scroll.
 */

export interface ScrollOffsets {
  x: number;
  y: number;
}

/** One scroll step to emit: `container` null means the page itself. */
export interface PendingScroll {
  container: Element | null;
  x: number;
  y: number;
}

/** How long after a wheel, touch or key event its scrolling (smooth scrolling, touch momentum) may still arrive. */
export const SCROLL_INTENT_WINDOW_MS = 1000;
const SCROLL_KEYS = new Set([
  'PageUp',
  'PageDown',
  'Home',
  'End',
  ' ',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
]);
/** Where those keys type, move a caret or press a control instead of scrolling. */
const KEY_CONSUMERS = 'input,textarea,select,button,summary,a[href],[contenteditable=""],[contenteditable="true"]';
/** Offsets remembered between actions; a long browse without acting starts over rather than grow. */
const MAX_SNAPSHOTS = 500;

type Container = Element | Document;

export interface ScrollTracker {
  /** A trusted wheel, touchmove or keydown: scrolling may follow. */
  noteIntent: (event: Event) => void;
  /** A trusted pointerdown/up: a press on a scrollbar keeps scrolls counting until it is released. */
  notePointer: (event: PointerEvent) => void;
  noteScroll: (event: Event) => void;
  /** Scroll steps due before an action on `target` (see rule 3); forgets every scroll either way. */
  flush: (target: Element | null) => PendingScroll[];
}

function firstElement(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first && (first as Node).nodeType === 1 ? (first as Element) : null;
}

function offsetsOf(container: Container): ScrollOffsets {
  if (container.nodeType === 9) {
    const win = (container as Document).defaultView;
    return { x: win?.scrollX ?? 0, y: win?.scrollY ?? 0 };
  }
  const element = container as Element;
  return { x: element.scrollLeft, y: element.scrollTop };
}

/** Whether the press at the event's point is on the element's own scrollbar (outside its client area). */
export function isOnScrollbar(element: Element, clientX: number, clientY: number): boolean {
  const scrollsX = element.scrollWidth > element.clientWidth;
  const scrollsY = element.scrollHeight > element.clientHeight;
  if (!scrollsX && !scrollsY) return false;
  // The page's own scrollbars sit outside the root element's box, at the viewport's edges.
  if (element === element.ownerDocument?.documentElement) {
    return (scrollsY && clientX >= element.clientWidth) || (scrollsX && clientY >= element.clientHeight);
  }
  const rect = element.getBoundingClientRect();
  const left = rect.left + element.clientLeft;
  const top = rect.top + element.clientTop;
  const outsideX = clientX < left || clientX > left + element.clientWidth;
  const outsideY = clientY < top || clientY > top + element.clientHeight;
  return (scrollsY && outsideX && clientX <= rect.right) || (scrollsX && outsideY && clientY <= rect.bottom);
}

function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 && 'host' in parent) return (parent as ShadowRoot).host;
  return parent;
}

function composedContains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

function isFixed(element: Element, stopAt: Element | null): boolean {
  const win = element.ownerDocument?.defaultView;
  if (!win) return false;
  for (let current: Node | null = element; current && current !== stopAt; current = composedParent(current)) {
    if (current.nodeType === 1 && win.getComputedStyle(current as Element).position === 'fixed') return true;
  }
  return false;
}

/**
 * Whether `target` (where it is now) lay wholly outside the container's view before the container was scrolled by
 * `delta`. Content moves opposite to the scroll, so its earlier place is its current one plus the delta.
 */
export function wasOutOfView(target: Element, container: Container, delta: ScrollOffsets): boolean {
  const rect = target.getBoundingClientRect();
  let view: { left: number; top: number; right: number; bottom: number };
  if (container.nodeType === 9) {
    const win = (container as Document).defaultView;
    if (!win) return false;
    view = { left: 0, top: 0, right: win.innerWidth, bottom: win.innerHeight };
  } else {
    const element = container as Element;
    const box = element.getBoundingClientRect();
    const left = box.left + element.clientLeft;
    const top = box.top + element.clientTop;
    view = { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
  }
  const before = {
    left: rect.left + delta.x,
    right: rect.right + delta.x,
    top: rect.top + delta.y,
    bottom: rect.bottom + delta.y,
  };
  const overlaps =
    before.left < view.right && before.right > view.left && before.top < view.bottom && before.bottom > view.top;
  return !overlaps;
}

function isScrollKey(event: KeyboardEvent): boolean {
  if (!SCROLL_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return false;
  const target = firstElement(event);
  return !target?.closest(KEY_CONSUMERS);
}

export function createScrollTracker(doc: Document, now: () => number): ScrollTracker {
  /** Offsets before the current run of scrolling, per container on an intent event's path. */
  const before = new Map<Container, ScrollOffsets>();
  /** Containers the person scrolled since the last action, in first-scrolled order. */
  const scrolled = new Map<Container, ScrollOffsets>();
  let intentUntil = Number.NEGATIVE_INFINITY;
  let pressOnScrollbar = false;
  let lastPathHead: Element | null = null;

  const snapshot = (event: Event) => {
    const head = firstElement(event);
    // Wheel events come many per second over the same element: its path was snapshotted already.
    if (head && head === lastPathHead && before.size > 0) return;
    lastPathHead = head;
    if (before.size > MAX_SNAPSHOTS) before.clear();
    if (!before.has(doc)) before.set(doc, offsetsOf(doc));
    for (const node of event.composedPath()) {
      if ((node as Node).nodeType !== 1 || (node as Element).ownerDocument !== doc) continue;
      if (!before.has(node as Element)) before.set(node as Element, offsetsOf(node as Element));
    }
  };

  return {
    noteIntent(event) {
      if (!event.isTrusted) return;
      if (event.type === 'keydown' && !isScrollKey(event as KeyboardEvent)) return;
      intentUntil = now() + SCROLL_INTENT_WINDOW_MS;
      snapshot(event);
    },
    notePointer(event) {
      if (!event.isTrusted) return;
      if (event.type !== 'pointerdown') {
        if (pressOnScrollbar) intentUntil = now() + SCROLL_INTENT_WINDOW_MS;
        pressOnScrollbar = false;
        return;
      }
      const target = firstElement(event);
      if (!target || event.button !== 0 || !isOnScrollbar(target, event.clientX, event.clientY)) return;
      pressOnScrollbar = true;
      snapshot(event);
    },
    noteScroll(event) {
      if (!event.isTrusted || (!pressOnScrollbar && now() > intentUntil)) return;
      const raw = event.target as Node | null;
      if (!raw) return;
      const container: Container = raw.nodeType === 9 || raw === doc.scrollingElement ? doc : (raw as Element);
      if (container !== doc && container.nodeType !== 1) return;
      if (scrolled.has(container)) return;
      // Without a snapshot (the path missed it) the first event's offsets are the best "before" there is.
      scrolled.set(container, before.get(container) ?? offsetsOf(container));
    },
    flush(target) {
      const due: PendingScroll[] = [];
      if (target) {
        for (const [container, from] of scrolled) {
          if (container !== doc && !composedContains(container, target)) continue;
          const to = offsetsOf(container);
          const delta = { x: to.x - from.x, y: to.y - from.y };
          if (delta.x === 0 && delta.y === 0) continue;
          if (container === doc && isFixed(target, null)) continue;
          if (!wasOutOfView(target, container, delta)) continue;
          due.push({ container: container === doc ? null : (container as Element), x: to.x, y: to.y });
        }
      }
      scrolled.clear();
      before.clear();
      lastPathHead = null;
      // Acting ends the scrolling: what scrolls after an action (a click's own effect) is the page's doing.
      intentUntil = Number.NEGATIVE_INFINITY;
      return due;
    },
  };
}
