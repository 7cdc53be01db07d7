import { describe, expect, it, vi } from 'vitest';
import {
  afterPageReaction,
  FRAMES_QUIET_MS,
  installRequestSensor,
  isPageStill,
  PAGE_FRAME_EVENT,
  PAGE_REQUEST_EVENT,
  watchPageRequests,
} from '@/lib/replay/page-requests';

type PageWindow = Parameters<typeof installRequestSensor>[0];

/** A page world with the calls the sensor wraps, each recording how it was called. */
function pageWorld() {
  const calls: { name: string; self: unknown; args: unknown[] }[] = [];
  class FakeXhr {
    send(...args: unknown[]) {
      calls.push({ name: 'xhr.send', self: this, args });
      return 'xhr-result';
    }
  }
  class FakeNavigator {
    sendBeacon(...args: unknown[]) {
      calls.push({ name: 'sendBeacon', self: this, args });
      return true;
    }
  }
  class FakeSocket {
    constructor(readonly url: string) {
      calls.push({ name: 'new WebSocket', self: this, args: [url] });
    }
    send(...args: unknown[]) {
      calls.push({ name: 'socket.send', self: this, args });
    }
  }
  const frames: (() => void)[] = [];
  const win = Object.assign(new EventTarget(), {
    Event,
    EventTarget,
    XMLHttpRequest: FakeXhr,
    Navigator: FakeNavigator,
    WebSocket: FakeSocket,
    fetch(this: unknown, ...args: unknown[]) {
      calls.push({ name: 'fetch', self: this, args });
      return Promise.resolve('response');
    },
    requestAnimationFrame(callback: () => void) {
      frames.push(callback);
      return frames.length;
    },
    setTimeout: globalThis.setTimeout.bind(globalThis),
    clearTimeout: globalThis.clearTimeout.bind(globalThis),
  });
  const events: string[] = [];
  win.addEventListener(PAGE_REQUEST_EVENT, () => events.push('request'));
  win.addEventListener(PAGE_FRAME_EVENT, () => events.push('frame'));
  return { win: win as unknown as PageWindow & typeof win, calls, events, frames, FakeSocket };
}

describe('installRequestSensor', () => {
  it('fires an event before every fetch, XHR send, beacon and WebSocket open or send', async () => {
    const { win, calls, events, FakeSocket } = pageWorld();
    installRequestSensor(win);

    await expect(win.fetch('/api/save', { method: 'POST' })).resolves.toBe('response');
    const xhr = new win.XMLHttpRequest();
    expect(xhr.send('body')).toBe('xhr-result');
    const navigator = new win.Navigator();
    expect(navigator.sendBeacon('/beacon', 'data')).toBe(true);
    const socket = new win.WebSocket('ws://127.0.0.1/chat');
    socket.send('hello');

    expect(events).toEqual(['request', 'request', 'request', 'request', 'request']);
    // Passed through unchanged: the same receiver, arguments and results as without the sensor.
    expect(calls.map(({ name, args }) => [name, args])).toEqual([
      ['fetch', ['/api/save', { method: 'POST' }]],
      ['xhr.send', ['body']],
      ['sendBeacon', ['/beacon', 'data']],
      ['new WebSocket', ['ws://127.0.0.1/chat']],
      ['socket.send', ['hello']],
    ]);
    expect(calls[0]?.self).toBe(win);
    expect(calls[1]?.self).toBe(xhr);
    expect(calls[2]?.self).toBe(navigator);
    expect(socket).toBeInstanceOf(FakeSocket);
    expect(socket.url).toBe('ws://127.0.0.1/chat');
    expect(calls[4]?.self).toBe(socket);
  });

  it('keeps the wrapped functions looking like the originals', () => {
    const { win } = pageWorld();
    installRequestSensor(win);
    expect(win.fetch.name).toBe('fetch');
    expect(win.XMLHttpRequest.prototype.send.name).toBe('send');
    // Like the built-ins, a wrapped method is not a constructor.
    expect(() => new (win.fetch as unknown as new () => unknown)()).toThrow(TypeError);
  });

  it('tells of animation frames the page asks for, returning its handle', () => {
    const { win, events, frames } = pageWorld();
    installRequestSensor(win);
    const handle = win.requestAnimationFrame(() => undefined);
    expect(handle).toBe(1);
    expect(frames).toHaveLength(1);
    expect(events).toEqual(['frame']);
  });

  it('wraps once when installed twice', async () => {
    const { win, events } = pageWorld();
    installRequestSensor(win);
    installRequestSensor(win);
    await win.fetch('/x');
    expect(events).toEqual(['request']);
  });
});

