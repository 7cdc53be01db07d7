// @vitest-environment node
/**
 * Recording and replaying scroll and hover steps in Chromium (issue 5). Playwright's mouse and wheel produce trusted
 * input, so the recorder sees what it sees from a person: real :hover, real wheel scrolling, real scroll events.
 * Each scenario records on a fresh page, then replays the recorded steps on another fresh copy of it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@/bench/lib/browser';
import { bundleForPage } from '@/bench/lib/bundle';
import type { StepOutcome } from '@/lib/replay';
import type { Step } from '@/lib/task/schema';

interface Harness {
  UnderstudyReplay: typeof import('./page-entry');
  recorded: Step[];
  stopRecording: () => void;
}

const STEP_TIMEOUT_MS = 5_000;

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

async function load(html: string): Promise<void> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  await page.addScriptTag({ content: bundle });
  await page.mouse.move(1, 1);
}

/** Loads `html`, records while `act` drives the page with trusted input, and returns the recorded steps. */
async function record(html: string, act: () => Promise<void>): Promise<Step[]> {
  await load(html);
  await page.evaluate(() => {
    const w = window as unknown as Harness;
    w.recorded = [];
    w.stopRecording = w.UnderstudyReplay.startCapture(document, {
      framePath: () => [],
      emit: (action) => w.recorded.push(action.step),
    });
  });
  await act();
  return page.evaluate(() => {
    const w = window as unknown as Harness;
    w.stopRecording();
    return w.recorded;
  });
}

/** Replays `steps` one by one on a fresh copy of `html`, as the content script would; stops at the first failure. */
async function replay(html: string, steps: Step[], timeoutMs = STEP_TIMEOUT_MS): Promise<StepOutcome[]> {
  await load(html);
  return page.evaluate(
    async ({ steps, timeoutMs }) => {
      const R = (window as unknown as Harness).UnderstudyReplay;
      const outcomes: StepOutcome[] = [];
      for (const step of steps) {
        const outcome = await R.executeStep(document, step, {}, { timeoutMs });
        const { elements: _elements, ...rest } = outcome as StepOutcome & { elements?: unknown };
        outcomes.push(rest as StepOutcome);
        if (outcome.status !== 'done') break;
      }
      return outcomes;
    },
    { steps, timeoutMs },
  );
}

function summary(steps: Step[]): string[] {
  return steps.map((step) => {
    const print = 'target' in step && step.target ? step.target.fingerprint : null;
    const name = print ? print.label || print.name || print.tag : '';
    return name ? `${step.kind}:${name}` : step.kind;
  });
}

/** Page scripts sit in blocks: setContent keeps the window, so top-level constants would clash on the next load. */
const OUTPUT = `<p id="out"></p><script>
  window.say = (text) => { document.getElementById('out').textContent = text; };
</script>`;

const CSS_MENU = `${OUTPUT}
  <style>
    nav { display: flex; gap: 16px; padding: 20px; }
    .menu { position: relative; }
    .menu .list { display: none; position: absolute; top: 100%; left: 0; margin: 0; padding: 8px; background: #fff; }
    .menu:hover .list { display: block; }
    button:hover, a:hover { color: crimson; }
  </style>
  <nav>
    <div class="menu"><button id="account">Account</button>
      <ul class="list"><li><a id="profile" href="#profile" onclick="say('profile')">Profile</a></li></ul></div>
    <button id="save" onclick="say('saved')">Save</button>
  </nav>`;

const SCRIPT_MENU = `${OUTPUT}
  <nav style="padding: 20px">
    <div id="sort-menu" style="display: inline-block"><button id="sort">Sort</button>
      <div id="sort-options" hidden><button id="oldest" onclick="say('oldest first')">Oldest first</button></div></div>
  </nav>
  <script>{
    const menu = document.getElementById('sort-menu');
    const options = document.getElementById('sort-options');
    menu.addEventListener('mouseenter', () => { options.hidden = false; });
    menu.addEventListener('mouseleave', () => { options.hidden = true; });
  }</script>`;

/** 40 px rows in a 200 px box; scrolling near the end loads 10 more rows 100 ms later, up to 30. */
const FEED = `${OUTPUT}
  <button id="jump" style="margin: 10px">Jump to the end</button>
  <div id="photos" role="region" aria-label="Photos" style="height: 200px; width: 320px; overflow: auto; margin: 10px">
  </div>
  <script>{
    const photos = document.getElementById('photos');
    let rows = 0;
    const more = () => {
      for (const end = Math.min(rows + 10, 30); rows < end; rows++) {
        const row = document.createElement('div');
        row.style.height = '40px';
        row.innerHTML = '<button id="fav' + rows + '">Favourite photo ' + rows + '</button>';
        row.firstChild.addEventListener('click', (e) => say(e.target.textContent));
        photos.append(row);
      }
    };
    more();
    let loading = false;
    photos.addEventListener('scroll', () => {
      if (loading || photos.scrollTop + photos.clientHeight < photos.scrollHeight - 40) return;
      loading = true;
      setTimeout(() => { more(); loading = false; }, 100);
    });
    document.getElementById('jump').addEventListener('click', () => { photos.scrollTop = photos.scrollHeight; });
  }</script>`;

