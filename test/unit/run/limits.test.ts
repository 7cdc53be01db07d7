import { describe, expect, it } from 'vitest';
import { SlidingWindowLimit } from '@/lib/run/limits';

describe('SlidingWindowLimit', () => {
  it('lets `max` events through per window, then says how long to wait', () => {
    const limit = new SlidingWindowLimit(3, 1000);
    for (const time of [0, 100, 200]) {
      expect(limit.delayFor('a', time)).toBe(0);
      limit.note('a', time);
    }
    expect(limit.delayFor('a', 300)).toBe(700); // the event at 0 leaves the window at 1000
    expect(limit.delayFor('a', 1001)).toBe(0);
    expect(limit.delayFor('b', 300)).toBe(0); // per key
  });

  it('counts only events inside the window', () => {
    const limit = new SlidingWindowLimit(2, 1000);
    limit.note('a', 0);
    limit.note('a', 900);
    expect(limit.delayFor('a', 950)).toBe(50);
    limit.note('a', 1000);
    expect(limit.delayFor('a', 1000)).toBe(900);
  });
});
