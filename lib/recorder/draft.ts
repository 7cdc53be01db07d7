/**
 * The recording being made, as the background keeps it: steps appended as content scripts report
 * them, stitched across page loads and tabs the page opened. Pure: the background persists it
 * (encrypted) and turns it into a task on Stop.
 */
import { z } from 'zod';
import { type Step, StepSchema, type Task, type Variable, VariableSchema } from '@/lib/task/schema';
import type { RecordedAction } from './capture';

export const RecordingDraftSchema = z.strictObject({
  version: z.literal(1),
  /** Tabs in the order the task used them; a step's `tab` indexes this list. */
  tabs: z.array(z.number().int().nonnegative()).min(1).max(20),
  origins: z.array(z.string().max(2048)).max(50),
  variables: z.array(VariableSchema).max(200),
  steps: z.array(StepSchema).max(2000),
  startedAt: z.number(),
  /** When the last user action was recorded; a page load soon after it was caused by it. */
  lastActionAt: z.number(),
});
export type RecordingDraft = z.infer<typeof RecordingDraftSchema>;

export const MAX_RECORDED_STEPS = 2000;
/** A new document within this long after an action is that action's navigation, not a typed URL. */
export const NAVIGATION_GRACE_MS = 5000;

export function startDraft(tabId: number, url: string, origin: string, now: number, newId: string): RecordingDraft {
  return {
    version: 1,
    tabs: [tabId],
    origins: [origin],
    variables: [],
    steps: [{ id: newId, kind: 'navigate', url, optional: false, alwaysAsk: false, frame: [], tab: 0 }],
    startedAt: now,
    lastActionAt: now,
  };
}

/** Adds a tab the recorded page opened; returns the draft unchanged when the opener is not ours. */
export function addOpenedTab(draft: RecordingDraft, openerTabId: number, tabId: number): RecordingDraft {
  if (!draft.tabs.includes(openerTabId) || draft.tabs.includes(tabId)) return draft;
  return { ...draft, tabs: [...draft.tabs, tabId] };
}

function uniqueName(wanted: string, taken: readonly Variable[]): string {
  const names = new Set(taken.map((variable) => variable.name));
  if (!names.has(wanted)) return wanted;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${wanted.slice(0, 60)}${suffix}`;
    if (!names.has(candidate)) return candidate;
  }
}

function sameTarget(a: Step, b: Step): boolean {
  return 'target' in a && 'target' in b && JSON.stringify(a.target) === JSON.stringify(b.target);
}

/**
 * Appends what a content script in `tabId` recorded on `origin`. Fills get a variable whose
 * default is the typed value; a double click replaces the single click recorded just before it.
 */
export function appendAction(
  draft: RecordingDraft,
  tabId: number,
  origin: string,
  action: RecordedAction,
  now: number,
): RecordingDraft {
  const tab = draft.tabs.indexOf(tabId);
  if (tab < 0 || draft.steps.length >= MAX_RECORDED_STEPS) return draft;
  let step: Step = { ...action.step, tab };
  let variables = draft.variables;
  if (step.kind === 'fill' && action.variable) {
    const name = uniqueName(action.variable.suggestedName, variables);
    variables = [...variables, { name, secret: action.variable.secret, defaultValue: action.variable.value }];
    step = { ...step, value: `{{${name}}}` };
  }
  let steps = draft.steps;
  const previous = steps.at(-1);
  if (step.kind === 'doubleClick' && previous?.kind === 'click' && sameTarget(previous, step)) {
    steps = steps.slice(0, -1);
  }
  return {
    ...draft,
    origins: draft.origins.includes(origin) ? draft.origins : [...draft.origins, origin],
    variables,
    steps: [...steps, step],
    lastActionAt: now,
  };
}

/**
 * A new top-level document in a recorded tab. It is a navigation the person made (typed, picked
 * from history or bookmarks: recorded as a navigate step) when it has no referrer, or when it comes
 * long after the last recorded action; otherwise it is that action's effect (a link, a form post).
 */
export function noteDocument(
  draft: RecordingDraft,
  tabId: number,
  url: string,
  origin: string,
  referrer: string,
  now: number,
  newId: string,
): RecordingDraft {
  const tab = draft.tabs.indexOf(tabId);
  if (tab < 0) return draft;
  const withOrigin = draft.origins.includes(origin) ? draft : { ...draft, origins: [...draft.origins, origin] };
  const lastInTab = [...withOrigin.steps].reverse().find((step) => step.tab === tab);
  if (lastInTab?.kind === 'navigate' && lastInTab.url === url) return withOrigin;
  if (referrer !== '' && now - withOrigin.lastActionAt < NAVIGATION_GRACE_MS) return withOrigin;
  // A tab the page opened starts where the page sent it: that is the click's effect, not a step.
  if (tab > 0 && !withOrigin.steps.some((step) => step.tab === tab)) return withOrigin;
  return {
    ...withOrigin,
    steps: [
      ...withOrigin.steps,
      { id: newId, kind: 'navigate', url, optional: false, alwaysAsk: false, frame: [], tab },
    ],
    lastActionAt: now,
  };
}

export function finishDraft(draft: RecordingDraft, title: string): Task {
  return { version: 1, title, origins: draft.origins, variables: draft.variables, steps: draft.steps };
}