const output = () => page.locator('#out').textContent();

describe('recording hover steps in Chromium', () => {
  it('records pointing at a CSS :hover menu before clicking the link it revealed, and nothing for a plain click', async () => {
    const steps = await record(CSS_MENU, async () => {
      await page.hover('#account');
      await page.click('#profile');
      await page.click('#save');
    });
    expect(summary(steps)).toEqual(['hover:Account', 'click:Profile', 'click:Save']);
  });

  it('records a menu a script opens on mouseenter, and replays it: the click needs the hover first', async () => {
    const steps = await record(SCRIPT_MENU, async () => {
      await page.hover('#sort');
      await page.click('#oldest');
    });
    expect(summary(steps)).toEqual(['hover:Sort', 'click:Oldest first']);

    const outcomes = await replay(SCRIPT_MENU, steps);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done']);
    expect(await output()).toBe('oldest first');

    const withoutHover = await replay(SCRIPT_MENU, [steps[1] as Step], 600);
    expect(withoutHover).toMatchObject([{ status: 'failed', code: 'not-visible' }]);
  });
});

/** Counts scroll events anywhere in the page from now on (scroll does not bubble: capture). */
async function countScrolls(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { scrolls: number };
    w.scrolls = 0;
    document.addEventListener('scroll', () => w.scrolls++, true);
  });
}

/** Waits until the page has dispatched more scroll events than `seen` (a condition, not a sleep). */
async function scrolledPast(seen: number): Promise<number> {
  const handle = await page.waitForFunction((n) => {
    const count = (window as unknown as { scrolls: number }).scrolls;
    return count > n ? count : false;
  }, seen);
  return (await handle.jsonValue()) as number;
}

describe('recording scroll steps in Chromium', () => {
  it('records one scroll step for a list scrolled with the wheel, and replays it while the list loads', async () => {
    const steps = await record(FEED, async () => {
      await countScrolls();
      await page.mouse.move(100, 150);
      for (let turn = 0; turn < 20; turn++) {
        const before = await page.evaluate(() => ({
          scrolls: (window as unknown as { scrolls: number }).scrolls,
          rows: document.getElementById('photos')?.children.length ?? 0,
        }));
        await page.mouse.wheel(0, 200);
        // Next turn once the wheel scrolled or, with the list at its end, once more rows loaded.
        await page.waitForFunction((was) => {
          const rows = document.getElementById('photos')?.children.length ?? 0;
          const scrolls = (window as unknown as { scrolls: number }).scrolls;
          return scrolls > was.scrolls || rows > was.rows || rows >= 30;
        }, before);
        const inView = await page.evaluate(() => {
          const button = document.getElementById('fav18');
          const box = document.getElementById('photos')?.getBoundingClientRect();
          const rect = button?.getBoundingClientRect();
          return !!rect && !!box && rect.top >= box.top && rect.bottom <= box.bottom;
        });
        if (inView) break;
      }
      await page.click('#fav18');
    });
    expect(summary(steps)).toEqual(['scroll:Photos', 'click:Favourite photo 18']);
    const scroll = steps[0] as Extract<Step, { kind: 'scroll' }>;
    expect(scroll.y).toBeGreaterThan(400);
    expect(await output()).toBe('Favourite photo 18');

    const outcomes = await replay(FEED, steps);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done']);
    expect(await output()).toBe('Favourite photo 18');
  });

  it('records no scroll step for a scroll the page made itself', async () => {
    const steps = await record(FEED, async () => {
      await countScrolls();
      await page.click('#jump');
      await scrolledPast(0); // the page's own scroll has reached the recorder
      await page.click('#fav9');
    });
    expect(summary(steps)).toEqual(['click:Jump to the end', 'click:Favourite photo 9']);
  });

  it('records no scroll step when the wheel turned but nothing was done after', async () => {
    const steps = await record(FEED, async () => {
      await countScrolls();
      await page.mouse.move(100, 150);
      await page.mouse.wheel(0, 200);
      await scrolledPast(0);
    });
    expect(steps).toEqual([]);
  });
});
