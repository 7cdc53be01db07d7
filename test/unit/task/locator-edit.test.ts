import { describe, expect, it } from 'vitest';
import { MAX_SELECTOR, type TargetDescriptor } from '@/lib/locators/schema';
import {
  addLocator,
  blankLocator,
  editableFields,
  LOCATOR_LABELS,
  moveItem,
  removeLocator,
  replaceLocator,
  type SyntaxCheck,
} from '@/lib/task/locator-edit';

const target: TargetDescriptor = {
  version: 1,
  locators: [
    { kind: 'role', role: 'link', name: 'Edit Dana Scully' },
    { kind: 'css', selector: 'a.edit' },
  ],
  fingerprint: { tag: 'a', role: 'link', name: 'Edit Dana Scully', attrs: {}, classes: [], index: 0, count: 1 },
  shadowHosts: [],
};
const noSyntaxErrors: SyntaxCheck = () => null;
const refuseAll: SyntaxCheck = () => 'That isn’t a valid CSS selector.';

describe('moveItem', () => {
  it('moves an item down and up', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });
  it('returns an unchanged copy for out-of-range or equal indexes', () => {
    const items = ['a', 'b'];
    expect(moveItem(items, 0, 5)).toEqual(items);
    expect(moveItem(items, -1, 0)).toEqual(items);
    expect(moveItem(items, 1, 1)).not.toBe(items);
  });
});

describe('locator labels and fields', () => {
  it('names every kind in plain words', () => {
    expect(LOCATOR_LABELS.css).toBe('CSS selector');
    expect(LOCATOR_LABELS.role).toBe('Role and name');
    expect(Object.values(LOCATOR_LABELS).every((label) => label.length > 0)).toBe(true);
  });
  it('lists the editable fields of a locator', () => {
    expect(editableFields({ kind: 'role', role: 'button', name: 'Save' }).map((f) => f.field)).toEqual([
      'role',
      'name',
    ]);
    expect(editableFields({ kind: 'xpath', path: '//a' })).toEqual([{ field: 'path', label: 'XPath' }]);
  });
});

describe('replaceLocator', () => {
  it('replaces a locator and keeps the rest', () => {
    const result = replaceLocator(target, 1, { kind: 'css', selector: '#dana' }, noSyntaxErrors);
    expect(result).toEqual({
      ok: true,
      value: { ...target, locators: [target.locators[0], { kind: 'css', selector: '#dana' }] },
    });
  });
  it('refuses an empty value', () => {
    const result = replaceLocator(target, 1, { kind: 'css', selector: '  ' }, noSyntaxErrors);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'empty', message: expect.stringContaining('empty') });
  });
  it('refuses what the syntax check rejects', () => {
    const result = replaceLocator(target, 1, { kind: 'css', selector: 'a[' }, refuseAll);
    expect(result).toMatchObject({ ok: false, error: { code: 'syntax' } });
  });
  it('refuses what the stored schema rejects', () => {
    const long = { kind: 'css' as const, selector: 'a'.repeat(MAX_SELECTOR + 1) };
    expect(replaceLocator(target, 1, long, noSyntaxErrors)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
  it('does not change the target it was given', () => {
    replaceLocator(target, 1, { kind: 'css', selector: '#x' }, noSyntaxErrors);
    expect(target.locators[1]).toEqual({ kind: 'css', selector: 'a.edit' });
  });
});

describe('addLocator and removeLocator', () => {
  it('adds a checked locator at the end', () => {
    const result = addLocator(target, { kind: 'xpath', path: '//a[1]' }, noSyntaxErrors);
    expect(result.ok && result.value.locators.at(-1)).toEqual({ kind: 'xpath', path: '//a[1]' });
  });
  it('refuses a blank new locator', () => {
    expect(addLocator(target, blankLocator('xpath', 'a'), noSyntaxErrors)).toMatchObject({
      ok: false,
      error: { code: 'empty' },
    });
  });
  it('refuses more locators than the schema allows', () => {
    const full = { ...target, locators: Array.from({ length: 16 }, () => ({ kind: 'css' as const, selector: 'a' })) };
    expect(addLocator(full, { kind: 'css', selector: 'b' }, noSyntaxErrors)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
  it('removes a locator, down to none (the fingerprint remains)', () => {
    const one = removeLocator(target, 0);
    expect(one.ok && one.value.locators).toEqual([{ kind: 'css', selector: 'a.edit' }]);
    const none = one.ok ? removeLocator(one.value, 0) : one;
    expect(none.ok && none.value.locators).toEqual([]);
    expect(none.ok && none.value.fingerprint).toEqual(target.fingerprint);
  });
  it('makes blank text locators with the element tag', () => {
    expect(blankLocator('text', 'a')).toEqual({ kind: 'text', tag: 'a', text: '' });
  });
});
