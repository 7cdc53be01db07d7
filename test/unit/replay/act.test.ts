import { beforeEach, describe, expect, it } from 'vitest';
import {
  click,
  doubleClick,
  fill,
  findOption,
  normalizeForInput,
  press,
  selectOption,
  setChecked,
  submitForm,
} from '@/lib/replay/act';

const POINT = { x: 12, y: 34 };
const fastRaf = (callback: () => void) => setTimeout(callback, 0);

/** Records event types (and a detail) on `target` and returns the log. */
function recordEvents(target: EventTarget, types: string[], detail?: (event: Event) => string): string[] {
  const log: string[] = [];
  for (const type of types) {
    target.addEventListener(type, (event) => log.push(detail ? `${type}:${detail(event)}` : type), true);
  }
  return log;
}

const POINTER_TYPES = [
  'pointerover',
  'pointerenter',
  'mouseover',
  'mouseenter',
  'pointermove',
  'mousemove',
  'pointerdown',
  'mousedown',
  'focus',
  'pointerup',
  'mouseup',
  'click',
  'dblclick',
];

/**
 * Mimics React's value tracker: React defines `value` on the input instance, remembering what it last rendered;
 * a plain `input.value = x` goes through this wrapper and so is invisible to its onChange. Only a change made with
 * the prototype's setter makes `node.value` differ from the tracked value when the input event arrives.
 */
function installReactLikeTracker(input: HTMLInputElement): { changes: string[] } {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  if (!descriptor?.get || !descriptor.set) throw new Error('no native value accessor');
  const { get, set } = descriptor;
  let tracked = get.call(input) as string;
  const changes: string[] = [];
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return get.call(this);
    },
    set(value: string) {
      tracked = value;
      set.call(this, value);
    },
  });
  input.addEventListener('input', () => {
    const current = get.call(input) as string;
    if (current !== tracked) {
      tracked = current;
      changes.push(current);
    }
  });
  return { changes };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('click', () => {
  it('dispatches the pointer and mouse events of a real click, in order, at the action point', () => {
    document.body.innerHTML = '<button id="b">Save</button>';
    const button = document.getElementById('b') as HTMLButtonElement;
    const log = recordEvents(button, POINTER_TYPES);
    const points: string[] = [];
    button.addEventListener('click', (event) =>
      points.push(`${event.clientX},${event.clientY},${event.button},${event.detail}`),
    );
    click(button, POINT);
    expect(log).toEqual([
      'pointerover',
      'pointerenter',
      'mouseover',
      'mouseenter',
      'pointermove',
      'mousemove',
      'pointerdown',
      'mousedown',
      'focus',
      'pointerup',
      'mouseup',
      'click',
    ]);
    expect(points).toEqual(['12,34,0,1']);
    expect(document.activeElement).toBe(button);
  });

  it('bubbles and composes the events a browser bubbles, but not enter/leave', () => {
    document.body.innerHTML = '<div id="wrap"><button id="b">Save</button></div>';
    const wrap = document.getElementById('wrap') as HTMLElement;
    const bubbled: string[] = [];
    for (const type of ['mouseenter', 'pointerenter', 'mousedown', 'click']) {
      wrap.addEventListener(type, (event) => {
        if (event.target !== wrap) bubbled.push(`${type}:${event.composed}`);
      });
    }
    click(document.getElementById('b') as HTMLElement, POINT);
    expect(bubbled).toEqual(['mousedown:true', 'click:true']);
  });

  it('skips the compatibility mouse events when pointerdown is cancelled, but still clicks', () => {
    document.body.innerHTML = '<button id="b">Save</button>';
    const button = document.getElementById('b') as HTMLButtonElement;
    button.addEventListener('pointerdown', (event) => event.preventDefault());
    const log = recordEvents(button, ['mousedown', 'mouseup', 'click']);
    click(button, POINT);
    expect(log).toEqual(['click']);
  });

  it('does not move focus when mousedown is cancelled', () => {
    document.body.innerHTML = '<input id="f"><button id="b">Save</button>';
    const field = document.getElementById('f') as HTMLInputElement;
    field.focus();
    const button = document.getElementById('b') as HTMLButtonElement;
    button.addEventListener('mousedown', (event) => event.preventDefault());
    click(button, POINT);
    expect(document.activeElement).toBe(field);
  });

  it('focuses the nearest focusable ancestor of a clicked icon', () => {
    document.body.innerHTML = '<button id="b"><span id="icon">✎</span></button>';
    click(document.getElementById('icon') as HTMLElement, POINT);
    expect(document.activeElement?.id).toBe('b');
  });

  it('double-clicks as two clicks with detail 1 and 2, then dblclick', () => {
    document.body.innerHTML = '<div id="cell" tabindex="0">Cell</div>';
    const cell = document.getElementById('cell') as HTMLElement;
    const log = recordEvents(cell, ['mousedown', 'mouseup', 'click', 'dblclick'], (event) =>
      String((event as MouseEvent).detail),
    );
    doubleClick(cell, POINT);
    expect(log).toEqual(['mousedown:1', 'mouseup:1', 'click:1', 'mousedown:2', 'mouseup:2', 'click:2', 'dblclick:2']);
  });
});

