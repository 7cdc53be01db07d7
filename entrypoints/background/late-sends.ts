/**
 * Sends a page tried after the step that caused them stopped watching (see lib/run/late-sends.ts): what the
 * runner asks the backstop about them and tells the person.
 */
import { browser } from 'wxt/browser';
import { originOf } from '@/lib/origins';
import { attemptsSince, lateSendMessage } from '@/lib/run/late-sends';
import type { Run } from '@/lib/run/schema';
import { describeStep } from '@/lib/task/describe-step';
import type { Task } from '@/lib/task/schema';
import { type BlockedAttempt, blockedSince } from './backstop';
import { saveTask } from './tasks';

export function lateAttempts(run: Run, since: number): BlockedAttempt[] {
  return attemptsSince(
    run.tabs.flatMap((tabId) => blockedSince(tabId, since)),
    since,
  );
}

/** The run's message about sends blocked after their step's watch; the step that acted last asks first from now on. */
export async function reportLateSends(
  run: Run,
  task: Task,
  stepIndex: number | null,
  attempts: readonly BlockedAttempt[],
  stoppedBefore: number | null,
): Promise<string> {
  const step = stepIndex === null ? undefined : task.steps[stepIndex];
  if (step && !run.dryRun && !step.alwaysAsk) {
    step.alwaysAsk = true;
    await saveTask(task, run.taskId);
  }
  const tabUrl = run.tabs[0] === undefined ? undefined : (await browser.tabs.get(run.tabs[0]).catch(() => null))?.url;
  return lateSendMessage({
    attempts,
    pageOrigin: tabUrl ? originOf(tabUrl) : null,
    stepNumber: step && stepIndex !== null ? stepIndex + 1 : null,
    stepText: step ? describeStep(step) : null,
    stoppedBefore: stoppedBefore === null ? null : stoppedBefore + 1,
    dryRun: run.dryRun === true,
  });
}
