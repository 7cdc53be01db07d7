/**
 * The network backstop of a run. The risk classifier reads what a control will do from the DOM,
 * but a script can turn any click into a POST (`fetch` in a submit handler of a GET form, a SPA's
 * "Mark as done"). So while a run drives a tab, a session rule blocks every request from that tab
 * that could change or send something (anything but GET/HEAD/OPTIONS), and is lifted only while an
 * action the person approved runs. A blocked attempt is reported to the runner, which asks the
 * person and repeats the step if they approve. Session rules survive a worker restart, so a run
 * is never left unguarded by one; the runner lifts them when the run ends.
 */
import { browser } from 'wxt/browser';

type Listener = (tabId: number, attempt: BlockedAttempt) => void;

export interface BlockedAttempt {
  method: string;
  url: string;
  at: number;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete', 'connect', 'other'] as const;
/** Rule ids: one per tab (tab ids are positive 31-bit integers). */
const ruleIdFor = (tabId: number) => tabId + 1;

const blocked = new Map<number, BlockedAttempt[]>();
const inFlight = new Map<number, Set<string>>();
const listeners = new Set<() => void>();

/** Blocks write requests from `tabId` (its frames included) until released. */
export async function holdWrites(tabId: number): Promise<void> {
  const id = ruleIdFor(tabId);
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [id],
    addRules: [
      {
        id,
        priority: 1,
        action: { type: 'block' },
        condition: { tabIds: [tabId], requestMethods: [...WRITE_METHODS] },
      },
    ],
  });
}

export async function releaseWrites(tabId: number): Promise<void> {
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [ruleIdFor(tabId)] });
}

/** Write attempts the backstop blocked in `tabId` since `since` (epoch ms). */
export function blockedSince(tabId: number, since: number): BlockedAttempt[] {
  return (blocked.get(tabId) ?? []).filter((attempt) => attempt.at >= since);
}

/**
 * Resolves once the tab has had no request in flight for `quietMs` (bounded by `maxMs`): after an
 * action, so a request it started (and the backstop blocked) is seen before the next step.
 */
export function waitForNetworkQuiet(tabId: number, quietMs: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const deadline = setTimeout(finish, maxMs);
    function finish() {
      clearTimeout(deadline);
      clearTimeout(quietTimer);
      listeners.delete(check);
      resolve();
    }
    function check() {
      clearTimeout(quietTimer);
      if ((inFlight.get(tabId)?.size ?? 0) === 0) quietTimer = setTimeout(finish, quietMs);
    }
    listeners.add(check);
    check();
  });
}

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/** Observes requests (webRequest is read-only in MV3: it sees, the session rule blocks). */
export function watchNetwork(onBlocked?: Listener): void {
  // Web pages only. webRequest reports nothing where Understudy holds no host access, so this
  // observes the allowed sites alone; it grants nothing.
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  browser.webRequest.onBeforeRequest.addListener((details) => {
    if (details.tabId < 0) return;
    const requests = inFlight.get(details.tabId) ?? new Set<string>();
    inFlight.set(details.tabId, requests);
    requests.add(details.requestId);
    changed();
    return undefined;
  }, filter);
  const done = (details: { tabId: number; requestId: string }) => {
    if (inFlight.get(details.tabId)?.delete(details.requestId)) changed();
  };
  browser.webRequest.onCompleted.addListener(done, filter);
  browser.webRequest.onErrorOccurred.addListener((details) => {
    done(details);
    if (details.tabId < 0 || details.error !== 'net::ERR_BLOCKED_BY_CLIENT') return;
    if (!WRITE_METHODS.includes(details.method.toLowerCase() as (typeof WRITE_METHODS)[number])) return;
    const attempt = { method: details.method, url: details.url, at: Date.now() };
    const list = blocked.get(details.tabId) ?? [];
    list.push(attempt);
    blocked.set(details.tabId, list.slice(-20));
    onBlocked?.(details.tabId, attempt);
  }, filter);
  browser.tabs.onRemoved.addListener((tabId) => {
    blocked.delete(tabId);
    inFlight.delete(tabId);
  });
}
