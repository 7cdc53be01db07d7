/**
 * Replaying one step inside the document (frame) that holds its target. The background routes each step to the
 * right frame and handles navigate and waitForUrl itself. Protocol:
 *
 * 1. Fill the step's templates from the run's values; a missing variable fails before the page is touched.
 * 2. Resolve the target (through its shadow hosts), retrying as the page renders until the step's time runs out.
 *    Ambiguity is returned at once with the look-alikes, so the caller can highlight them and ask.
 * 3. Wait until the element is actionable (lib/replay/actionability.ts). If it was replaced meanwhile (a
 *    framework re-rendered it), resolve again within the same time budget.
 * 4. Act (lib/replay/act.ts) and report how the element was found and how long it all took.
 *
 * Expected failures are values with plain messages; nothing here throws for a page that misbehaves.
 */
import type { LocatorKind, Resolve, TargetDescriptor } from '@/lib/locators';
import type { Step } from '@/lib/task/schema';
import {
  type ActCode,
  click,
  doubleClick,
  fill,
  hover,
  press,
  scrollToOffsets,
  selectOption,
  setChecked,
  submitForm,
  visibleLabelOf,
} from './act';
import { type ActionabilityCode, type BoxSighting, formatDuration, waitForActionable } from './actionability';
import { describeForHumans } from './describe-for-humans';
import { isStyleVisible, tagOf } from './dom';
import { actionabilityFor } from './step-checks';
import { fillTemplate } from './variables';
import { waitForElement } from './wait';

export type StepFailureCode = ActCode | ActionabilityCode | 'missing-variable' | 'unsupported-step';

export type StepOutcome =
  | { status: 'done'; via: LocatorKind | 'fingerprint' | 'none'; confidence: number; durationMs: number }
  /** `elements` are the live look-alikes, for highlighting; never send them across a message boundary. */
  | { status: 'ambiguous'; candidates: string[]; reason: string; elements: Element[] }
  /** `detail`: the resolver's own account (how many look-alikes it weighed), when it gave one. */
  | { status: 'not-found'; reason: string; detail?: string }
  /** `mayAct` refused the element found (it became risky, or is not what the person approved). Nothing happened. */
  | { status: 'refused' }
  | { status: 'failed'; code: StepFailureCode; message: string };

export interface ExecuteOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
  raf?: (callback: () => void) => unknown;
  /** Passed to waitForElement: how the target is resolved. */
  resolve?: Resolve;
  /** Passed to waitForActionable: the target's box as read when it was looked up ahead of the step. */
  seen?: BoxSighting;
  /**
   * Called right before the action's first event, after every wait: what the page does from then on may be
   * this step's doing, and nothing it did before is (the runner tells a late send of an earlier step apart).
   */
  onDispatch?: () => void;
  /**
   * Asked about the element the step is about to act on, after every wait and right before the first event:
   * false stops the step there (outcome `refused`). The last word on risk belongs to the element acted on,
   * which may have appeared or changed since anyone looked.
   */
  mayAct?: (element: Element) => boolean;
}

/** Steps that act on (or wait for) an element, with the target known to be present. */
type Targeted = Step extends infer S
  ? S extends { target?: TargetDescriptor }
    ? S & { target: TargetDescriptor }
    : never
  : never;

