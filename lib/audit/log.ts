/**
 * The audit log on top of an unlocked vault session: append, read + verify, and prune for
 * retention. The chain itself is lib/audit/chain.ts; its head and retention checkpoint live in the
 * vault header's audit bytes (chain.ts encodeAnchors), MAC'd with the rest of the header.
 * Callers run these one at a time (entrypoints/background/audit.ts queues them), because each one
 * reads the head and writes the next.
 *
 * Prune protocol (issue #7), only ever a whole prefix:
 * 1. Read and verify the log. A log that fails verification is never pruned, so retention cannot
 *    erase the evidence of tampering.
 * 2. Pick the oldest entries older than the cutoff (lib/store/retention.ts).
 * 3. Move the checkpoint to the last of them (one header write, with the head unchanged).
 * 4. Delete every entry at or before the checkpoint. A crash between 3 and 4 leaves entries that
 *    verify skips and the next prune deletes.
 */
import { zeroize } from '../crypto/bytes';
import { err, ok, type Result } from '../result';
import { selectExpiredAuditPrefix } from '../store/retention';
import type { VaultSession } from '../store/session';
import {
  type AuditEntry,
  AuditEntrySchema,
  type AuditKind,
  decodeAnchor,
  decodeCheckpoint,
  encodeAnchors,
  entriesAfter,
  nextEntry,
  type Verification,
  verifyChain,
} from './chain';

const LOCKED_MESSAGE = 'Understudy is locked. Unlock it with your passphrase and try again.';

/** Appends one entry and moves the head; the checkpoint rides along unchanged. */
export async function appendAuditEntry(
  session: VaultSession,
  kind: AuditKind,
  detail: string,
  at: number,
): Promise<Result<AuditEntry, string>> {
  const appended = await appendAuditEntries(session, [{ kind, detail, at }]);
  return appended.ok ? ok(appended.value[0] as AuditEntry) : appended;
}

/**
 * Appends entries in order, each chained onto the one before, in one write, then moves the head once:
 * a run logs a line per step, and one write per line cost more than the step.
 */
export async function appendAuditEntries(
  session: VaultSession,
  events: readonly { kind: AuditKind; detail: string; at: number }[],
): Promise<Result<AuditEntry[], string>> {
  const head = session.auditHead();
  const key = session.auditKey();
  if (!head.ok || !key.ok) return err('locked', LOCKED_MESSAGE);
  try {
    const entries: AuditEntry[] = [];
    let previous: { seq: number; mac: string } | null = decodeAnchor(head.value);
    for (const { kind, detail, at } of events) {
      const entry = nextEntry(key.value, previous, kind, detail, at);
      entries.push(entry);
      previous = entry;
    }
    const last = entries.at(-1);
    if (!last) return ok([]);
    const stored = await session.putMany([
      { table: 'audit', schema: AuditEntrySchema, items: entries.map((value) => ({ value })) },
    ]);
    if (!stored.ok) return stored;
    const moved = await session.setAuditHead(encodeAnchors(last, decodeCheckpoint(head.value)));
    return moved.ok ? ok(entries) : moved;
  } finally {
    zeroize(key.value);
  }
}

interface ReadLog {
  /** Every readable entry after the checkpoint, in log order. */
  entries: AuditEntry[];
  verification: Verification;
  /** Row ids and entries as stored (leftovers at or before the checkpoint included). */
  rows: { id: string; entry: AuditEntry }[];
}

/** Reads and verifies the log against the header's head and checkpoint. */
export async function readAuditLog(session: VaultSession): Promise<Result<ReadLog, string>> {
  const listed = await session.list('audit', AuditEntrySchema);
  if (!listed.ok) return listed;
  const head = session.auditHead();
  const key = session.auditKey();
  if (!head.ok || !key.ok) return err('locked', LOCKED_MESSAGE);
  try {
    const checkpoint = decodeCheckpoint(head.value);
    const rows = listed.value.items.map((item) => ({ id: item.id, entry: item.value }));
    const all = rows.map((row) => row.entry);
    const verification = verifyChain(
      key.value,
      all,
      decodeAnchor(head.value),
      listed.value.quarantined.length,
      checkpoint,
    );
    return ok({ entries: entriesAfter(all, checkpoint), verification, rows });
  } finally {
    zeroize(key.value);
  }
}

export interface AuditPrune {
  /** Entries this prune selected and deleted (leftovers of an interrupted prune not counted). */
  deleted: number;
  /** True when the log failed verification and was left as it is. */
  refused: boolean;
}

/** Deletes the log's oldest entries older than `cutoff` (ms; null: none), keeping it verifiable. */
export async function pruneAuditLog(session: VaultSession, cutoff: number | null): Promise<Result<AuditPrune, string>> {
  const read = await readAuditLog(session);
  if (!read.ok) return read;
  if (!read.value.verification.ok) return ok({ deleted: 0, refused: true });
  const head = session.auditHead();
  if (!head.ok) return head;
  const anchor = decodeAnchor(head.value);
  let checkpoint = decodeCheckpoint(head.value);
  const expired = selectExpiredAuditPrefix(read.value.entries, cutoff);
  const last = expired.at(-1);
  if (last && anchor) {
    checkpoint = { seq: last.seq, mac: last.mac };
    const moved = await session.setAuditHead(encodeAnchors(anchor, checkpoint));
    if (!moved.ok) return moved;
  }
  const through = checkpoint?.seq ?? 0;
  for (const { id, entry } of read.value.rows) {
    if (entry.seq > through) continue;
    const deleted = await session.delete('audit', id);
    if (!deleted.ok) return deleted;
  }
  return ok({ deleted: last && anchor ? expired.length : 0, refused: false });
}
