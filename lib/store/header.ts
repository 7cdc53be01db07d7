/**
 * The vault header: the one row (`vault` table, id 'header') that says how to get the data key.
 * It holds no secret:
 *
 *   { format, version, kdf: {N, r, p, salt}, wrappedKey, epoch, auditHead, mac }
 *
 * - `wrappedKey` is the 32-byte data key sealed (envelope.ts) under the scrypt key from the
 *   passphrase, with associated data binding format version and all KDF fields, so lowering the
 *   parameters (or changing the salt) without re-wrapping fails authentication.
 * - `mac` is HMAC-SHA256 under the data key's 'header-mac' sub-key over every other field. It lets
 *   a session bump `epoch` / update `auditHead` without the passphrase, and proves a resumed key
 *   belongs to this vault.
 * - `epoch` increases on every header change; callers keep the last seen value outside IndexedDB
 *   and pass it back as `minEpoch`, so restoring an older header (e.g. with an old passphrase) is
 *   refused.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { z } from 'zod';
import { encodeFields, equalBytes, fromBase64, toBase64, zeroize } from '../crypto/bytes';
import { openEnvelope, sealEnvelope } from '../crypto/envelope';
import { type KdfParams, SALT_LENGTH, validateKdfParams } from '../crypto/kdf';
import { DATA_KEY_LENGTH, deriveSubkey } from '../crypto/subkeys';
import { err, ok, type Result } from '../result';

export const VAULT_FORMAT = 'understudy-vault';
export const VAULT_FORMAT_VERSION = 1;
/**
 * The audit head is an opaque MAC/hash anchor: today 40 bytes, or 80 with the retention checkpoint
 * (lib/audit/chain.ts encodeAnchors); 128 leaves room for SHA-512 if ever needed.
 */
export const AUDIT_HEAD_MAX_BYTES = 128;
const HEADER_MAC_LENGTH = 32;
/** A header far beyond this is not ours; refuse before JSON.parse. */
const HEADER_MAX_CHARS = 4096;
const WRAP_AAD_DOMAIN = 'understudy/vault-key';
const MAC_DOMAIN = 'understudy/vault-header';

export interface VaultHeader {
  version: number;
  kdf: KdfParams & { salt: Uint8Array };
  wrappedKey: Uint8Array;
  epoch: number;
  auditHead: Uint8Array | null;
  mac: Uint8Array;
}

export type HeaderErrorCode = 'vault-damaged' | 'vault-version' | 'vault-too-weak' | 'vault-too-costly';

const base64Schema = z.string().max(HEADER_MAX_CHARS);

const headerJsonSchema = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  version: z.number().int(),
  kdf: z.strictObject({ N: z.number(), r: z.number(), p: z.number(), salt: base64Schema }),
  wrappedKey: base64Schema,
  epoch: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  auditHead: base64Schema.nullable(),
  mac: base64Schema,
});

const DAMAGED_MESSAGE =
  "Understudy's vault header is damaged or was changed, so your data can't be unlocked. Restore it from an export or reset Understudy.";

