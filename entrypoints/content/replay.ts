/**
 * Replay in this frame: the background sends one step at a time (never the key, never the whole
 * task). `replay:inspect` finds the live target and describes its risk without acting;
 * `replay:act` acts, after checking that nothing changed since the person approved (same digest),
 * and that a step approved as harmless has not become risky meanwhile.
 */
import { createResolutionMemo, describeElement, type ResolutionMemo } from '@/lib/locators';
import { describeForHumans, executeStep, waitForActionable, waitForDomQuiet, waitForElement } from '@/lib/replay';
import {
  type ActReply,
  type InspectReply,
  MAX_CANDIDATES,
  type PickReply,
  type ReplayRequest,
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
  if (risk.kind !== 'none' || step.alwaysAsk) highlight(found.element);
  return {
    status: 'found',
    risk: risk.kind,
    reasons: risk.reasons.slice(0, 10).map((reason) => reason.slice(0, 500)),
    target: describeForHumans(found.element).slice(0, 300),
    url: location.href,
    formData: formPreview(found.element, secretValues(values, secretNames)),
    digest: digestOf(step, found.element),
  };
}

async function act(
  step: Step,
  values: Record<string, string>,
  timeoutMs: number,
  digest: string | null,
): Promise<ActReply> {
  const target = targetOf(step);
  if (target) {
    const now = resolutionMemo().resolve(document, target);
    if (now.status === 'found') {
      if (digest !== null && digestOf(step, now.element) !== digest) return { status: 'changed' };
      if (digest === null && riskOf(step, now.element).kind !== 'none') return { status: 'changed' };
    } else if (digest !== null) {
      return { status: 'changed' };
    }
  }
  clearHighlight();
  let dispatchedAt = Date.now();
  const outcome = await executeStep(document, step, values, {
    timeoutMs,
    resolve: resolutionMemo().resolve,
    onDispatch: () => {
      dispatchedAt = Date.now();
    },
  });
  if (outcome.status === 'done') {
    return {
      status: 'done',
      via: outcome.via,
      confidence: outcome.confidence,
      durationMs: outcome.durationMs,
      dispatchedAt,
      actedAt: Date.now(),
    };
  }
  if (outcome.status === 'ambiguous') return { status: 'ambiguous', reason: outcome.reason.slice(0, 500) };
  if (outcome.status === 'not-found') return { status: 'not-found', reason: outcome.reason.slice(0, 500) };
  return { status: 'failed', reason: outcome.message.slice(0, 500) };
}

function pick(stepId: string, index: number): PickReply {
  const element = pending?.stepId === stepId ? pending.elements[index] : undefined;
  if (!element?.isConnected) return { status: 'gone', reason: 'That element is no longer on the page.' };
  pending = null;
  clearHighlight();
  return { status: 'picked', target: describeElement(element) };
}

export async function handleReplay(request: ReplayRequest): Promise<InspectReply | ActReply | PickReply | null> {
  switch (request.type) {
    case 'replay:inspect':
      if (request.settleMs) await waitForDomQuiet(document, { quietMs: request.settleMs, timeoutMs: 1000 });
      return inspect(request.step, request.values, request.secretNames, request.timeoutMs);
    case 'replay:act':
      return act(request.step, request.values, request.timeoutMs, request.digest);
    case 'replay:clear-highlight':
      clearHighlight();
      return null;
    case 'replay:pick':
      return pick(request.stepId, request.index);
  }
}
