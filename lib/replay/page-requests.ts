/**
 * Knowing at once whether an action made the page start a request.
 *
 * The network backstop (entrypoints/background/backstop.ts) blocks every unapproved send, but it learns
 * of one through webRequest, some milliseconds later and out of step with the page: so after each
 * click-like action the run used to wait 40 ms for the tab's network to stay quiet before the next
 * action, on every page, whether or not it sends anything. A sensor in the page's own world
 * (`installRequestSensor`, run at document_start before any page script) wraps the calls a page starts
 * requests with and fires a DOM event, synchronously, each time; the content script counts those events
 * (`watchPageRequests`). After an action, once the page's immediate reaction ran (`afterPageReaction`),
 * no event means the run need not wait; any request means it waits for the network as before.
 *
 * The sensor decides nothing about safety: the page can forge, hide or bypass it (a fetch taken from a
 * fresh iframe, a worker). What it bypasses is still blocked by the backstop, and is then reported as a
 * send that came after its step (the run stops; nothing was sent). Only the attribution can get worse.
 */

import { callPageFunction, wrapPageMethod } from './page-wrap';

/** Fired on the window, from the page's world, each time the page starts a request. */
export const PAGE_REQUEST_EVENT = 'understudy:page-request';
/** Fired each time the page asks for an animation frame (work it put off until the next paint). */
export const PAGE_FRAME_EVENT = 'understudy:page-frame';
/** The content script asks whether the sensor is installed in this document; it answers at once. */
const SENSOR_PING = 'understudy:request-sensor-ping';
const SENSOR_PONG = 'understudy:request-sensor-pong';

type PageWindow = Window & typeof globalThis;
/** Marks a window whose calls are already wrapped (a second injection must not wrap the wrappers). */
const installed = Symbol.for('understudy.requestSensor');

/**
 * Wraps fetch, XMLHttpRequest#send, navigator.sendBeacon and WebSocket (opening and sending) so each
 * call first fires PAGE_REQUEST_EVENT, and requestAnimationFrame so it fires PAGE_FRAME_EVENT. The wrappers pass `this`, the arguments and the results through
 * unchanged. Installs once per window.
 */
export function installRequestSensor(win: PageWindow): void {
  const flagged = win as PageWindow & { [installed]?: true };
  if (flagged[installed]) return;
  flagged[installed] = true;
  // Taken now, before any page script: a page that later replaces dispatchEvent or Event (a polyfill,
  // a test double) does not silence the sensor.
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const PageEvent = win.Event;
  const fire = (type: string) => () => {
    dispatch.call(win, new PageEvent(type));
  };
  const notify = fire(PAGE_REQUEST_EVENT);
  wrapMethod(win, 'fetch', notify);
  wrapMethod(win, 'requestAnimationFrame', fire(PAGE_FRAME_EVENT));
  if (win.XMLHttpRequest) wrapMethod(win.XMLHttpRequest.prototype, 'send', notify);
  if (win.Navigator && 'sendBeacon' in win.Navigator.prototype)
    wrapMethod(win.Navigator.prototype, 'sendBeacon', notify);
  if (win.WebSocket) {
    wrapMethod(win.WebSocket.prototype, 'send', notify);
    const OriginalWebSocket = win.WebSocket;
    win.WebSocket = new Proxy(OriginalWebSocket, {
      construct(target, args, newTarget) {
        notify();
        return Reflect.construct(target, args, newTarget);
      },
    });
  }
  win.addEventListener(SENSOR_PING, fire(SENSOR_PONG));
}

function wrapMethod(owner: object, name: string, notify: () => void): void {
  wrapPageMethod(owner, name, (original, self, args) => {
    notify();
    return callPageFunction(original, self, args);
  });
}

