import { describe, expect, it } from 'vitest';
import { accessibleName, contextText, retarget, roleOf } from '@/lib/locators/dom';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('roleOf', () => {
  it('derives implicit roles from tags and input types', () => {
    const doc = page(
      '<button id="b">x</button><a id="a" href="/x">x</a><a id="n">x</a><input id="t"><input id="c" type="checkbox"><input id="s" type="submit"><select id="sel"></select><textarea id="ta"></textarea>',
    );
    const role = (id: string) => roleOf(doc.getElementById(id) as Element);
    expect([role('b'), role('a'), role('n'), role('t'), role('c'), role('s'), role('sel'), role('ta')]).toEqual([
      'button',
      'link',
      '',
      'textbox',
      'checkbox',
      'button',
      'combobox',
      'textbox',
    ]);
  });

  it('prefers an explicit role', () => {
    const doc = page('<div id="d" role="switch"></div>');
    expect(roleOf(doc.getElementById('d') as Element)).toBe('switch');
  });
});

describe('accessibleName', () => {
  it('uses aria-labelledby before aria-label', () => {
    const doc = page(
      '<span id="l1">Billing</span><span id="l2">address</span><input id="x" aria-labelledby="l1 l2" aria-label="ignored">',
    );
    expect(accessibleName(doc.getElementById('x') as Element)).toBe('Billing address');
  });

  it('uses label[for] and wrapping labels for form fields', () => {
    const doc = page(
      '<label for="e">Email</label><input id="e"><label>Remember me <input id="r" type="checkbox"></label>',
    );
    expect(accessibleName(doc.getElementById('e') as Element)).toBe('Email');
    expect(accessibleName(doc.getElementById('r') as Element)).toBe('Remember me');
  });

  it('uses the value of submit inputs and the content of buttons', () => {
    const doc = page(
      '<input id="s" type="submit" value="Send"><button id="b"><svg aria-hidden="true"></svg> Save <b>draft</b></button>',
    );
    expect(accessibleName(doc.getElementById('s') as Element)).toBe('Send');
    expect(accessibleName(doc.getElementById('b') as Element)).toBe('Save draft');
  });

  it('falls back to title for icon-glyph buttons, and to alt for images', () => {
    const doc = page('<button id="i" title="Edit deal">✎</button><a id="a" href="/"><img alt="Home"></a>');
    expect(accessibleName(doc.getElementById('i') as Element)).toBe('Edit deal');
    expect(accessibleName(doc.getElementById('a') as Element)).toBe('Home');
  });
});

describe('retarget', () => {
  it('moves from an icon inside a button to the button', () => {
    const doc = page('<button id="b"><span id="s">Go</span></button>');
    expect(retarget(doc.getElementById('s') as Element)).toBe(doc.getElementById('b'));
  });

  it('moves from a label to its control', () => {
    const doc = page('<label id="l" for="c">Agree</label><input id="c" type="checkbox">');
    expect(retarget(doc.getElementById('l') as Element)).toBe(doc.getElementById('c'));
  });

  it('leaves non-interactive elements alone', () => {
    const doc = page('<p id="p">text</p>');
    expect(retarget(doc.getElementById('p') as Element)).toBe(doc.getElementById('p'));
  });
});

describe('contextText', () => {
  it('reads the whole table row, not just the cell, and leaves out the element itself', () => {
    const doc = page(
      '<table><tr><td>Sourdough 101</td><td>Draft</td><td><button id="e">Edit</button><button>Trash</button></td></tr></table>',
    );
    const context = contextText(doc.getElementById('e') as Element);
    expect(context).toContain('Sourdough 101');
    expect(context).not.toContain('Edit');
  });
});
