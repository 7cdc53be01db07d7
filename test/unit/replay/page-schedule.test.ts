import { describe, expect, it } from 'vitest';
import { FRAMES_QUIET_MS, installRequestSensor, type PageRequestWatch } from '@/lib/replay/page-requests';
import { isPageIdle, pageScheduleIdle, trackPageSchedule } from '@/lib/replay/page-schedule';

const HORIZON_MS = 300;
const RECENT_MS = 50;

type PageWindow = Parameters<typeof trackPageSchedule>[0];

/** A page world with a clock the test moves and timers it fires by hand. */
function pageWorld() {
  const clock = { now: 1000 };
  let nextHandle = 1;
  const timers = new Map<number, { run: unknown; args: unknown[]; self: unknown }>();
  const idle = new Map<number, (deadline: unknown) => unknown>();
  const tasks: (() => unknown)[] = [];
  const frames = new Map<number, (time: number) => unknown>();
  const posted: unknown[] = [];
  class FakeSubtle {
    digest(this: unknown, _algorithm: string, data: unknown) {
      return Promise.resolve({ self: this, data });
    }
  }
  class FakeDatabase {
    transaction(_stores: string[], _mode?: string) {
      return new EventTarget();
    }
  }
  class FakeFactory {
    open(_name: string) {
      return new EventTarget();
    }
  }
  class FakePort {
    postMessage(message: unknown) {
      posted.push(message);
      return this;
    }
  }
  class FakeWorker {
    constructor(readonly url: string) {}
  }
  class FakeSocket {
    constructor(readonly url: string) {}
  }
  const raw = {
    Event,
    EventTarget,
    performance: { now: () => clock.now },
    setTimeout(this: unknown, run: unknown, _delay?: number, ...args: unknown[]) {
      const handle = nextHandle++;
      timers.set(handle, { run, args, self: this });
      return handle;
    },
    setInterval(this: unknown, run: unknown, _delay?: number, ...args: unknown[]) {
      const handle = nextHandle++;
      timers.set(handle, { run, args, self: this });
      return handle;
    },
    clearTimeout(handle?: number) {
      if (handle !== undefined) timers.delete(handle);
    },
    clearInterval(handle?: number) {
      if (handle !== undefined) timers.delete(handle);
    },
    requestIdleCallback(callback: (deadline: unknown) => unknown) {
      const handle = nextHandle++;
      idle.set(handle, callback);
      return handle;
    },
    cancelIdleCallback(handle: number) {
      idle.delete(handle);
    },
    requestAnimationFrame(callback: (time: number) => unknown) {
      const handle = nextHandle++;
      frames.set(handle, callback);
      return handle;
    },
    cancelAnimationFrame(handle: number) {
      frames.delete(handle);
    },
    postMessage(_message: unknown, _origin?: string) {
      posted.push(_message);
    },
    MessagePort: FakePort,
    SubtleCrypto: FakeSubtle,
    IDBDatabase: FakeDatabase,
    IDBFactory: FakeFactory,
    Worker: FakeWorker,
    WebSocket: FakeSocket,
    EventSource: FakeSocket,
    scheduler: {
      postTask(callback: () => unknown, _options?: { delay?: number }) {
        tasks.push(callback);
        return Promise.resolve('posted');
      },
    },
    AbortSignal: {
      timeout(_ms: number) {
        return new AbortController().signal;
      },
    },
  };
  const win = Object.assign(new EventTarget(), raw) as unknown as PageWindow & typeof raw;
  /** Runs a timer as the browser would: its handler, with its arguments, once. */
  const fire = (handle: number) => {
    const timer = timers.get(handle);
    timers.delete(handle);
    if (typeof timer?.run === 'function') (timer.run as (...args: unknown[]) => unknown).apply(win, timer.args);
  };
  const runIdle = (handle: number) => {
    const callback = idle.get(handle);
    idle.delete(handle);
    callback?.({ timeRemaining: () => 10 });
  };
  const runFrame = (handle: number) => {
    const callback = frames.get(handle);
    frames.delete(handle);
    callback?.(clock.now);
  };
  return {
    win,
    clock,
    timers,
    fire,
    runIdle,
    runFrame,
    tasks,
    posted,
    FakePort,
    FakeWorker,
    FakeSocket,
    FakeSubtle,
    FakeDatabase,
    FakeFactory,
  };
}

