import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget, type TargetDescriptor } from '@/lib/locators';
import { contextText, ownText } from '@/lib/locators/dom';

/** An image block of an email builder: a web component whose content lives only in its shadow root. */
function imageBlock(file: string, fields: 'aria' | 'wrapped'): string {
  const inputs =
    fields === 'aria'
      ? '<div class="fields"><input type="text" aria-label="Alt text"><input type="url" aria-label="Link"></div>'
      : '<div class="fields"><div><label for="alt">Alt text</label><input id="alt" type="text"></div>' +
        '<div><label for="link">Link</label><input id="link" type="url"></div></div>';
  return `<div class="blk"><span class="type">Image</span><p class="file">${file}</p>${inputs}</div>`;
}

function canvas(doc: Document, blocks: readonly string[], fields: 'aria' | 'wrapped'): void {
  doc.body.innerHTML = '<main><h1>Design email</h1><div id="canvas"></div></main>';
  const holder = doc.getElementById('canvas') as Element;
  for (const file of blocks) {
    const host = doc.createElement('mg-block');
    host.attachShadow({ mode: 'open' }).innerHTML = imageBlock(file, fields);
    holder.append(host);
  }
}

function altInputOf(doc: Document, file: string): Element {
  for (const host of doc.querySelectorAll('mg-block')) {
    if (host.shadowRoot?.textContent?.includes(file)) return host.shadowRoot.querySelector('input') as Element;
  }
  throw new Error(`no block shows ${file}`);
}

const HERO = 'spring-hero.jpg · 1200 × 600';
const FLATLAY = 'trail-kit-flatlay.jpg · 1200 × 800';
const LOGO = 'logo-wordmark.png · 480 × 96';

describe('the text a web component shows', () => {
  it('is read from its shadow root, with what its slots show, not from light nodes it does not show', () => {
    document.body.innerHTML = '<book-card><span slot="title">Dune</span><span>not shown</span></book-card>';
    const host = document.querySelector('book-card') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<article><slot name="title"></slot><p>Frank Herbert</p><slot name="note">No notes</slot></article>';
    const text = ownText(host);
    expect(text).toContain('Frank Herbert');
    expect(text).toContain('No notes');
    expect(text).not.toContain('not shown');
  });
});

describe("a field's surroundings", () => {
  it('leave out its own label, so wrapping label and field in a box changes nothing', () => {
    document.body.innerHTML =
      '<section><h2>Billing</h2><p>Invoices go to this address</p><div><label for="e">Billing email</label><input id="e"></div></section>';
    const wrapped = contextText(document.getElementById('e') as Element);
    document.body.innerHTML =
      '<section><h2>Billing</h2><p>Invoices go to this address</p><label for="e">Billing email</label><input id="e"></section>';
    expect(contextText(document.getElementById('e') as Element)).toBe(wrapped);
    expect(wrapped).not.toContain('Billing email');
  });

  it('leave out a caption named by aria-labelledby too', () => {
    document.body.innerHTML =
      '<fieldset><legend>Amount to pay</legend><div><span id="amt">Other amount (£)</span><input aria-labelledby="amt"></div></fieldset>';
    const context = contextText(document.querySelector('input') as Element);
    expect(context).toContain('Amount to pay');
    expect(context).not.toContain('Other amount');
  });

  it("keep a checkbox's caption: beside its group's other choices, the caption tells them apart", () => {
    document.body.innerHTML =
      '<fieldset><legend>Shipping</legend><div><input type="radio" id="s" name="r"><label for="s">Standard 3–5 days</label></div>' +
      '<div><input type="radio" id="x" name="r"><label for="x">Express 1–2 days</label></div></fieldset>';
    expect(contextText(document.getElementById('x') as Element)).toContain('Express');
  });
});

