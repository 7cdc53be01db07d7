// @vitest-environment node
/**
 * lib/replay in a real layout engine: Chromium via playwright-core, the executor bundled exactly as the extension
 * ships it and injected into each scenario page. Each scenario's page changes itself with its own timers (an element
 * appears, a button is enabled, an overlay goes away); the tests only wait on outcomes, never on sleeps.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';
import type { StepOutcome } from '@/lib/replay';
import type { Step } from '@/lib/task/schema';

declare global {
  interface Window {
    UnderstudyReplay: typeof import('./page-entry');
    events: string[];
    /** A scenario's change that must happen after recording and before replay (no race with page timers). */
    beforeReplay?: () => void;
  }
}

/** Long enough for every page-side timer below (≤ 600 ms) with room to spare on a slow machine. */
const STEP_TIMEOUT_MS = 5_000;
/** Short, for scenarios that must fail. */
const FAIL_TIMEOUT_MS = 600;

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleForPage('test/replay-harness/page-entry.ts', 'UnderstudyReplay');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
});

afterAll(async () => {
  await browser?.close();
});

type StepWithoutTarget = { kind: Step['kind'] } & Record<string, unknown>;

/**
 * Loads `html`, records the element at `selector` the way the recorder would (before the page's timers change it),
 * then replays `step` against it and returns the outcome (without live elements).
 */
async function replay(html: string, selector: string, step: StepWithoutTarget, timeoutMs = STEP_TIMEOUT_MS) {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    async ({ selector, step, timeoutMs }) => {
      const R = window.UnderstudyReplay;
      const find = (path: string): Element => {
        // "host >>> inner" reaches into an open shadow root.
        let root: Document | ShadowRoot = document;
        let element: Element | null = null;
        for (const part of path.split('>>>').map((text) => text.trim())) {
          element = root.querySelector(part);
          if (!element) throw new Error(`no ${part}`);
          if (element.shadowRoot) root = element.shadowRoot;
        }
        return element as Element;
      };
      const target = R.describeElement(find(selector));
      window.beforeReplay?.();
      const full = { id: 's1', optional: false, alwaysAsk: false, frame: [], tab: 0, target, ...step };
      const outcome = await R.executeStep(document, full as never, { name: 'Ada Lovelace' }, { timeoutMs });
      const { elements: _elements, ...rest } = outcome as StepOutcome & { elements?: unknown };
      // Live elements cannot leave the page; everything else of the outcome can.
      return rest as StepOutcome;
    },
    { selector, step, timeoutMs },
  );
}

const LOG_CLICKS = `<script>
  window.events = [];
  document.addEventListener('click', (e) => window.events.push('click:' + (e.composedPath()[0].id || e.composedPath()[0].localName)), true);
</script>`;

