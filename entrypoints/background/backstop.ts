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
/** How a blocked WebSocket connection is reported (its handshake is a GET). */
export const WEBSOCKET_METHOD = 'WEBSOCKET';

/** A page or frame load that an allowed site redirected (HTTP 3xx) elsewhere. */
export interface Redirect {
  from: string;
  to: string;
  frameId: number;
  at: number;
}

const blocked = new Map<number, BlockedAttempt[]>();
const redirects = new Map<number, Redirect[]>();
const inFlight = new Map<number, Set<string>>();
const listeners = new Set<() => void>();
/** When each tab last started or ended a request (epoch ms). */
const lastChangeAt = new Map<number, number>();

/**
 * Blocks write requests and new WebSocket connections from `tabId` (its frames included) until
 * released. A socket opened before the run (or during an approved step) stays open: messages on it
 * are beyond what the browser lets an extension see.
 */
export function holdWrites(tabId: number): Promise<void> {
  return updateRulesOf(tabId, true);
}

export function releaseWrites(tabId: number): Promise<void> {
  return updateRulesOf(tabId, false);
}

/**
 * Rule ids are taken from the session rules themselves (a tab's rules are the ones naming it), not
 * derived from the tab id: Chrome's tab ids can be anywhere up to 2^31, and rule ids must fit in 32
 * bits. Updates run one at a time so two tabs never pick the same free ids.
 */
let ruleUpdates: Promise<void> = Promise.resolve();

function updateRulesOf(tabId: number, hold: boolean): Promise<void> {
  const update = ruleUpdates.then(async () => {
    const rules = await browser.declarativeNetRequest.getSessionRules();
    const stale = rules.filter((rule) => rule.condition.tabIds?.includes(tabId)).map((rule) => rule.id);
    const taken = new Set(rules.map((rule) => rule.id).filter((id) => !stale.includes(id)));
    const free: number[] = [];
    for (let id = 1; free.length < 2; id++) if (!taken.has(id)) free.push(id);
    const [writes, sockets] = free as [number, number];
    await browser.declarativeNetRequest.updateSessionRules({
      removeRuleIds: stale,
      addRules: hold
        ? [
            {
              id: writes,
              priority: 1,
              action: { type: 'block' },
              condition: { tabIds: [tabId], requestMethods: [...WRITE_METHODS] },
            },
            {
              id: sockets,
              priority: 1,
              action: { type: 'block' },
              condition: { tabIds: [tabId], resourceTypes: ['websocket'] },
            },
          ]
        : [],
    });
  });
  // One failed update must not wedge the queue for every later one.
  ruleUpdates = update.catch(() => undefined);
  return update;
}

/** Write attempts the backstop blocked in `tabId` since `since` (epoch ms). */
export function blockedSince(tabId: number, since: number): BlockedAttempt[] {
  return (blocked.get(tabId) ?? []).filter((attempt) => attempt.at >= since);
}

/** Page and frame redirects in `tabId` since `since` (epoch ms), oldest first. */
export function redirectsSince(tabId: number, since: number): Redirect[] {
  return (redirects.get(tabId) ?? []).filter((redirect) => redirect.at >= since);
}

/** Calls `listener` on every request event the backstop sees; returns the unsubscribe. */
export function onNetworkChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Resolves once the tab has had no request in flight for `quietMs` since `since` (bounded by `maxMs`): after an
 * action, so a request it started (and the backstop blocked) is seen before the next step.
 */
export function waitForNetworkQuiet(tabId: number, quietMs: number, maxMs: number, since = Date.now()): Promise<void> {
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
      if ((inFlight.get(tabId)?.size ?? 0) > 0) return;
      const quietSince = Math.max(since, lastChangeAt.get(tabId) ?? 0);
      quietTimer = setTimeout(finish, Math.max(0, quietSince + quietMs - Date.now()));
    }
    listeners.add(check);
    check();
  });
}

/** Whether the tab has no request in flight, and had no request event from `since` (epoch ms) on. */
export function networkStillSince(tabId: number, since: number): boolean {
  return (inFlight.get(tabId)?.size ?? 0) === 0 && (lastChangeAt.get(tabId) ?? 0) < since;
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
    lastChangeAt.set(details.tabId, Date.now());
    changed();
    return undefined;
  }, filter);
  const done = (details: { tabId: number; requestId: string }) => {
    if (inFlight.get(details.tabId)?.delete(details.requestId)) {
      lastChangeAt.set(details.tabId, Date.now());
      changed();
    }
  };
  browser.webRequest.onCompleted.addListener(done, filter);
  browser.webRequest.onBeforeRedirect.addListener(
    (details) => {
      if (details.tabId < 0) return;
      const list = redirects.get(details.tabId) ?? [];
      list.push({ from: details.url, to: details.redirectUrl, frameId: details.frameId, at: Date.now() });
      redirects.set(details.tabId, list.slice(-20));
      // Redirected to a site without our access, the request is never seen to finish.
      if (new URL(details.redirectUrl).origin !== new URL(details.url).origin) {
        inFlight.get(details.tabId)?.delete(details.requestId);
      }
      changed();
    },
    { ...filter, types: ['main_frame', 'sub_frame'] },
  );
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      done(details);
      if (details.tabId < 0 || details.error !== 'net::ERR_BLOCKED_BY_CLIENT') return;
      const socket = details.type === 'websocket';
      if (!socket && !WRITE_METHODS.includes(details.method.toLowerCase() as (typeof WRITE_METHODS)[number])) return;
      const attempt = { method: socket ? WEBSOCKET_METHOD : details.method, url: details.url, at: Date.now() };
      const list = blocked.get(details.tabId) ?? [];
      list.push(attempt);
      blocked.set(details.tabId, list.slice(-20));
      onBlocked?.(details.tabId, attempt);
    },
    // WebSocket handshakes have ws:/wss: addresses; host access to a site covers them too.
    { urls: [...filter.urls, 'ws://*/*', 'wss://*/*'] },
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    blocked.delete(tabId);
    redirects.delete(tabId);
    inFlight.delete(tabId);
    lastChangeAt.delete(tabId);
  });
}
