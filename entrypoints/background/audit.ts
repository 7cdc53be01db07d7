/**
 * Appends to and reads the encrypted, hash-chained audit log (lib/audit/chain.ts). Appends run one
 * at a time so each entry chains onto the one before; the chain's anchor is stored in the vault
 * header after each entry. Nothing is logged while the vault is locked (there is no key).
 */
import {
  type AuditEntry,
  AuditEntrySchema,
  type AuditKind,
  decodeAnchor,
  encodeAnchor,
  nextEntry,
  type Verification,
  verifyChain,
} from '@/lib/audit/chain';
import { zeroize } from '@/lib/crypto/bytes';
import { err, ok, type Result } from '@/lib/result';
import { requireSession } from './vault';

let queue: Promise<void> = Promise.resolve();

/** Logs an event (plain words, never a typed value or secret). Resolves once it is stored. */
export function audit(kind: AuditKind, detail: string): Promise<void> {
  queue = queue.then(() => append(kind, detail)).catch(() => undefined);
  return queue;
}

async function append(kind: AuditKind, detail: string): Promise<void> {
  const session = await requireSession();
  if (!session.ok) return;
  const head = session.value.auditHead();
  const key = session.value.auditKey();
  if (!head.ok || !key.ok) return;
  try {
    const entry = nextEntry(key.value, decodeAnchor(head.value), kind, detail, Date.now());
    const stored = await session.value.put('audit', undefined, entry, AuditEntrySchema);
    if (stored.ok) await session.value.setAuditHead(encodeAnchor(entry));
  } finally {
    zeroize(key.value);
  }
}

export async function readAudit(): Promise<Result<{ entries: AuditEntry[]; verification: Verification }, string>> {
  await queue; // entries being written are part of the log
  const session = await requireSession();
  if (!session.ok) return session;
  const listed = await session.value.list('audit', AuditEntrySchema);
  if (!listed.ok) return listed;
  const head = session.value.auditHead();
  const key = session.value.auditKey();
  if (!head.ok || !key.ok) return err('locked', 'Understudy is locked.');
  try {
    const entries = listed.value.items.map((item) => item.value);
    const verification = verifyChain(key.value, entries, decodeAnchor(head.value), listed.value.quarantined.length);
    return ok({ entries, verification });
  } finally {
    zeroize(key.value);
  }
}
