import { browser } from 'wxt/browser';

/**
 * The tab a run started from the side panel acts in: `?tabId=` when the panel was opened as a page
 * (tests, keyboard users), else the active tab of the panel's window.
 */
export async function activeTabId(fromParams: number | undefined): Promise<number | null> {
  if (fromParams !== undefined) return fromParams;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
