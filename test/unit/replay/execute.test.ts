import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeElement } from '@/lib/locators';
import { executeStep } from '@/lib/replay/execute';
import type { Step } from '@/lib/task/schema';

const SHORT = 300;
const base = { optional: false, alwaysAsk: false, frame: [], tab: 0 };

/**
 * happy-dom has no layout: give every rendered element a box and make the hit test return `hit` (or the element
 * under test), so executeStep's actionability checks pass or fail on purpose. Real layout is tested in
 * test/replay-harness/ with Chromium.
 */
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
});

function record(selector: string) {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return describeElement(element);
}

describe('executeStep', () => {
  it('says when it dispatches: after the waits, before the first event (a key press without a target too)', async () => {
    document.body.innerHTML = '<main><button data-testid="save" hidden>Save contact</button><input></main>';
    const target = record('button');
    const button = document.querySelector('button') as HTMLButtonElement;
    hit = button;
    const order: string[] = [];
    for (const type of ['pointerdown', 'mousedown', 'click']) button.addEventListener(type, () => order.push(type));
    setTimeout(() => {
      order.push('shown');
      button.hidden = false;
    }, 30);
    const outcome = await executeStep(
      document,
      { ...base, id: 's1', kind: 'click', target },
      {},
      { timeoutMs: SHORT, onDispatch: () => order.push('dispatch') },
    );
    expect(outcome.status).toBe('done');
    expect(order[0]).toBe('shown');
    expect(order.slice(1, 3)).toEqual(['dispatch', 'pointerdown']);
    expect(order.filter((entry) => entry === 'dispatch')).toHaveLength(1);

    const input = document.querySelector('input') as HTMLInputElement;
    input.focus();
    const keys: string[] = [];
    input.addEventListener('keydown', () => keys.push('keydown'));
    await executeStep(
      document,
      { ...base, id: 's2', kind: 'press', key: 'Enter', modifiers: [] },
      {},
      { timeoutMs: SHORT, onDispatch: () => keys.push('dispatch') },
    );
    expect(keys).toEqual(['dispatch', 'keydown']);
  });

  it('clicks a found element and reports how it was found', async () => {
    document.body.innerHTML = '<main><button data-testid="save">Save contact</button></main>';
    const target = record('button');
    const button = document.querySelector('button') as HTMLButtonElement;
    hit = button;
    const clicks = vi.fn();
    button.addEventListener('click', clicks);
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: SHORT });
    expect(outcome).toMatchObject({ status: 'done', via: 'testId' });
    if (outcome.status === 'done') {
      expect(outcome.confidence).toBeGreaterThan(0.5);
      expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(clicks).toHaveBeenCalledTimes(1);
  });

  it('fills a found field with the variable value', async () => {
    document.body.innerHTML = '<form><label>Email <input name="email"></label></form>';
    const target = record('input');
    const step: Step = { ...base, id: 's1', kind: 'fill', target, value: '{{email}}' };
    const outcome = await executeStep(document, step, { email: 'ada@example.com' }, { timeoutMs: SHORT });
    expect(outcome.status).toBe('done');
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('ada@example.com');
  });

  it('fails before touching the page when a variable is missing', async () => {
    document.body.innerHTML = '<label>Email <input name="email"></label>';
    const target = record('input');
    const step: Step = { ...base, id: 's1', kind: 'fill', target, value: '{{email}}' };
    const outcome = await executeStep(document, step, { other: 'secret-value' }, { timeoutMs: SHORT });
    expect(outcome).toMatchObject({ status: 'failed', code: 'missing-variable' });
    if (outcome.status === 'failed') expect(outcome.message).not.toContain('secret-value');
  });

  it('asks mayAct about the element it is about to act on, after the waits, and acts on nothing when refused', async () => {
    document.body.innerHTML = '<button data-testid="go">Continue</button>';
    const target = record('button');
    document.body.innerHTML = '<p>Loading…</p>';
    const asked: string[] = [];
    let clicks = 0;
    setTimeout(() => {
      // The element appears only after the step started waiting: the verdict is on this one.
      document.body.innerHTML = '<form><button data-testid="go">Continue</button></form>';
      hit = document.querySelector('button');
      hit?.addEventListener('click', () => clicks++);
    }, 30);
    const refused = await executeStep(
      document,
      { ...base, id: 's1', kind: 'click', target },
      {},
      {
        timeoutMs: 2000,
        onDispatch: () => asked.push('dispatch'),
        mayAct: (element) => {
          asked.push(`mayAct ${element.parentElement?.tagName.toLowerCase()}`);
          return false;
        },
      },
    );
    expect(refused).toEqual({ status: 'refused' });
    expect(asked).toEqual(['mayAct form']);
    expect(clicks).toBe(0);

    const allowed = await executeStep(
      document,
      { ...base, id: 's2', kind: 'click', target },
      {},
      { timeoutMs: SHORT, mayAct: () => true },
    );
    expect(allowed.status).toBe('done');
    expect(clicks).toBe(1);
  });

  it('asks mayAct about the focused element for a key press without a target', async () => {
    document.body.innerHTML = '<form><input name="q"></form>';
    const input = document.querySelector('input') as HTMLInputElement;
    input.focus();
    const keys: string[] = [];
    input.addEventListener('keydown', (event) => keys.push(event.key));
    const seen: Element[] = [];
    const outcome = await executeStep(
      document,
      { ...base, id: 's1', kind: 'press', key: 'Enter', modifiers: [] },
      {},
      { timeoutMs: SHORT, mayAct: (element) => seen.push(element) === 0 },
    );
    expect(outcome).toEqual({ status: 'refused' });
    expect(seen).toEqual([input]);
    expect(keys).toEqual([]);
  });

  it('finds an element that appears while it waits', async () => {
    document.body.innerHTML = '<button data-testid="go">Continue</button>';
    const target = record('button');
    document.body.innerHTML = '<p>Loading…</p>';
    setTimeout(() => {
      document.body.innerHTML = '<button data-testid="go">Continue</button>';
      hit = document.querySelector('button');
    }, 50);
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: 2000 });
    expect(outcome.status).toBe('done');
  });

  it('reports not-found with the recorded role and name after the timeout', async () => {
    document.body.innerHTML = '<button>Save contact</button>';
    const target = record('button');
    document.body.innerHTML = '<button>Delete everything</button>';
    const started = performance.now();
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: SHORT });
    expect(outcome).toMatchObject({
      status: 'not-found',
      reason: "Could not find button 'Save contact' on this page.",
    });
    // With the resolver's own account beside it, which a replay reports.
    expect(outcome.status === 'not-found' && outcome.detail).toMatch(/\S/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(SHORT - 20);
  });

  it('returns ambiguous look-alikes with their descriptions and elements', async () => {
    const row = '<div><p>Delivery notes for this order</p><button>Save</button></div>';
    document.body.innerHTML = `<main>${row}</main>`;
    const target = record('button');
    document.body.innerHTML = `<main>${row}${row}</main>`;
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: SHORT });
    expect(outcome.status).toBe('ambiguous');
    if (outcome.status !== 'ambiguous') return;
    expect(outcome.candidates).toEqual(["button 'Save'", "button 'Save'"]);
    expect(outcome.elements).toHaveLength(2);
    expect(outcome.reason).toContain('choose the right one');
  });

  it('fails with a covered reason naming what is in front', async () => {
    document.body.innerHTML = '<button data-testid="save">Save</button><div id="cookie-banner">We use cookies</div>';
    const target = record('button');
    hit = document.getElementById('cookie-banner');
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: SHORT });
    expect(outcome).toMatchObject({ status: 'failed', code: 'covered' });
    if (outcome.status === 'failed')
      expect(outcome.message).toContain("button 'Save' is covered by div 'cookie-banner'");
  });

  it('fails with a never-enabled reason when the button stays disabled', async () => {
    document.body.innerHTML = '<button data-testid="save" disabled>Save</button>';
    const target = record('button');
    hit = document.querySelector('button');
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: SHORT });
    expect(outcome).toEqual({
      status: 'failed',
      code: 'not-enabled',
      message: "button 'Save' never became enabled within 300 ms.",
    });
  });

  it('re-resolves an element replaced by a re-render while it waited', async () => {
    document.body.innerHTML = '<div id="app"><button data-testid="save" disabled>Save</button></div>';
    const target = record('button');
    setTimeout(() => {
      (document.getElementById('app') as HTMLElement).innerHTML = '<button data-testid="save">Save</button>';
      hit = document.querySelector('button');
    }, 50);
    const clicked = vi.fn();
    document.addEventListener('click', clicked);
    const outcome = await executeStep(document, { ...base, id: 's1', kind: 'click', target }, {}, { timeoutMs: 2000 });
    expect(outcome.status).toBe('done');
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('checks a checkbox through its step', async () => {
    document.body.innerHTML = '<label><input type="checkbox" name="terms"> I agree</label>';
    const target = record('input');
    const box = document.querySelector('input') as HTMLInputElement;
    hit = box;
    const step: Step = { ...base, id: 's1', kind: 'check', target, checked: true };
    expect((await executeStep(document, step, {}, { timeoutMs: SHORT })).status).toBe('done');
    expect(box.checked).toBe(true);
  });

  it('presses Enter in the focused element when the step has no target', async () => {
    document.body.innerHTML = '<form><input id="q"></form>';
    const field = document.getElementById('q') as HTMLInputElement;
    field.focus();
    const submitted = vi.fn((event: Event) => event.preventDefault());
    document.querySelector('form')?.addEventListener('submit', submitted);
    const step: Step = { ...base, id: 's1', kind: 'press', key: 'Enter', modifiers: [] };
    expect(await executeStep(document, step, {}, { timeoutMs: SHORT })).toMatchObject({ status: 'done', via: 'none' });
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('asks the person to pick files for upload steps', async () => {
    document.body.innerHTML = '<label>Resume <input type="file" name="resume"></label>';
    const target = record('input');
    const outcome = await executeStep(
      document,
      { ...base, id: 's1', kind: 'upload', target },
      {},
      { timeoutMs: SHORT },
    );
    expect(outcome).toMatchObject({ status: 'failed', code: 'needs-user' });
  });

  it('leaves navigation to the caller', async () => {
    const step: Step = { ...base, id: 's1', kind: 'navigate', url: 'https://example.com/' };
    expect(await executeStep(document, step, {}, { timeoutMs: SHORT })).toMatchObject({
      status: 'failed',
      code: 'unsupported-step',
    });
  });

  it('stops when the signal aborts', async () => {
    document.body.innerHTML = '<button>Save</button>';
    const target = record('button');
    document.body.innerHTML = '';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const outcome = await executeStep(
      document,
      { ...base, id: 's1', kind: 'click', target },
      {},
      { timeoutMs: 5000, signal: controller.signal },
    );
    expect(outcome).toMatchObject({ status: 'failed', code: 'aborted' });
  });
});
