import { describe, expect, it } from 'vitest';
import { createPacedUpdates } from '@/lib/run/paced-updates';

function fakeTimers() {
  let now = 1000;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextId = 1;
  return {
    timers: {
      now: () => now,
      setTimer: (callback: () => void, ms: number) => {
        const id = nextId++;
        timers.set(id, { at: now + ms, callback });
        return id;
      },
      clearTimer: (timer: unknown) => {
        timers.delete(timer as number);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
    pending: () => timers.size,
  };
}

describe('createPacedUpdates', () => {
  it('shows the first request at once and the newest of a burst once the interval is up', () => {
    const clock = fakeTimers();
    const paced = createPacedUpdates(100, clock.timers);
    const shown: string[] = [];
    paced.request('run', () => shown.push('step 1'));
    clock.advance(10);
    paced.request('run', () => shown.push('step 2'));
    paced.request('run', () => shown.push('step 3'));
    expect(shown).toEqual(['step 1']);
    clock.advance(89);
    expect(shown).toEqual(['step 1']);
    clock.advance(1);
    expect(shown).toEqual(['step 1', 'step 3']);
    // The interval starts again from that update.
    paced.request('run', () => shown.push('step 4'));
    expect(shown).toEqual(['step 1', 'step 3']);
    clock.advance(100);
    expect(shown).toEqual(['step 1', 'step 3', 'step 4']);
  });

  it('shows at once again once the interval passed with nothing asked', () => {
    const clock = fakeTimers();
    const paced = createPacedUpdates(100, clock.timers);
    const shown: number[] = [];
    paced.request('run', () => shown.push(1));
    clock.advance(150);
    paced.request('run', () => shown.push(2));
    expect(shown).toEqual([1, 2]);
    expect(clock.pending()).toBe(0);
  });

  it('paces each key on its own', () => {
    const clock = fakeTimers();
    const paced = createPacedUpdates(100, clock.timers);
    const shown: string[] = [];
    paced.request('a', () => shown.push('a1'));
    paced.request('b', () => shown.push('b1'));
    paced.request('a', () => shown.push('a2'));
    expect(shown).toEqual(['a1', 'b1']);
    clock.advance(100);
    expect(shown).toEqual(['a1', 'b1', 'a2']);
  });

  it('forget drops the waiting update, so a final state shown another way stays shown', () => {
    const clock = fakeTimers();
    const paced = createPacedUpdates(100, clock.timers);
    const shown: string[] = [];
    paced.request('run', () => shown.push('step 1'));
    paced.request('run', () => shown.push('step 2'));
    paced.forget('run');
    clock.advance(1000);
    expect(shown).toEqual(['step 1']);
    expect(clock.pending()).toBe(0);
    paced.request('run', () => shown.push('next run'));
    expect(shown).toEqual(['step 1', 'next run']);
  });
});
