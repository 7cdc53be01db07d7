/**
 * Brings a run's tab to the front of its window before a step acts in it (hidden tabs get no animation
 * frames, which the actionability checks wait on), with an extension call only while it is not known to
 * be there already: one call on every step took a share of the worker's time per step.
 */
import { browser } from 'wxt/browser';

/** Tabs known to be the active one of their window, with that window. */
const inFront = new Map<number, number>();
let watching = false;

function watch(): void {
  if (watching) return;
  watching = true;
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    for (const [known, window] of inFront) if (window === windowId && known !== tabId) inFront.delete(known);
  });
  // Moved to another window, or gone: not known to be in front of anything any more.
  browser.tabs.onDetached.addListener((tabId) => inFront.delete(tabId));
  browser.tabs.onRemoved.addListener((tabId) => inFront.delete(tabId));
}

export function bringToFront(tabId: number): void {
  watch();
  if (inFront.has(tabId)) return;
  browser.tabs
    .update(tabId, { active: true })
    .then((tab) => {
      if (tab?.active && tab.windowId !== undefined) inFront.set(tabId, tab.windowId);
    })
    .catch(() => undefined);
}
