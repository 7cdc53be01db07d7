import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators';
import type { TargetDescriptor } from '@/lib/locators/schema';
import {
  ArtifactReply,
  ArtifactRequest,
  ArtifactSchema,
  artifactId,
  artifactIdPrefix,
  collectSecrets,
  domExcerpt,
  MASK,
  MAX_EXCERPT_CHARS,
  MAX_SCREENSHOT_CHARS,
  maskClone,
  maskText,
  regionAround,
  secretFieldTargets,
  secretValuesOf,
} from '@/lib/run/artifact';
import { type Task, TaskSchema } from '@/lib/task/schema';

const PASSWORD = 'Zebra-Secret-9431';
const TOKEN = 'otter-token-7716';
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';

const SIGN_IN = `
  <main>
    <h1>Sign in</h1>
    <form action="/login" method="post" aria-label="Sign in">
      <label for="email">Email</label><input id="email" name="email" type="email" value="ada@example.test">
      <label for="password">Password</label><input id="password" name="password" type="password">
      <label for="token">API token</label><input id="token" name="token" type="text">
      <label for="note">Note</label><textarea id="note" name="note"></textarea>
      <p class="echo" title="token ${TOKEN}">Your token ${TOKEN} was saved</p>
      <script>window.secret = "${PASSWORD}"</script>
      <button type="submit" onclick="track()">Sign in</button>
    </form>
  </main>`;

function render(html: string): void {
  document.body.innerHTML = html;
}

function byId(id: string): HTMLInputElement {
  return document.getElementById(id) as HTMLInputElement;
}

/** A descriptor recorded on `html`, as a stored step would hold it. */
function recorded(html: string, id: string): TargetDescriptor {
  render(html);
  return JSON.parse(JSON.stringify(describeElement(byId(id))));
}

/** The sign-in page after the run typed its values (the token field's value reformatted by the page). */
function typedSignIn(): void {
  render(SIGN_IN);
  byId('password').value = PASSWORD;
  byId('token').value = TOKEN.toUpperCase();
  byId('note').value = 'nothing secret';
}

function task(): Task {
  const step = (id: string, value: string, target: TargetDescriptor) => ({ id, kind: 'fill', target, value });
  return TaskSchema.parse({
    version: 1,
    title: 'Sign in',
    origins: ['http://127.0.0.1:4173'],
    variables: [
      { name: 'email', secret: false, defaultValue: 'ada@example.test' },
      { name: 'password', secret: true, defaultValue: PASSWORD },
      { name: 'token', secret: true, defaultValue: '' },
    ],
    steps: [
      { id: 's0', kind: 'navigate', url: 'http://127.0.0.1:4173/login' },
      step('s1', '{{email}}', recorded(SIGN_IN, 'email')),
      step('s2', '{{password}}', recorded(SIGN_IN, 'password')),
      step('s3', 'Bearer {{ token }}', recorded(SIGN_IN, 'token')),
      { id: 's4', kind: 'click', target: recorded(SIGN_IN, 'note') },
    ],
  });
}

