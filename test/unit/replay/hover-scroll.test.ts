import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeElement } from '@/lib/locators';
import { click, hover, SCROLL_GROWTH_QUIET_MS, scrollToOffsets } from '@/lib/replay/act';
import { executeStep } from '@/lib/replay/execute';
import type { Step } from '@/lib/task/schema';

const POINT = { x: 12, y: 34 };
const SHORT = 500;
const base = { optional: false, alwaysAsk: false, frame: [], tab: 0 };
const fastRaf = (callback: () => void) => setTimeout(callback, 0);

/** Two hover menus whose lists a script shows on mouseenter and hides on mouseleave, like many nav bars. */
const MENUS = `
  <nav>
    <div class="menu" id="file-menu"><button id="file">File</button>
      <ul id="file-list" hidden><li><button id="export">Export</button></li></ul></div>
    <div class="menu" id="view-menu"><button id="view">View</button>
      <ul id="view-list" hidden><li><button id="zoom">Zoom in</button></li></ul></div>
  </nav>`;

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  return element;
}

/** Wires the menus and returns a log of enter/leave events on the menu containers. */
function wireMenus(): string[] {
  const log: string[] = [];
  for (const menu of Array.from(document.querySelectorAll('.menu'))) {
    const list = menu.querySelector('ul') as HTMLElement;
    menu.addEventListener('mouseenter', (event) => {
      log.push(`enter ${menu.id} from ${(event as MouseEvent).relatedTarget ? 'inside' : 'outside'}`);
      list.hidden = false;
    });
    menu.addEventListener('mouseleave', (event) => {
      log.push(`leave ${menu.id} for ${((event as MouseEvent).relatedTarget as Element | null)?.id ?? 'nothing'}`);
      list.hidden = true;
    });
  }
  return log;
}

/** happy-dom has no layout: every rendered element gets a box, and the hit test finds `hit` (see execute.test). */
let hit: Element | null = null;
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const hidden = this.closest('[hidden]') || getComputedStyle(this).display === 'none';
    return new DOMRect(10, 10, hidden ? 0 : 100, hidden ? 0 : 20);
  });
  vi.spyOn(document, 'elementFromPoint').mockImplementation(() => hit);
});
afterEach(() => {
  vi.restoreAllMocks();
  hit = null;
  document.body.innerHTML = '';
  window.scrollTo(0, 0);
});

describe('the replayed pointer', () => {
  it('enters the ancestors it moves into and leaves those it moves out of, like a real pointer', () => {
    document.body.innerHTML = MENUS;
    const log = wireMenus();
    hover(byId('file'), POINT);
    expect(byId('file-list').hidden).toBe(false);
    hover(byId('view'), POINT);
    expect(log).toEqual(['enter file-menu from outside', 'leave file-menu for view', 'enter view-menu from inside']);
    expect(byId('file-list').hidden).toBe(true);
    expect(byId('view-list').hidden).toBe(false);
  });

  it('stays inside a menu while it moves from the trigger to an item', () => {
    document.body.innerHTML = MENUS;
    const log = wireMenus();
    hover(byId('file'), POINT);
    const clicks = vi.fn();
    byId('export').addEventListener('click', clicks);
    click(byId('export'), POINT);
    expect(log).toEqual(['enter file-menu from outside']);
    expect(clicks).toHaveBeenCalledTimes(1);
  });

  it('sends only moves when it is already over the element', () => {
    document.body.innerHTML = '<button id="b">Save</button>';
    const seen: string[] = [];
    for (const type of ['pointerover', 'mouseenter', 'mousemove'])
      byId('b').addEventListener(type, () => seen.push(type));
    hover(byId('b'), POINT);
    hover(byId('b'), POINT);
    expect(seen).toEqual(['pointerover', 'mouseenter', 'mousemove', 'mousemove']);
  });
});

