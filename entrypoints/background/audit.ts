/**
 * Appends to, reads and prunes the encrypted, hash-chained audit log (lib/audit/log.ts). All three
 * run one at a time through one queue, so each entry chains onto the one before and a prune never
 * races an append for the header's head. Nothing is logged while the vault is locked (no key).
 */
import type { AuditEntry, AuditKind, Verification } from '@/lib/audit/chain';
import { type AuditPrune, appendAuditEntries, pruneAuditLog, readAuditLog } from '@/lib/audit/log';
import { ok, type Result } from '@/lib/result';
import { beforeLock, requireSession } from './vault';

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

/** Events logged but not yet written, in order. */
let waiting: { kind: AuditKind; detail: string; at: number; stored: () => void }[] = [];
/** A write that will take everything waiting is queued (it takes them when it starts). */
let writeQueued = false;
let lineTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * How long a run's step lines may wait to be written together: a write per step took a share of every
 * step. A worker that dies meanwhile loses at most these lines; the run's own record has every step.
 */
const LINE_BATCH_MS = 2000;

function queueWrite(): void {
  clearTimeout(lineTimer);
  lineTimer = undefined;
  if (writeQueued) return;
  writeQueued = true;
  void enqueue(writeWaiting);
}

async function writeWaiting(): Promise<void> {
  writeQueued = false;
  const events = waiting;
  waiting = [];
  if (events.length === 0) return;
  try {
    const session = await requireSession();
    if (session.ok) await appendAuditEntries(session.value, events);
  } catch {
    // Logging never breaks what is being logged.
  } finally {
    for (const event of events) event.stored();
  }
}

/**
 * Logs an event (plain words, never a typed value or secret). Resolves once it is stored, together
 * with every line logged before it.
 */
export function audit(kind: AuditKind, detail: string): Promise<void> {
  return new Promise((resolve) => {
    waiting.push({ kind, detail, at: Date.now(), stored: resolve });
    queueWrite();
  });
}

/** Logs a routine line (a run's step) with the next write, within LINE_BATCH_MS. */
export function auditLine(kind: AuditKind, detail: string): void {
  waiting.push({ kind, detail, at: Date.now(), stored: () => undefined });
  if (!writeQueued && lineTimer === undefined) lineTimer = setTimeout(queueWrite, LINE_BATCH_MS);
}

/** Writes every line still waiting; resolves once they are stored (or could not be). */
export function flushAudit(): Promise<void> {
  if (waiting.length > 0) queueWrite();
  return queue;
}

// Waiting lines are written with the keys still there.
beforeLock(flushAudit);

export async function readAudit(): Promise<Result<{ entries: AuditEntry[]; verification: Verification }, string>> {
  await flushAudit(); // entries waiting or being written are part of the log
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
