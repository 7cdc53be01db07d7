/**
 * Replay in this frame: the background sends one step at a time (never the key, never the whole
 * task). `replay:inspect` finds the live target and describes its risk without acting; `replay:act`
 * acts, and only on an element that, right before the first event, is still what the person approved
 * (same digest) or, with no approval, is harmless (else it answers `changed` having done nothing).
 * After acting it looks up the next step's target, so that step finds it ready.
 */
import { createResolutionMemo, describeElement, type ResolutionMemo, type TargetDescriptor } from '@/lib/locators';
import {
  type BoxSighting,
  describeForHumans,
  executeStep,
  sightBox,
  waitForActionable,
  waitForDomQuiet,
  waitForElement,
} from '@/lib/replay';
import { afterPageReaction, isPageStill, type PageRequestWatch, watchPageRequests } from '@/lib/replay/page-requests';
import { isPageIdle } from '@/lib/replay/page-schedule';
import {
  type ActReply,
  type IdleReply,
  type InspectReply,
  MAX_CANDIDATES,
  type PickReply,
  type ReplayRequest,
  SENDING_KINDS,
} from '@/lib/run/protocol';
import type { Step } from '@/lib/task/schema';
import { clearHighlight, highlight } from './highlight';
import { digestOf, formPreview, riskOf } from './risk-preview';

type Targeted = Extract<Step, { target: unknown }>;

/** The look-alikes of the last ambiguous inspect in this document, for the person's pick. */
let pending: { stepId: string; elements: Element[] } | null = null;

/** Inspect, the check before acting and the act resolve the same target: once, while the DOM is unchanged. */
let memo: ResolutionMemo | null = null;
function resolutionMemo(): ResolutionMemo {
  memo ??= createResolutionMemo(document);
  return memo;
}

/** The box of the target looked up ahead of the next step (see lookUpSoon). */
let lookedUp: BoxSighting | null = null;

/** Stops the act under way (see `replay:abort`); each act gets its own. */
let acting: AbortController | null = null;

/** Requests the page starts, as its page-world sensor reports them (see lib/replay/page-requests.ts). */
let pageRequests: PageRequestWatch | null = null;

/**
 * Whether the page started no request from the action's first event until its reaction ran; null when
 * this document has no sensor to tell (then the run watches the network as it always did).
 */
async function pageStayedQuiet(atDispatch: { requests: number; frames: number } | null): Promise<boolean | null> {
  const watch = pageRequests;
  if (!watch?.present || atDispatch === null) return null;
  await afterPageReaction(window, () => watch.frames !== atDispatch.frames);
  return watch.count === atDispatch.requests;
}

/**
 * The reply must leave before this document does: a link's navigation can unload it while the act still
 * waits on the page, and a reply not sent by then is lost (the run would not learn how the target was
 * found). Once the page hides, null: the run then watches the network itself.
 */
function unlessPageHides<T>(waiting: Promise<T>): Promise<T | null> {
  let stop = () => {};
  const hidden = new Promise<null>((resolve) => {
    const onHide = () => resolve(null);
    window.addEventListener('pagehide', onHide, { once: true });
    stop = () => window.removeEventListener('pagehide', onHide);
  });
  return Promise.race([waiting, hidden]).finally(stop);
}

function targetOf(step: Step): Targeted['target'] | null {
  return 'target' in step && step.target ? step.target : null;
}

async function findTarget(
  step: Step,
  timeoutMs: number,
): Promise<
  | { element: Element }
  | { reason: string; status: 'not-found' }
  | { reason: string; status: 'ambiguous'; candidates: Element[] }
> {
  const target = targetOf(step);
  if (!target) {
    const active = document.activeElement ?? document.body;
    return { element: active };
  }
  const found = await waitForElement(document, target, { timeoutMs, resolve: resolutionMemo().resolve });
  if (found.status === 'found') return { element: found.element };
  if (found.status === 'ambiguous') return { status: 'ambiguous', reason: found.reason, candidates: found.candidates };
  return { status: found.status, reason: found.reason };
}

function secretValues(values: Record<string, string>, secretNames: readonly string[]): string[] {
  return secretNames.map((name) => values[name] ?? '').filter((value) => value.length > 0);
}

/** Pointer steps on the element itself (a checkbox may be shown by its label only). */
const SHOWN_BEFORE_ASKING = new Set<Step['kind']>(['click', 'doubleClick']);

async function inspect(
  step: Step,
  values: Record<string, string>,
  secretNames: readonly string[],
  timeoutMs: number,
  withDigest: boolean,
): Promise<InspectReply> {
  const found = await findTarget(step, timeoutMs);
  if ('status' in found && found.status === 'ambiguous') {
    const elements = found.candidates.slice(0, MAX_CANDIDATES);
    pending = { stepId: step.id, elements };
    highlight(elements, true);
    return {
      status: 'ambiguous',
      reason: found.reason.slice(0, 500),
      candidates: elements.map((element) => describeForHumans(element).slice(0, 300)),
    };
  }
  if (!('element' in found)) return { status: found.status, reason: found.reason };
  let risk = riskOf(step, found.element);
  if ((risk.kind !== 'none' || step.alwaysAsk) && SHOWN_BEFORE_ASKING.has(step.kind) && timeoutMs > 0) {
    // Asked about a button still hidden (a panel that opens when its data arrives), the person would approve
    // what the page showed before, and the act would find it changed and ask again: ask once it shows.
    const shown = await waitForActionable(found.element, {
      timeoutMs,
      needsEnabled: false,
      needsEditable: false,
      skipHitTarget: true,
      skipStable: true,
    });
    if (!shown.ok) return { status: 'failed', reason: shown.error.message.slice(0, 500) };
    risk = riskOf(step, found.element);
  }
  const asks = risk.kind !== 'none' || !!step.alwaysAsk;
  if (asks) highlight(found.element);
  return {
    status: 'found',
    risk: risk.kind,
    reasons: risk.reasons.slice(0, 10).map((reason) => reason.slice(0, 500)),
    target: describeForHumans(found.element).slice(0, 300),
    url: location.href,
    formData: formPreview(found.element, secretValues(values, secretNames)),
    digest: asks || withDigest ? digestOf(step, found.element) : null,
  };
}

