import { describe, expect, it } from 'vitest';
import { actionabilityFor, checksStability } from '@/lib/replay/step-checks';

describe('the checks a step needs before it acts', () => {
  it('waits for a still box only where a pointer aims at the target', () => {
    expect(['click', 'doubleClick', 'check', 'hover'].filter((kind) => checksStability(kind as never))).toEqual([
      'click',
      'doubleClick',
      'check',
      'hover',
    ]);
    for (const kind of ['fill', 'select', 'press', 'submit', 'scroll', 'navigate'] as const) {
      expect(checksStability(kind)).toBe(false);
    }
  });

  it('checks that a field to fill is editable, and runs no checks for steps without a pointer', () => {
    expect(actionabilityFor('fill')).toMatchObject({ needsEditable: true, skipStable: true });
    expect(actionabilityFor('submit')).toBeNull();
  });
});