describe('trackPageSchedule', () => {
  it('passes timers through unchanged: receiver, arguments, handle, and the handler’s own receiver and result', () => {
    const { win, fire, timers } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const seen: unknown[] = [];
    const handle = win.setTimeout(
      function (this: unknown, ...args: unknown[]) {
        seen.push(this, args);
        return 'result';
      },
      10,
      'a',
      2,
    );
    expect(timers.get(handle)?.self).toBe(win);
    expect(timers.get(handle)?.args).toEqual(['a', 2]);
    fire(handle);
    expect(seen).toEqual([win, ['a', 2]]);
    const thrown = win.setTimeout(() => {
      throw new Error('page bug');
    }, 0);
    expect(() => fire(thrown)).toThrow('page bug');
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('keeps each wrapped function’s name and length, and no wrapper is a constructor', () => {
    const { win } = pageWorld();
    const before = (
      ['setTimeout', 'setInterval', 'clearTimeout', 'requestIdleCallback', 'requestAnimationFrame'] as const
    ).map((name) => [name, (win[name] as (...args: unknown[]) => unknown).length]);
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    for (const [name, length] of before) {
      const wrapped = win[name as keyof typeof win] as (...args: unknown[]) => unknown;
      expect([wrapped.name, wrapped.length]).toEqual([name, length]);
      // Like the built-ins, a wrapped function is not a constructor.
      expect(() => new (wrapped as unknown as new () => unknown)()).toThrow(TypeError);
    }
  });

  it('reads a delay as the browser does: past 2^31 - 1, negative or not a number, the timer is due at once', () => {
    for (const delay of [Number.POSITIVE_INFINITY, 2 ** 31, -5, Number.NaN]) {
      const { win } = pageWorld();
      trackPageSchedule(win, HORIZON_MS, RECENT_MS);
      win.setTimeout(() => undefined, delay);
      expect(pageScheduleIdle(win)).toBe(false);
    }
  });

  it('is busy while a timer is due within the horizon, idle once it ran or was cleared', () => {
    const { win, fire } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    expect(pageScheduleIdle(win)).toBe(true);

    const soon = win.setTimeout(() => undefined, 150);
    expect(pageScheduleIdle(win)).toBe(false);
    fire(soon);
    expect(pageScheduleIdle(win)).toBe(true);

    const cleared = win.setTimeout(() => undefined, 0);
    expect(pageScheduleIdle(win)).toBe(false);
    win.clearTimeout(cleared);
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('counts a timer by when it is due: a long one set earlier is busy once it comes within the horizon', () => {
    const { win, clock } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    win.setTimeout(() => undefined, 1000);
    expect(pageScheduleIdle(win)).toBe(true);
    clock.now += 800; // due in 200 ms now
    expect(pageScheduleIdle(win)).toBe(false);
  });

  it('forgets a string timer long past its due time (it cannot be seen running)', () => {
    const { win, clock } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    (win.setTimeout as (handler: string, delay: number) => number)('void 0', 10);
    expect(pageScheduleIdle(win)).toBe(false);
    clock.now += 2000;
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('is busy while an interval fires within the horizon, and clearTimeout clears an interval too', () => {
    const { win, clock } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const slow = win.setInterval(() => undefined, 5000);
    expect(pageScheduleIdle(win)).toBe(true);
    clock.now += 4800;
    expect(pageScheduleIdle(win)).toBe(false);
    win.clearInterval(slow);
    const fast = win.setInterval(() => undefined, 100);
    expect(pageScheduleIdle(win)).toBe(false);
    win.clearTimeout(fast);
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('is busy while an idle callback waits to run', () => {
    const { win, runIdle } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const handle = win.requestIdleCallback(() => undefined);
    expect(pageScheduleIdle(win)).toBe(false);
    runIdle(handle);
    expect(pageScheduleIdle(win)).toBe(true);
    win.cancelIdleCallback(win.requestIdleCallback(() => undefined));
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('is busy for good once the page opened a worker or a socket, which can send at any time', () => {
    const { win, FakeWorker } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const worker = new win.Worker('/worker.js');
    expect(worker).toBeInstanceOf(FakeWorker);
    expect((worker as unknown as { url: string }).url).toBe('/worker.js');
    expect(pageScheduleIdle(win)).toBe(false);
  });

  it('is busy while a task posted to the scheduler waits, or a timeout signal is about to fire', async () => {
    const { win, tasks, clock } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const scheduler = (win as unknown as { scheduler: { postTask: (cb: () => unknown, o?: object) => unknown } })
      .scheduler;
    await expect(scheduler.postTask(() => 'ran', { delay: 100 })).resolves.toBe('posted');
    expect(pageScheduleIdle(win)).toBe(false);
    expect(tasks[0]?.()).toBe('ran');
    expect(pageScheduleIdle(win)).toBe(true);

    const signal = win.AbortSignal.timeout(200);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(pageScheduleIdle(win)).toBe(false);
    clock.now += 1500; // long past due: it fired
    expect(pageScheduleIdle(win)).toBe(true);
    win.AbortSignal.timeout(60_000);
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('is busy while an animation frame the page asked for has not come (a hidden tab)', () => {
    const { win, runFrame } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const handle = win.requestAnimationFrame(() => undefined);
    expect(pageScheduleIdle(win)).toBe(false);
    runFrame(handle);
    expect(pageScheduleIdle(win)).toBe(true);
    win.cancelAnimationFrame(win.requestAnimationFrame(() => undefined));
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('is busy right after the page posted a message (how schedulers chain work), idle a moment later', () => {
    const { win, clock, posted, FakePort } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const port = new FakePort();
    expect(port.postMessage('slice')).toBe(port);
    expect(pageScheduleIdle(win)).toBe(false);
    clock.now += RECENT_MS;
    expect(pageScheduleIdle(win)).toBe(true);
    win.postMessage('tick', '*');
    expect(pageScheduleIdle(win)).toBe(false);
    expect(posted).toEqual(['slice', 'tick']);
  });

  it('counts other work started (WebCrypto here) as due for the whole horizon: a send may be chained on it', async () => {
    const { win, clock, FakeSubtle } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const subtle = new FakeSubtle();
    await expect(subtle.digest('SHA-256', 'data')).resolves.toEqual({ self: subtle, data: 'data' });
    expect(FakeSubtle.prototype.digest.name).toBe('digest');
    expect(pageScheduleIdle(win)).toBe(false);
    clock.now += HORIZON_MS - 1;
    expect(pageScheduleIdle(win)).toBe(false);
    clock.now += 1;
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('is busy while an IndexedDB transaction or open request is under way, idle once it ended', () => {
    const { win, FakeDatabase, FakeFactory } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const opening = new FakeFactory().open('app');
    expect(pageScheduleIdle(win)).toBe(false);
    opening.dispatchEvent(new Event('success'));
    expect(pageScheduleIdle(win)).toBe(true);

    const database = new FakeDatabase();
    const first = database.transaction(['drafts'], 'readwrite');
    const second = database.transaction(['drafts']);
    first.dispatchEvent(new Event('complete'));
    expect(pageScheduleIdle(win)).toBe(false);
    second.dispatchEvent(new Event('abort'));
    second.dispatchEvent(new Event('abort')); // ended once, counted once
    expect(pageScheduleIdle(win)).toBe(true);
  });

  it('keeps a socket wrapped by the request sensor too a socket', () => {
    const { win, FakeSocket } = pageWorld();
    installRequestSensor(win as unknown as Parameters<typeof installRequestSensor>[0]);
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const socket = new win.WebSocket('ws://127.0.0.1/chat');
    expect(socket).toBeInstanceOf(FakeSocket);
    expect(() => (win.WebSocket as unknown as (url: string) => unknown)('ws://127.0.0.1/chat')).toThrow(TypeError);
    expect(pageScheduleIdle(win)).toBe(false);
  });

  it('is busy for good once the page opened an event stream', () => {
    const { win } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    new win.EventSource('/events');
    expect(pageScheduleIdle(win)).toBe(false);
  });

  it('wraps once when run twice', () => {
    const { win, fire } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    const wrapped = win.setTimeout;
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    expect(win.setTimeout).toBe(wrapped);
    fire(win.setTimeout(() => undefined, 10));
    expect(pageScheduleIdle(win)).toBe(true);
  });
});

describe('pageScheduleIdle', () => {
  it('is false on a page without the sensor', () => {
    const { win } = pageWorld();
    expect(pageScheduleIdle(win)).toBe(false);
  });

  it('is false when the sensor says busy, whatever a page script answers after it', () => {
    const { win } = pageWorld();
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    // A page script answering "idle" to every query, as a forged answer would, and trying to silence the
    // sensor first: the sensor's capture listener, added before any page script, has answered by then.
    win.addEventListener(
      'understudy:page-schedule-query',
      (event) => {
        event.stopImmediatePropagation();
        win.dispatchEvent(new Event('understudy:page-schedule-idle'));
      },
      true,
    );
    win.setTimeout(() => undefined, 10);
    expect(pageScheduleIdle(win)).toBe(false);
  });
});

describe('isPageIdle', () => {
  const watch = (overrides: Partial<PageRequestWatch> = {}): PageRequestWatch => ({
    present: true,
    count: 0,
    frames: 0,
    since: 0,
    lastFrameAskedAt: null,
    lastRequestAt: null,
    stop() {},
    ...overrides,
  });
  /** The content script's view of a page: frames and animations it can see, and the sensor's answer. */
  function contentView(options: { frames?: number; animations?: Partial<Animation>[] } = {}) {
    const { win } = pageWorld();
    installRequestSensor(win as unknown as Parameters<typeof installRequestSensor>[0]);
    trackPageSchedule(win, HORIZON_MS, RECENT_MS);
    Object.assign(win, {
      frames: { length: options.frames ?? 0 },
      document: { getAnimations: () => options.animations ?? [] },
    });
    return win;
  }
  const now = 10_000;

  it('is true for a still page with nothing scheduled, no iframe and no animation', () => {
    expect(isPageIdle(contentView(), watch(), now)).toBe(true);
  });

  it('is false without a watch, or one that has not watched long enough', () => {
    expect(isPageIdle(contentView(), null, now)).toBe(false);
    expect(isPageIdle(contentView(), watch({ since: now - FRAMES_QUIET_MS + 1 }), now)).toBe(false);
    expect(isPageIdle(contentView(), watch({ present: false }), now)).toBe(false);
  });

  it('is false when the page asked for a frame or started a request lately', () => {
    expect(isPageIdle(contentView(), watch({ lastFrameAskedAt: now - 10 }), now)).toBe(false);
    expect(isPageIdle(contentView(), watch({ lastRequestAt: now - 10 }), now)).toBe(false);
    expect(isPageIdle(contentView(), watch({ lastRequestAt: now - FRAMES_QUIET_MS }), now)).toBe(true);
  });

  it('is false with an iframe (whose schedule it cannot see) or an animation under way', () => {
    expect(isPageIdle(contentView({ frames: 1 }), watch(), now)).toBe(false);
    expect(isPageIdle(contentView({ animations: [{ playState: 'running', pending: false }] }), watch(), now)).toBe(
      false,
    );
    expect(isPageIdle(contentView({ animations: [{ playState: 'paused', pending: true }] }), watch(), now)).toBe(false);
    expect(isPageIdle(contentView({ animations: [{ playState: 'finished', pending: false }] }), watch(), now)).toBe(
      true,
    );
  });

  it('is false when the page has a timer due soon', () => {
    const win = contentView();
    win.setTimeout(() => undefined, 200);
    expect(isPageIdle(win, watch(), now)).toBe(false);
  });
});
