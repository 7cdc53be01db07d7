/**
 * Whether a page still has work scheduled that could send something soon after a run's last step.
 *
 * A run keeps the tab's unapproved sends blocked until it ends, and before ending waits for the tab's network
 * to stay quiet for LATE_SEND_QUIET_MS: a send the page put off by a short timer (a debounce, an "undo"
 * moment) is then still blocked and reported instead of leaving once the guard is lifted. Most pages have
 * nothing scheduled by then, and the wait is most of a short run's end. The request sensor, in the page's own
 * world from document_start, also notes the timers, idle callbacks, workers and sockets the page creates
 * (`trackPageSchedule`); the content script asks it (`isPageIdle`) whether anything could still run within
 * that window. Only a page that answers idle, with no iframe, animation or recent request, lets the run end
 * after a short quiet instead.
 *
 * The risk is an ordinary page doing what this does not see (a scheduler it does not know, a response its own
 * service worker answers): its send then leaves once the run ended instead of being blocked and reported. A page
 * that forges or suppresses the answer gains nothing it would not get by waiting a moment longer than the window
 * (the guard never holds past the run anyway); it cannot make a run end before its steps, nor let anything
 * through while the run is under way.
 */

import { FRAMES_QUIET_MS, isPageStill, type PageRequestWatch } from './page-requests';
import { callPageFunction as call, type PageFunction, wrapPageMethod as wrap } from './page-wrap';

/** The content script asks; the sensor answers at once, IDLE or BUSY. */
const SCHEDULE_QUERY = 'understudy:page-schedule-query';
const SCHEDULE_IDLE = 'understudy:page-schedule-idle';
const SCHEDULE_BUSY = 'understudy:page-schedule-busy';

/** A task or timeout signal this far past its due time ran (it cannot be seen running). */
const FIRED_SLACK_MS = 1000;
/** Deadlines kept before the stale ones are dropped (a page making a timeout signal per request). */
const DEADLINES_PRUNED_ABOVE = 256;
/** A frame the page asked for is due about one display frame later. */
const FRAME_MS = 17;

type PageWindow = Window & typeof globalThis;
/** Marks a window whose schedule is already tracked (a second injection must not wrap the wrappers). */
const tracked = Symbol.for('understudy.pageSchedule');

export interface Schedule {
  /** Callbacks seen running when they run (function timers, idle callbacks, frames), by kind and handle → when due. */
  pending: Map<string, number>;
  /**
   * String timers, scheduler tasks and timeout signals → when due: dropped once long past due (a string timer or
   * a signal is not seen firing, an aborted task never runs).
   */
  deadlines: Map<unknown, number>;
  /** setInterval handles → when they started and their period. */
  intervals: Map<number, { start: number; period: number }>;
  /** Workers, sockets, event streams and broadcast channels the page opened: any can make it send at any time. */
  channels: number;
  /** When (performance.now()) the page last posted a message: how schedulers chain their work (React's does). */
  lastPostedAt: number | null;
  /** IndexedDB transactions and open or delete requests not yet finished: a page may send once one is. */
  openStorage: number;
  /**
   * When (performance.now()) the page last started other work that ends in a promise or event this cannot see
   * settle (WebCrypto, the Cache API, a file or blob read, an image decode, a lock, the clipboard, a response
   * body): a send chained on it counts as due for the whole horizon, as the plain quiet wait covered it.
   */
  lastAsyncAt: number | null;
}

