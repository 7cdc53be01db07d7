/**
 * Sends a page tries after Understudy stopped watching the step that caused them (a delayed save, an "undo"
 * window before sending). The backstop blocked them, so nothing left the tab; this module says which step they
 * follow and what the person is told. Pure: the runner supplies the attempts and the step.
 */

/**
 * How long a tab must stay quiet after an approved action (writes let through until then) and before a run
 * ends (the guard is lifted then): covers a send a page puts off by a short timer (an "undo" moment, a
 * debounce). A send later than that mid-run is still blocked, and reported before the next action. A page
 * whose world says nothing of it is due that soon ends the run after a shorter quiet (lib/replay/page-schedule.ts).
 */
export const LATE_SEND_QUIET_MS = 300;

export interface SendAttempt {
  method: string;
  url: string;
  /** Epoch ms when the backstop saw it blocked. */
  at: number;
}

/** Attempts from `since` on (the moment the previous step's own window closed), oldest first. */
export function attemptsSince(attempts: readonly SendAttempt[], since: number): SendAttempt[] {
  return attempts.filter((attempt) => attempt.at >= since).sort((left, right) => left.at - right.at);
}

/**
 * Attempts seen while a step acted: those from before its first event (`dispatchedAt`) cannot be its doing, so
 * they are an earlier step's late sends; the rest are taken as the step's own. The backstop notes an attempt when
 * it hears of it, never before it happened: a step's own send is never taken for a late one (a late one heard of
 * only after the dispatch still counts as the step's own).
 */
export function splitAtDispatch(
  attempts: readonly SendAttempt[],
  dispatchedAt: number,
): { earlier: SendAttempt[]; own: SendAttempt[] } {
  return {
    earlier: attempts.filter((attempt) => attempt.at < dispatchedAt),
    own: attempts.filter((attempt) => attempt.at >= dispatchedAt),
  };
}

/** "POST /api/reports/archive" (the path alone on the page's own site), bounded for the run's message. */
export function describeAttempt(attempt: SendAttempt, pageOrigin: string | null): string {
  let where = attempt.url;
  try {
    const url = new URL(attempt.url);
    if (url.origin === pageOrigin) where = url.pathname;
  } catch {
    // Not a URL the browser reported: shown as it came.
  }
  return `${attempt.method.toUpperCase().slice(0, 12)} ${where.slice(0, 200)}`;
}

/**
 * The run's message. `stepNumber`/`stepText`: the last step that acted before the attempt (1-based), or null when
 * none did in this run; `stoppedBefore`: the step the run stopped before (1-based), or null at the end of the run.
 */
export function lateSendMessage(options: {
  attempts: readonly SendAttempt[];
  pageOrigin: string | null;
  stepNumber: number | null;
  stepText: string | null;
  stoppedBefore: number | null;
  dryRun: boolean;
}): string {
  const first = options.attempts[0];
  const what = first ? describeAttempt(first, options.pageOrigin) : 'a request';
  const more = options.attempts.length > 1 ? ` and ${options.attempts.length - 1} more` : '';
  const after =
    options.stepNumber === null
      ? 'While the run went on'
      : `After step ${options.stepNumber}${options.stepText ? ` (${options.stepText})` : ''}`;
  const sentence = `${after}, the page tried to send data later than Understudy watched for (${what}${more}). It was blocked: nothing was sent.`;
  const where = options.stoppedBefore === null ? '' : ` The run stopped before step ${options.stoppedBefore}.`;
  const next = options.dryRun
    ? ''
    : options.stepNumber === null
      ? ' Run the task again to retry.'
      : ` Step ${options.stepNumber} now asks first: run the task again and approve it to let it send. If an earlier step made it, tick “Always ask first” on that one in the task editor.`;
  return `${sentence}${where}${next}`.slice(0, 500);
}