describe('fill', () => {
  it('focuses, replaces the value and dispatches beforeinput then input, and change only on blur', () => {
    document.body.innerHTML = '<input id="f" value="old"><button id="other">x</button>';
    const field = document.getElementById('f') as HTMLInputElement;
    const log = recordEvents(field, ['focus', 'beforeinput', 'input', 'change', 'blur'], (event) =>
      'inputType' in event ? String((event as InputEvent).inputType) : '',
    );
    const result = fill(field, 'new value');
    expect(result.ok).toBe(true);
    expect(field.value).toBe('new value');
    expect(log).toEqual(['focus:', 'beforeinput:insertReplacementText', 'input:insertReplacementText']);
    (document.getElementById('other') as HTMLElement).focus();
    expect(log.slice(3)).toEqual(['blur:', 'change:']);
  });

  it('passes the typed text as InputEvent data', () => {
    document.body.innerHTML = '<input id="f">';
    const field = document.getElementById('f') as HTMLInputElement;
    const data: (string | null)[] = [];
    field.addEventListener('input', (event) => data.push((event as InputEvent).data));
    fill(field, 'abc');
    expect(data).toEqual(['abc']);
  });

  it('uses the native value setter so a React-style controlled input sees the change', () => {
    document.body.innerHTML = '<input id="f">';
    const field = document.getElementById('f') as HTMLInputElement;
    const react = installReactLikeTracker(field);
    fill(field, 'ada@example.com');
    expect(react.changes).toEqual(['ada@example.com']);
  });

  it('(control) a plain assignment would be invisible to the same tracker', () => {
    document.body.innerHTML = '<input id="f">';
    const field = document.getElementById('f') as HTMLInputElement;
    const react = installReactLikeTracker(field);
    field.value = 'typed';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(react.changes).toEqual([]);
  });

  it('fills a textarea with the textarea setter', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const area = document.getElementById('t') as HTMLTextAreaElement;
    expect(fill(area, 'line one\nline two').ok).toBe(true);
    expect(area.value).toBe('line one\nline two');
  });

  it('reports a cancelled beforeinput as refused, without the value in the message', () => {
    document.body.innerHTML = '<label>Card <input id="f"></label>';
    const field = document.getElementById('f') as HTMLInputElement;
    field.addEventListener('beforeinput', (event) => event.preventDefault());
    const result = fill(field, '4111-secret');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('input-refused');
    expect(result.error.message).not.toContain('4111');
    expect(field.value).toBe('');
  });

  it('refuses checkboxes and buttons', () => {
    document.body.innerHTML = '<input id="c" type="checkbox"><button id="b">Go</button>';
    expect(fill(document.getElementById('c') as Element, 'x')).toMatchObject({
      ok: false,
      error: { code: 'not-fillable' },
    });
    expect(fill(document.getElementById('b') as Element, 'x')).toMatchObject({
      ok: false,
      error: { code: 'not-fillable' },
    });
  });

  it('sets contenteditable text and dispatches input', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true">old</div>';
    const editor = document.getElementById('e') as HTMLElement;
    const log = recordEvents(editor, ['beforeinput', 'input']);
    expect(fill(editor, 'new text').ok).toBe(true);
    expect(editor.textContent).toBe('new text');
    expect(log).toEqual(['beforeinput', 'input']);
  });

  it('cuts ISO timestamps to what date and time fields hold', () => {
    expect(normalizeForInput('date', '2024-03-31T14:30:00Z')).toBe('2024-03-31');
    expect(normalizeForInput('datetime-local', '2024-03-31 14:30')).toBe('2024-03-31T14:30');
    expect(normalizeForInput('time', '2024-03-31T14:30:05.120Z')).toBe('14:30:05.120');
    expect(normalizeForInput('time', '09:15Z')).toBe('09:15');
    expect(normalizeForInput('month', '2024-03-31')).toBe('2024-03');
    expect(normalizeForInput('text', '2024-03-31T14:30:00Z')).toBe('2024-03-31T14:30:00Z');
  });

  it('commits date inputs at once with change after input', () => {
    document.body.innerHTML = '<input id="d" type="date">';
    const field = document.getElementById('d') as HTMLInputElement;
    const log = recordEvents(field, ['input', 'change']);
    expect(fill(field, '2024-03-31T10:00:00Z').ok).toBe(true);
    expect(field.value).toBe('2024-03-31');
    expect(log).toEqual(['input', 'change']);
  });
});

