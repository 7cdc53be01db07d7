/** Driving startCapture in happy-dom: trusted events (happy-dom has no isTrusted), a fake clock, a fake layout. */
import { vi } from 'vitest';
import { type RecordedAction, startCapture } from '@/lib/recorder/capture';
import type { Step } from '@/lib/task/schema';

/** Marks an event as the browser's own, as a person's input would be. */
export function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export function fire(target: EventTarget, event: Event): void {
  target.dispatchEvent(trusted(event));
}

export function byId<T extends Element = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element as unknown as T;
}

let pointerX = 0;
/** The pointer moving onto `element` (each move lands somewhere new), or `still`: the element moved under it. */
export function pointerOver(element: Element, pointerType = 'mouse', still = false): void {
  if (!still) pointerX += 7;
  fire(element, new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType, clientX: pointerX }));
}
export const click = (element: Element) =>
  fire(element, new MouseEvent('click', { bubbles: true, composed: true, button: 0, detail: 1 }));
export const wheel = (element: Element) =>
  fire(element, new WheelEvent('wheel', { bubbles: true, composed: true, deltaY: 120 }));
/** Element scroll events do not bubble; the page's are fired at the document. */
export const scrolled = (target: Element | Document) =>
  fire(target, new Event('scroll', { bubbles: target === document }));

/** A tiny layout: an element with `data-y` (and `data-h`, default 20) sits that far down the page, moved up by the
 * scroll offsets of its `data-scroller` ancestors and of the page (unless it is inside `position: fixed`). */
export function installLayout(): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const y = Number(this.getAttribute('data-y') ?? Number.NaN);
    if (Number.isNaN(y)) return new DOMRect(0, 0, 0, 0);
    const height = Number(this.getAttribute('data-h') ?? 20);
    let top = y;
    for (let parent = this.parentElement; parent; parent = parent.parentElement) {
      if (parent.hasAttribute('data-scroller')) top -= parent.scrollTop;
    }
    if (!this.closest('[style*="fixed"]')) top -= window.scrollY;
    return new DOMRect(0, top, 300, height);
  });
}

/** Gives a scroll container a 300×200 client box holding `contentHeight` px of content. */
export function makeScroller(element: Element, contentHeight: number): void {
  const sizes: Record<string, number> = {
    clientWidth: 285,
    clientHeight: 200,
    clientTop: 0,
    clientLeft: 0,
    scrollWidth: 285,
    scrollHeight: contentHeight,
  };
  for (const [name, value] of Object.entries(sizes))
    Object.defineProperty(element, name, { configurable: true, value });
}

export interface Capture {
  actions: RecordedAction[];
  steps: () => Step[];
  /** "kind" or "kind:name", like the end-to-end summaries. */
  summary: () => string[];
  advance: (ms: number) => void;
  stop: () => void;
}

export function capture(): Capture {
  let clock = 10_000;
  const actions: RecordedAction[] = [];
  let counter = 0;
  const stop = startCapture(document, {
    framePath: () => [],
    emit: (action) => actions.push(action),
    newId: () => `s${++counter}`,
    now: () => clock,
  });
  const steps = () => actions.map((action) => action.step);
  return {
    actions,
    steps,
    summary: () =>
      steps().map((step) => {
        const print = 'target' in step && step.target ? step.target.fingerprint : null;
        const name = print ? print.label || print.name || print.tag : '';
        return name ? `${step.kind}:${name}` : step.kind;
      }),
    advance: (ms) => {
      clock += ms;
    },
    stop,
  };
}

/** Lets MutationObserver callbacks run, as they would before the next input event. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
