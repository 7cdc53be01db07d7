/**
 * Page-side half of bench:replay, bundled with bundleForPage and injected as `window.__replayBench`.
 * `describeActions` records each action's target with the recorder's own describeElement (what a recording
 * would store) plus the click offset a Chrome Recorder flow stores, doing each action after describing its
 * target as the person recording would, so each target is described as the page showed it at its step (a row's
 * "Saved: …" already filled when its size is picked); `readPageState` reads what the tools did.
 * Functions live here rather than in Node-side page.evaluate callbacks because tsx rewrites named functions
 * with a helper that does not exist in the page.
 */
import { describeElement } from '../../lib/locators/describe';
import type { TargetDescriptor } from '../../lib/locators/schema';
import type { Action, RowState } from './plan';

export interface Described {
  descriptor: TargetDescriptor;
  /** The element's centre relative to its box, as Chrome Recorder stores a click (offsetX/offsetY). */
  offset: { x: number; y: number };
}

export function describeActions(actions: readonly Action[]): Described[] | { missing: string } {
  const described: Described[] = [];
  for (const action of actions) {
    const element = document.getElementById(action.elementId);
    if (!element) return { missing: action.elementId };
    const rect = element.getBoundingClientRect();
    described.push({
      descriptor: describeElement(element),
      offset: { x: Math.round(rect.width / 2), y: Math.round(rect.height / 2) },
    });
    perform(action, element);
  }
  return described;
}

/** What the person does at the step, with the events the page listens to (its handlers update the page). */
function perform(action: Action, element: Element): void {
  switch (action.kind) {
    case 'fill':
      (element as HTMLInputElement).value = action.value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
      return;
    case 'press':
      element.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, bubbles: true }));
      element.dispatchEvent(new KeyboardEvent('keyup', { key: action.key, bubbles: true }));
      return;
    case 'select':
      (element as HTMLSelectElement).value = action.value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
      return;
    case 'check':
    case 'click':
      (element as HTMLElement).click();
      return;
  }
}

export function readPageState(rows: number): RowState[] {
  const byId = (id: string) => document.getElementById(id);
  return Array.from({ length: rows }, (_, index) => {
    const n = index + 1;
    return {
      name: (byId(`item-${n}-name`) as HTMLInputElement | null)?.value ?? '(missing)',
      saved: byId(`item-${n}-saved`)?.textContent ?? '(missing)',
      size: (byId(`item-${n}-size`) as HTMLSelectElement | null)?.value ?? '(missing)',
      include: (byId(`item-${n}-include`) as HTMLInputElement | null)?.checked ?? false,
      star: byId(`item-${n}-star`)?.getAttribute('aria-pressed') === 'true',
    };
  });
}