/** Parses and validates a stored header (shape, version, KDF floor and ceiling, field lengths). */
export function parseHeader(json: string): Result<VaultHeader, HeaderErrorCode> {
  if (typeof json !== 'string' || json.length > HEADER_MAX_CHARS) return err('vault-damaged', DAMAGED_MESSAGE);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return err('vault-damaged', DAMAGED_MESSAGE);
  }
  const parsed = headerJsonSchema.safeParse(raw);
  if (!parsed.success) return err('vault-damaged', DAMAGED_MESSAGE);
  const data = parsed.data;
  if (data.version !== VAULT_FORMAT_VERSION) {
    return err('vault-version', 'This vault was made by a newer version of Understudy. Update Understudy to open it.');
  }
  const params = validateKdfParams({ N: data.kdf.N, r: data.kdf.r, p: data.kdf.p });
  if (!params.ok) {
    if (params.error.code === 'kdf-too-weak') {
      return err(
        'vault-too-weak',
        "This vault's settings are weaker than Understudy allows; it may have been tampered with.",
      );
    }
    if (params.error.code === 'kdf-too-costly') {
      return err(
        'vault-too-costly',
        "This vault's settings exceed what Understudy allows; it may have been tampered with.",
      );
    }
    return err('vault-damaged', DAMAGED_MESSAGE);
  }
  const salt = fromBase64(data.kdf.salt);
  const wrappedKey = fromBase64(data.wrappedKey);
  const mac = fromBase64(data.mac);
  const auditHead = data.auditHead === null ? null : fromBase64(data.auditHead);
  if (
    salt?.length !== SALT_LENGTH ||
    !wrappedKey ||
    mac?.length !== HEADER_MAC_LENGTH ||
    auditHead === undefined ||
    (auditHead && auditHead.length > AUDIT_HEAD_MAX_BYTES)
  ) {
    return err('vault-damaged', DAMAGED_MESSAGE);
  }
  return ok({ version: data.version, kdf: { ...params.value, salt }, wrappedKey, epoch: data.epoch, auditHead, mac });
}

export function serializeHeader(header: VaultHeader): string {
  return JSON.stringify({
    format: VAULT_FORMAT,
    version: header.version,
    kdf: { N: header.kdf.N, r: header.kdf.r, p: header.kdf.p, salt: toBase64(header.kdf.salt) },
    wrappedKey: toBase64(header.wrappedKey),
    epoch: header.epoch,
    auditHead: header.auditHead === null ? null : toBase64(header.auditHead),
    mac: toBase64(header.mac),
  });
}

function wrapAad(version: number, kdf: VaultHeader['kdf']): Uint8Array {
  return encodeFields([WRAP_AAD_DOMAIN, version, kdf.N, kdf.r, kdf.p, kdf.salt]);
}

/** Seals the data key under the passphrase key (`kek`), bound to version and KDF settings. */
export function wrapDataKey(
  kek: Uint8Array,
  dataKey: Uint8Array,
  version: number,
  kdf: VaultHeader['kdf'],
): Uint8Array {
  return sealEnvelope(kek, wrapAad(version, kdf), dataKey);
}

/** The data key, or undefined if the passphrase key is wrong or the bound fields were changed. */
export function unwrapDataKey(kek: Uint8Array, header: VaultHeader): Uint8Array | undefined {
  const opened = openEnvelope(kek, wrapAad(header.version, header.kdf), header.wrappedKey);
  if (!opened.ok || opened.value.length !== DATA_KEY_LENGTH) return undefined;
  return opened.value;
}

function macInput(header: Omit<VaultHeader, 'mac'>): Uint8Array {
  const { kdf } = header;
  return encodeFields([
    MAC_DOMAIN,
    header.version,
    kdf.N,
    kdf.r,
    kdf.p,
    kdf.salt,
    header.wrappedKey,
    header.epoch,
    header.auditHead === null ? 'no-audit-head' : 'audit-head',
    header.auditHead ?? new Uint8Array(0),
  ]);
}

/** HMAC-SHA256 over every header field, under the data key's 'header-mac' sub-key. */
export function computeHeaderMac(dataKey: Uint8Array, header: Omit<VaultHeader, 'mac'>): Uint8Array {
  const macKey = deriveSubkey(dataKey, 'header-mac');
  try {
    return hmac(sha256, macKey, macInput(header));
  } finally {
    zeroize(macKey);
  }
}

export function isHeaderMacValid(dataKey: Uint8Array, header: VaultHeader): boolean {
  return equalBytes(computeHeaderMac(dataKey, header), header.mac);
}

/** Returns a copy of `header` with `changes` applied and a fresh MAC. */
export function resealHeader(
  dataKey: Uint8Array,
  header: Omit<VaultHeader, 'mac'>,
  changes: Partial<Omit<VaultHeader, 'mac'>>,
): VaultHeader {
  const next = { ...header, ...changes };
  return { ...next, mac: computeHeaderMac(dataKey, next) };
}
