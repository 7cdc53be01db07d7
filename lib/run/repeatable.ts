/**
 * Which step may act before the run's state after the step before it is stored. The run stores its state
 * after every step, and a step acts only once the state after the one before is stored, so a restarted
 * worker repeats at most the step in flight. Waiting for that write costs each step the write; in a row of
 * steps that only set values (a form being filled in) a repeat changes nothing, so there it is not awaited.
 */

import type { Step } from '../task/schema';
import type { StepResult } from './schema';

/**
 * Step kinds a restarted run may do again without effect: they set a state (a value, an option, a box's
 * checked state) or do nothing the page keeps. A click, a key press or a submit may do it twice.
 */
export const REPEATABLE_KINDS: ReadonlySet<Step['kind']> = new Set([
  'fill',
  'select',
  'check',
  'hover',
  'scroll',
  'waitForElement',
]);

/**
 * Whether step `index` may act while the state after step `index - 1` is still being stored: when both are of
 * a repeatable kind, the one before stayed on its page and did nothing the person approved (an approved send
 * is never repeated). Every other step waits (the first one too, for nothing). So what a stored run may lack
 * is a row of repeatable steps, the step in flight among them; a restart repeats them to the same state. A
 * click or a key press always waits: a fill repeated before it would set up its effect a second time.
 */
export function mayActBeforeSaved(
  steps: readonly Pick<Step, 'kind'>[],
  results: readonly StepResult[],
  index: number,
  /** No new document came in the tab, or in the frame the step before acted in, since that step acted. */
  samePage: boolean,
): boolean {
  if (!samePage) return false;
  const previous = steps[index - 1];
  const result = results[index - 1];
  const current = steps[index];
  if (!previous || !result || !current) return false;
  return (
    REPEATABLE_KINDS.has(current.kind) &&
    REPEATABLE_KINDS.has(previous.kind) &&
    result.approved !== true &&
    result.via !== 'navigation'
  );
}
