/**
 * The audit log's hash chain. Each entry's MAC is HMAC-SHA256 (audit sub-key) over the previous
 * entry's MAC and the entry's own fields, so editing, reordering or dropping an entry breaks every
 * MAC after it; the last MAC and its sequence number are the anchor kept in the vault header
 * (itself MAC'd and epoch-checked), so cutting entries off the end is caught too. Entries are also
 * encrypted like every record; this module only builds and checks the chain.
 *
 * Retention (issue #7) deletes only whole prefixes of the log. Before it deletes, the last entry to
 * go becomes the checkpoint {seq, mac}, stored beside the head in the same header bytes (so the
 * header MAC covers both): the chain then starts at checkpoint.seq + 1 with prevMac = checkpoint.mac,
 * and every check after it (edits, reorders, gaps, a cut end) stays as strict as before.
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

/** A position in the chain: an entry's sequence number and MAC. */
export interface ChainPoint {
  seq: number;
  mac: string;
}

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

/** The head from the header bytes (a head alone, or a head followed by a checkpoint). */
export function decodeAnchor(anchor: Uint8Array | null): { seq: number; mac: string } | null {
  if (!anchor || (anchor.length !== ANCHOR_BYTES && anchor.length !== 2 * ANCHOR_BYTES)) return null;
  return decodePoint(anchor.subarray(0, ANCHOR_BYTES));
}

/** The retention checkpoint from the header bytes: null while no entry was ever deleted. */
export function decodeCheckpoint(anchor: Uint8Array | null): ChainPoint | null {
  if (!anchor || anchor.length !== 2 * ANCHOR_BYTES) return null;
  return decodePoint(anchor.subarray(ANCHOR_BYTES));
}

/**
 * The header bytes for a head and an optional checkpoint (the last entry retention deleted). A
 * log with no checkpoint keeps the original 40-byte form, so older vaults read unchanged.
 */
export function encodeAnchors(head: ChainPoint, checkpoint: ChainPoint | null): Uint8Array {
  if (!checkpoint) return encodeAnchor(head);
  if (checkpoint.seq > head.seq) throw new RangeError('encodeAnchors: the checkpoint must not be after the head');
  const bytes = new Uint8Array(2 * ANCHOR_BYTES);
  bytes.set(encodeAnchor(head));
  bytes.set(encodeAnchor(checkpoint), ANCHOR_BYTES);
  return bytes;
}

function decodePoint(bytes: Uint8Array): ChainPoint {
  const seq = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0));
  return { seq, mac: toHex(bytes.subarray(8, ANCHOR_BYTES)) };
}

export type Verification = { ok: true; count: number } | { ok: false; count: number; problems: string[] };

/** The entries after the checkpoint; older ones are leftovers of an interrupted retention run. */
export function entriesAfter<T extends { seq: number }>(entries: readonly T[], checkpoint: ChainPoint | null): T[] {
  return checkpoint ? entries.filter((entry) => entry.seq > checkpoint.seq) : [...entries];
}

/**
 * Checks the chain of `entries` (in stored order) against the header `anchor`. `unreadable` counts
 * entries that failed decryption or validation (edited ciphertext); they are reported, and the
 * chain check shows where they were. With a retention `checkpoint`, the log starts right after it;
 * entries at or before it (already due for deletion) are left out of the check and the count.
 */
export function verifyChain(
  key: Uint8Array,
  allEntries: readonly AuditEntry[],
  anchor: { seq: number; mac: string } | null,
  unreadable = 0,
  checkpoint: ChainPoint | null = null,
): Verification {
  const problems: string[] = [];
  if (unreadable > 0) {
    problems.push(`${unreadable} ${unreadable === 1 ? 'entry was' : 'entries were'} altered and could not be read.`);
  }
  const entries = entriesAfter(allEntries, checkpoint);
  let previous = checkpoint?.mac ?? GENESIS_MAC;
  let expectedSeq = (checkpoint?.seq ?? 0) + 1;
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
  const last = entries.at(-1) ?? checkpoint;
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
