/**
 * Brings a run's tab to the front of its window before a step acts in it (hidden tabs get no animation
 * frames, which the actionability checks wait on), with an extension call only while it is not known to
 * be there already: one call on every step took a share of the worker's time per step.
 */
import { browser } from 'wxt/browser';

/** Tabs known to be the active one of their window, with that window. */
const inFront = new Map<number, number>();
/** Counts tab activations, and which tab each window activated last and at which count. */
let activations = 0;
const lastActivated = new Map<number, { tabId: number; at: number }>();
let watching = false;

function watch(): void {
  if (watching) return;
  watching = true;
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    activations += 1;
    lastActivated.set(windowId, { tabId, at: activations });
    for (const [known, window] of inFront) if (window === windowId && known !== tabId) inFront.delete(known);
  });
  // Moved to another window, swapped for another tab, or gone: not known to be in front of anything.
  browser.tabs.onDetached.addListener((tabId) => inFront.delete(tabId));
  browser.tabs.onReplaced.addListener((_added, removed) => inFront.delete(removed));
  browser.tabs.onRemoved.addListener((tabId) => inFront.delete(tabId));
}

export function bringToFront(tabId: number): void {
  watch();
  if (inFront.has(tabId)) return;
  const asked = activations;
  browser.tabs
    .update(tabId, { active: true })
    .then((tab) => {
      if (!tab?.active || tab.windowId === undefined) return;
      // Another tab of the window activated since (the person switched): it is not in front after all.
      const last = lastActivated.get(tab.windowId);
      if (last && last.at > asked && last.tabId !== tabId) return;
      inFront.set(tabId, tab.windowId);
    })
    .catch(() => undefined);
}
