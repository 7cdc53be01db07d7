import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators/describe';
import { resolveTarget, scoreCandidates } from '@/lib/locators/resolve';
import type { Fingerprint, Locator, TargetDescriptor } from '@/lib/locators/schema';

function record(html: string, pick: (doc: Document) => Element): TargetDescriptor {
  document.body.innerHTML = html;
  return JSON.parse(JSON.stringify(describeElement(pick(document))));
}

function replay(html: string, descriptor: TargetDescriptor) {
  document.body.innerHTML = html;
  return resolveTarget(document, descriptor);
}

const rows = (titles: string[]) =>
  `<main><h1>Posts</h1><table><tbody>${titles
    .map(
      (title) =>
        `<tr><td><a href="/p/${title.toLowerCase().replace(/\s+/g, '-')}">${title}</a></td><td>Olga Ivanova</td><td><button class="btn">Edit</button><button class="btn">Trash</button></td></tr>`,
    )
    .join('')}</tbody></table></main>`;

describe('resolveTarget', () => {
  it('never compares a field to type in with a box to tick: only fields are its candidates', () => {
    const html =
      '<main><fieldset><legend>Item 1</legend><label for="n1">Item 1 name</label><input id="n1">' +
      '<input type="checkbox" id="c1"><label for="c1">Include item 1</label>' +
      '<input type="radio" name="r" id="r1"><label for="r1">Item 1 first</label></fieldset>' +
      '<label for="q">Quantity</label><input id="q" type="number"></main>';
    const field = record(html, (doc) => doc.getElementById('n1') as Element);
    expect(scoreCandidates(document, field).scored.map((entry) => entry.element.id)).toEqual(['n1', 'q']);
    const box = record(html, (doc) => doc.getElementById('c1') as Element);
    expect(scoreCandidates(document, box).scored.map((entry) => entry.element.id)).toEqual(['c1', 'r1']);
  });

  it('accepts a unique locator match that agrees with the fingerprint', () => {
    const html = '<main><form id="f"><label for="email">Email</label><input id="email" name="email"></form></main>';
    const descriptor = record(html, (doc) => doc.getElementById('email') as Element);
    const result = replay(html, descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect(result.element).toBe(document.getElementById('email'));
      expect(result.via).toBe('id');
    }
  });

  it('finds a reordered row by its own text, not its position', () => {
    const descriptor = record(
      rows(['Spring menu', 'Sourdough 101', 'Holiday hours']),
      (doc) => doc.querySelectorAll('tr')[1]?.querySelector('button') as Element,
    );
    const result = replay(rows(['Holiday hours', 'Spring menu', 'Sourdough 101']), descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toContain('Sourdough 101');
  });

  it('falls back to the fingerprint when a structural locator points at a different row', () => {
    const descriptor = record(
      rows(['Alpha launch', 'Beta testing', 'Gamma rays']),
      (doc) => doc.querySelectorAll('tr')[0]?.querySelector('button') as Element,
    );
    const result = replay(rows(['Beta testing', 'Gamma rays', 'Alpha launch']), descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect(result.via).toBe('fingerprint');
      expect(result.element.closest('tr')?.textContent).toContain('Alpha launch');
    }
  });

  it('refuses when the recorded row was deleted and identical buttons remain in other rows', () => {
    const descriptor = record(
      rows(['Spring menu', 'Sourdough 101', 'Holiday hours', 'We are hiring']),
      (doc) => doc.querySelectorAll('tr')[1]?.querySelector('button') as Element,
    );
    const result = replay(rows(['Spring menu', 'Holiday hours', 'We are hiring']), descriptor);
    expect(result.status).not.toBe('found');
  });

  it('refuses when the button was replaced by a different action in the same place', () => {
    const before =
      '<main><div class="cta"><span>60 spots left</span><button class="btn btn-primary">RSVP</button><button class="btn">Share</button></div></main>';
    const after =
      '<main><div class="cta"><span>This event has ended</span><button class="btn btn-secondary">Write a review</button><button class="btn">Share</button></div></main>';
    const descriptor = record(before, (doc) => doc.querySelector('.btn-primary') as Element);
    expect(replay(after, descriptor).status).toBe('not-found');
  });

  it('uses the surrounding card to pick the right one of two same-named buttons', () => {
    const card = (title: string, value: string) =>
      `<section class="card"><h2>${title}</h2><div class="row"><code>${value}</code><button class="btn">Rename</button></div></section>`;
    const descriptor = record(
      `<main>${card('Project name', 'atlas-web')}</main>`,
      (doc) => doc.querySelector('button') as Element,
    );
    const result = replay(
      `<main>${card('Default branch', 'main')}${card('Project name', 'atlas-web')}</main>`,
      descriptor,
    );
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('section')?.textContent).toContain('Project name');
  });

  it('still finds a button whose card gained a status line, and refuses the card whose words it lost', () => {
    const card = (status: string, title = 'Live help') =>
      `<main><section><h2>Search</h2><button>Search</button></section><section><h2>${title}</h2><label for="q">Your question</label><input id="q"><div><button>Open live help</button></div><p role="status">${status}</p></section><section><h2>Feedback</h2><button>Send feedback</button></section></main>`;
    const descriptor = record(card(''), (doc) => doc.querySelectorAll('button')[1] as Element);
    const grown = replay(card('Live help is not available right now.'), descriptor);
    expect(grown.status).toBe('found');
    if (grown.status === 'found') expect(grown.element.textContent).toBe('Open live help');
    // The same button in surroundings that lost every recorded word is somewhere else, even with
    // its name unique then and now (a moved control keeps something of its surroundings).
    const moved = replay(card('', 'Billing disputes').replace('Your question', 'Card number'), descriptor);
    expect(moved.status).not.toBe('found');
  });

  it('reports ambiguity when two candidates are indistinguishable', () => {
    const descriptor = record(
      '<main><div><p>Delivery notes for this order</p><button>Save</button></div></main>',
      (doc) => doc.querySelector('button') as Element,
    );
    const result = replay(
      '<main><div><p>Delivery notes for this order</p><button>Save</button></div><div><p>Delivery notes for this order</p><button>Save</button></div></main>',
      descriptor,
    );
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') expect(result.candidates).toHaveLength(2);
  });

  it('keeps a translated field through its stable id and name attribute', () => {
    const form = (label: string) =>
      `<form id="booking"><label for="room">${label}</label><select id="room" name="room"></select><label for="guests">Guests</label><select id="guests" name="guests"></select></form>`;
    const descriptor = record(form('Room type'), (doc) => doc.getElementById('room') as Element);
    const result = replay(form('Zimmertyp'), descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('room');
  });

  it('resolves through a chain of open shadow roots', () => {
    const build = (caption: string) => {
      document.body.innerHTML = '<main><reply-composer></reply-composer></main>';
      const host = document.querySelector('reply-composer') as Element;
      host.attachShadow({
        mode: 'open',
      }).innerHTML = `<form><button type="button">Preview</button><button type="submit">${caption}</button></form>`;
      return host.shadowRoot as ShadowRoot;
    };
    const descriptor = JSON.parse(
      JSON.stringify(describeElement(build('Post').querySelector('[type=submit]') as Element)),
    );
    const shadow = build('Post');
    const result = resolveTarget(document, descriptor);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(shadow.querySelector('[type=submit]'));
  });

  it('reports not-found when the shadow host has gone', () => {
    document.body.innerHTML = '<main><reply-composer></reply-composer></main>';
    const host = document.querySelector('reply-composer') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<button>Post</button>';
    const descriptor = JSON.parse(JSON.stringify(describeElement(host.shadowRoot?.querySelector('button') as Element)));
    document.body.innerHTML = '<main><p>No composer</p></main>';
    expect(resolveTarget(document, descriptor).status).toBe('not-found');
  });
});

describe('resolveTarget for a target whose kind is unknown (imported from another tool)', () => {
  const unknownKind = (locators: Locator[], fingerprint: Partial<Fingerprint> = {}): TargetDescriptor => ({
    version: 1,
    locators,
    fingerprint: { tag: '', role: '', name: '', attrs: {}, classes: [], index: 0, count: 1, ...fingerprint },
    shadowHosts: [],
  });
  const list =
    '<ul><li>Dana <a href="/1">Edit</a></li><li>Fox <a href="/2">Edit</a></li><li>Ann <a href="/3">Edit</a></li></ul>';

  it('takes its candidates from what the locators and the recorded name match', () => {
    document.body.innerHTML = `<h1>Contacts</h1>${list}<button id="add">Add</button>`;
    const { scored } = scoreCandidates(
      document,
      unknownKind(
        [
          { kind: 'id', value: 'add' },
          { kind: 'text', tag: '', text: 'Edit' },
        ],
        { name: 'Add' },
      ),
    );
    expect(scored.map((entry) => entry.element.textContent)).toEqual(['Add', 'Edit', 'Edit', 'Edit']);
  });

  it('acts on the element an id and a name agree on, and says the id found it', () => {
    document.body.innerHTML = '<button id="cancel">Cancel</button><button id="save">Save</button>';
    const result = resolveTarget(document, unknownKind([{ kind: 'id', value: 'save' }], { name: 'Save', id: 'save' }));
    expect(result).toMatchObject({ status: 'found', element: document.getElementById('save'), via: 'id' });
  });

  it('never lets a position single out one of several look-alikes', () => {
    document.body.innerHTML = list;
    const result = resolveTarget(
      document,
      unknownKind(
        [
          { kind: 'css', selector: 'li:nth-of-type(2) > a' },
          { kind: 'xpath', path: '//ul/li[2]/a' },
          { kind: 'text', tag: '', text: 'Edit' },
        ],
        { name: 'Edit', text: 'Edit' },
      ),
    );
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous')
      expect(result.candidates.map((a) => a.getAttribute('href'))).toEqual(['/2', '/1', '/3']);
  });

  it('reports not-found when no locator matches anything', () => {
    document.body.innerHTML = list;
    const result = resolveTarget(document, unknownKind([{ kind: 'id', value: 'save' }], { name: 'Save' }));
    expect(result.status).toBe('not-found');
  });
});
