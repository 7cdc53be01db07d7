/**
 * A plain-words hint about how guessable a passphrase is. It estimates the search space an attacker
 * would try first (common passwords, repeats, sequences, small alphabets) — a hint for the user, not
 * a guarantee; the real protection is scrypt at N=2^17.
 */
export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

export const MIN_PASSPHRASE_LENGTH = 8;
const FAIR_BITS = 45;
const STRONG_BITS = 65;

// The most common choices attackers try first (kept short: a hint, not a blocklist service).
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'qwerty123',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome1',
  'letmein1',
  'trustno1',
  'admin123',
  'passw0rd',
  'abc12345',
  'monkey123',
  'dragon123',
  'master123',
  'understudy',
  'correcthorsebatterystaple',
]);

export interface StrengthHint {
  strength: Strength;
  message: string;
}

export function estimateBits(passphrase: string): number {
  const lower = passphrase.toLowerCase();
  if (COMMON.has(lower.replace(/\s+/g, ''))) return 10;
  let alphabet = 0;
  if (/[a-z]/.test(passphrase)) alphabet += 26;
  if (/[A-Z]/.test(passphrase)) alphabet += 26;
  if (/[0-9]/.test(passphrase)) alphabet += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) alphabet += 33;
  // Count characters that add information: repeats and +/-1 sequences ("aaaa", "1234", "abcd") add little.
  let effective = 0;
  const chars = [...passphrase];
  for (let index = 0; index < chars.length; index++) {
    const current = chars[index]?.codePointAt(0) ?? 0;
    const previous = index > 0 ? (chars[index - 1]?.codePointAt(0) ?? 0) : Number.NaN;
    effective += Math.abs(current - previous) <= 1 ? 0.25 : 1;
  }
  // Words separated by spaces (a real passphrase) are worth at least ~11 bits each (diceware-like).
  const words = passphrase
    .trim()
    .split(/\s+/)
    .filter((word) => word.length >= 3).length;
  const perChar = Math.log2(Math.max(alphabet, 2));
  return Math.max(effective * perChar, words >= 3 ? words * 11 : 0);
}

export function describeStrength(passphrase: string): StrengthHint {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    return { strength: 'too-short', message: `Use at least ${MIN_PASSPHRASE_LENGTH} characters.` };
  }
  const bits = estimateBits(passphrase);
  if (bits < FAIR_BITS) {
    return { strength: 'weak', message: 'Easy to guess. A few unrelated words make a strong, memorable passphrase.' };
  }
  if (bits < STRONG_BITS) return { strength: 'fair', message: 'Fair. Another word or two would make it strong.' };
  return { strength: 'strong', message: 'Strong.' };
}
