/**
 * Retention (issue #7): how long run history and audit log entries are kept, and which of them a
 * prune deletes. Pure: the background (entrypoints/background/retention.ts) reads the records,
 * asks these functions, deletes, and logs what it deleted.
 *
 * Rules:
 * - A run goes once it has finished (succeeded, failed, cancelled) and finished before the cutoff.
 *   A run still running or paused is never deleted, however old.
 * - Audit entries go only as a prefix of the log: the oldest entries up to the first one that is
 *   not older than the cutoff. One entry out of time order (a clock change) stops the prefix there,
 *   so the chain is never cut in the middle (lib/audit/chain.ts checkpoint).
 */
import { z } from 'zod';

export const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_DAYS = 90;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
/** The settings record id the policy is stored under (encrypted like every record). */
export const RETENTION_SETTING_ID = 'retention';

/** Days to keep run history and audit entries; null keeps them forever. */
export const RetentionDays = z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS).nullable();

export const RetentionPolicySchema = z.strictObject({
  version: z.literal(1),
  days: RetentionDays,
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { version: 1, days: DEFAULT_RETENTION_DAYS };

/** Records older than this instant (ms) are deleted; null when the policy keeps everything. */
export function retentionCutoff(policy: RetentionPolicy, now: number): number | null {
  return policy.days === null ? null : now - policy.days * DAY_MS;
}

export interface RunForRetention {
  id: string;
  state: 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: number;
  finishedAt?: number | undefined;
}

/** Ids of finished runs that ended before `cutoff`; unfinished runs and `keep` ids never go. */
export function selectExpiredRuns(
  runs: readonly RunForRetention[],
  cutoff: number | null,
  keep: ReadonlySet<string> = new Set(),
): string[] {
  if (cutoff === null) return [];
  return runs
    .filter((run) => run.state === 'succeeded' || run.state === 'failed' || run.state === 'cancelled')
    .filter((run) => (run.finishedAt ?? run.startedAt) < cutoff && !keep.has(run.id))
    .map((run) => run.id);
}

/** The oldest entries (in log order) that are all older than `cutoff`: the prefix to delete. */
export function selectExpiredAuditPrefix<T extends { seq: number; at: number }>(
  entries: readonly T[],
  cutoff: number | null,
): T[] {
  if (cutoff === null) return [];
  const end = entries.findIndex((entry) => entry.at >= cutoff);
  return entries.slice(0, end === -1 ? entries.length : end);
}

export function describeDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** The audit entry's words, e.g. "Deleted 12 runs and 40 log entries older than 90 days". */
export function describeDeletion(runs: number, entries: number, days: number): string {
  const runWords = `${runs} ${runs === 1 ? 'run' : 'runs'}`;
  const entryWords = `${entries} log ${entries === 1 ? 'entry' : 'entries'}`;
  return `Deleted ${runWords} and ${entryWords} older than ${describeDays(days)}`;
}

/** What the setting means, in the options page's words. */
export function describePolicy(days: number | null): string {
  return days === null
    ? 'Understudy keeps run history and the audit log forever.'
    : `Understudy deletes runs and audit log entries older than ${describeDays(days)}.`;
}
