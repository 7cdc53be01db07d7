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
import { assertBytes, encodeFields, FIELD_LENGTH_PREFIX_BYTES, randomBytes, utf8Encode } from './bytes';

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
  return sealVersioned(key, withVersion(ENVELOPE_VERSION, aad), plaintext);
}

/** Opens an envelope from {@link sealEnvelope}; any change to envelope or AAD fails as 'envelope-auth'. */
export function openEnvelope(
  key: Uint8Array,
  aad: Uint8Array,
  envelope: Uint8Array,
): Result<Uint8Array, OpenErrorCode> {
  const checked = checkEnvelope(envelope);
  if (!checked.ok) return checked;
  return openVersioned(key, withVersion(ENVELOPE_VERSION, aad), envelope);
}

/** `versionedAad` is the version byte followed by the caller's AAD (see {@link withVersion}). */
function sealVersioned(key: Uint8Array, versionedAad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_LENGTH);
  const sealed = aeadEncrypt(key, nonce, versionedAad, plaintext);
  const out = new Uint8Array(NONCE_OFFSET + NONCE_LENGTH + sealed.length);
  out[VERSION_OFFSET] = ENVELOPE_VERSION;
  out.set(nonce, NONCE_OFFSET);
  out.set(sealed, NONCE_OFFSET + NONCE_LENGTH);
  return out;
}

/** Length and version checks, before any AAD is built: only ENVELOPE_VERSION envelopes open. */
function checkEnvelope(envelope: Uint8Array): Result<void, OpenErrorCode> {
  assertBytes(envelope, undefined, 'envelope');
  if (envelope.length < ENVELOPE_OVERHEAD) {
    return err('envelope-malformed', 'This encrypted data is too short to be valid; it is damaged.');
  }
  if (envelope[VERSION_OFFSET] !== ENVELOPE_VERSION) {
    return err('envelope-version', 'This encrypted data uses a format this version of Understudy does not know.');
  }
  return ok(undefined);
}

/** Opens a checked envelope; `versionedAad` starts with the version byte it was sealed with. */
function openVersioned(
  key: Uint8Array,
  versionedAad: Uint8Array,
  envelope: Uint8Array,
): Result<Uint8Array, OpenErrorCode> {
  // A copy, not a view: at offset 1 the nonce is not 4-byte aligned, and noble then copies it with
  // Uint8Array.from twice per message, which doubled the cost of opening small records (bench/vault).
  const nonce = envelope.slice(NONCE_OFFSET, NONCE_OFFSET + NONCE_LENGTH);
  const plaintext = aeadDecrypt(key, nonce, versionedAad, envelope.subarray(NONCE_OFFSET + NONCE_LENGTH));
  if (!plaintext)
    return err('envelope-auth', 'This encrypted data failed its integrity check; it was changed or damaged.');
  return ok(plaintext);
}

/** ENVELOPE_VERSION ‖ encodeFields([RECORD_AAD_DOMAIN, table]) per table: how every record's AAD starts. */
const recordAadPrefixes = new Map<string, Uint8Array>();
/** Record tables are a handful of constants; the cache stops growing past this anyway. */
const MAX_CACHED_AAD_PREFIXES = 32;
/** Char codes up to here are ASCII, encoded in UTF-8 as the same single byte. */
const MAX_ASCII = 0x7f;

/**
 * withVersion(ENVELOPE_VERSION, recordAad(table, id)), built in one buffer instead of three, which
 * saves 5-10% of openRecord on a ~170-byte task summary (issue 4).
 */
function versionedRecordAad(table: string, id: string): Uint8Array {
  if (typeof table !== 'string' || table.length === 0)
    throw new TypeError('recordAad: "table" must be a non-empty string');
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('recordAad: "id" must be a non-empty string');
  let prefix = recordAadPrefixes.get(table);
  if (!prefix) {
    prefix = withVersion(ENVELOPE_VERSION, encodeFields([RECORD_AAD_DOMAIN, table]));
    if (recordAadPrefixes.size < MAX_CACHED_AAD_PREFIXES) recordAadPrefixes.set(table, prefix);
  }
  // The id field exactly as encodeFields([id]) writes it: 32-bit big-endian byte length, then UTF-8.
  // Ids are nearly always ASCII (random hex), whose UTF-8 bytes are their char codes: copying those
  // skips a TextEncoder call per record, which Chromium makes costly next to a small record.
  const idStart = prefix.length + FIELD_LENGTH_PREFIX_BYTES;
  let out = new Uint8Array(idStart + id.length);
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    if (code > MAX_ASCII) {
      const idBytes = utf8Encode(id);
      out = new Uint8Array(idStart + idBytes.length);
      out.set(idBytes, idStart);
      break;
    }
    out[idStart + index] = code;
  }
  out.set(prefix);
  new DataView(out.buffer).setUint32(prefix.length, out.length - idStart, false);
  return out;
}

/**
 * Associated data binding a record ciphertext to its table and primary key:
 * encodeFields([RECORD_AAD_DOMAIN, table, id]). (Envelopes authenticate it behind their version byte.)
 */
export function recordAad(table: string, id: string): Uint8Array {
  return versionedRecordAad(table, id).slice(1);
}

/** Encrypts one record's bytes, bound to `table` and `id`. */
export function sealRecord(key: Uint8Array, table: string, id: string, plaintext: Uint8Array): Uint8Array {
  return sealVersioned(key, versionedRecordAad(table, id), plaintext);
}

/** Opens a record sealed by {@link sealRecord} for the same `table` and `id`. */
export function openRecord(
  key: Uint8Array,
  table: string,
  id: string,
  envelope: Uint8Array,
): Result<Uint8Array, OpenErrorCode> {
  const aad = versionedRecordAad(table, id);
  const checked = checkEnvelope(envelope);
  if (!checked.ok) return checked;
  return openVersioned(key, aad, envelope);
}
