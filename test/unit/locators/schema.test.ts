import { describe, expect, it } from 'vitest';
import { parseTargetDescriptor } from '@/lib/locators';
import { LocatorSchema, MAX_SELECTOR } from '@/lib/locators/schema';

const valid = {
  version: 1,
  locators: [{ kind: 'role', role: 'button', name: 'Save' }],
  fingerprint: { tag: 'button', role: 'button', name: 'Save' },
  shadowHosts: [],
};

describe('TargetDescriptorSchema', () => {
  it('accepts a minimal descriptor and fills defaults', () => {
    const result = parseTargetDescriptor(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.fingerprint.classes).toEqual([]);
  });

  it('rejects huge strings', () => {
    const huge = { ...valid, locators: [{ kind: 'css', selector: 'a'.repeat(MAX_SELECTOR + 1) }] };
    expect(parseTargetDescriptor(huge).ok).toBe(false);
    const hugeName = { ...valid, fingerprint: { ...valid.fingerprint, name: 'x'.repeat(100_000) } };
    expect(parseTargetDescriptor(hugeName).ok).toBe(false);
  });

  it('rejects unknown locator kinds and unknown test-id attributes', () => {
    expect(LocatorSchema.safeParse({ kind: 'javascript', code: 'alert(1)' }).success).toBe(false);
    expect(LocatorSchema.safeParse({ kind: 'testId', attr: 'onclick', value: 'x' }).success).toBe(false);
  });

  it('rejects extra fields, wrong types and too many locators', () => {
    expect(parseTargetDescriptor({ ...valid, extra: true }).ok).toBe(false);
    expect(parseTargetDescriptor({ ...valid, version: 2 }).ok).toBe(false);
    expect(parseTargetDescriptor({ ...valid, locators: Array(50).fill(valid.locators[0]) }).ok).toBe(false);
    expect(parseTargetDescriptor({ ...valid, fingerprint: { ...valid.fingerprint, index: -1 } }).ok).toBe(false);
    expect(parseTargetDescriptor(null).ok).toBe(false);
    expect(parseTargetDescriptor('{"version":1}').ok).toBe(false);
  });

  it('returns a message that tells the user what to do, without echoing the input', () => {
    const result = parseTargetDescriptor({ ...valid, fingerprint: { tag: 'secret-value-123' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-descriptor');
      expect(result.error.message).not.toContain('secret-value-123');
    }
  });
});