describe('select', () => {
  const LIST = `<label for="s">Company</label><select id="s">
      <option value="">Choose…</option>
      <option value="acme-1">  Acme   Corp </option>
      <option value="glob">Globex</option>
      <option value="init" disabled>Initech</option>
    </select>`;

  it('finds an option by value first', () => {
    document.body.innerHTML = LIST;
    const select = document.getElementById('s') as HTMLSelectElement;
    expect(findOption(select, 'glob', 'Acme Corp')?.value).toBe('glob');
  });

  it('falls back to the label, ignoring case and whitespace', () => {
    document.body.innerHTML = LIST;
    const select = document.getElementById('s') as HTMLSelectElement;
    expect(findOption(select, 'acme-2', 'acme corp')?.value).toBe('acme-1');
    expect(findOption(select, 'GLOBEX', '')?.value).toBe('glob');
  });

  it('selects the option and dispatches input then change', () => {
    document.body.innerHTML = LIST;
    const select = document.getElementById('s') as HTMLSelectElement;
    const log = recordEvents(select, ['input', 'change']);
    expect(selectOption(select, 'x', 'Acme Corp').ok).toBe(true);
    expect(select.value).toBe('acme-1');
    expect(log).toEqual(['input', 'change']);
  });

  it('names the list and the missing option', () => {
    document.body.innerHTML = LIST;
    const result = selectOption(document.getElementById('s') as Element, 'zzz', 'Acme');
    expect(result).toEqual({
      ok: false,
      error: { code: 'no-such-option', message: "Combobox 'Company' has no option 'Acme'." },
    });
  });

  it('refuses a disabled option', () => {
    document.body.innerHTML = LIST;
    const result = selectOption(document.getElementById('s') as Element, 'init', 'Initech');
    expect(result).toMatchObject({ ok: false, error: { code: 'option-disabled' } });
  });
});