/** "button 'Save contact'", from the recording, for messages about an element that is not on the page. */
export function describeRecorded(descriptor: TargetDescriptor): string {
  const { role, tag, name } = descriptor.fingerprint;
  const clipped = name.replace(/\s+/g, ' ').trim().slice(0, 60).replace(/'/g, '’');
  // Imported targets may know neither kind (a Chrome Recorder selector that names no role).
  const kind = role || tag || 'element';
  return clipped ? `${kind} '${clipped}'` : kind;
}

function isVisibleNow(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && isStyleVisible(element);
}

function failed(code: StepFailureCode, message: string): StepOutcome {
  return { status: 'failed', code, message };
}

export async function executeStep(
  doc: Document,
  step: Step,
  values: Record<string, string>,
  options: ExecuteOptions,
): Promise<StepOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + options.timeoutMs;
  const done = (via: LocatorKind | 'fingerprint' | 'none', confidence: number): StepOutcome => ({
    status: 'done',
    via,
    confidence,
    durationMs: Math.max(0, now() - started),
  });

  if (step.kind === 'navigate' || step.kind === 'waitForUrl') {
    return failed('unsupported-step', 'This step is carried out by Understudy itself, not inside the page.');
  }

  let text = '';
  if (step.kind === 'fill' || step.kind === 'select') {
    const filled = fillTemplate(step.value, values);
    if (!filled.ok) return failed(filled.error.code, filled.error.message);
    text = filled.value;
  }

  if (step.kind === 'press' && !step.target) {
    const target = deepActiveElement(doc) ?? doc.body;
    if (options.mayAct && !options.mayAct(target)) return { status: 'refused' };
    options.onDispatch?.();
    const result = press(target, step.key, step.modifiers);
    return result.ok ? done('none', 1) : failed(result.error.code, result.error.message);
  }
  if (step.kind === 'scroll' && !step.target) {
    if (options.mayAct && !options.mayAct(doc.scrollingElement ?? doc.documentElement)) return { status: 'refused' };
    options.onDispatch?.();
    const scrolled = await scrollToOffsets(doc, null, step.x, step.y, options);
    return scrolled.ok ? done('none', 1) : failed(scrolled.error.code, scrolled.error.message);
  }
  const targeted = step as Targeted;

  for (;;) {
    if (options.signal?.aborted) return failed('aborted', 'Stopped.');
    const remaining = Math.max(0, deadline - now());
    const resolved = await waitForElement(doc, targeted.target, {
      timeoutMs: remaining,
      signal: options.signal,
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(targeted.kind === 'waitForElement'
        ? { accept: isVisibleNow, rejectedReason: 'it is on the page but not visible' }
        : {}),
    });
    if (options.signal?.aborted) return failed('aborted', 'Stopped.');
    if (resolved.status === 'not-found') {
      const wanted = describeRecorded(targeted.target);
      const waited = targeted.kind === 'waitForElement' ? ` within ${formatDuration(options.timeoutMs)}` : '';
      const reason = `Could not find ${wanted} on this page${waited}.`;
      return resolved.reason
        ? { status: 'not-found', reason, detail: resolved.reason }
        : { status: 'not-found', reason };
    }
    if (resolved.status === 'ambiguous') {
      const candidates = resolved.candidates.map(describeForHumans);
      return {
        status: 'ambiguous',
        candidates,
        elements: resolved.candidates,
        reason: `${candidates.length} elements look like ${describeRecorded(targeted.target)}; choose the right one.`,
      };
    }
    const { element, via, confidence } = resolved;

    if (targeted.kind === 'waitForElement') return done(via, confidence);
    if (targeted.kind === 'upload') {
      return failed('needs-user', `Choose the file for ${describeForHumans(element)} yourself, then continue.`);
    }

    // A visually hidden checkbox behind a styled label is pressed through the label, as a person would.
    let pointerTarget: Element = element;
    if (targeted.kind === 'check' && !isVisibleNow(element)) pointerTarget = visibleLabelOf(element) ?? element;

    const checks = actionabilityFor(targeted.kind);
    let point = { x: 0, y: 0 };
    if (checks) {
      const actionable = await waitForActionable(pointerTarget, {
        ...checks,
        timeoutMs: Math.max(0, deadline - now()),
        stepTimeoutMs: options.timeoutMs,
        signal: options.signal,
        now: options.now,
        raf: options.raf,
        ...(options.seen ? { seen: options.seen } : {}),
      });
      if (!actionable.ok) {
        // Replaced by a re-render while we waited: find the new one within the time left.
        if (actionable.error.code === 'not-attached' && now() < deadline) continue;
        return failed(actionable.error.code, actionable.error.message);
      }
      point = actionable.value.point;
    } else if (!element.isConnected) {
      if (now() < deadline) continue;
      return failed('not-attached', `${describeForHumans(element)} disappeared from the page.`);
    }

    if (options.signal?.aborted) return failed('aborted', 'Stopped.');
    if (options.mayAct && !options.mayAct(element)) return { status: 'refused' };
    options.onDispatch?.();
    const result = await act(doc, targeted, element, pointerTarget, point, text, {
      ...options,
      timeoutMs: Math.max(0, deadline - now()),
    });
    return result.ok ? done(via, confidence) : failed(result.error.code, result.error.message);
  }
}

async function act(
  doc: Document,
  step: Targeted,
  element: Element,
  pointerTarget: Element,
  point: { x: number; y: number },
  text: string,
  options: ExecuteOptions,
) {
  switch (step.kind) {
    case 'click':
      return click(element, point);
    case 'doubleClick':
      return doubleClick(element, point);
    case 'hover':
      return hover(element, point);
    case 'fill':
      // A Chrome Recorder "change" on a list whose selector named no role imports as a fill.
      return tagOf(element) === 'select' ? selectOption(element, text, '') : fill(element, text);
    case 'select':
      return selectOption(element, text, step.label);
    case 'check':
      return setChecked(element, step.checked, {
        pressTarget: pointerTarget,
        point,
        now: options.now,
        raf: options.raf,
      });
    case 'press': {
      const html = element as HTMLElement;
      // A person presses keys in the field they focused; the recording's target is that field.
      if (deepActiveElement(doc) !== element) html.focus?.({ preventScroll: true });
      return press(element, step.key, step.modifiers);
    }
    case 'submit':
      return submitForm(element);
    case 'scroll':
      return scrollToOffsets(doc, element, step.x, step.y, options);
    case 'upload':
    case 'waitForElement':
      throw new Error(`replay: ${step.kind} is handled before acting`);
  }
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