describe('failure artifacts: what counts as secret', () => {
  it('names the fields secret variables were typed into, up to the failed step', () => {
    const steps = task().steps;
    const targets = secretFieldTargets(task(), 4);
    expect(targets).toEqual([(steps[2] as { target: unknown }).target, (steps[3] as { target: unknown }).target]);
    expect(secretFieldTargets(task(), 2)).toHaveLength(1); // step 3 had not run yet
  });

  it('sends the non-empty secret values only, longest first', () => {
    expect(secretValuesOf(task(), { email: 'ada@example.test', password: PASSWORD, token: '' })).toEqual([PASSWORD]);
    expect(secretValuesOf(task(), { password: 'short', token: TOKEN })).toEqual([TOKEN, 'short']);
    // Own properties only: a variable named like an Object member reads nothing inherited.
    expect(
      secretValuesOf({ ...task(), variables: [{ name: 'toString', secret: true, defaultValue: '' }] }, {}),
    ).toEqual([]);
  });

  it('reads the live values of password fields and of the fields secrets went into', () => {
    const targets = secretFieldTargets(task(), 4);
    typedSignIn();
    const { secrets, fields } = collectSecrets(document, targets, [TOKEN]);
    // The page upper-cased the token: its live value is a secret too, as typed and as shown.
    expect(secrets).toEqual(expect.arrayContaining([PASSWORD, TOKEN, TOKEN.toUpperCase()]));
    expect(secrets).not.toContain('ada@example.test');
    expect(secrets).not.toContain('nothing secret');
    expect(fields).toEqual(expect.arrayContaining([byId('password'), byId('token')]));
  });

  it('finds password fields inside open shadow roots', () => {
    render('<login-box></login-box>');
    const root = (document.querySelector('login-box') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = '<input type="password">';
    (root.querySelector('input') as HTMLInputElement).value = PASSWORD;
    expect(collectSecrets(document, [], []).secrets).toEqual([PASSWORD]);
  });

  it('masks every occurrence, a longer secret before one it contains', () => {
    expect(maskText(`a ${PASSWORD} b ${PASSWORD}`, [PASSWORD])).toEqual({ text: `a ${MASK} b ${MASK}`, count: 2 });
    expect(maskText('pin 1234 and 12345', ['12345', '1234']).text).toBe(`pin ${MASK} and ${MASK}`);
    expect(maskText('nothing here', [PASSWORD])).toEqual({ text: 'nothing here', count: 0 });
  });
});

describe('failure artifacts: the screenshot clone', () => {
  /** What modern-screenshot hands onCloneNode: a detached copy with live values as attributes. */
  function cloneLikeTheRenderer(): Element {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const field of Array.from(document.querySelectorAll('input, textarea'))) {
      const copy = clone.querySelector(`#${field.id}`) as Element;
      copy.setAttribute('value', (field as HTMLInputElement).value);
    }
    return clone;
  }

  it('shows a mask instead of every secret, leaves other fields alone, never touches the page', () => {
    const targets = secretFieldTargets(task(), 4);
    typedSignIn();
    const { secrets } = collectSecrets(document, targets, [TOKEN]);
    const clone = cloneLikeTheRenderer();
    const count = maskClone(clone, secrets);
    const field = (id: string) => clone.querySelector(`#${id}`) as Element;
    expect(field('password').getAttribute('value')).toBe(MASK);
    expect(field('token').getAttribute('value')).toBe(MASK);
    expect(field('email').getAttribute('value')).toBe('ada@example.test');
    expect(field('note').getAttribute('value')).toBe('nothing secret');
    const echo = clone.querySelector('.echo') as Element;
    expect(echo.textContent).toBe(`Your token ${MASK} was saved`);
    expect(echo.getAttribute('title')).toBe(`token ${MASK}`);
    expect(count).toBe(5); // two fields, the text, the attribute, the script's text
    for (const secret of [PASSWORD, TOKEN, TOKEN.toUpperCase()]) expect(clone.outerHTML).not.toContain(secret);
    // The live page keeps its values.
    expect(byId('password').value).toBe(PASSWORD);
    expect(document.body.innerHTML).toContain(`Your token ${TOKEN} was saved`);
  });

  it('masks a secret textarea and an empty password field stays empty', () => {
    render('<textarea id="t"></textarea><input id="p" type="password">');
    byId('t').value = `key ${TOKEN}`;
    const clone = document.body.cloneNode(true) as Element;
    (clone.querySelector('#t') as Element).setAttribute('value', `key ${TOKEN}`);
    (clone.querySelector('#t') as Element).textContent = `key ${TOKEN}`;
    (clone.querySelector('#p') as Element).setAttribute('value', '');
    expect(maskClone(clone, [TOKEN])).toBe(1);
    expect((clone.querySelector('#t') as Element).textContent).toBe(MASK);
    expect((clone.querySelector('#p') as Element).getAttribute('value')).toBe('');
    expect(clone.outerHTML).not.toContain(TOKEN);
  });
});