describe('check', () => {
  it('clicks an unchecked checkbox so handlers run, and reports the change', async () => {
    document.body.innerHTML = '<input id="c" type="checkbox">';
    const box = document.getElementById('c') as HTMLInputElement;
    const log = recordEvents(box, ['mousedown', 'click', 'input', 'change']);
    const result = await setChecked(box, true, { point: POINT, raf: fastRaf });
    expect(result).toEqual({ ok: true, value: { changed: true } });
    expect(box.checked).toBe(true);
    expect(log.slice(0, 2)).toEqual(['mousedown', 'click']);
  });

  it('does nothing when the state already matches', async () => {
    document.body.innerHTML = '<input id="c" type="checkbox" checked>';
    const box = document.getElementById('c') as HTMLInputElement;
    const log = recordEvents(box, ['click']);
    expect(await setChecked(box, true, { point: POINT, raf: fastRaf })).toEqual({
      ok: true,
      value: { changed: false },
    });
    expect(log).toEqual([]);
  });

  it('unchecks a checked checkbox', async () => {
    document.body.innerHTML = '<input id="c" type="checkbox" checked>';
    const box = document.getElementById('c') as HTMLInputElement;
    expect((await setChecked(box, false, { point: POINT, raf: fastRaf })).ok).toBe(true);
    expect(box.checked).toBe(false);
  });

  it('refuses to uncheck a radio button', async () => {
    document.body.innerHTML = '<input id="r" type="radio" name="g" checked>';
    const result = await setChecked(document.getElementById('r') as Element, false, { point: POINT, raf: fastRaf });
    expect(result).toMatchObject({ ok: false, error: { code: 'cannot-uncheck-radio' } });
  });

  it('checks a radio button', async () => {
    document.body.innerHTML = '<input id="a" type="radio" name="g" checked><input id="b" type="radio" name="g">';
    const b = document.getElementById('b') as HTMLInputElement;
    expect((await setChecked(b, true, { point: POINT, raf: fastRaf })).ok).toBe(true);
    expect(b.checked).toBe(true);
    expect((document.getElementById('a') as HTMLInputElement).checked).toBe(false);
  });

  it('toggles an ARIA checkbox through its click handler', async () => {
    document.body.innerHTML = '<div id="c" role="checkbox" aria-checked="false" tabindex="0">Agree</div>';
    const box = document.getElementById('c') as HTMLElement;
    box.addEventListener('click', () =>
      box.setAttribute('aria-checked', box.getAttribute('aria-checked') === 'true' ? 'false' : 'true'),
    );
    expect((await setChecked(box, true, { point: POINT, raf: fastRaf })).ok).toBe(true);
    expect(box.getAttribute('aria-checked')).toBe('true');
  });

  it('reports a click that changed nothing', async () => {
    document.body.innerHTML = '<input id="c" type="checkbox" aria-label="Agree">';
    const box = document.getElementById('c') as HTMLInputElement;
    box.addEventListener('click', (event) => event.preventDefault());
    const result = await setChecked(box, true, { point: POINT, raf: fastRaf });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-effect' } });
    if (!result.ok) expect(result.error.message).toContain("checkbox 'Agree'");
  });
});

