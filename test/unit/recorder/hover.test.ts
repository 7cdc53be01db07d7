import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HOVER_REVEAL_WINDOW_MS,
  hoversAnotherElement,
  revealingSelectors,
  splitSelectorList,
} from '@/lib/recorder/hover';
import { byId, type Capture, capture, click, fire, pointerOver, settle } from './helpers';

/**
 * A nav with an "Account" menu whose list the page's script shows when the pointer enters the menu, a nested
 * "Export" submenu, a card whose actions a class reveals, and a plain button.
 */
const PAGE = `
  <style>
    .card .actions { display: none; }
    .card.show-actions .actions { display: flex; }
    .card.hovered { background: #eef; }
  </style>
  <nav>
    <ul>
      <li id="account-menu">
        <button id="account">Account</button>
        <ul id="account-list" hidden>
          <li><a id="profile" href="/profile">Profile</a></li>
          <li id="export-menu"><button id="export">Export</button>
            <ul id="export-list" hidden><li><a id="pdf" href="/pdf">As PDF</a></li></ul>
          </li>
        </ul>
      </li>
      <li><a id="help" href="/help">Help</a></li>
    </ul>
  </nav>
  <main>
    <div class="card" id="card">
      <h3 id="card-title">Quarterly report</h3>
      <p id="card-text">Numbers for the quarter.</p>
      <div class="actions"><button id="share">Share</button></div>
    </div>
    <button id="save">Save</button>
  </main>
  <footer id="late"></footer>`;

let recording: Capture;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  recording = capture();
});

afterEach(() => {
  recording.stop();
  document.body.innerHTML = '';
});

/** The pointer moves onto `element` a moment after the last move. */
async function pointTo(element: Element, ms = 120) {
  recording.advance(ms);
  pointerOver(element);
  await settle();
}

/** The page's script reacting (as its mouseenter handler would), noticed by the recorder's observer. */
async function page(change: () => void, ms = 10) {
  recording.advance(ms);
  change();
  await settle();
}

