/**
 * Per-purpose sub-keys from the vault's 256-bit data key with HKDF-SHA256 (RFC 5869), so a key
 * used for record encryption is never also used as a MAC key. No salt: the data key is already
 * uniformly random (RFC 5869 §3.1). Each purpose has its own `info` string.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { assertBytes, utf8Encode } from './bytes';

export const DATA_KEY_LENGTH = 32;
export const SUBKEY_LENGTH = 32;

export const SUBKEY_INFO = {
  /** XChaCha20-Poly1305 key for every record row. */
  records: 'understudy/v1/records',
  /** HMAC key for the (future) hash-chained audit log. */
  'audit-mac': 'understudy/v1/audit-mac',
  /** Reserved for export bookkeeping; export files themselves use a separate passphrase. */
  export: 'understudy/v1/export',
  /** HMAC key authenticating the vault header (epoch, audit head) and proving a resumed key. */
  'header-mac': 'understudy/v1/header-mac',
} as const;

export type SubkeyPurpose = keyof typeof SUBKEY_INFO;

/** Derives one 32-byte sub-key. The caller zeroes it when done. */
export function deriveSubkey(dataKey: Uint8Array, purpose: SubkeyPurpose): Uint8Array {
  assertBytes(dataKey, DATA_KEY_LENGTH, 'dataKey');
  return hkdf(sha256, dataKey, undefined, utf8Encode(SUBKEY_INFO[purpose]), SUBKEY_LENGTH);
}

/** The raw HKDF-SHA256, for known-answer tests. */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array | undefined, info: Uint8Array, length: number) {
  return hkdf(sha256, ikm, salt, info, length);
}