describe('replay in Chromium', () => {
  it('waits for a hidden element to appear, then clicks it', async () => {
    const outcome = await replay(
      `${LOG_CLICKS}<button id="go" style="display:none">Continue</button>
       <script>setTimeout(() => { document.getElementById('go').style.display = ''; }, 300);</script>`,
      '#go',
      { kind: 'click' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['click:go']);
  });

  it('waits for a disabled button to be enabled, and clicks it only then', async () => {
    const outcome = await replay(
      `<button id="save" disabled>Save</button>
       <script>
         window.events = [];
         const b = document.getElementById('save');
         b.addEventListener('click', () => window.events.push(b.disabled ? 'clicked-while-disabled' : 'clicked'));
         setTimeout(() => { b.disabled = false; }, 300);
       </script>`,
      '#save',
      { kind: 'click' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['clicked']);
  });

  it('reports a button that never becomes enabled', async () => {
    const outcome = await replay(
      '<button id="save" disabled>Save</button>',
      '#save',
      { kind: 'click' },
      FAIL_TIMEOUT_MS,
    );
    expect(outcome).toEqual({
      status: 'failed',
      code: 'not-enabled',
      message: "button 'Save' never became enabled within 600 ms.",
    });
  });

  it('waits for a covering overlay to go away, then clicks the button beneath', async () => {
    const outcome = await replay(
      `${LOG_CLICKS}<button id="save" style="margin:40px">Save</button>
       <div id="cookie-banner" style="position:fixed;inset:0;background:rgba(0,0,0,.5)">We use cookies</div>
       <script>setTimeout(() => document.getElementById('cookie-banner').remove(), 300);</script>`,
      '#save',
      { kind: 'click' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['click:save']);
  });

  it('names the overlay that never goes away and does not click through it', async () => {
    const outcome = await replay(
      `${LOG_CLICKS}<button id="save" style="margin:40px">Save</button>
       <div id="cookie-banner" style="position:fixed;inset:0;background:rgba(0,0,0,.5)"></div>`,
      '#save',
      { kind: 'click' },
      FAIL_TIMEOUT_MS,
    );
    expect(outcome).toMatchObject({ status: 'failed', code: 'covered' });
    if (outcome.status === 'failed')
      expect(outcome.message).toContain("button 'Save' is covered by div 'cookie-banner'");
    expect(await page.evaluate(() => window.events)).toEqual([]);
  });

  it('scrolls an off-screen element into view before clicking it', async () => {
    const outcome = await replay(
      `${LOG_CLICKS}<div style="height:3000px"></div><button id="far">Far away</button><div style="height:3000px"></div>`,
      '#far',
      { kind: 'click' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    const state = await page.evaluate(() => {
      const rect = (document.getElementById('far') as HTMLElement).getBoundingClientRect();
      return { events: window.events, scrollY: window.scrollY, inView: rect.top >= 0 && rect.bottom <= innerHeight };
    });
    expect(state.events).toEqual(['click:far']);
    expect(state.scrollY).toBeGreaterThan(2000);
    expect(state.inView).toBe(true);
  });

  it('waits for a sliding element to settle and clicks where it came to rest', async () => {
    const outcome = await replay(
      `<style>#menu { position:absolute; left:0; top:100px; transition: transform 500ms linear; }
              #menu.open { transform: translateX(400px); }</style>
       <button id="menu">Menu</button>
       <script>
         window.events = [];
         const m = document.getElementById('menu');
         m.addEventListener('click', (e) => {
           const r = m.getBoundingClientRect();
           window.events.push(e.clientX >= r.left && e.clientX <= r.right && r.left >= 399 ? 'clicked-at-rest' : 'clicked-moving');
         });
         // The slide starts right before replay: its first frame has not moved the menu yet.
         window.beforeReplay = () => { m.getBoundingClientRect(); m.classList.add('open'); m.getBoundingClientRect(); };
       </script>`,
      '#menu',
      { kind: 'click' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['clicked-at-rest']);
  });

  it('needs no further frame for a target looked up ahead that has not moved since', async () => {
    await page.setContent('<!doctype html><body><button id="b" style="position:absolute;top:80px">Go</button></body>');
    await page.addScriptTag({ content: bundle });
    const framesWaited = await page.evaluate(async () => {
      const R = window.UnderstudyReplay;
      const button = document.getElementById('b') as Element;
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const wait = async (seen?: ReturnType<typeof R.sightBox>) => {
        let frames = 0;
        const raf = (callback: () => void) => {
          frames++;
          requestAnimationFrame(callback);
        };
        const options = { timeoutMs: 2000, needsEnabled: true, needsEditable: false, raf };
        const result = await R.waitForActionable(button, seen ? { ...options, seen } : options);
        return result.ok ? frames : -1;
      };
      const unmoved = R.sightBox(button);
      await nextFrame();
      await nextFrame();
      const afterAFrame = await wait(unmoved);
      // Read, then moved before a frame came: the old box says nothing, and the new one must hold a frame.
      const moved = R.sightBox(button);
      await nextFrame();
      await nextFrame();
      (button as HTMLElement).style.top = '160px';
      const afterMoving = await wait(moved);
      const noFrameYet = await wait(R.sightBox(button));
      // Before any frame: a page known to be still needs none, unless the box moved since it was read.
      const stillPage = await wait(R.sightBox(button, undefined, () => true));
      const busyPage = await wait(R.sightBox(button, undefined, () => false));
      const movedOnStillPage = R.sightBox(button, undefined, () => true);
      (button as HTMLElement).style.top = '200px';
      const afterMovingOnStillPage = await wait(movedOnStillPage);
      return {
        afterAFrame,
        afterMoving,
        noFrameYet,
        stillPage,
        busyPage,
        afterMovingOnStillPage,
        without: await wait(),
      };
    });
    expect(framesWaited).toEqual({
      afterAFrame: 0,
      afterMoving: 1,
      noFrameYet: 1,
      stillPage: 0,
      busyPage: 1,
      afterMovingOnStillPage: 1,
      without: 1,
    });
  });

  it('waits for a slide to end even on a page that asked for no frame', async () => {
    await page.setContent(
      `<!doctype html><body><style>#b { position:absolute; left:0; top:80px; transition: left 300ms linear; }
       #b.open { left: 300px; }</style><button id="b">Go</button></body>`,
    );
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate(async () => {
      const R = window.UnderstudyReplay;
      const button = document.getElementById('b') as HTMLElement;
      button.getBoundingClientRect();
      button.classList.add('open');
      // Read in the slide's first frame, before it moved anything: the same box again says nothing.
      const seen = R.sightBox(button, undefined, () => true);
      const result = await R.waitForActionable(button, {
        timeoutMs: 3000,
        needsEnabled: true,
        needsEditable: false,
        seen,
      });
      return { ok: result.ok, left: button.getBoundingClientRect().left };
    });
    expect(result).toEqual({ ok: true, left: 300 });
  });

  it('types into a field that is still sliding in, without waiting for it to stop', async () => {
    // A slide far longer than the step's time: a stability wait would fail the step as 'not-stable'.
    const outcome = await replay(
      `<style>#name { position:absolute; left:0; top:100px; transition: transform 20s linear; }
              #name.open { transform: translateX(400px); }</style>
       <label for="name">Name</label><input id="name">
       <script>
         const n = document.getElementById('name');
         window.beforeReplay = () => { n.getBoundingClientRect(); n.classList.add('open'); n.getBoundingClientRect(); };
       </script>`,
      '#name',
      { kind: 'fill', value: 'Grace' },
      FAIL_TIMEOUT_MS,
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => (document.getElementById('name') as HTMLInputElement).value)).toBe('Grace');
  });

  it('fills a React-style controlled input so its state ends with the value', async () => {
    const outcome = await replay(
      `<label>Full name <input id="name"></label>
       <script>
         // A tiny controlled component: React's value tracker on the instance, state updated from input events,
         // and a re-render that writes the state back (so an update the component missed is undone).
         const input = document.getElementById('name');
         const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
         let tracked = '';
         window.state = '';
         Object.defineProperty(input, 'value', {
           configurable: true,
           get() { return native.get.call(this); },
           set(v) { tracked = String(v); native.set.call(this, v); },
         });
         const render = () => { if (input.value !== window.state) input.value = window.state; };
         input.addEventListener('input', () => {
           const current = native.get.call(input);
           if (current !== tracked) { tracked = current; window.state = current; }
           queueMicrotask(render);
         });
         input.addEventListener('change', () => queueMicrotask(render));
         input.addEventListener('blur', () => queueMicrotask(render));
       </script>`,
      '#name',
      { kind: 'fill', value: '{{name}}' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const result = await page.evaluate(() => ({
      state: (window as unknown as { state: string }).state,
      value: (document.getElementById('name') as HTMLInputElement).value,
    }));
    expect(result).toEqual({ state: 'Ada Lovelace', value: 'Ada Lovelace' });
  });

  it('selects an option by its label when the value changed', async () => {
    const outcome = await replay(
      `<label for="company">Company</label>
       <select id="company"><option value="1">Initech</option><option value="2">Globex  Corporation</option></select>
       <script>
         window.events = [];
         document.getElementById('company').addEventListener('change', (e) => window.events.push('change:' + e.target.value));
       </script>`,
      '#company',
      { kind: 'select', value: 'globex-old-id', label: 'globex corporation' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['change:2']);
  });

  it('reports a list without the recorded option', async () => {
    const outcome = await replay(
      `<label for="company">Company</label><select id="company"><option value="1">Initech</option></select>`,
      '#company',
      { kind: 'select', value: 'x', label: 'Acme' },
    );
    expect(outcome).toEqual({
      status: 'failed',
      code: 'no-such-option',
      message: "Combobox 'Company' has no option 'Acme'.",
    });
  });

  it('clicks a button inside an open shadow root', async () => {
    const outcome = await replay(
      `<x-toolbar id="toolbar"></x-toolbar>
       <script>
         window.events = [];
         const host = document.getElementById('toolbar');
         const root = host.attachShadow({ mode: 'open' });
         root.innerHTML = '<div style="padding:20px"><button id="inner">Publish</button></div>';
         root.getElementById('inner').addEventListener('click', (e) => window.events.push('inner:' + e.detail));
       </script>`,
      '#toolbar >>> #inner',
      { kind: 'click' },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['inner:1']);
  });

  it('checks a custom checkbox whose real input is hidden behind its label', async () => {
    const outcome = await replay(
      `<style>.visually-hidden { position:absolute; opacity:0; width:1px; height:1px; }</style>
       <label id="terms-label"><input type="checkbox" id="terms" class="visually-hidden"><span>I accept the terms</span></label>`,
      '#terms',
      { kind: 'check', checked: true },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => (document.getElementById('terms') as HTMLInputElement).checked)).toBe(true);
  });

  it('presses Enter in a field and submits its form through the default button', async () => {
    const outcome = await replay(
      `<form id="f"><label>Search <input id="q" name="q"></label><button id="go">Go</button></form>
       <script>
         window.events = [];
         document.getElementById('f').addEventListener('submit', (e) => {
           e.preventDefault();
           window.events.push('submit:' + (e.submitter && e.submitter.id));
         });
       </script>`,
      '#q',
      { kind: 'press', key: 'Enter', modifiers: [] },
    );
    expect(outcome).toMatchObject({ status: 'done' });
    expect(await page.evaluate(() => window.events)).toEqual(['submit:go']);
  });
});