export interface PageRequestWatch {
  /** Whether this document's page world has the sensor (false on pages opened before access was granted). */
  readonly present: boolean;
  /** Requests the page started since the watch began. */
  readonly count: number;
  /** Animation frames the page asked for since the watch began. */
  readonly frames: number;
  /** When (performance.now()) the watch began. */
  readonly since: number;
  /** When (performance.now()) the page last asked for an animation frame; null if not since the watch began. */
  readonly lastFrameAskedAt: number | null;
  /** When (performance.now()) the page last started a request; null if not since the watch began. */
  readonly lastRequestAt: number | null;
  stop(): void;
}

/** Counts the sensor's events in `win` (from the content script's world: DOM events cross worlds). */
export function watchPageRequests(win: Window): PageRequestWatch {
  let count = 0;
  let frames = 0;
  let present = false;
  let lastRequestAt: number | null = null;
  const onRequest = () => {
    count++;
    lastRequestAt = performance.now();
  };
  const since = performance.now();
  let lastFrameAskedAt: number | null = null;
  const onFrame = () => {
    frames++;
    lastFrameAskedAt = performance.now();
  };
  const onPong = () => {
    present = true;
  };
  // Capture on the window: nothing the page adds later runs before it.
  win.addEventListener(PAGE_REQUEST_EVENT, onRequest, true);
  win.addEventListener(PAGE_FRAME_EVENT, onFrame, true);
  win.addEventListener(SENSOR_PONG, onPong);
  win.dispatchEvent(new Event(SENSOR_PING));
  win.removeEventListener(SENSOR_PONG, onPong);
  return {
    get present() {
      return present;
    },
    get count() {
      return count;
    },
    get frames() {
      return frames;
    },
    since,
    get lastFrameAskedAt() {
      return lastFrameAskedAt;
    },
    get lastRequestAt() {
      return lastRequestAt;
    },
    stop() {
      win.removeEventListener(PAGE_REQUEST_EVENT, onRequest, true);
      win.removeEventListener(PAGE_FRAME_EVENT, onFrame, true);
    },
  };
}

/**
 * A frame the page asked for fires within about 17 ms in a visible tab: this long after its last ask, no
 * frame callback of the page's is pending, nor running in a loop (a loop asks again on every frame).
 */
export const FRAMES_QUIET_MS = 50;

/**
 * Whether the page moves nothing from one frame to the next by itself: its sensor saw it ask for no
 * animation frame for FRAMES_QUIET_MS (and watched at least that long). CSS and Web Animations are not
 * seen here (actionability.ts checks those apart); nor is a timer that moves things, which two frames
 * 17 ms apart would miss as well.
 */
export function isPageStill(watch: PageRequestWatch | null, now = performance.now()): boolean {
  if (!watch?.present) return false;
  return now - watch.since >= FRAMES_QUIET_MS && now - (watch.lastFrameAskedAt ?? -Infinity) >= FRAMES_QUIET_MS;
}

/** A frame in a hidden tab never comes: how long to wait for one before going on. */
const FRAME_FALLBACK_MS = 50;

/**
 * Resolves once the page's immediate reaction to an action has run: its microtasks and the tasks it
 * queued at once, and, when it asked for an animation frame meanwhile (`framesAsked` tells, read when
 * called), that frame and a task after it: UI libraries run effects after the next paint (Preact's
 * useEffect is a frame then a timeout). A send put off longer is not seen here; the backstop still
 * blocks it and it is reported as coming after its step.
 */
export async function afterPageReaction(
  win: Window,
  framesAsked: () => boolean,
  frameFallbackMs = FRAME_FALLBACK_MS,
): Promise<void> {
  const task = () => new Promise<void>((resolve) => win.setTimeout(resolve, 0));
  await task();
  if (!framesAsked()) return;
  await new Promise<void>((resolve) => {
    const timer = win.setTimeout(resolve, frameFallbackMs);
    win.requestAnimationFrame(() => {
      win.clearTimeout(timer);
      resolve();
    });
  });
  await task();
}
