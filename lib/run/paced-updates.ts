/**
 * Updates shown at most once per interval and key, the last one asked for always shown: a run asks to show
 * its step on the badge before every step, and at hundreds of steps a second that is unreadable and costs
 * the worker an extension call each. Asked within the interval, the update waits for its end and then shows
 * what the newest request shows then. Pure: the clock and timers are passed in.
 */

export interface PacedUpdates {
  /** Shows now, or when the key's interval is up (the newest `show` asked for by then is the one called). */
  request(key: string, show: () => void): void;
  /** Drops the key's waiting update (what it would show was shown another way) and its interval. */
  forget(key: string): void;
}

interface Timers {
  now: () => number;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export function createPacedUpdates(intervalMs: number, timers: Timers = realTimers): PacedUpdates {
  const keys = new Map<string, { shownAt: number; waiting?: { timer: unknown; show: () => void } }>();
  return {
    request(key, show) {
      const known = keys.get(key);
      if (known?.waiting) {
        known.waiting.show = show;
        return;
      }
      const wait = known ? known.shownAt + intervalMs - timers.now() : 0;
      if (wait <= 0) {
        keys.set(key, { shownAt: timers.now() });
        show();
        return;
      }
      const waiting = {
        show,
        timer: timers.setTimer(() => {
          keys.set(key, { shownAt: timers.now() });
          waiting.show();
        }, wait),
      };
      keys.set(key, { shownAt: known?.shownAt ?? 0, waiting });
    },
    forget(key) {
      const waiting = keys.get(key)?.waiting;
      if (waiting) timers.clearTimer(waiting.timer);
      keys.delete(key);
    },
  };
}