/** Methods that start work ending in a promise or event, by the global that owns them (its prototype's). */
const ASYNC_METHODS: readonly [owner: string, prototype: boolean, names: readonly string[]][] = [
  [
    'SubtleCrypto',
    true,
    [
      'encrypt',
      'decrypt',
      'sign',
      'verify',
      'digest',
      'generateKey',
      'deriveKey',
      'deriveBits',
      'importKey',
      'exportKey',
      'wrapKey',
      'unwrapKey',
    ],
  ],
  ['CacheStorage', true, ['open', 'match', 'has', 'delete', 'keys']],
  ['Cache', true, ['match', 'matchAll', 'add', 'addAll', 'put', 'delete', 'keys']],
  ['FileReader', true, ['readAsArrayBuffer', 'readAsBinaryString', 'readAsDataURL', 'readAsText']],
  ['Blob', true, ['text', 'arrayBuffer', 'bytes', 'stream']],
  ['Response', true, ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes']],
  ['HTMLCanvasElement', true, ['toBlob']],
  ['OffscreenCanvas', true, ['convertToBlob']],
  ['HTMLImageElement', true, ['decode']],
  ['LockManager', true, ['request']],
  ['Clipboard', true, ['read', 'readText', 'write', 'writeText']],
  ['WebAssembly', false, ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']],
];

/**
 * Wraps the page's ways to put work off (setTimeout, setInterval, their clear functions, requestIdleCallback,
 * requestAnimationFrame and their cancel functions, scheduler.postTask, AbortSignal.timeout, postMessage), to
 * wait on other work (IndexedDB, ASYNC_METHODS) and to open a channel (Worker, SharedWorker, WebSocket,
 * EventSource, BroadcastChannel), to keep the page's schedule; answers SCHEDULE_QUERY with whether anything is
 * due within `horizonMs` (other work started within it counts as due), or a message was posted within
 * `recentMs`. Calls go through unchanged (the same receiver, arguments, result, name and length). Run once per
 * window, from the request sensor, before any page script.
 */
export function trackPageSchedule(win: PageWindow, horizonMs: number, recentMs: number): void {
  const flagged = win as PageWindow & { [tracked]?: true };
  if (flagged[tracked]) return;
  flagged[tracked] = true;
  // Taken now, before any page script can replace them.
  const construct = Reflect.construct;
  const performance = win.performance;
  const performanceNow = performance.now;
  const now = (): number => call(performanceNow, performance, []) as number;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const PageEvent = win.Event;
  const schedule: Schedule = {
    pending: new Map(),
    deadlines: new Map(),
    intervals: new Map(),
    channels: 0,
    lastPostedAt: null,
    openStorage: 0,
    lastAsyncAt: null,
  };
  // As the browser reads a delay: a whole number of ms, and anything past 2^31 - 1 or below 0 as 0.
  const delayOf = (delay: unknown) => Math.max(0, Number(delay) | 0);
  const addDeadline = (key: unknown, due: number) => {
    if (schedule.deadlines.size >= DEADLINES_PRUNED_ABOVE) pruneDeadlines(schedule, now());
    schedule.deadlines.set(key, due);
  };
  /** The callback the browser gets instead of the page's: forgets `forget()` when it runs, then runs the page's. */
  const forgetting = (forget: () => void, callback: PageFunction) =>
    function (this: unknown, ...args: unknown[]) {
      forget();
      return call(callback, this, args);
    };

  wrap(win, 'setTimeout', (original, self, [handler, ...rest]) => {
    let handle = 0;
    const key = () => `timeout:${handle}`;
    const isFunction = typeof handler === 'function';
    const run = isFunction ? forgetting(() => schedule.pending.delete(key()), handler as PageFunction) : handler;
    handle = call(original, self, [run, ...rest]) as number;
    const due = now() + delayOf(rest[0]);
    if (isFunction) schedule.pending.set(key(), due);
    else addDeadline(key(), due);
    return handle;
  });
  wrap(win, 'setInterval', (original, self, args) => {
    const handle = call(original, self, args) as number;
    schedule.intervals.set(handle, { start: now(), period: Math.max(1, delayOf(args[1])) });
    return handle;
  });
  // Timeouts and intervals share one pool of handles: either clear function clears either.
  const clearing = (original: PageFunction, self: unknown, args: unknown[]) => {
    schedule.pending.delete(`timeout:${args[0]}`);
    schedule.deadlines.delete(`timeout:${args[0]}`);
    schedule.intervals.delete(args[0] as number);
    return call(original, self, args);
  };
  wrap(win, 'clearTimeout', clearing);
  wrap(win, 'clearInterval', clearing);

  const tracking = (kind: string, dueIn: number) => (original: PageFunction, self: unknown, args: unknown[]) => {
    const [callback, ...rest] = args;
    if (typeof callback !== 'function') return call(original, self, args);
    let handle = 0;
    const key = () => `${kind}:${handle}`;
    handle = call(original, self, [forgetting(() => schedule.pending.delete(key()), callback), ...rest]) as number;
    schedule.pending.set(key(), now() + dueIn);
    return handle;
  };
  const cancelling = (kind: string) => (original: PageFunction, self: unknown, args: unknown[]) => {
    schedule.pending.delete(`${kind}:${args[0]}`);
    return call(original, self, args);
  };
  wrap(win, 'requestIdleCallback', tracking('idle', 0));
  wrap(win, 'cancelIdleCallback', cancelling('idle'));
  wrap(win, 'requestAnimationFrame', tracking('frame', FRAME_MS));
  wrap(win, 'cancelAnimationFrame', cancelling('frame'));

  const scheduler = (win as { scheduler?: object }).scheduler;
  if (scheduler) {
    wrap(scheduler, 'postTask', (original, self, [callback, ...rest]) => {
      // A task aborted never runs: it is a deadline, forgotten when it runs or once long past due.
      const key = {};
      const run =
        typeof callback === 'function' ? forgetting(() => schedule.deadlines.delete(key), callback) : callback;
      const task = call(original, self, [run, ...rest]);
      addDeadline(key, now() + delayOf((rest[0] as { delay?: unknown } | undefined)?.delay));
      return task;
    });
  }
  if (win.AbortSignal) {
    wrap(win.AbortSignal, 'timeout', (original, self, args) => {
      const signal = call(original, self, args);
      addDeadline(signal, now() + delayOf(args[0]));
      return signal;
    });
  }

  const markingAsync = (original: PageFunction, self: unknown, args: unknown[]) => {
    schedule.lastAsyncAt = now();
    return call(original, self, args);
  };
  wrap(win, 'createImageBitmap', markingAsync);
  for (const [name, onPrototype, methods] of ASYNC_METHODS) {
    const global = (win as unknown as Record<string, unknown>)[name] as { prototype?: object } | undefined;
    const owner = onPrototype ? global?.prototype : global;
    if (!owner || typeof owner !== 'object') continue;
    for (const method of methods) wrap(owner, method, markingAsync);
  }

  // IndexedDB: counted from a transaction's (or open request's) start until it ends, by listening to it.
  const addListener = win.EventTarget.prototype.addEventListener;
  const untilEnds = (target: unknown, events: readonly string[]) => {
    schedule.openStorage++;
    let open = true;
    const ended = () => {
      if (!open) return;
      open = false;
      schedule.openStorage--;
    };
    for (const type of events) call(addListener, target, [type, ended]);
  };
  const storageTracker = (events: readonly string[]) => (original: PageFunction, self: unknown, args: unknown[]) => {
    const started = call(original, self, args);
    if (started && typeof started === 'object') untilEnds(started, events);
    return started;
  };
  if (win.IDBDatabase) wrap(win.IDBDatabase.prototype, 'transaction', storageTracker(['complete', 'abort']));
  if (win.IDBFactory) {
    wrap(win.IDBFactory.prototype, 'open', storageTracker(['success', 'error']));
    wrap(win.IDBFactory.prototype, 'deleteDatabase', storageTracker(['success', 'error']));
  }

  const posting = (original: PageFunction, self: unknown, args: unknown[]) => {
    schedule.lastPostedAt = now();
    return call(original, self, args);
  };
  wrap(win, 'postMessage', posting);
  if (win.MessagePort) wrap(win.MessagePort.prototype, 'postMessage', posting);

  for (const name of ['Worker', 'SharedWorker', 'WebSocket', 'EventSource', 'BroadcastChannel'] as const) {
    const Original = win[name] as (new (...args: unknown[]) => object) | undefined;
    if (typeof Original !== 'function') continue;
    (win as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        const opened = construct(target, args, newTarget);
        schedule.channels++;
        return opened;
      },
    });
  }

  // At the target, capture listeners run first, in the order added: this one, added before any page script,
  // answers before a page's. (A page can still hide the answer from the content script: see the header.)
  win.addEventListener(
    SCHEDULE_QUERY,
    () => {
      const idle = !hasWorkDue(schedule, now(), horizonMs, recentMs);
      dispatch.call(win, new PageEvent(idle ? SCHEDULE_IDLE : SCHEDULE_BUSY));
    },
    true,
  );
}

