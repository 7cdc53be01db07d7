/**
 * Where a tab went after a step: waits for the document a navigation brings (its content script
 * introducing itself), and learns at once when an allowed site redirected the tab off the allowed
 * sites (webRequest), where Understudy has no access and no page will ever answer.
 */
import { browser } from 'wxt/browser';
import { isOriginAllowed, originOf } from '@/lib/origins';
import { readAllowList } from './allowlist';
import { onNetworkChange, redirectsSince } from './backstop';
import { documentCount, framesOf, topDocumentStartedAt, waitForFrames } from './connections';

export const NAVIGATION_TIMEOUT_MS = 30_000;

/**
 * After an action: when the tab is loading, waits for the new top document to arrive, or for
 * `loadedInstead` (an iframe the action posted a form in got its new document: Chrome reports the
 * tab as loading then too, and no new top document will come).
 */
export async function settle(
  tabId: number,
  documentsBefore: number,
  since: number,
  loadedInstead: () => boolean = () => false,
): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab?.status === 'loading' || documentCount(tabId) > documentsBefore) {
    await waitForArrival(
      tabId,
      () =>
        (documentCount(tabId) > documentsBefore && framesOf(tabId).some((frame) => frame.frameId === 0)) ||
        loadedInstead(),
      since,
      NAVIGATION_TIMEOUT_MS,
      // Still loading the page it had (a tab the last step opened, its images): once the tab has
      // finished loading with no new document, the action started no navigation.
      () => documentCount(tabId) === documentsBefore,
    );
  }
}

/** An allowed site redirected the tab off the allowed sites since `since`, and nothing allowed loaded after. */
export async function redirectedAwaySince(tabId: number, since: number): Promise<boolean> {
  const allowList = await readAllowList();
  const away = redirectsSince(tabId, since)
    .filter((redirect) => redirect.frameId === 0 && !isOriginAllowed(originOf(redirect.to), allowList))
    .at(-1);
  return away !== undefined && (topDocumentStartedAt(tabId) ?? 0) < away.at;
}

/** How long a page that finished loading has to introduce itself before it counts as elsewhere. */
const ARRIVAL_GRACE_MS = 1000;

/**
 * After a navigation started: waits for the new document's content script ('arrived'), or learns
 * that the tab went where Understudy has no access ('elsewhere': an allowed site redirected off the
 * allowed sites, or a page finished loading and never introduced itself), so replay stops there at
 * once instead of waiting out its timeout. It never acts there either way: it has no access.
 */
export async function waitForArrival(
  tabId: number,
  arrived: () => boolean,
  since: number,
  timeoutMs: number,
  /** Asked once the tab finished loading and no new document came: true ends the wait as arrived. */
  stayed?: () => boolean,
): Promise<'arrived' | 'elsewhere' | 'timeout'> {
  const allowList = await readAllowList();
  return new Promise((resolve) => {
    let settled = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: 'arrived' | 'elsewhere' | 'timeout') => {
      if (settled) return;
      settled = true;
      stopWatchingNetwork();
      browser.tabs.onUpdated.removeListener(onUpdated);
      clearTimeout(grace);
      resolve(value);
    };
    const redirectedAway = () =>
      redirectsSince(tabId, since).some(
        (redirect) => redirect.frameId === 0 && !isOriginAllowed(originOf(redirect.to), allowList),
      );
    const check = () => {
      if (arrived()) finish('arrived');
      else if (redirectedAway()) finish('elsewhere');
    };
    const onComplete = () => {
      clearTimeout(grace);
      grace = setTimeout(async () => {
        if (arrived()) return finish('arrived');
        const tab = await browser.tabs.get(tabId).catch(() => null);
        if (!isOriginAllowed(originOf(tab?.url), allowList)) finish('elsewhere');
        // Loading again since (a navigation after all): its own 'complete' comes later.
        else if (tab?.status === 'complete' && stayed?.()) finish('arrived');
      }, ARRIVAL_GRACE_MS);
    };
    const onUpdated = (updatedTabId: number, change: { status?: string }) => {
      if (updatedTabId === tabId && change.status === 'complete') onComplete();
    };
    const stopWatchingNetwork = onNetworkChange(check);
    browser.tabs.onUpdated.addListener(onUpdated);
    // After an action, the tab may have finished loading before this listened (the allow list is read
    // first). Not for a navigation just asked for: the tab may still show the page it is leaving.
    if (stayed) {
      void browser.tabs
        .get(tabId)
        .then((tab) => {
          if (tab.status === 'complete' && !settled) onComplete();
        })
        .catch(() => undefined);
    }
    void waitForFrames(() => (arrived() ? true : null), timeoutMs).then((value) =>
      finish(value ? 'arrived' : 'timeout'),
    );
    check();
  });
}
