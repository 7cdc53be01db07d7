/**
 * Retention (issue #7): deletes runs and audit entries older than the person's setting, on unlock,
 * once a day (an alarm) and when the setting changes; "Delete old history now" on the options page
 * runs the same prune. The setting is an encrypted settings record, so nothing is pruned while the
 * vault is locked (nothing can be read then either). Which records go is decided in
 * lib/store/retention.ts; the deletion itself is logged as a 'retention' audit entry.
 */
import { browser } from 'wxt/browser';
import { ok, type Result } from '@/lib/result';
import { RunSchema } from '@/lib/run/schema';
import {
  DEFAULT_RETENTION_POLICY,
  describeDays,
  describeDeletion,
  RETENTION_SETTING_ID,
  type RetentionPolicy,
  RetentionPolicySchema,
  retentionCutoff,
  selectExpiredRuns,
} from '@/lib/store/retention';
import { deleteArtifactsForRuns } from './artifacts';
import { audit, pruneAudit } from './audit';
import { requireSession } from './vault';

const RETENTION_ALARM = 'retention';
const DAY_MINUTES = 24 * 60;

export interface PruneResult {
  days: number | null;
  runs: number;
  entries: number;
  /** The audit log failed verification, so it was not shortened. */
  auditRefused: boolean;
}

export async function readRetention(): Promise<Result<RetentionPolicy, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const stored = await session.value.get('settings', RETENTION_SETTING_ID, RetentionPolicySchema);
  if (stored.ok) return stored;
  // Never set (or set aside as damaged): the default applies until the person saves one.
  return stored.error.code === 'not-found' || stored.error.code === 'quarantined'
    ? ok(DEFAULT_RETENTION_POLICY)
    : stored;
}

/** Saves the setting, logs the change, and prunes right away under it. */
export async function setRetention(days: number | null): Promise<Result<PruneResult, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const policy: RetentionPolicy = { version: 1, days };
  const saved = await session.value.put('settings', RETENTION_SETTING_ID, policy, RetentionPolicySchema);
  if (!saved.ok) return saved;
  await audit(
    'retention',
    days === null ? 'Set history to be kept forever' : `Set history to be kept for ${describeDays(days)}`,
  );
  return pruneHistory();
}

/**
 * Deletes the given runs and what belongs to them: their failure screenshots first, so none can
 * outlive its run. Extend here when another table keyed by run id is added.
 */
export async function deleteRunData(runIds: readonly string[]): Promise<Result<{ deleted: number }, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const artifacts = await deleteArtifactsForRuns(runIds);
  if (!artifacts.ok) return artifacts;
  let deleted = 0;
  for (const runId of runIds) {
    const removed = await session.value.delete('runs', runId);
    if (!removed.ok) return removed;
    deleted += 1;
  }
  return ok({ deleted });
}

let pruning: Promise<unknown> = Promise.resolve();

/**
 * Prunes under the stored setting. `always` logs even when nothing was old enough (the person
 * asked, so the log shows it was done); scheduled prunes log only what they deleted.
 */
export function pruneHistory(options: { always?: boolean; now?: number } = {}): Promise<Result<PruneResult, string>> {
  const run = pruning.then(() => prune(options.always ?? false, options.now ?? Date.now()));
  pruning = run.catch(() => undefined);
  return run;
}

async function prune(always: boolean, now: number): Promise<Result<PruneResult, string>> {
  const policy = await readRetention();
  if (!policy.ok) return policy;
  const { days } = policy.value;
  const cutoff = retentionCutoff(policy.value, now);
  const session = await requireSession();
  if (!session.ok) return session;
  const listed = await session.value.list('runs', RunSchema);
  if (!listed.ok) return listed;
  const expired = selectExpiredRuns(
    listed.value.items.map(({ id, value }) => ({
      id,
      state: value.state,
      startedAt: value.startedAt,
      finishedAt: value.finishedAt,
    })),
    cutoff,
  );
  const runs = await deleteRunData(expired);
  if (!runs.ok) return runs;
  const entries = await pruneAudit(cutoff);
  if (!entries.ok) return entries;
  const result: PruneResult = {
    days,
    runs: runs.value.deleted,
    entries: entries.value.deleted,
    auditRefused: entries.value.refused,
  };
  if (days !== null && (always || result.runs > 0 || result.entries > 0)) {
    const refused = result.auditRefused ? ' (the audit log failed its check, so it was left as it is)' : '';
    await audit('retention', `${describeDeletion(result.runs, result.entries, days)}${refused}`);
  }
  return ok(result);
}

/** A daily prune while unlocked; alarms outlive worker restarts, so it is created only once. */
export function watchRetention(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void pruneHistory();
  });
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
  });
}
