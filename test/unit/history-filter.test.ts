import { describe, expect, it } from 'vitest';
import { type FilterableRun, filterRuns, isFiltering, NO_FILTER, taskChoices } from '@/lib/history-filter';
import { DAY_MS } from '@/lib/store/retention';

const NOW = Date.UTC(2026, 10, 23, 12);
const run = (taskTitle: string, state: FilterableRun['state'], ageMs: number) => ({
  taskTitle,
  state,
  startedAt: NOW - ageMs,
});
const runs = [
  run('Pay rent', 'succeeded', 60_000),
  run('Pay rent', 'failed', 2 * DAY_MS),
  run('Send report', 'cancelled', 10 * DAY_MS),
  run('Send report', 'running', 1000),
  run('Archive mail', 'paused', 40 * DAY_MS),
  run('Archive mail', 'succeeded', 20 * DAY_MS),
];
const titles = (list: FilterableRun[]) => list.map((item) => `${item.taskTitle}/${item.state}`);

describe('History filters', () => {
  it('shows every run, in order, with no filter', () => {
    expect(filterRuns(runs, NO_FILTER, NOW)).toEqual(runs);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('narrows by task', () => {
    const filter = { ...NO_FILTER, task: 'Pay rent' };
    expect(titles(filterRuns(runs, filter, NOW))).toEqual(['Pay rent/succeeded', 'Pay rent/failed']);
    expect(isFiltering(filter)).toBe(true);
  });

  it('narrows by result; "unfinished" means running or paused', () => {
    expect(titles(filterRuns(runs, { ...NO_FILTER, status: 'succeeded' }, NOW))).toEqual([
      'Pay rent/succeeded',
      'Archive mail/succeeded',
    ]);
    expect(titles(filterRuns(runs, { ...NO_FILTER, status: 'cancelled' }, NOW))).toEqual(['Send report/cancelled']);
    expect(titles(filterRuns(runs, { ...NO_FILTER, status: 'unfinished' }, NOW))).toEqual([
      'Send report/running',
      'Archive mail/paused',
    ]);
  });

  it('narrows by when the run started (last 24 hours, 7 days, 30 days)', () => {
    expect(filterRuns(runs, { ...NO_FILTER, period: '24h' }, NOW)).toHaveLength(2);
    expect(filterRuns(runs, { ...NO_FILTER, period: '7d' }, NOW)).toHaveLength(3);
    expect(filterRuns(runs, { ...NO_FILTER, period: '30d' }, NOW)).toHaveLength(5);
    // The boundary is inclusive: a run exactly 24 hours old is in the last 24 hours.
    expect(filterRuns([run('Edge', 'failed', DAY_MS)], { ...NO_FILTER, period: '24h' }, NOW)).toHaveLength(1);
  });

  it('combines filters, and can match nothing', () => {
    const both = { task: 'Send report', status: 'failed' as const, period: 'all' as const };
    expect(filterRuns(runs, both, NOW)).toEqual([]);
    const all = { task: 'Pay rent', status: 'failed' as const, period: '7d' as const };
    expect(titles(filterRuns(runs, all, NOW))).toEqual(['Pay rent/failed']);
  });

  it('offers each task once, alphabetically', () => {
    expect(taskChoices(runs)).toEqual(['Archive mail', 'Pay rent', 'Send report']);
    expect(taskChoices([])).toEqual([]);
  });
});
