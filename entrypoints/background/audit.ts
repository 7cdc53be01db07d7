/**
 * Appends to, reads and prunes the encrypted, hash-chained audit log (lib/audit/log.ts). All three
 * run one at a time through one queue, so each entry chains onto the one before and a prune never
 * races an append for the header's head. Nothing is logged while the vault is locked (no key).
 */
import type { AuditEntry, AuditKind, Verification } from '@/lib/audit/chain';
import { type AuditPrune, appendAuditEntry, pruneAuditLog, readAuditLog } from '@/lib/audit/log';
import { ok, type Result } from '@/lib/result';
import { requireSession } from './vault';

let queue: Promise<void> = Promise.resolve();

/** Runs `task` after every earlier append or prune. */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** Logs an event (plain words, never a typed value or secret). Resolves once it is stored. */
export function audit(kind: AuditKind, detail: string): Promise<void> {
  return enqueue(async () => {
    const session = await requireSession();
    if (session.ok) await appendAuditEntry(session.value, kind, detail, Date.now());
  }).catch(() => undefined);
}

export async function readAudit(): Promise<Result<{ entries: AuditEntry[]; verification: Verification }, string>> {
  await queue; // entries being written are part of the log
  const session = await requireSession();
  if (!session.ok) return session;
  const read = await readAuditLog(session.value);
  return read.ok ? ok({ entries: read.value.entries, verification: read.value.verification }) : read;
}

/** Deletes the log's oldest entries older than `cutoff` (ms), keeping the chain verifiable. */
export function pruneAudit(cutoff: number | null): Promise<Result<AuditPrune, string>> {
  return enqueue(async () => {
    const session = await requireSession();
    return session.ok ? pruneAuditLog(session.value, cutoff) : session;
  });
}
