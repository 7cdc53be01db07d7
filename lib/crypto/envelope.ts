/**
 * Authenticated encryption envelope: XChaCha20-Poly1305 with a fresh random 24-byte nonce per
 * message (random nonces are safe at this size: ~2^80 messages before a collision is likely).
 *
 *   envelope = version (1 byte) ‖ nonce (24) ‖ ciphertext ‖ Poly1305 tag (16)
 *
 * The version byte is also fed into the associated data, so it can't be swapped without failing
 * authentication. Records are bound to their table and primary key through the associated data
 * ({@link recordAad}), so a ciphertext copied to another row or table does not open.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { err, ok, type Result } from '../result';
import { assertBytes, encodeFields, randomBytes } from './bytes';

export const ENVELOPE_VERSION = 1;
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;
export const KEY_LENGTH = 32;
const VERSION_OFFSET = 0;
const NONCE_OFFSET = 1;
export const ENVELOPE_OVERHEAD = NONCE_OFFSET + NONCE_LENGTH + TAG_LENGTH;
/** Domain separation: record AAD can never equal the AAD of a key wrap or an export. */
const RECORD_AAD_DOMAIN = 'understudy/record';

export type OpenErrorCode = 'envelope-malformed' | 'envelope-version' | 'envelope-auth';

function withVersion(version: number, aad: Uint8Array): Uint8Array {
  const out = new Uint8Array(aad.length + 1);
  out[0] = version;
  out.set(aad, 1);
  return out;
}

/** Low level: encrypt with a caller-supplied nonce. Prefer {@link sealEnvelope}. */
export function aeadEncrypt(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  assertBytes(key, KEY_LENGTH, 'key');
  assertBytes(nonce, NONCE_LENGTH, 'nonce');
  assertBytes(aad, undefined, 'aad');
  assertBytes(plaintext, undefined, 'plaintext');
  return xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
}

/** Low level: decrypt; undefined when authentication fails. */
export function aeadDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array | undefined {
  assertBytes(key, KEY_LENGTH, 'key');
  assertBytes(nonce, NONCE_LENGTH, 'nonce');
  assertBytes(aad, undefined, 'aad');
  assertBytes(ciphertext, undefined, 'ciphertext');
  if (ciphertext.length < TAG_LENGTH) return undefined;
  try {
    return xchacha20poly1305(key, nonce, aad).decrypt(ciphertext);
  } catch {
    return undefined;
  }
}

/** Encrypts `plaintext` under `key` with associated data `aad` into a versioned envelope. */
export function sealEnvelope(key: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_LENGTH);
  const sealed = aeadEncrypt(key, nonce, withVersion(ENVELOPE_VERSION, aad), plaintext);
  const out = new Uint8Array(NONCE_OFFSET + NONCE_LENGTH + sealed.length);
  out[VERSION_OFFSET] = ENVELOPE_VERSION;
  out.set(nonce, NONCE_OFFSET);
  out.set(sealed, NONCE_OFFSET + NONCE_LENGTH);
  return out;
}

/** Opens an envelope from {@link sealEnvelope}; any change to envelope or AAD fails as 'envelope-auth'. */
export function openEnvelope(
  key: Uint8Array,
  aad: Uint8Array,
  envelope: Uint8Array,
): Result<Uint8Array, OpenErrorCode> {
  assertBytes(envelope, undefined, 'envelope');
  if (envelope.length < ENVELOPE_OVERHEAD) {
    return err('envelope-malformed', 'This encrypted data is too short to be valid; it is damaged.');
  }
  const version = envelope[VERSION_OFFSET] as number;
  if (version !== ENVELOPE_VERSION) {
    return err('envelope-version', 'This encrypted data uses a format this version of Understudy does not know.');
  }
  // A copy, not a view: at offset 1 the nonce is not 4-byte aligned, and noble then copies it with
  // Uint8Array.from twice per message, which doubled the cost of opening small records (bench/vault).
  const nonce = envelope.slice(NONCE_OFFSET, NONCE_OFFSET + NONCE_LENGTH);
  const plaintext = aeadDecrypt(key, nonce, withVersion(version, aad), envelope.subarray(NONCE_OFFSET + NONCE_LENGTH));
  if (!plaintext)
    return err('envelope-auth', 'This encrypted data failed its integrity check; it was changed or damaged.');
  return ok(plaintext);
}

/** encodeFields([RECORD_AAD_DOMAIN, table]) per table: the fixed start of every record AAD. */
const recordAadPrefixes = new Map<string, Uint8Array>();
/** Record tables are a handful of constants; the cache stops growing past this anyway. */
const MAX_CACHED_AAD_PREFIXES = 32;

/**
 * Associated data binding a record ciphertext to its table and primary key:
 * encodeFields([RECORD_AAD_DOMAIN, table, id]), with the (domain, table) part encoded once per table.
 */
export function recordAad(table: string, id: string): Uint8Array {
  if (typeof table !== 'string' || table.length === 0)
    throw new TypeError('recordAad: "table" must be a non-empty string');
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('recordAad: "id" must be a non-empty string');
  let prefix = recordAadPrefixes.get(table);
  if (!prefix) {
    prefix = encodeFields([RECORD_AAD_DOMAIN, table]);
    if (recordAadPrefixes.size < MAX_CACHED_AAD_PREFIXES) recordAadPrefixes.set(table, prefix);
  }
  const idField = encodeFields([id]);
  const out = new Uint8Array(prefix.length + idField.length);
  out.set(prefix);
  out.set(idField, prefix.length);
  return out;
}

/** Encrypts one record's bytes, bound to `table` and `id`. */
export function sealRecord(key: Uint8Array, table: string, id: string, plaintext: Uint8Array): Uint8Array {
  return sealEnvelope(key, recordAad(table, id), plaintext);
}

/** Opens a record sealed by {@link sealRecord} for the same `table` and `id`. */
export function openRecord(
  key: Uint8Array,
  table: string,
  id: string,
  envelope: Uint8Array,
): Result<Uint8Array, OpenErrorCode> {
  return openEnvelope(key, recordAad(table, id), envelope);
}
