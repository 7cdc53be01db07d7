import { describe, expect, it } from 'vitest';
import { describeStrength } from '@/lib/passphrase-strength';

describe('describeStrength', () => {
  it('says a short passphrase is too short', () => {
    expect(describeStrength('abc').strength).toBe('too-short');
    expect(describeStrength('').strength).toBe('too-short');
  });

  it('calls common passwords, repeats and sequences weak', () => {
    for (const weak of ['password', 'Password123', '12345678', 'aaaaaaaaaaaa', 'abcdefghijkl', 'qwerty123']) {
      expect(describeStrength(weak).strength, weak).toBe('weak');
    }
  });

  it('calls several unrelated words or a long mixed string strong', () => {
    expect(describeStrength('lantern orbit mossy kettle').strength).toBe('strong');
    expect(describeStrength('T7#kq!x9Lm@2vR').strength).toBe('strong');
  });

  it('always gives a message in plain words', () => {
    for (const input of ['', 'short', 'password', 'a fair pass1', 'lantern orbit mossy kettle']) {
      expect(describeStrength(input).message.length).toBeGreaterThan(5);
    }
  });
});
