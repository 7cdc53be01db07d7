/**
 * The side panel History's filters (issue #8): by task, by outcome and by when the run started.
 * Pure, so the panel only keeps the choices and the clock is passed in.
 *
 * Runs are grouped by the task title they ran under: that is what History shows for each run.
 */
import { DAY_MS } from './store/retention';

export const HISTORY_STATUSES = ['all', 'succeeded', 'failed', 'cancelled', 'unfinished'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const HISTORY_PERIODS = ['all', '24h', '7d', '30d'] as const;
export type HistoryPeriod = (typeof HISTORY_PERIODS)[number];

export const STATUS_LABELS: Record<HistoryStatus, string> = {
  all: 'Any result',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  unfinished: 'Running or paused',
};

export const PERIOD_LABELS: Record<HistoryPeriod, string> = {
  all: 'Any time',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

const PERIOD_MS: Record<Exclude<HistoryPeriod, 'all'>, number> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

export interface HistoryFilter {
  /** A task title, or null for every task. */
  task: string | null;
  status: HistoryStatus;
  period: HistoryPeriod;
}

export const NO_FILTER: HistoryFilter = { task: null, status: 'all', period: 'all' };

export interface FilterableRun {
  taskTitle: string;
  state: 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: number;
}

export function isFiltering(filter: HistoryFilter): boolean {
  return filter.task !== null || filter.status !== 'all' || filter.period !== 'all';
}

function matchesStatus(state: FilterableRun['state'], status: HistoryStatus): boolean {
  if (status === 'all') return true;
  if (status === 'unfinished') return state === 'running' || state === 'paused';
  return state === status;
}

/** The runs that match every chosen filter, in the order given. */
export function filterRuns<T extends FilterableRun>(runs: readonly T[], filter: HistoryFilter, now: number): T[] {
  const since = filter.period === 'all' ? null : now - PERIOD_MS[filter.period];
  return runs.filter(
    (run) =>
      (filter.task === null || run.taskTitle === filter.task) &&
      matchesStatus(run.state, filter.status) &&
      (since === null || run.startedAt >= since),
  );
}

/** The task titles to choose from, each once, in alphabetical order. */
export function taskChoices(runs: readonly FilterableRun[]): string[] {
  return [...new Set(runs.map((run) => run.taskTitle))].sort((left, right) => left.localeCompare(right));
}

export function isHistoryStatus(value: string): value is HistoryStatus {
  return (HISTORY_STATUSES as readonly string[]).includes(value);
}

export function isHistoryPeriod(value: string): value is HistoryPeriod {
  return (HISTORY_PERIODS as readonly string[]).includes(value);
}
