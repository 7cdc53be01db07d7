/**
 * Known-answer tests. Sources:
 * - scrypt: RFC 7914 §12 "Test Vectors" (the three small-N vectors; the 2^20 one is too slow).
 *   The floor applies to stored params, so these call the raw primitive.
 * - HKDF-SHA256: RFC 5869 Appendix A, test cases 1–3 (A.1–A.3).
 * - XChaCha20-Poly1305: draft-irtf-cfrg-xchacha-03 Appendix A.3.1.
 * All were also cross-checked against Node's built-in crypto (scrypt, HKDF) when written.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '@/lib/crypto/bytes';
import { aeadDecrypt, aeadEncrypt } from '@/lib/crypto/envelope';
import { scryptRaw } from '@/lib/crypto/kdf';
import { hkdfSha256 } from '@/lib/crypto/subkeys';

const hex = (text: string) => hexToBytes(text.replace(/\s+/g, ''));
const range = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('scrypt (RFC 7914 §12)', () => {
  it('matches vector 1: P="", S="", N=16, r=1, p=1', () => {
    const out = scryptRaw('', '', { N: 16, r: 1, p: 1, dkLen: 64 });
    expect(toHex(out)).toBe(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    );
  });

  it('matches vector 2: P="password", S="NaCl", N=1024, r=8, p=16', () => {
    const out = scryptRaw('password', 'NaCl', { N: 1024, r: 8, p: 16, dkLen: 64 });
    expect(toHex(out)).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    );
  });

  it('matches vector 3: P="pleaseletmein", S="SodiumChloride", N=16384, r=8, p=1', () => {
    const out = scryptRaw('pleaseletmein', 'SodiumChloride', { N: 16384, r: 8, p: 1, dkLen: 64 });
    expect(toHex(out)).toBe(
      '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887',
    );
  });
});

describe('HKDF-SHA256 (RFC 5869 Appendix A)', () => {
  it('matches A.1 (basic)', () => {
    const okm = hkdfSha256(new Uint8Array(22).fill(0x0b), range(0x00, 0x0c), range(0xf0, 0xf9), 42);
    expect(toHex(okm)).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });

  it('matches A.2 (longer inputs and output)', () => {
    const okm = hkdfSha256(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82);
    expect(toHex(okm)).toBe(
      'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87',
    );
  });

  it('matches A.3 (empty salt and info)', () => {
    const okm = hkdfSha256(new Uint8Array(22).fill(0x0b), new Uint8Array(0), new Uint8Array(0), 42);
    expect(toHex(okm)).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  });
});

describe('XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03 A.3.1)', () => {
  const key = range(0x80, 0x9f);
  const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
  const aad = hex('50515253c0c1c2c3c4c5c6c7');
  const plaintext = utf8Encode(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  );
  const expected =
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
    'c0875924c1c7987947deafd8780acf49';

  it('encrypts to the published ciphertext and tag', () => {
    expect(toHex(aeadEncrypt(key, nonce, aad, plaintext))).toBe(expected);
  });

  it('decrypts the published ciphertext and rejects a changed tag', () => {
    const sealed = hex(expected);
    expect(aeadDecrypt(key, nonce, aad, sealed)).toEqual(plaintext);
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] as number) ^ 1;
    expect(aeadDecrypt(key, nonce, aad, sealed)).toBeUndefined();
  });
});