describe('a field inside one of many copies of a component', () => {
  const recordHeroAlt = (): TargetDescriptor => {
    canvas(document, [HERO, FLATLAY], 'aria');
    return describeElement(altInputOf(document, HERO));
  };

  it('is found in the copy that shows the recorded content, after a copy was inserted above and the field got a visible label', () => {
    const recorded = recordHeroAlt();
    expect(recorded.shadowHosts[0]?.fingerprint.distinct).toEqual(expect.arrayContaining(['spring-hero.jpg']));
    canvas(document, [LOGO, HERO, FLATLAY], 'wrapped');
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(altInputOf(document, HERO));
  });

  it("is refused when the recorded copy is gone: another copy's field is another image's", () => {
    const recorded = recordHeroAlt();
    canvas(document, [LOGO, FLATLAY], 'wrapped');
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });

  it('is found in the copy that kept its content after it moved to another part of the page', () => {
    const recorded = recordHeroAlt();
    document.body.innerHTML =
      '<main><h1>Design email</h1><section><h2>Pinned</h2><div id="pinned"></div></section><div id="canvas"></div></main>';
    for (const [holderId, file] of [
      ['pinned', HERO],
      ['canvas', LOGO],
      ['canvas', FLATLAY],
    ] as const) {
      const host = document.createElement('mg-block');
      host.attachShadow({ mode: 'open' }).innerHTML = imageBlock(file, 'aria');
      document.getElementById(holderId)?.append(host);
    }
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element).toBe(altInputOf(document, HERO));
  });
});

describe('icon buttons around an element', () => {
  it('read as their labels, as text buttons read as their text', () => {
    document.body.innerHTML =
      '<ul><li><h3>Priya Raman</h3><p>Seller</p><span><button aria-label="Call"><svg></svg></button><button title="Send text"><svg></svg></button><button id="b">Email</button></span></li></ul>';
    const context = contextText(document.getElementById('b') as Element);
    expect(context).toContain('Call');
    expect(context).toContain('Send text');
  });

  it("keep a record's action found after its row's text buttons became icon buttons and the rows were re-sorted", () => {
    const contacts = ['Arjun Raman', 'Dana Whitfield', 'Priya Raman', 'Marcus Lee'];
    const card = (name: string, phone: string, icons: boolean) =>
      `<li><h3>${name}</h3><p>Seller · Phone ${phone} · ${name.split(' ')[0]?.toLowerCase()}@example.com</p><div>${
        icons
          ? '<div><button aria-label="Call"><svg></svg></button><button aria-label="Send text"><svg></svg></button><button aria-label="Send email"><svg></svg></button><button aria-label="Log note"><svg></svg></button></div>'
          : '<button>Call</button><button>Text</button><button>Email</button><button>Log note</button>'
      }</div></li>`;
    const list = (names: readonly string[], icons: boolean) =>
      `<main><h1>Contacts</h1><ul>${names.map((name, index) => card(name, `(555) 41${index}-66${index}4`, icons)).join('')}</ul></main>`;
    document.body.innerHTML = list(contacts, false);
    const email = [...document.querySelectorAll('li')][2]?.querySelectorAll('button')[2] as Element;
    const recorded = describeElement(email);
    const resorted = ['Priya Raman', 'Marcus Lee', 'Dana Whitfield', 'Arjun Raman'];
    // Phones travel with their contacts.
    document.body.innerHTML = `<main><h1>Contacts</h1><ul>${resorted
      .map((name) => card(name, `(555) 41${contacts.indexOf(name)}-66${contacts.indexOf(name)}4`, true))
      .join('')}</ul></main>`;
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect(result.element.getAttribute('aria-label')).toBe('Send email');
      expect(result.element.closest('li')?.querySelector('h3')?.textContent).toBe('Priya Raman');
    }
  });
});

describe("a record's command whose new label names the record", () => {
  const people = ['Yuki Sato', 'Elena Petrova', 'Lucas Silva'];
  const table = () =>
    `<main><h1>Contacts</h1><table><tbody>${people
      .map((name, index) => `<tr><td>${name}</td><td>Globex ${index}</td><td><button>Call</button></td></tr>`)
      .join('')}</tbody></table></main>`;
  const cards = (names: readonly string[]) =>
    `<main><h1>Contacts</h1><ul>${names
      .map(
        (name) =>
          `<li><h3>${name}</h3><p>Globex ${people.indexOf(name)}</p><button aria-label="Call ${name}"><svg></svg></button></li>`,
      )
      .join('')}</ul></main>`;

  it('is found in its record: "Call" became "Call Elena Petrova"', () => {
    document.body.innerHTML = table();
    const recorded = describeElement(document.querySelectorAll('button')[1] as Element);
    document.body.innerHTML = cards(['Lucas Silva', 'Elena Petrova', 'Yuki Sato']);
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.getAttribute('aria-label')).toBe('Call Elena Petrova');
  });

  it('is refused when that record is gone, though the others say "Call …" too', () => {
    document.body.innerHTML = table();
    const recorded = describeElement(document.querySelectorAll('button')[1] as Element);
    document.body.innerHTML = cards(['Lucas Silva', 'Yuki Sato']);
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });
});