function pruneDeadlines(schedule: Schedule, at: number): void {
  for (const [key, due] of schedule.deadlines) {
    if (due < at - FIRED_SLACK_MS) schedule.deadlines.delete(key);
  }
}

/**
 * Anything that may run within `horizonMs` of `at`: a callback or deadline due by then (or overdue), an interval
 * firing, a message posted within `recentMs`, an open channel.
 */
export function hasWorkDue(schedule: Schedule, at: number, horizonMs: number, recentMs: number): boolean {
  if (schedule.channels > 0 || schedule.openStorage > 0) return true;
  if (schedule.lastPostedAt !== null && at - schedule.lastPostedAt < recentMs) return true;
  if (schedule.lastAsyncAt !== null && at - schedule.lastAsyncAt < horizonMs) return true;
  const limit = at + horizonMs;
  pruneDeadlines(schedule, at);
  for (const due of [...schedule.pending.values(), ...schedule.deadlines.values()]) {
    if (due <= limit) return true;
  }
  for (const { start, period } of schedule.intervals.values()) {
    const next = start + Math.max(1, Math.ceil((at - start) / period)) * period;
    if (next <= limit) return true;
  }
  return false;
}

/**
 * From the content script, as a run is about to end: whether the page is idle enough to lift the guard after a
 * short quiet. It must have the sensor (`watch.present`), have asked for no animation frame and started no
 * request lately, hold no iframe (whose schedule this document cannot see), run no animation or transition
 * (a page may send when one ends), and its world must say nothing it scheduled is due soon.
 */
