/**
 * Waiting on the page without fixed sleeps: for the DOM to stop changing, and for a recorded target to appear.
 * Both wake on mutations and on a short poll (changes inside shadow roots, and layout-only changes, are not
 * mutations of the document), and both end at their timeout or when the signal aborts.
 */
import { type Resolve, type ResolveResult, resolveTarget, type TargetDescriptor } from '@/lib/locators';
import { err, ok, type Result } from '@/lib/result';

/** Re-resolve at least this often even without mutations (shadow roots are not observed). */
const POLL_INTERVAL_MS = 100;
/** …and at most this often when mutations stream in (resolving scans the scope). */
const MIN_RECHECK_MS = 30;

const OBSERVE_ALL: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

export interface QuietOptions {
  quietMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Resolves once no mutation has happened for `quietMs`; 'busy' when the page kept changing until the timeout. */
export function waitForDomQuiet(
  doc: Document,
  options: QuietOptions,
): Promise<Result<{ waitedMs: number }, 'busy' | 'aborted'>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const win = doc.defaultView;
    if (!win?.MutationObserver) {
      resolve(ok({ waitedMs: 0 }));
      return;
    }
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: Result<{ waitedMs: number }, 'busy' | 'aborted'>) => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const armQuiet = () => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish(ok({ waitedMs: performance.now() - started })), options.quietMs);
    };
    const observer = new win.MutationObserver(armQuiet);
    const deadline = setTimeout(
      () => finish(err('busy', 'The page kept changing; it may still be loading.')),
      options.timeoutMs,
    );
    const onAbort = () => finish(err('aborted', 'Stopped.'));
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    observer.observe(doc, OBSERVE_ALL);
    armQuiet();
  });
}

export interface WaitForElementOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** A found element that fails this (e.g. not yet visible) counts as not found yet. */
  accept?: (element: Element) => boolean;
  /** Reason given when `accept` keeps refusing the found element. */
  rejectedReason?: string;
  /** How to resolve (default resolveTarget; replay passes a memo that reuses an answer while the DOM is unchanged). */
  resolve?: Resolve;
}

/**
 * Resolves the descriptor until it is found (and accepted) or the time runs out. Ambiguity is returned at once:
 * look-alikes are already on the page and waiting does not tell them apart; the person must.
 */
export function waitForElement(
  root: Document | ShadowRoot,
  descriptor: TargetDescriptor,
  options: WaitForElementOptions,
): Promise<ResolveResult> {
  const doc = (root.nodeType === 9 ? root : root.ownerDocument) as Document;
  return new Promise((resolve) => {
    let settled = false;
    let lastCheck = 0;
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    let last: ResolveResult = { status: 'not-found', reason: 'not looked for yet' };
    const win = doc.defaultView;
    const observer = win?.MutationObserver ? new win.MutationObserver(() => schedule()) : null;
    const poll = setInterval(() => check(), POLL_INTERVAL_MS);
    const deadline = setTimeout(() => {
      check();
      done(last);
    }, options.timeoutMs);
    const onAbort = () => done({ status: 'not-found', reason: 'stopped' });

    function done(result: ResolveResult) {
      if (settled) return;
      settled = true;
      observer?.disconnect();
      clearInterval(poll);
      clearTimeout(deadline);
      clearTimeout(scheduled);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    }
    function schedule() {
      if (scheduled !== undefined || settled) return;
      const wait = Math.max(0, lastCheck + MIN_RECHECK_MS - performance.now());
      scheduled = setTimeout(() => {
        scheduled = undefined;
        check();
      }, wait);
    }
    function check() {
      if (settled) return;
      lastCheck = performance.now();
      const result = (options.resolve ?? resolveTarget)(root, descriptor);
      if (result.status === 'found' && options.accept && !options.accept(result.element)) {
        last = { status: 'not-found', reason: options.rejectedReason ?? 'the element is not ready' };
        return;
      }
      last = result;
      if (result.status !== 'not-found') done(result);
    }

    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    observer?.observe(root, OBSERVE_ALL);
    check();
  });
}