/**
 * Resolves the next step's target once this task is over (the act's reply is on its way), so that step's
 * act (or inspect), asked a moment later, finds the answer in the memo if the page did not change meanwhile.
 */
function lookUpSoon(next: TargetDescriptor, sight: boolean): void {
  setTimeout(() => {
    try {
      const found = resolutionMemo().resolve(document, next);
      // Its box now (reading it lays the page out: only for a step that checks it stands still), so that
      // if it has not moved a frame later the step need not wait a frame to know.
      lookedUp =
        sight && found.status === 'found' ? sightBox(found.element, undefined, () => isPageStill(pageRequests)) : null;
    } catch {
      // Only a head start: the inspect resolves again and reports what went wrong.
    }
  }, 0);
}

async function act(
  step: Step,
  values: Record<string, string>,
  timeoutMs: number,
  digest: string | null,
  next: TargetDescriptor | null,
  sightNext: boolean,
): Promise<ActReply> {
  const target = targetOf(step);
  // Approved: only the approved element, there now; an approval never carries over to another one.
  if (target && digest !== null) {
    const now = resolutionMemo().resolve(document, target);
    if (now.status !== 'found' || digestOf(step, now.element) !== digest) return { status: 'changed' };
  }
  clearHighlight();
  const seen = lookedUp;
  lookedUp = null;
  const controller = new AbortController();
  acting = controller;
  pageRequests ??= watchPageRequests(window);
  let dispatchedAt = Date.now();
  // Counted from the first try's first event: a request any try started may be this step's doing.
  let atDispatch: { requests: number; frames: number } | null = null;
  const outcome = await executeStep(document, step, values, {
    timeoutMs,
    signal: controller.signal,
    resolve: resolutionMemo().resolve,
    ...(seen ? { seen } : {}),
    onDispatch: () => {
      dispatchedAt = Date.now();
      if (pageRequests) atDispatch ??= { requests: pageRequests.count, frames: pageRequests.frames };
    },
    // Judged on the element about to be acted on, after every wait: without an approval only a harmless
    // action goes ahead, with one only the element as approved. Anything else is asked about first.
    mayAct: (element) =>
      digest === null ? !step.alwaysAsk && riskOf(step, element).kind === 'none' : digestOf(step, element) === digest,
  });
  if (acting === controller) acting = null;
  if (outcome.status === 'refused') return { status: 'changed' };
  if (outcome.status === 'done') {
    const actedAt = Date.now();
    // Answered with the action (a task later, or a frame when the page asked for one), so the run needs no
    // second round trip to learn it; only where the run would otherwise watch the network.
    const pageQuiet = SENDING_KINDS.has(step.kind) ? await unlessPageHides(pageStayedQuiet(atDispatch)) : null;
    if (next) lookUpSoon(next, sightNext);
    return {
      status: 'done',
      via: outcome.via,
      confidence: outcome.confidence,
      durationMs: outcome.durationMs,
      dispatchedAt,
      actedAt,
      pageQuiet,
    };
  }
  if (outcome.status === 'ambiguous') return { status: 'ambiguous', reason: outcome.reason.slice(0, 500) };
  // The resolver's account, as an inspect gives it ("none of 20 similar elements matches …").
  if (outcome.status === 'not-found')
    return { status: 'not-found', reason: (outcome.detail ?? outcome.reason).slice(0, 500) };
  return { status: 'failed', reason: outcome.message.slice(0, 500) };
}

function pick(stepId: string, index: number): PickReply {
  const element = pending?.stepId === stepId ? pending.elements[index] : undefined;
  if (!element?.isConnected) return { status: 'gone', reason: 'That element is no longer on the page.' };
  pending = null;
  clearHighlight();
  return { status: 'picked', target: describeElement(element) };
}

export async function handleReplay(
  request: ReplayRequest,
): Promise<InspectReply | ActReply | PickReply | IdleReply | null> {
  switch (request.type) {
    case 'replay:inspect':
      if (request.settleMs) await waitForDomQuiet(document, { quietMs: request.settleMs, timeoutMs: 1000 });
      return inspect(request.step, request.values, request.secretNames, request.timeoutMs, !!request.withDigest);
    case 'replay:act':
      return act(request.step, request.values, request.timeoutMs, request.digest, request.next, !!request.sightNext);
    case 'replay:clear-highlight':
      clearHighlight();
      return null;
    case 'replay:abort':
      acting?.abort();
      acting = null;
      return null;
    case 'replay:pick':
      return pick(request.stepId, request.index);
    case 'replay:idle':
      // A document no step acted in has no watch yet: one begun now has watched too briefly to say idle.
      pageRequests ??= watchPageRequests(window);
      return { idle: isPageIdle(window, pageRequests) };
  }
}
