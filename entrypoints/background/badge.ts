/**
 * The toolbar badge of a tab (its colour, text and tooltip), set only where it changed: a run shows its
 * step on every step, and three extension API calls a step took a share of the worker's time. What was
 * set is forgotten when the tab starts and finishes loading a new page or closes, so Chrome's own resets
 * (it clears a tab's badge when a new page commits) are not missed by the next change.
 */
import { browser } from 'wxt/browser';

interface Badge {
  color?: string;
  text?: string;
  title?: string;
}

const shown = new Map<number, Badge>();

export async function setBadge(tabId: number, badge: Badge): Promise<void> {
  const now = shown.get(tabId) ?? {};
  shown.set(tabId, { ...now, ...badge });
  const calls: Promise<unknown>[] = [];
  if (badge.color !== undefined && badge.color !== now.color) {
    calls.push(browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }));
  }
  if (badge.text !== undefined && badge.text !== now.text)
    calls.push(browser.action.setBadgeText({ tabId, text: badge.text }));
  if (badge.title !== undefined && badge.title !== now.title)
    calls.push(browser.action.setTitle({ tabId, title: badge.title }));
  // A call that failed (the tab closed meanwhile) leaves nothing known about the badge.
  const failed = (await Promise.allSettled(calls)).some((call) => call.status === 'rejected');
  if (failed) shown.delete(tabId);
}

export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}