describe('failure artifacts: the DOM excerpt', () => {
  it('cuts around where the target should be, with no values and no secrets', () => {
    const targets = secretFieldTargets(task(), 4);
    const submit = recorded(SIGN_IN, 'note');
    typedSignIn();
    byId('note').remove(); // the step's target is gone: that is why it failed
    const { secrets, fields } = collectSecrets(document, targets, [TOKEN]);
    const { region, target } = regionAround(document, submit);
    expect(target).toBeNull();
    expect(region.localName).toBe('form'); // the target's recorded form is still there
    const excerpt = domExcerpt(region, { secrets, secretFields: fields, target });
    for (const secret of [PASSWORD, TOKEN, TOKEN.toUpperCase()]) expect(excerpt).not.toContain(secret);
    expect(excerpt).toContain(`<input id="password" name="password" type="password" value="${MASK}">`);
    expect(excerpt).toContain(`<input id="token" name="token" type="text" value="${MASK}">`);
    // Every other value attribute is dropped too (the page's own or typed), with handlers and scripts.
    expect(excerpt).toContain('<input id="email" name="email" type="email">');
    expect(excerpt).not.toContain('ada@example.test');
    expect(excerpt).not.toContain('onclick');
    expect(excerpt).not.toContain('<script');
    expect(excerpt).toContain(`Your token ${MASK} was saved`);
  });

  it('marks the target when it is there, inside its nearest region', () => {
    const note = recorded(SIGN_IN, 'note');
    typedSignIn();
    const { region, target } = regionAround(document, note);
    expect(target).toBe(byId('note'));
    expect(region.localName).toBe('form');
    expect(domExcerpt(region, { secrets: [], target })).toContain('<!-- the step’s target --><textarea id="note"');
  });

  it('falls back to the recorded landmark, then to main', () => {
    const html = '<nav aria-label="Account"><a href="/profile">Profile</a></nav><main><p>Body</p></main>';
    const link = (() => {
      render(html);
      return JSON.parse(JSON.stringify(describeElement(document.querySelector('a') as Element)));
    })();
    render('<nav aria-label="Account"><span>No links</span></nav><main><p>Body</p></main>');
    expect(regionAround(document, link).region.localName).toBe('nav');
    render('<main><p>Body</p></main>');
    expect(regionAround(document, link).region.localName).toBe('main');
    expect(regionAround(document, null).region.localName).toBe('main');
  });

  it('caps its length and the depth it goes into', () => {
    render(`<main>${`<div>${'<p>row of text that goes on</p>'.repeat(40)}</div>`.repeat(40)}</main>`);
    const excerpt = domExcerpt(document.querySelector('main') as Element, { secrets: [] });
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_CHARS);
    expect(excerpt.endsWith('…')).toBe(true);
    render(`<main>${'<div>'.repeat(20)}deep${'</div>'.repeat(20)}</main>`);
    expect(domExcerpt(document.querySelector('main') as Element, { secrets: [] })).not.toContain('deep');
  });

  it('never contains a secret, wherever the page shows it (property)', () => {
    const piece = fc.string({ minLength: 0, maxLength: 12 }).map((text) => text.replace(/[<>&"]/g, ''));
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 24 }).filter((text) => text.trim() === text && !/[\s<>&"]/.test(text)),
        piece,
        piece,
        (secret, before, after) => {
          // A secret that is part of the markup itself ("alue" of value=, "main") cannot be absent from
          // it: the same page with a filled field and no secret shows which words that markup has.
          render(`<main><p title="${before}${after}">${before}${after}</p><input type="password"></main>`);
          (document.querySelector('input') as HTMLInputElement).value = '-';
          const plain = collectSecrets(document, [], []);
          const markup = domExcerpt(document.querySelector('main') as Element, {
            secrets: plain.secrets,
            secretFields: plain.fields,
          });
          fc.pre(!markup.includes(secret));
          render(
            `<main><p title="${before}${secret}${after}">${before}${secret}${after}</p><input type="password"></main>`,
          );
          (document.querySelector('input') as HTMLInputElement).value = `${secret}!`;
          const { secrets, fields } = collectSecrets(document, [], [secret]);
          const excerpt = domExcerpt(document.querySelector('main') as Element, { secrets, secretFields: fields });
          expect(excerpt).not.toContain(secret);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('failure artifacts: messages and records', () => {
  const captured = { status: 'captured', screenshot: PNG, domExcerpt: '<main></main>', maskedCount: 2 };

  it('accepts a PNG or JPEG data URL and nothing else', () => {
    expect(ArtifactReply.parse(captured)).toEqual(captured);
    expect(ArtifactReply.safeParse({ ...captured, screenshot: null }).success).toBe(true);
    for (const screenshot of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html;base64,PGI+',
      'http://127.0.0.1/shot.png',
      `${PNG}"><script>`,
      `data:image/png;base64,${'A'.repeat(MAX_SCREENSHOT_CHARS)}`,
    ]) {
      expect(ArtifactReply.safeParse({ ...captured, screenshot }).success, screenshot.slice(0, 40)).toBe(false);
    }
    expect(ArtifactReply.safeParse({ ...captured, domExcerpt: 'x'.repeat(MAX_EXCERPT_CHARS + 1) }).success).toBe(false);
    expect(ArtifactReply.safeParse({ ...captured, extra: true }).success).toBe(false);
  });

  it('a request carries targets and non-empty secrets, nothing else', () => {
    const request = { type: 'replay:artifact', target: null, secretFields: [], secretValues: [PASSWORD] };
    expect(ArtifactRequest.parse(request)).toEqual(request);
    expect(ArtifactRequest.safeParse({ ...request, secretValues: [''] }).success).toBe(false);
    expect(ArtifactRequest.safeParse({ ...request, values: {} }).success).toBe(false);
  });

  it('stores one record per run and step, found by the run id prefix', () => {
    const { status: _status, ...rest } = captured;
    const record = { version: 1, runId: 'a'.repeat(32), stepIndex: 3, capturedAt: 1, ...rest };
    expect(ArtifactSchema.parse(record)).toEqual(record);
    expect(artifactId(record.runId, 3)).toBe(`${'a'.repeat(32)}.3`);
    expect(artifactId(record.runId, 3).startsWith(artifactIdPrefix(record.runId))).toBe(true);
    // Run 1's prefix must not pick up run 10's artifacts.
    expect(artifactId('run10', 0).startsWith(artifactIdPrefix('run1'))).toBe(false);
  });
});
