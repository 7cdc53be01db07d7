/**
 * Byte helpers shared by lib/crypto and lib/store: input checks in noble's style (the error names
 * the argument), randomness, UTF-8, base64 and an unambiguous length-prefixed encoding for the
 * associated data and MACs. Nothing here logs or echoes the bytes it is given.
 */
import { abytes, clean, randomBytes as nobleRandomBytes } from '@noble/ciphers/utils.js';

/** Bytes in the big-endian length prefix written before every field by {@link encodeFields}. */
export const FIELD_LENGTH_PREFIX_BYTES = 4;
/** btoa/atob work on binary strings; chunking keeps `String.fromCharCode` under the argument limit. */
const BASE64_CHUNK_BYTES = 0x8000;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks that `value` is a Uint8Array (of `length` bytes when given).
 * @throws TypeError/RangeError naming `title`: a programmer error, never a user-facing failure.
 */
export function assertBytes(value: unknown, length: number | undefined, title: string): Uint8Array {
  return abytes(value as Uint8Array, length, title);
}

/** Cryptographically random bytes from `crypto.getRandomValues`. */
export function randomBytes(length: number): Uint8Array {
  return nobleRandomBytes(length);
}

/** Random hex id (16 bytes = 128 bits), the primary key of every stored row. */
export function randomId(): string {
  return toHex(randomBytes(ID_BYTES));
}

/** Lower-case hex, two digits per byte. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of a hex string of even length (callers validate the text first). */
export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}
export const ID_BYTES = 16;

/** Overwrites buffers with zeros (noble's `clean`), e.g. keys once they are no longer needed. */
export function zeroize(...buffers: Uint8Array[]): void {
  clean(...buffers);
}

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8; returns undefined for invalid sequences instead of inserting U+FFFD. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += BASE64_CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + BASE64_CHUNK_BYTES));
  }
  return btoa(binary);
}

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (padded); returns undefined for anything else. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!BASE64_PATTERN.test(text)) return undefined;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) out[index] = binary.charCodeAt(index);
  return out;
}

/**
 * Concatenates fields, each preceded by its byte length (32-bit big-endian), so no two different
 * field lists encode to the same bytes ("ab"+"c" differs from "a"+"bc"). Strings are UTF-8;
 * numbers are written as their decimal string.
 */
export function encodeFields(fields: readonly (string | number | Uint8Array)[]): Uint8Array {
  const parts = fields.map((field) => {
    if (field instanceof Uint8Array) return field;
    if (typeof field === 'number') {
      if (!Number.isSafeInteger(field)) throw new RangeError('encodeFields: numbers must be safe integers');
      return utf8Encode(String(field));
    }
    return utf8Encode(field);
  });
  const total = parts.reduce((sum, part) => sum + FIELD_LENGTH_PREFIX_BYTES + part.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const part of parts) {
    view.setUint32(offset, part.length, false);
    offset += FIELD_LENGTH_PREFIX_BYTES;
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Constant-time equality for MACs and key checks. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let index = 0; index < a.length; index++) diff |= (a[index] as number) ^ (b[index] as number);
  return diff === 0;
}
