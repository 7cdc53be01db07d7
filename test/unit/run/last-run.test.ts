import { describe, expect, it } from 'vitest';
import { describeLastRun, latestRunPerTask, timeAgo } from '@/lib/run/last-run';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const MINUTE = 60_000;

describe('latestRunPerTask', () => {
  it('keeps the newest run of each task, dated by when it finished', () => {
    const last = latestRunPerTask([
      { taskId: 'a', state: 'failed', startedAt: 100, finishedAt: 150 },
      { taskId: 'a', state: 'succeeded', startedAt: 300, finishedAt: 400 },
      { taskId: 'b', state: 'cancelled', startedAt: 200, finishedAt: 250 },
      { taskId: 'a', state: 'cancelled', startedAt: 200, finishedAt: 900 },
    ]);
    expect(Object.fromEntries(last)).toEqual({
      a: { state: 'succeeded', at: 400 },
      b: { state: 'cancelled', at: 250 },
    });
  });

  it('dates a run still going by its start, and lists no task without runs', () => {
    const last = latestRunPerTask([{ taskId: 'a', state: 'running', startedAt: 500 }]);
    expect(last.get('a')).toEqual({ state: 'running', at: 500 });
    expect(latestRunPerTask([]).size).toBe(0);
  });
});

describe('timeAgo', () => {
  it('says how long ago in plain words', () => {
    expect(timeAgo(NOW - 10_000, NOW)).toBe('just now');
    expect(timeAgo(NOW - MINUTE, NOW)).toBe('1 minute ago');
    expect(timeAgo(NOW - 5 * MINUTE, NOW)).toBe('5 minutes ago');
    expect(timeAgo(NOW - 60 * MINUTE, NOW)).toBe('1 hour ago');
    expect(timeAgo(NOW - 23 * 60 * MINUTE, NOW)).toBe('23 hours ago');
    expect(timeAgo(NOW - 30 * 60 * MINUTE, NOW)).toBe('yesterday');
    expect(timeAgo(NOW - 3 * 24 * 60 * MINUTE, NOW)).toBe('3 days ago');
  });

  it('gives a date for a week or more, and "just now" for a clock that ran ahead', () => {
    expect(timeAgo(Date.UTC(2026, 10, 2, 12), NOW, 'en-US')).toBe('on Nov 2, 2026');
    expect(timeAgo(NOW + 5 * MINUTE, NOW)).toBe('just now');
  });
});

describe('describeLastRun', () => {
  it('names the result of a finished run and when', () => {
    expect(describeLastRun({ state: 'succeeded', at: NOW - 2 * MINUTE }, NOW)).toBe('Last run succeeded 2 minutes ago');
    expect(describeLastRun({ state: 'failed', at: NOW }, NOW)).toBe('Last run failed just now');
    expect(describeLastRun({ state: 'cancelled', at: NOW - 26 * 60 * MINUTE }, NOW)).toBe(
      'Last run cancelled yesterday',
    );
  });

  it('says a run is going on rather than giving a result', () => {
    expect(describeLastRun({ state: 'running', at: NOW }, NOW)).toBe('Running now');
    expect(describeLastRun({ state: 'paused', at: NOW }, NOW)).toBe('Running now, waiting for you');
  });
});