describe('press', () => {
  function form(html: string): { form: HTMLFormElement; submits: (string | null)[]; field: HTMLInputElement } {
    document.body.innerHTML = html;
    const element = document.querySelector('form') as HTMLFormElement;
    const submits: (string | null)[] = [];
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      submits.push((event as SubmitEvent).submitter?.id || null);
    });
    return { form: element, submits, field: document.getElementById('f') as HTMLInputElement };
  }

  it('dispatches keydown, keypress and keyup with key, code and legacy keyCode', () => {
    document.body.innerHTML = '<input id="f">';
    const field = document.getElementById('f') as HTMLInputElement;
    const log = recordEvents(field, ['keydown', 'keypress', 'keyup'], (event) => {
      const key = event as KeyboardEvent;
      return `${key.key}/${key.code}/${key.keyCode}/${key.ctrlKey}`;
    });
    press(field, 'Enter', []);
    expect(log).toEqual([
      'keydown:Enter/Enter/13/false',
      'keypress:Enter/Enter/13/false',
      'keyup:Enter/Enter/13/false',
    ]);
  });

  it('sends no keypress for non-printable keys and carries modifiers', () => {
    document.body.innerHTML = '<input id="f">';
    const field = document.getElementById('f') as HTMLInputElement;
    const log = recordEvents(field, ['keydown', 'keypress', 'keyup'], (event) =>
      String((event as KeyboardEvent).shiftKey),
    );
    press(field, 'ArrowDown', ['Shift']);
    expect(log).toEqual(['keydown:true', 'keyup:true']);
  });

  it('Enter in a form field clicks the default (first) submit button', () => {
    const { submits, field } = form(
      '<form><input id="f"><input id="g"><button id="first">Save</button><button id="second">Other</button></form>',
    );
    const clicks: string[] = [];
    document.addEventListener('click', (event) => clicks.push((event.target as Element).id));
    const result = press(field, 'Enter', []);
    expect(result).toMatchObject({ ok: true, value: { submission: 'clicked-default-button' } });
    expect(clicks).toEqual(['first']);
    expect(submits).toEqual(['first']);
  });

  it('Enter in the only field of a form without a submit button submits it', () => {
    const { submits, field } = form('<form><input id="f"><input type="checkbox"></form>');
    expect(press(field, 'Enter', [])).toMatchObject({ ok: true, value: { submission: 'submitted' } });
    expect(submits).toEqual([null]);
  });

  it('Enter does not submit a form with several fields and no submit button', () => {
    const { submits, field } = form('<form><input id="f"><input type="email"></form>');
    expect(press(field, 'Enter', [])).toMatchObject({ ok: true, value: { submission: 'none' } });
    expect(submits).toEqual([]);
  });

  it('Enter does nothing when the default button is disabled, and says so', () => {
    const { submits, field } = form('<form><input id="f"><button id="b" disabled>Send</button></form>');
    const result = press(field, 'Enter', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'default-button-disabled' } });
    if (!result.ok) expect(result.error.message).toContain("button 'Send'");
    expect(submits).toEqual([]);
  });

  it('Enter cancelled by the page at keydown does not submit', () => {
    const { submits, field } = form('<form><input id="f"><button id="b">Send</button></form>');
    field.addEventListener('keydown', (event) => event.preventDefault());
    expect(press(field, 'Enter', [])).toMatchObject({ ok: true, value: { prevented: true, submission: 'none' } });
    expect(submits).toEqual([]);
  });

  it('Enter in a textarea does not submit', () => {
    const { submits } = form('<form><textarea id="t"></textarea><button id="b">Send</button></form>');
    press(document.getElementById('t') as Element, 'Enter', []);
    expect(submits).toEqual([]);
  });

  it('Tab moves focus to the next tabbable element and Shift+Tab back, skipping disabled and hidden ones', () => {
    document.body.innerHTML =
      '<input id="a"><button id="x" disabled>x</button><input id="h" style="display:none"><span tabindex="-1">s</span><a id="b" href="#">b</a>';
    const a = document.getElementById('a') as HTMLInputElement;
    a.focus();
    press(a, 'Tab', []);
    expect(document.activeElement?.id).toBe('b');
    press(document.activeElement as Element, 'Tab', ['Shift']);
    expect(document.activeElement?.id).toBe('a');
  });

  it('Escape only dispatches', () => {
    document.body.innerHTML = '<form><input id="f"><button id="b">Send</button></form>';
    const field = document.getElementById('f') as HTMLInputElement;
    field.focus();
    const log = recordEvents(document, ['keydown', 'keypress', 'keyup', 'submit']);
    press(field, 'Escape', []);
    expect(log).toEqual(['keydown', 'keyup']);
    expect(document.activeElement).toBe(field);
  });
});

describe('submit', () => {
  it('requests submission so submit handlers run', () => {
    document.body.innerHTML = '<form id="f"><input name="q" value="x"></form>';
    const formElement = document.getElementById('f') as HTMLFormElement;
    let submitted = 0;
    formElement.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    expect(submitForm(formElement).ok).toBe(true);
    expect(submitted).toBe(1);
  });

  it('refuses an element that is not a form', () => {
    document.body.innerHTML = '<div id="d"></div>';
    expect(submitForm(document.getElementById('d') as Element)).toMatchObject({
      ok: false,
      error: { code: 'not-a-form' },
    });
  });
});
