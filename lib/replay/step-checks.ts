/**
 * Which actionability checks each kind of step needs before it acts: shared by the executor (which
 * runs them) and the runner (which tells the frame whether the next step's target box is worth reading
 * ahead, see `replay:act`'s `sightNext`). No DOM here, so the background can import it.
 */
import type { Step } from '@/lib/task/schema';
import type { ActionabilityOptions } from './actionability';

export function actionabilityFor(kind: Step['kind']): Omit<ActionabilityOptions, 'timeoutMs'> | null {
  switch (kind) {
    case 'click':
    case 'doubleClick':
    case 'check':
      return { needsEnabled: true, needsEditable: false };
    case 'hover':
      return { needsEnabled: false, needsEditable: false };
    case 'fill':
      return { needsEnabled: true, needsEditable: true, skipHitTarget: true, skipStable: true };
    case 'select':
    case 'press':
      return { needsEnabled: true, needsEditable: false, skipHitTarget: true, skipStable: true };
    default:
      // submit, scroll, upload, waitForElement: no pointer involved.
      return null;
  }
}

/** Whether a step of this kind waits for its target's box to stand still (a pointer aims at it). */
export function checksStability(kind: Step['kind']): boolean {
  const checks = actionabilityFor(kind);
  return checks !== null && !checks.skipStable;
}