describe('replaying hover and scroll steps', () => {
  it('points at a menu, then clicks the item it revealed', async () => {
    document.body.innerHTML = MENUS;
    wireMenus();
    const trigger = describeElement(byId('view'));
    byId('view-list').hidden = false;
    const item = describeElement(byId('zoom'));
    byId('view-list').hidden = true;
    const zoomed = vi.fn();
    byId('zoom').addEventListener('click', zoomed);

    hit = byId('view');
    const hovered = await executeStep(
      document,
      { ...base, id: 's1', kind: 'hover', target: trigger },
      {},
      { timeoutMs: SHORT },
    );
    expect(hovered).toMatchObject({ status: 'done' });
    hit = byId('zoom');
    const clicked = await executeStep(
      document,
      { ...base, id: 's2', kind: 'click', target: item },
      {},
      { timeoutMs: SHORT },
    );
    expect(clicked).toMatchObject({ status: 'done' });
    expect(zoomed).toHaveBeenCalledTimes(1);
  });

  it('fails plainly when the hovered element is covered', async () => {
    document.body.innerHTML = `${MENUS}<div id="banner">Cookies</div>`;
    hit = byId('banner');
    const step: Step = { ...base, id: 's1', kind: 'hover', target: describeElement(byId('file')) };
    const outcome = await executeStep(document, step, {}, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ status: 'failed', code: 'covered' });
  });

  it('scrolls a container to the recorded offsets', async () => {
    document.body.innerHTML = '<div id="photos" role="region" aria-label="Photos" style="overflow:auto"></div>';
    const step: Step = { ...base, id: 's1', kind: 'scroll', target: describeElement(byId('photos')), x: 0, y: 240 };
    expect(await executeStep(document, step, {}, { timeoutMs: SHORT })).toMatchObject({ status: 'done' });
    expect(byId('photos').scrollTop).toBe(240);
  });

  it('scrolls the page when the step names no container', async () => {
    const step: Step = { ...base, id: 's1', kind: 'scroll', x: 0, y: 900 };
    expect(await executeStep(document, step, {}, { timeoutMs: SHORT })).toMatchObject({ status: 'done', via: 'none' });
    expect(window.scrollY).toBe(900);
  });
});

/** A list that holds `rows` 40 px rows in a 200 px box and loads 10 more rows 30 ms after each scroll. */
function growingList(element: HTMLElement, rows: number, maxRows: number) {
  let top = 0;
  let count = rows;
  const scrollHeight = () => count * 40;
  Object.defineProperty(element, 'scrollHeight', { configurable: true, get: scrollHeight });
  Object.defineProperty(element, 'scrollWidth', { configurable: true, value: 300 });
  Object.defineProperty(element, 'scrollTop', { configurable: true, get: () => top });
  Object.defineProperty(element, 'scrollLeft', { configurable: true, value: 0 });
  element.scrollTo = ((options: ScrollToOptions) => {
    top = Math.max(0, Math.min(options.top ?? 0, scrollHeight() - 200));
    setTimeout(() => {
      count = Math.min(maxRows, count + 10);
    }, 30);
  }) as typeof element.scrollTo;
}

describe('scrollToOffsets', () => {
  it('keeps scrolling a list that loads more as it is scrolled until it reaches the offsets', async () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const feed = byId('feed');
    growingList(feed, 10, 100);
    const result = await scrollToOffsets(document, feed, 0, 900, { timeoutMs: 5000, raf: fastRaf });
    expect(result).toEqual({ ok: true, value: { x: 0, y: 900 } });
  });

  it('settles where it can when the content stops growing, without failing', async () => {
    document.body.innerHTML = '<div id="feed"></div>';
    const feed = byId('feed');
    growingList(feed, 10, 15);
    let clock = 0;
    const result = await scrollToOffsets(document, feed, 0, 900, {
      timeoutMs: 60_000,
      raf: (callback) => setTimeout(callback, 5),
      now: () => {
        clock += 50;
        return clock;
      },
    });
    expect(result).toEqual({ ok: true, value: { x: 0, y: 15 * 40 - 200 } });
    expect(clock).toBeLessThan(SCROLL_GROWTH_QUIET_MS * 3);
  });
});
