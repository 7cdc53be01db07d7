import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DEFAULT_RETENTION_POLICY,
  describeDeletion,
  RetentionPolicySchema,
  type RunForRetention,
  retentionCutoff,
  selectExpiredAuditPrefix,
  selectExpiredRuns,
} from '@/lib/store/retention';

const NOW = Date.UTC(2026, 10, 23, 12);
const daysAgo = (days: number) => NOW - days * DAY_MS;

describe('retention policy', () => {
  it('defaults to 90 days and accepts 1–3650 days or forever (null), nothing else', () => {
    expect(DEFAULT_RETENTION_POLICY).toEqual({ version: 1, days: 90 });
    for (const days of [1, 90, 3650, null])
      expect(RetentionPolicySchema.safeParse({ version: 1, days }).success).toBe(true);
    for (const days of [0, -1, 3651, 1.5, '90', undefined]) {
      expect(RetentionPolicySchema.safeParse({ version: 1, days }).success).toBe(false);
    }
  });

  it('cuts off N days before now, and never when kept forever', () => {
    expect(retentionCutoff({ version: 1, days: 30 }, NOW)).toBe(daysAgo(30));
    expect(retentionCutoff({ version: 1, days: null }, NOW)).toBeNull();
  });
});

describe('which runs retention deletes', () => {
  const run = (id: string, state: RunForRetention['state'], started: number, finished?: number): RunForRetention => ({
    id,
    state,
    startedAt: daysAgo(started),
    ...(finished === undefined ? {} : { finishedAt: daysAgo(finished) }),
  });
  const runs = [
    run('old-ok', 'succeeded', 100, 100),
    run('old-failed', 'failed', 95, 95),
    run('old-cancelled', 'cancelled', 91, 91),
    run('recent', 'succeeded', 10, 10),
    run('started-old-finished-recent', 'succeeded', 120, 80),
    run('old-running', 'running', 200),
    run('old-paused', 'paused', 200),
    run('boundary', 'failed', 90, 90),
  ];

  it('deletes finished runs that ended before the cutoff, never a run in progress', () => {
    expect(selectExpiredRuns(runs, retentionCutoff({ version: 1, days: 90 }, NOW))).toEqual([
      'old-ok',
      'old-failed',
      'old-cancelled',
    ]);
  });

  it('uses the start time of a finished run that has no finish time', () => {
    const legacy = [{ id: 'no-finish', state: 'failed' as const, startedAt: daysAgo(100) }];
    expect(selectExpiredRuns(legacy, daysAgo(90))).toEqual(['no-finish']);
  });

  it('keeps runs it is told to keep, and everything when kept forever', () => {
    expect(selectExpiredRuns(runs, daysAgo(90), new Set(['old-ok']))).toEqual(['old-failed', 'old-cancelled']);
    expect(selectExpiredRuns(runs, null)).toEqual([]);
  });
});

describe('which audit entries retention deletes', () => {
  const entry = (seq: number, days: number) => ({ seq, at: daysAgo(days) });

  it('deletes the oldest entries up to the first one inside the period', () => {
    const entries = [entry(1, 200), entry(2, 100), entry(3, 91), entry(4, 30), entry(5, 1)];
    expect(selectExpiredAuditPrefix(entries, daysAgo(90)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('only ever deletes a prefix: an old entry after a newer one (clock change) stays', () => {
    const entries = [entry(1, 200), entry(2, 10), entry(3, 150), entry(4, 1)];
    expect(selectExpiredAuditPrefix(entries, daysAgo(90)).map((e) => e.seq)).toEqual([1]);
  });

  it('deletes nothing when the first entry is recent or history is kept forever, all when all are old', () => {
    expect(selectExpiredAuditPrefix([entry(1, 5), entry(2, 200)], daysAgo(90))).toEqual([]);
    expect(selectExpiredAuditPrefix([entry(1, 200)], null)).toEqual([]);
    expect(selectExpiredAuditPrefix([entry(1, 200), entry(2, 100)], daysAgo(90))).toHaveLength(2);
    expect(selectExpiredAuditPrefix([], daysAgo(90))).toEqual([]);
  });

  it('describes the deletion in plain words', () => {
    expect(describeDeletion(12, 40, 90)).toBe('Deleted 12 runs and 40 log entries older than 90 days');
    expect(describeDeletion(1, 1, 1)).toBe('Deleted 1 run and 1 log entry older than 1 day');
  });
});
