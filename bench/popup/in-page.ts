/**
 * Page side of bench/popup.ts, installed with `addInitScript` so it runs before any script of the
 * measured page. Every timestamp is `performance.now()` in that page, i.e. milliseconds since its
 * navigation started (`performance.timeOrigin`), so Playwright's own round trips are never counted.
 *
 * - first paint / first contentful paint: the browser's own 'paint' entries.
 * - list in DOM: a MutationObserver sees `[data-testid=task-list]` holding all the tasks, or, for
 *   a list that renders only the rows on screen (the popup since issue 8), rows that say they are
 *   part of a list of all the tasks (aria-setsize) reaching past the bottom of the window.
 * - list painted: the end of the next frame after that (a rAF callback, then a task queued from it
 *   runs after the frame's style, layout and paint).
 * - messages (ours only): each `chrome.runtime.sendMessage` the page makes, start and reply, to say
 *   where the time goes. The wrapper adds two `performance.now()` calls per message.
 *
 * This function is serialised into the page: it must not use anything from its module scope.
 */
export interface MessageTiming {
  type: string;
  startMs: number;
  endMs: number;
}

export interface PageTimings {
  firstPaintMs: number | null;
  firstContentfulPaintMs: number | null;
  listInDomMs: number;
  listPaintedMs: number;
  messages: MessageTiming[];
}

export const RESULT_GLOBAL = '__popupBench';

export function instrumentPage({ paths, expected, global }: { paths: string[]; expected: number; global: string }) {
  if (!paths.includes(location.pathname)) return;
  const paints: Record<string, number> = {};
  const messages: MessageTiming[] = [];
  let listInDomMs = Number.NaN;
  let listPaintedMs = Number.NaN;
  let resolve: (timings: PageTimings) => void = () => undefined;
  (window as unknown as Record<string, unknown>)[global] = new Promise<PageTimings>((done) => {
    resolve = done;
  });
  const finishIfDone = () => {
    if (Number.isNaN(listPaintedMs) || paints['first-contentful-paint'] === undefined) return;
    resolve({
      firstPaintMs: paints['first-paint'] ?? null,
      firstContentfulPaintMs: paints['first-contentful-paint'] ?? null,
      listInDomMs,
      listPaintedMs,
      messages,
    });
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) paints[entry.name] = entry.startTime;
    finishIfDone();
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    const list = document.querySelector('[data-testid="task-list"]');
    const last = list?.lastElementChild;
    if (!list || !last) return;
    const windowed =
      last.getAttribute('aria-setsize') === String(expected) && last.getBoundingClientRect().top >= innerHeight;
    if (list.childElementCount < expected && !windowed) return;
    observer.disconnect();
    listInDomMs = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        listPaintedMs = performance.now();
        finishIfDone();
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true });

  const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome
    ?.runtime;
  const original = runtime?.sendMessage;
  if (!runtime || !original) return;
  runtime.sendMessage = (...args: unknown[]) => {
    const startMs = performance.now();
    const type = String((args.find((arg) => typeof arg === 'object' && arg !== null) as { type?: string })?.type);
    const log = () => messages.push({ type, startMs, endMs: performance.now() });
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : null;
    if (callback) {
      return original.call(runtime, ...args, (reply: unknown) => {
        log();
        callback(reply);
      });
    }
    return (original.call(runtime, ...args) as Promise<unknown>).then((reply) => {
      log();
      return reply;
    });
  };
}
