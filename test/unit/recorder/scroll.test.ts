import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCROLL_INTENT_WINDOW_MS } from '@/lib/recorder/scroll';
import type { Step } from '@/lib/task/schema';
import {
  byId,
  type Capture,
  capture,
  click,
  fire,
  installLayout,
  makeScroller,
  scrolled,
  trusted,
  wheel,
} from './helpers';

/** A 200 px high list of ten 40 px rows, each with a button; a field below the fold; a fixed header. */
const PAGE = `
  <header style="position: fixed; top: 0"><button id="top" data-y="0">Back to top</button></header>
  <div id="photos" role="region" aria-label="Photos" data-scroller data-y="100" data-h="200" style="overflow: auto">
    ${Array.from({ length: 10 }, (_, i) => `<div data-y="${100 + i * 40}" data-h="40"><button id="fav${i}" data-y="${105 + i * 40}">Favourite photo ${i}</button></div>`).join('')}
  </div>
  <div id="notes" data-scroller data-y="1000" data-h="200" style="overflow: auto">
    <button id="note" data-y="1300">Edit note</button>
  </div>
  <label>Comment <input id="comment" data-y="1500"></label>
  <button id="far" data-y="1600">Send</button>`;

let recording: Capture;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  installLayout();
  makeScroller(byId('photos'), 400);
  makeScroller(byId('notes'), 500);
  recording = capture();
});

afterEach(() => {
  recording.stop();
  vi.restoreAllMocks();
  window.scrollTo(0, 0);
  document.body.innerHTML = '';
});

/** The person turns the wheel over `over`, and `container` ends up at `y` after a few scroll events. */
function wheelScroll(over: Element, container: Element, ...positions: number[]) {
  wheel(over);
  for (const y of positions) {
    recording.advance(16);
    container.scrollTop = y;
    scrolled(container);
  }
}

describe('recording scrolls', () => {
  it('records one scroll step, with the final offsets, for a list scrolled to reveal the button clicked next', () => {
    wheelScroll(byId('fav0'), byId('photos'), 60, 140, 200);
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['scroll:Photos', 'click:Favourite photo 8']);
    expect(recording.steps()[0]).toMatchObject({ kind: 'scroll', x: 0, y: 200 });
  });

  it('records a page scroll as a scroll step without a target', () => {
    wheel(byId('fav0'));
    recording.advance(16);
    window.scrollTo(0, 1200);
    scrolled(document);
    click(byId('far'));
    expect(recording.summary()).toEqual(['scroll', 'click:Send']);
    const [step] = recording.steps() as [Extract<Step, { kind: 'scroll' }>];
    expect(step.target).toBeUndefined();
    expect(step).toMatchObject({ x: 0, y: 1200 });
  });

  it('puts the scroll before the fill of a field it revealed', () => {
    wheel(byId('fav0'));
    window.scrollTo(0, 1200);
    scrolled(document);
    const field = byId<HTMLInputElement>('comment');
    field.value = 'Lovely';
    fire(field, new InputEvent('input', { bubbles: true, composed: true }));
    fire(field, new FocusEvent('focusout', { bubbles: true, composed: true }));
    expect(recording.summary()).toEqual(['scroll', 'fill:Comment']);
  });

  it('records no step when the clicked button was in view before the scroll', () => {
    wheelScroll(byId('fav0'), byId('photos'), 40);
    click(byId('fav2'));
    expect(recording.summary()).toEqual(['click:Favourite photo 2']);
  });

  it('records no step for a scroll that nothing is done after', () => {
    wheelScroll(byId('fav0'), byId('photos'), 200);
    recording.stop();
    expect(recording.actions).toEqual([]);
  });

  it('ignores scrolls the page makes itself, and untrusted scroll events', () => {
    // No wheel, touch or key: a script (or an anchor jump) scrolled the list.
    byId('photos').scrollTop = 200;
    scrolled(byId('photos'));
    byId('photos').dispatchEvent(new Event('scroll'));
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['click:Favourite photo 8']);
  });

  it('ignores a scroll that comes long after the last wheel turn', () => {
    wheel(byId('fav0'));
    recording.advance(SCROLL_INTENT_WINDOW_MS + 1);
    byId('photos').scrollTop = 200;
    scrolled(byId('photos'));
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['click:Favourite photo 8']);
  });

  it('does not count keys typed into a field as scrolling', () => {
    fire(byId('comment'), new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    window.scrollTo(0, 1200);
    scrolled(document);
    click(byId('far'));
    expect(recording.summary()).toEqual(['click:Send']);
  });

  it('counts PageDown outside fields as scrolling', () => {
    fire(document.body, new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, composed: true }));
    window.scrollTo(0, 1200);
    scrolled(document);
    click(byId('far'));
    expect(recording.summary()).toEqual(['scroll', 'click:Send']);
  });

  it('counts scrolling while a scrollbar is held, however long, but not a press inside the list', () => {
    const photos = byId('photos');
    fire(photos, new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: 50, clientY: 150 }));
    recording.advance(SCROLL_INTENT_WINDOW_MS * 3);
    photos.scrollTop = 200;
    scrolled(photos);
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['click:Favourite photo 8']);

    photos.scrollTop = 0;
    fire(photos, new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: 295, clientY: 150 }));
    recording.advance(SCROLL_INTENT_WINDOW_MS * 3);
    photos.scrollTop = 200;
    scrolled(photos);
    fire(photos, new PointerEvent('pointerup', { bubbles: true, composed: true, clientX: 295, clientY: 250 }));
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['click:Favourite photo 8', 'scroll:Photos', 'click:Favourite photo 8']);
  });

  it('keeps only the containers that hold the target, in the order they were first scrolled', () => {
    wheel(byId('note'));
    window.scrollTo(0, 900);
    scrolled(document);
    recording.advance(16);
    byId('notes').scrollTop = 200;
    scrolled(byId('notes'));
    wheelScroll(byId('fav0'), byId('photos'), 200);
    click(byId('note'));
    expect(recording.summary()).toEqual(['scroll', 'scroll:div', 'click:Edit note']);
    expect(recording.steps().map((step) => (step.kind === 'scroll' ? step.y : null))).toEqual([900, 200, null]);
  });

  it('never counts a fixed header as revealed by a page scroll', () => {
    wheel(byId('fav0'));
    window.scrollTo(0, 1200);
    scrolled(document);
    click(byId('top'));
    expect(recording.summary()).toEqual(['click:Back to top']);
  });

  it('counts no scroll that follows an action as the person’s, even right after a wheel turn', () => {
    wheel(byId('fav0'));
    click(byId('top'));
    byId('photos').scrollTop = 200;
    scrolled(byId('photos'));
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['click:Back to top', 'click:Favourite photo 8']);
  });

  it('starts over after each action', () => {
    wheelScroll(byId('fav0'), byId('photos'), 200);
    click(byId('fav8'));
    click(byId('fav9'));
    expect(recording.summary()).toEqual(['scroll:Photos', 'click:Favourite photo 8', 'click:Favourite photo 9']);
  });
});

describe('scroll intent', () => {
  it('needs trusted input events', () => {
    byId('fav0').dispatchEvent(new WheelEvent('wheel', { bubbles: true, composed: true }));
    byId('photos').scrollTop = 200;
    scrolled(byId('photos'));
    click(byId('fav8'));
    expect(recording.summary()).toEqual(['click:Favourite photo 8']);
    expect(trusted(new Event('x')).isTrusted).toBe(true);
  });
});
