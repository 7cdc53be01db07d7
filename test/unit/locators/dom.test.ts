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

  it('reads an untied label right before a field, or before a box that holds no other field', () => {
    const doc = page(
      '<div><label>Email</label><input id="e"></div>' +
        '<div><label>Full name</label><div class="control"><span><input id="n"></span></div><p>As on letters.</p></div>' +
        '<div><label>Phone</label><div class="control">+44 <input id="p"></div></div>' +
        '<div><div class="row"><label>NI number</label> <a href="/why">Why we ask</a></div><div><input id="ni"></div></div>' +
        '<div><label>Password</label><div class="control"><span class="icon"></span><input id="w"><button type="button">Show</button></div></div>' +
        '<div><label>Town</label><div class="row"><input id="t"><input id="c"></div></div>' +
        '<div><label>When</label><div><label>Day <input id="d"></label></div></div>' +
        '<div><label for="o">Other</label><div><input id="x"></div><input id="o"></div>',
    );
    expect(accessibleName(doc.getElementById('e') as Element)).toBe('Email');
    expect(accessibleName(doc.getElementById('n') as Element)).toBe('Full name');
    expect(accessibleName(doc.getElementById('p') as Element)).toBe('Phone');
    expect(accessibleName(doc.getElementById('w') as Element)).toBe('Password');
    expect(accessibleName(doc.getElementById('ni') as Element)).toBe('NI number');
    // A box with two fields, or a label of its own, is not one field's; a tied label names its control.
    expect(accessibleName(doc.getElementById('t') as Element)).toBe('');
    expect(accessibleName(doc.getElementById('c') as Element)).toBe('');
    expect(accessibleName(doc.getElementById('d') as Element)).toBe('Day');
    expect(accessibleName(doc.getElementById('x') as Element)).toBe('');
  });

  it('reads no name from a label over a group of fields, nor for a hidden input', () => {
    const doc = page(
      '<div><label>Address</label><div><input id="street"></div><div><input id="town"></div></div>' +
        '<div><label>Date of birth</label><select id="day"></select><select id="month"></select></div>' +
        '<div><label>Customer</label><input type="hidden" id="h"><div><input id="customer"></div></div>',
    );
    for (const id of ['street', 'town', 'day', 'month', 'h']) {
      expect(accessibleName(doc.getElementById(id) as Element)).toBe('');
    }
    expect(accessibleName(doc.getElementById('customer') as Element)).toBe('');
  });

  it("leaves an untied label out of the field's surroundings, as a tied one is", () => {
    const doc = page(
      '<section><h2>Contact</h2><div><label>Email</label><div><input id="e"></div><p>We send receipts here.</p></div></section>',
    );
    expect(contextText(doc.getElementById('e') as Element)).toBe('We send receipts here.');
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
