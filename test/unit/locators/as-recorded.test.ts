import { describe, expect, it } from 'vitest';
import { readsAsRecorded } from '@/lib/locators/as-recorded';
import type { Fingerprint } from '@/lib/locators/schema';

/** A fingerprint as computed now for a field of a list's row. */
const now: Fingerprint = {
  tag: 'select',
  role: 'combobox',
  name: 'Item 5 size',
  attrs: {},
  classes: [],
  index: 0,
  count: 1,
  id: 'item-5-size',
  label: 'Item 5 size',
  choices: ['s', 'm', 'l'],
  context: 'Item 5 Item 5 name Saved: Widget 5',
  heading: 'Inventory review',
  landmark: 'main',
  lang: 'en',
};
/** The same field as recorded: its box, and what only recording writes (from the look-alikes then). */
const recorded: Fingerprint = {
  ...now,
  rect: { x: 10, y: 20, width: 80, height: 19 },
  nameUnique: true,
  neighbours: ['item 5 name'],
  fieldValue: 'm',
  widerWords: ['inventory', 'review', '4', '6'],
};
const wider = () => ['inventory', 'review', '4', '6'];

describe('readsAsRecorded', () => {
  it('holds for the element as recorded, wherever it is drawn now', () => {
    expect(readsAsRecorded(recorded, now, wider)).toBe(true);
  });

  it('fails on any recorded key read otherwise now', () => {
    expect(readsAsRecorded(recorded, { ...now, name: 'Item 5 sizes' }, wider)).toBe(false);
    expect(readsAsRecorded(recorded, { ...now, context: 'Item 5 Item 5 name Saved: Widget 6' }, wider)).toBe(false);
    expect(readsAsRecorded(recorded, { ...now, attrs: { name: 'size' } }, wider)).toBe(false);
    expect(readsAsRecorded(recorded, { ...now, choices: ['s', 'm'] }, wider)).toBe(false);
    expect(readsAsRecorded(recorded, { ...now, index: 1, count: 2 }, wider)).toBe(false);
    const { heading: _heading, ...withoutHeading } = now;
    expect(readsAsRecorded(recorded, withoutHeading, wider)).toBe(false);
  });

  it('fails when its wider section gained or lost a word', () => {
    expect(readsAsRecorded(recorded, now, () => ['inventory', 'review', '4'])).toBe(false);
    expect(readsAsRecorded(recorded, now, () => ['inventory', 'review', '4', '6', '7'])).toBe(false);
  });

  it('leaves to the full resolution a target told apart by its section or its row values', () => {
    expect(readsAsRecorded({ ...recorded, sectionWords: ['widget'] }, now, wider)).toBe(false);
    expect(readsAsRecorded({ ...recorded, rowValues: ['widget 5'] }, now, wider)).toBe(false);
    expect(readsAsRecorded({ ...recorded, twin: { own: ['a'], theirs: ['b'] } }, now, wider)).toBe(false);
  });
});