describe('recording hovers', () => {
  it('records pointing at a menu before clicking the item it revealed', async () => {
    await pointTo(byId('save'));
    await pointTo(byId('account'));
    await page(() => byId('account-list').removeAttribute('hidden'));
    await pointTo(byId('profile'));
    click(byId('profile'));
    expect(recording.summary()).toEqual(['hover:Account', 'click:Profile']);
  });

  it('records nothing but the click for an ordinary click', async () => {
    await pointTo(byId('account'));
    await pointTo(byId('save'));
    click(byId('save'));
    expect(recording.summary()).toEqual(['click:Save']);
  });

  it('records no hover for a menu opened by a click', async () => {
    await pointTo(byId('account'));
    click(byId('account'));
    await page(() => byId('account-list').removeAttribute('hidden'));
    await pointTo(byId('profile'));
    click(byId('profile'));
    expect(recording.summary()).toEqual(['click:Account', 'click:Profile']);
  });

  it('records one hover per level of nested menus, outermost first', async () => {
    await pointTo(byId('account'));
    await page(() => byId('account-list').removeAttribute('hidden'));
    await pointTo(byId('export'));
    await page(() => byId('export-list').removeAttribute('hidden'), 200);
    await pointTo(byId('pdf'));
    click(byId('pdf'));
    expect(recording.summary()).toEqual(['hover:Account', 'hover:Export', 'click:As PDF']);
  });

  it('records a hover when the revealed menu is inserted, not just unhidden', async () => {
    await pointTo(byId('card-title'));
    await page(() => {
      byId('card').insertAdjacentHTML('beforeend', '<div id="popover"><button id="pin">Pin</button></div>');
    });
    await pointTo(byId('pin'));
    click(byId('pin'));
    expect(recording.summary()).toEqual(['hover:Quarterly report', 'click:Pin']);
  });

  it('records a hover when a class added on hover makes a style rule show the target', async () => {
    await pointTo(byId('card-title'));
    await page(() => byId('card').classList.add('show-actions'));
    await pointTo(byId('share'));
    click(byId('share'));
    expect(recording.summary()).toEqual(['hover:Quarterly report', 'click:Share']);
  });

  it('records no hover for a class that only decorates the hovered element', async () => {
    await page(() => byId('card').classList.add('show-actions'));
    await pointTo(byId('card-title'));
    await page(() => byId('card').classList.add('hovered'));
    await pointTo(byId('share'));
    click(byId('share'));
    expect(recording.summary()).toEqual(['click:Share']);
  });

  it('records no hover when an inline style change shows nothing', async () => {
    await page(() => byId('card').classList.add('show-actions'));
    await pointTo(byId('card-title'));
    await page(() => byId('card').setAttribute('style', 'outline: 1px solid blue'));
    await pointTo(byId('share'));
    click(byId('share'));
    expect(recording.summary()).toEqual(['click:Share']);
  });

  it('records no hover when the pointer left the menu on its way to the target', async () => {
    await pointTo(byId('account'));
    await page(() => byId('account-list').removeAttribute('hidden'));
    await pointTo(byId('help'));
    await pointTo(byId('profile'));
    click(byId('profile'));
    expect(recording.summary()).toEqual(['click:Profile']);
  });

  it('records no hover for something that appeared on its own, away from where the pointer is', async () => {
    await pointTo(byId('save'));
    await page(() => {
      byId('late').innerHTML = '<button id="undo">Undo</button>';
    });
    await pointTo(byId('undo'));
    click(byId('undo'));
    expect(recording.summary()).toEqual(['click:Undo']);
  });

  it('records no hover when the menu opened long after the pointer arrived', async () => {
    await pointTo(byId('account'));
    await page(() => byId('account-list').removeAttribute('hidden'), HOVER_REVEAL_WINDOW_MS + 1);
    await pointTo(byId('profile'));
    click(byId('profile'));
    expect(recording.summary()).toEqual(['click:Profile']);
  });

  it('records no hover for a target that was already shown before the pointer reached the trigger', async () => {
    byId('account-list').removeAttribute('hidden');
    await pointTo(byId('profile'));
    await pointTo(byId('account'));
    await page(() => byId('account-list').setAttribute('data-open', ''));
    await pointTo(byId('profile'));
    click(byId('profile'));
    expect(recording.summary()).toEqual(['click:Profile']);
  });

  it('records no hover for rows that load under a pointer that did not move, as in an endless list', async () => {
    await pointTo(byId('card-title'));
    await page(() => byId('card').insertAdjacentHTML('beforeend', '<p id="row1">Row 1</p>'));
    recording.advance(50);
    pointerOver(byId('row1'), 'mouse', true);
    await page(() => byId('card').insertAdjacentHTML('beforeend', '<p><button id="row2">Open row 2</button></p>'));
    await pointTo(byId('row2'));
    click(byId('row2'));
    expect(recording.summary()).toEqual(['click:Open row 2']);
  });

  it('records no hover when the content scrolled under the pointer before something appeared', async () => {
    await pointTo(byId('card-text'));
    recording.advance(20);
    fire(document, new Event('scroll', { bubbles: true }));
    await page(() => byId('card').insertAdjacentHTML('beforeend', '<p><button id="more">Load more</button></p>'));
    await pointTo(byId('more'));
    click(byId('more'));
    expect(recording.summary()).toEqual(['click:Load more']);
  });

  it('ignores touch: a tap has no hover', async () => {
    pointerOver(byId('account'), 'touch');
    await page(() => byId('account-list').removeAttribute('hidden'));
    recording.advance(100);
    pointerOver(byId('profile'), 'touch');
    click(byId('profile'));
    expect(recording.summary()).toEqual(['click:Profile']);
  });

  it('ignores synthetic pointer events from page scripts', async () => {
    byId('account').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
    await page(() => byId('account-list').removeAttribute('hidden'));
    await pointTo(byId('profile'));
    click(byId('profile'));
    expect(recording.summary()).toEqual(['click:Profile']);
  });
});

describe('hover style rules', () => {
  it('splits selector lists at top-level commas only', () => {
    expect(splitSelectorList('.a:hover .b, :is(.c, .d):hover > .e,[title="x,y"] .f')).toEqual([
      '.a:hover .b',
      ':is(.c, .d):hover > .e',
      '[title="x,y"] .f',
    ]);
  });

  it('counts a hover of an ancestor or sibling, not of the styled element itself', () => {
    expect(hoversAnotherElement('.menu:hover .submenu')).toBe(true);
    expect(hoversAnotherElement('.menu:hover>.submenu')).toBe(true);
    expect(hoversAnotherElement('button:hover + .tooltip')).toBe(true);
    expect(hoversAnotherElement('a:hover')).toBe(false);
    expect(hoversAnotherElement('.nav .item:hover')).toBe(false);
    expect(hoversAnotherElement('.menu:hovered .submenu')).toBe(false);
  });

  it('keeps only rules that show or hide something', () => {
    document.head.innerHTML = `<style>
      .menu:hover .submenu { display: block; }
      .card:hover .title { color: red; }
      @media (min-width: 1px) { .row:hover .actions { opacity: 1; } }
      a:hover { visibility: visible; }
    </style>`;
    expect(revealingSelectors(document, 'hover')).toEqual(['.menu:hover .submenu', '.row:hover .actions']);
    expect(revealingSelectors(document, 'all')).toContain('a:hover');
    document.head.innerHTML = '';
  });
});
