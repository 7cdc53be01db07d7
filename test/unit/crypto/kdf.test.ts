import { describe, expect, it } from 'vitest';
import { randomBytes } from '@/lib/crypto/bytes';
import { DEFAULT_KDF_PARAMS, derivePassphraseKey, KDF_CEILING, KDF_FLOOR, validateKdfParams } from '@/lib/crypto/kdf';

describe('validateKdfParams', () => {
  it('accepts the floor, the default and the largest allowed memory setting', () => {
    expect(validateKdfParams(KDF_FLOOR).ok).toBe(true);
    expect(validateKdfParams(DEFAULT_KDF_PARAMS).ok).toBe(true);
    expect(validateKdfParams({ N: 2 ** 20, r: 8, p: 1 }).ok).toBe(true);
  });

  it.each([
    [{ N: 2 ** 16, r: 8, p: 1 }, 'kdf-too-weak'],
    [{ N: 2 ** 17, r: 4, p: 1 }, 'kdf-too-weak'],
    [{ N: 2 ** 21, r: 8, p: 1 }, 'kdf-too-costly'],
    [{ N: 2 ** 17, r: 32, p: 1 }, 'kdf-too-costly'],
    [{ N: 2 ** 17, r: 8, p: 8 }, 'kdf-too-costly'],
    [{ N: 2 ** 20, r: 16, p: 1 }, 'kdf-too-costly'],
    [{ N: 2 ** 17 + 1, r: 8, p: 1 }, 'kdf-invalid'],
    [{ N: '131072', r: 8, p: 1 }, 'kdf-invalid'],
    [null, 'kdf-invalid'],
  ])('refuses %j with %s', (params, code) => {
    const result = validateKdfParams(params);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('keeps the ceiling above the floor', () => {
    expect(KDF_CEILING.N).toBeGreaterThan(KDF_FLOOR.N);
  });
});

describe('derivePassphraseKey', () => {
  it('throws for params below the floor (a programmer error, no lower-cost path)', async () => {
    await expect(derivePassphraseKey('pw', randomBytes(32), { N: 1024, r: 8, p: 1 })).rejects.toThrow(RangeError);
    await expect(derivePassphraseKey('pw', randomBytes(16), KDF_FLOOR)).rejects.toThrow(/salt/);
  });

  it('derives a 32-byte key at the floor and reports progress up to 1', async () => {
    const progress: number[] = [];
    const key = await derivePassphraseKey('correct horse', randomBytes(32), KDF_FLOOR, {
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(key.length).toBe(32);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  }, 20_000);
});
