/**
 * Passphrase → key derivation with scrypt (RFC 7914) from @noble/hashes.
 *
 * Parameters read from storage or an import file are untrusted: {@link validateKdfParams} enforces
 * a FLOOR (OWASP's scrypt minimum, so a tampered vault can't be made cheap to brute-force) and a
 * CEILING (so a hostile import file can't make the extension allocate gigabytes or spin for
 * minutes). The floor applies to stored parameters; the raw primitive {@link scryptRaw} is exported
 * only so tests can check RFC 7914's small known-answer vectors.
 */
import { scrypt, scryptAsync } from '@noble/hashes/scrypt.js';
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { assertBytes } from './bytes';

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1. */
export const KDF_FLOOR: Readonly<KdfParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
/** Largest parameters accepted from storage or a file. */
export const KDF_CEILING: Readonly<KdfParams> = Object.freeze({ N: 2 ** 20, r: 16, p: 4 });
/** Memory scrypt may need for accepted params, 128·r·(N+p+1) as noble counts it: 1 GiB (= N 2^20, r 8). */
export const KDF_MAX_MEMORY_BYTES = 2 ** 30 + 2 ** 16;
/** Work bound N·r·p: 16x the floor, i.e. roughly 10–20 s in a browser at worst. */
export const KDF_MAX_WORK = 2 ** 24;
/**
 * Default for new vaults and exports: the floor. bench/vault.ts measured 0.95–2.6 s per unlock in
 * Chromium on a heavily loaded 2-core machine; doubling N doubles that, too slow for a lock screen
 * met several times a day. Re-measure on a quiet machine before raising it.
 */
export const DEFAULT_KDF_PARAMS: Readonly<KdfParams> = KDF_FLOOR;
export const SALT_LENGTH = 32;
export const DERIVED_KEY_LENGTH = 32;
/** Longest scrypt may block the event loop between yields (ms), so UI progress keeps painting. */
const SCRYPT_ASYNC_TICK_MS = 10;

export type KdfParamsErrorCode = 'kdf-too-weak' | 'kdf-too-costly' | 'kdf-invalid';

/** The JSON shape of stored KDF settings (salt as base64), before floor/ceiling checks. */
export const kdfParamsSchema = z.object({
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});

function isPowerOfTwo(value: number): boolean {
  return Number.isSafeInteger(value) && value > 1 && (value & (value - 1)) === 0;
}

function memoryNeeded({ N, r, p }: KdfParams): number {
  return 128 * r * (N + p + 1);
}

/** Accepts params only within [floor, ceiling]; use on everything read from storage or a file. */
export function validateKdfParams(input: unknown): Result<KdfParams, KdfParamsErrorCode> {
  const parsed = kdfParamsSchema.safeParse(input);
  if (!parsed.success || !isPowerOfTwo(parsed.data.N)) {
    return err('kdf-invalid', "The key settings in this data aren't valid; it may be damaged or tampered with.");
  }
  const params = { N: parsed.data.N, r: parsed.data.r, p: parsed.data.p };
  if (params.N < KDF_FLOOR.N || params.r < KDF_FLOOR.r || params.p < KDF_FLOOR.p) {
    return err(
      'kdf-too-weak',
      "These key settings are weaker than Understudy allows; the data may have been tampered with. Don't use it.",
    );
  }
  if (
    params.N > KDF_CEILING.N ||
    params.r > KDF_CEILING.r ||
    params.p > KDF_CEILING.p ||
    params.N * params.r * params.p > KDF_MAX_WORK ||
    memoryNeeded(params) > KDF_MAX_MEMORY_BYTES
  ) {
    return err(
      'kdf-too-costly',
      'These key settings would take more memory or time than Understudy allows; the data may have been tampered with.',
    );
  }
  return ok(params);
}

export interface DeriveKeyOptions {
  /** Called with a fraction 0..1 while deriving; must not throw. */
  onProgress?: (fraction: number) => void;
}

/** Unicode-normalises the passphrase so the same typed text gives the same key on every platform. */
function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

/**
 * Derives a 32-byte key from a passphrase. The caller zeroes the returned key after use.
 * @throws RangeError if `params` are outside floor/ceiling (validate untrusted params first) or
 *   `salt` is not 32 bytes: programmer errors.
 */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
  options: DeriveKeyOptions = {},
): Promise<Uint8Array> {
  assertBytes(salt, SALT_LENGTH, 'salt');
  const checked = validateKdfParams(params);
  if (!checked.ok) throw new RangeError(`derivePassphraseKey: params rejected (${checked.error.code})`);
  return scryptAsync(normalizePassphrase(passphrase), salt, {
    ...checked.value,
    dkLen: DERIVED_KEY_LENGTH,
    maxmem: KDF_MAX_MEMORY_BYTES,
    asyncTick: SCRYPT_ASYNC_TICK_MS,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** The raw RFC 7914 function with no floor, for known-answer tests only. Never use for stored keys. */
export function scryptRaw(
  password: Uint8Array | string,
  salt: Uint8Array | string,
  params: KdfParams & { dkLen: number },
): Uint8Array {
  return scrypt(password, salt, params);
}