describe('watchPageRequests', () => {
  it('finds no sensor on a page without one, and counts nothing', async () => {
    const { win } = pageWorld();
    const watch = watchPageRequests(win);
    await win.fetch('/x');
    expect(watch.present).toBe(false);
    expect(watch.count).toBe(0);
  });

  it('counts the requests and frames the sensor reports, until stopped', async () => {
    const { win } = pageWorld();
    installRequestSensor(win);
    const watch = watchPageRequests(win);
    expect(watch.present).toBe(true);
    await win.fetch('/a');
    new win.XMLHttpRequest().send(null);
    win.requestAnimationFrame(() => undefined);
    expect([watch.count, watch.frames]).toEqual([2, 1]);
    watch.stop();
    await win.fetch('/b');
    win.requestAnimationFrame(() => undefined);
    expect([watch.count, watch.frames]).toEqual([2, 1]);
  });

  it('notes when the watch began and when the page last asked for a frame', () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
    try {
      const { win } = pageWorld();
      installRequestSensor(win);
      const watch = watchPageRequests(win);
      expect([watch.since, watch.lastFrameAskedAt]).toEqual([1000, null]);
      now.mockReturnValue(1020);
      win.requestAnimationFrame(() => undefined);
      now.mockReturnValue(1090);
      win.requestAnimationFrame(() => undefined);
      expect([watch.since, watch.lastFrameAskedAt]).toEqual([1000, 1090]);
    } finally {
      now.mockRestore();
    }
  });

  it('calls a page still only when it asked for no frame lately, and was watched long enough to tell', () => {
    const watch = (since: number, lastFrameAskedAt: number | null, present = true) =>
      ({ present, count: 0, frames: 0, since, lastFrameAskedAt, lastRequestAt: null, stop() {} }) as const;
    const later = 1000 + FRAMES_QUIET_MS;
    expect(isPageStill(watch(1000, null), later)).toBe(true);
    expect(isPageStill(watch(1000, null), later - 1)).toBe(false);
    expect(isPageStill(watch(0, 1000), later)).toBe(true);
    expect(isPageStill(watch(0, 1001), later)).toBe(false);
    expect(isPageStill(watch(0, null, false), later)).toBe(false);
    expect(isPageStill(null, later)).toBe(false);
  });

  it('still counts when a page listener stops the event from spreading', async () => {
    const { win } = pageWorld();
    installRequestSensor(win);
    const watch = watchPageRequests(win);
    // Added after the watch (as any page script runs after the sensor's watch is set up at capture).
    win.addEventListener(PAGE_REQUEST_EVENT, (event) => event.stopImmediatePropagation());
    await win.fetch('/a');
    expect(watch.count).toBe(1);
  });
});

describe('afterPageReaction', () => {
  it('waits for the tasks the page queued at once, and no frame when the page asked for none', async () => {
    const { win } = pageWorld();
    const raf = vi.spyOn(win, 'requestAnimationFrame');
    const order: string[] = [];
    win.setTimeout(() => order.push('page task'), 0);
    await afterPageReaction(win, () => false).then(() => order.push('settled'));
    expect(order).toEqual(['page task', 'settled']);
    expect(raf).not.toHaveBeenCalled();
  });

  it('waits for the next frame and a task after it when the page asked for a frame', async () => {
    const { win, frames } = pageWorld();
    const order: string[] = [];
    // What a UI library's effect does: a frame, then a task, then the send.
    win.requestAnimationFrame(() => win.setTimeout(() => order.push('effect'), 0));
    const settled = afterPageReaction(win, () => true, 10_000).then(() => order.push('settled'));
    // The frame comes: run the callbacks asked for so far, in order (the page's first).
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    for (const callback of frames.splice(0)) callback();
    await settled;
    expect(order).toEqual(['effect', 'settled']);
  });

  it('goes on after a while when no frame comes (a hidden tab)', async () => {
    const { win, frames } = pageWorld();
    await afterPageReaction(win, () => true, 5);
    expect(frames).toHaveLength(1);
  });
});