export function isPageIdle(win: Window, watch: PageRequestWatch | null, now = performance.now()): boolean {
  if (!watch || !isPageStill(watch, now)) return false;
  if (watch.lastRequestAt !== null && now - watch.lastRequestAt < FRAMES_QUIET_MS) return false;
  if (win.frames.length > 0) return false;
  const animations = typeof win.document.getAnimations === 'function' ? win.document.getAnimations() : [];
  if (animations.some((animation) => animation.pending || animation.playState === 'running')) return false;
  return pageScheduleIdle(win);
}

/**
 * From the content script: whether the page's world says nothing it scheduled is due within the sensor's
 * horizon. False when no sensor answers (a page opened before access was granted), or when anything says busy.
 */
export function pageScheduleIdle(win: Window): boolean {
  let idle = false;
  let busy = false;
  const onIdle = () => {
    idle = true;
  };
  const onBusy = () => {
    busy = true;
  };
  win.addEventListener(SCHEDULE_IDLE, onIdle);
  win.addEventListener(SCHEDULE_BUSY, onBusy);
  try {
    win.dispatchEvent(new Event(SCHEDULE_QUERY));
  } finally {
    win.removeEventListener(SCHEDULE_IDLE, onIdle);
    win.removeEventListener(SCHEDULE_BUSY, onBusy);
  }
  return idle && !busy;
}
