/**
 * The task list's "last run" line (issue 8): the newest run of each task, taken from the run
 * history, and said in plain words ("Last run succeeded 5 minutes ago").
 */
import type { RunState } from './schema';

export interface LastRun {
  state: RunState;
  /** When it finished, or when it started while it is still going (epoch ms). */
  at: number;
}

export interface RunOfTask {
  taskId: string;
  state: RunState;
  startedAt: number;
  finishedAt?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a date reads better than "n days ago". */
const RELATIVE_DAYS = 7;

/** The newest run (by start) of each task that has one. */
export function latestRunPerTask(runs: readonly RunOfTask[]): Map<string, LastRun> {
  const newest = new Map<string, RunOfTask>();
  for (const run of runs) {
    const seen = newest.get(run.taskId);
    if (!seen || run.startedAt > seen.startedAt) newest.set(run.taskId, run);
  }
  return new Map(
    [...newest].map(([taskId, run]) => [taskId, { state: run.state, at: run.finishedAt ?? run.startedAt }]),
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "just now", "5 minutes ago", "yesterday", "3 days ago", then a date. A time ahead of now is "just now". */
export function timeAgo(at: number, now: number, locale?: string): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${plural(Math.floor(elapsed / MINUTE), 'minute')} ago`;
  if (elapsed < DAY) return `${plural(Math.floor(elapsed / HOUR), 'hour')} ago`;
  const days = Math.floor(elapsed / DAY);
  if (days === 1) return 'yesterday';
  if (days < RELATIVE_DAYS) return `${days} days ago`;
  return `on ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at)}`;
}

export function describeLastRun(last: LastRun, now: number, locale?: string): string {
  if (last.state === 'running') return 'Running now';
  if (last.state === 'paused') return 'Running now, waiting for you';
  return `Last run ${last.state} ${timeAgo(last.at, now, locale)}`;
}
