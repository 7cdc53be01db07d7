/**
 * The audit log's hash chain. Each entry's MAC is HMAC-SHA256 (audit sub-key) over the previous
 * entry's MAC and the entry's own fields, so editing, reordering or dropping an entry breaks every
 * MAC after it; the last MAC and its sequence number are the anchor kept in the vault header
 * (itself MAC'd and epoch-checked), so cutting entries off the end is caught too. Entries are also
 * encrypted like every record; this module only builds and checks the chain.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { encodeFields, equalBytes, fromHex, toHex } from '../crypto/bytes';

export const AUDIT_KINDS = [
  'unlock',
  'allowlist-add',
  'allowlist-remove',
  'record-start',
  'record-stop',
  'run-start',
  'run-end',
  'step',
  'approved',
  'denied',
  'export',
  'import',
  'retention',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const Hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const AuditEntrySchema = z.strictObject({
  version: z.literal(1),
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  kind: z.enum(AUDIT_KINDS),
  /** Plain words for the person; never typed values or secrets. */
  detail: z.string().max(500),
  prevMac: Hex32,
  mac: Hex32,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The MAC "before the first entry". */
export const GENESIS_MAC = '0'.repeat(64);
const ANCHOR_BYTES = 8 + 32;

function macOf(key: Uint8Array, entry: Omit<AuditEntry, 'mac'>): string {
  const fields = encodeFields(['audit-v1', entry.prevMac, entry.seq, entry.at, entry.kind, entry.detail]);
  return toHex(hmac(sha256, key, fields));
}

/** The next entry after `head` (null: the log is empty). */
export function nextEntry(
  key: Uint8Array,
  head: { seq: number; mac: string } | null,
  kind: AuditKind,
  detail: string,
  at: number,
): AuditEntry {
  const unsigned = {
    version: 1 as const,
    seq: (head?.seq ?? 0) + 1,
    at: Math.floor(at),
    kind,
    detail: detail.slice(0, 500),
    prevMac: head?.mac ?? GENESIS_MAC,
  };
  return { ...unsigned, mac: macOf(key, unsigned) };
}

/** The header anchor for `entry`: its sequence number (8 bytes, big-endian) and MAC. */
export function encodeAnchor(entry: { seq: number; mac: string }): Uint8Array {
  const anchor = new Uint8Array(ANCHOR_BYTES);
  new DataView(anchor.buffer).setBigUint64(0, BigInt(entry.seq));
  anchor.set(fromHex(entry.mac), 8);
  return anchor;
}

export function decodeAnchor(anchor: Uint8Array | null): { seq: number; mac: string } | null {
  if (!anchor || anchor.length !== ANCHOR_BYTES) return null;
  const seq = Number(new DataView(anchor.buffer, anchor.byteOffset).getBigUint64(0));
  return { seq, mac: toHex(anchor.subarray(8)) };
}

export type Verification = { ok: true; count: number } | { ok: false; count: number; problems: string[] };

/**
 * Checks the chain of `entries` (in stored order) against the header `anchor`. `unreadable` counts
 * entries that failed decryption or validation (edited ciphertext); they are reported, and the
 * chain check shows where they were.
 */
export function verifyChain(
  key: Uint8Array,
  entries: readonly AuditEntry[],
  anchor: { seq: number; mac: string } | null,
  unreadable = 0,
): Verification {
  const problems: string[] = [];
  if (unreadable > 0) {
    problems.push(`${unreadable} ${unreadable === 1 ? 'entry was' : 'entries were'} altered and could not be read.`);
  }
  let previous = GENESIS_MAC;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      problems.push(
        entry.seq > expectedSeq
          ? `Entries ${expectedSeq}–${entry.seq - 1} are missing.`
          : `Entry ${entry.seq} is out of order (expected ${expectedSeq}).`,
      );
      break;
    }
    const { mac, ...unsigned } = entry;
    if (entry.prevMac !== previous) {
      problems.push(`Entry ${entry.seq} does not follow the entry before it.`);
      break;
    }
    if (!equalBytes(fromHex(macOf(key, unsigned)), fromHex(mac))) {
      problems.push(`Entry ${entry.seq} was changed after it was written.`);
      break;
    }
    previous = mac;
    expectedSeq += 1;
  }
  const last = entries.at(-1);
  if (problems.length === 0) {
    if (anchor === null && last) problems.push('The log has entries but the vault holds no anchor for it.');
    if (anchor && (!last || last.seq !== anchor.seq || last.mac !== anchor.mac)) {
      problems.push(
        last && last.seq < anchor.seq
          ? `The log was cut short: entries after ${last.seq} (up to ${anchor.seq}) are gone.`
          : 'The log does not end where the vault says it does.',
      );
    }
  }
  return problems.length === 0 ? { ok: true, count: entries.length } : { ok: false, count: entries.length, problems };
}
