import { describe, expect, it } from 'vitest';
import { mayActBeforeSaved } from '@/lib/run/repeatable';
import type { Step } from '@/lib/task/schema';

const steps = (...kinds: Step['kind'][]) => kinds.map((kind) => ({ kind }));
const done = { stepId: 's', status: 'done' as const };

describe('mayActBeforeSaved', () => {
  it('lets a step that sets a value act while the state after one such step is still being stored', () => {
    const repeatable = ['fill', 'select', 'check', 'hover', 'scroll', 'waitForElement'] as const;
    for (const kind of repeatable) {
      for (const next of repeatable) expect(mayActBeforeSaved(steps(kind, next), [done, done], 1, true)).toBe(true);
    }
  });

  it('a click, key press or submit waits, even after a fill: the fill repeated would set it up twice', () => {
    for (const next of ['click', 'doubleClick', 'press', 'submit', 'upload'] as const) {
      expect(mayActBeforeSaved(steps('fill', next), [done, done], 1, true)).toBe(false);
    }
  });

  it('waits when a new page came since the step before acted', () => {
    expect(mayActBeforeSaved(steps('fill', 'fill'), [done, done], 1, false)).toBe(false);
  });

  it('waits after a step a restart must not repeat: a click, a key press, a submit, a navigation', () => {
    for (const kind of ['click', 'doubleClick', 'press', 'submit', 'navigate', 'upload', 'waitForUrl'] as const) {
      expect(mayActBeforeSaved(steps(kind, 'fill'), [done, done], 1, true)).toBe(false);
    }
  });

  it('waits after a repeatable step the person approved, or one that led to a new page', () => {
    expect(mayActBeforeSaved(steps('select', 'fill'), [{ ...done, approved: true }, done], 1, true)).toBe(false);
    expect(mayActBeforeSaved(steps('fill', 'fill'), [{ ...done, via: 'navigation' }, done], 1, true)).toBe(false);
    expect(mayActBeforeSaved(steps('fill', 'fill'), [{ ...done, via: 'label' }, done], 1, true)).toBe(true);
  });

  it('waits for the first step and for an index it knows nothing about', () => {
    expect(mayActBeforeSaved(steps('fill'), [done], 0, true)).toBe(false);
    expect(mayActBeforeSaved(steps('fill', 'fill'), [done], 2, true)).toBe(false);
  });
});
