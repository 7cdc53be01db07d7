import { describe, expect, it } from 'vitest';
import { describeElement } from '@/lib/locators/describe';
import { TargetDescriptorSchema } from '@/lib/locators/schema';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('describeElement', () => {
  it('describes the button when the click landed on its icon', () => {
    const doc = page(
      '<main><button type="button" data-testid="save-btn"><span id="icon">💾</span> Save</button></main>',
    );
    const descriptor = describeElement(doc.getElementById('icon') as Element);
    expect(descriptor.fingerprint.tag).toBe('button');
    expect(descriptor.locators[0]).toEqual({ kind: 'testId', attr: 'data-testid', value: 'save-btn' });
    expect(descriptor.locators).toContainEqual({ kind: 'role', role: 'button', name: '💾 Save' });
  });

  it('never turns generated ids or hashed classes into locators', () => {
    const doc = page(
      '<form><label for=":r4:">IBAN</label><input id=":r4:" class="css-1x2y3z Field_input__j8ko6"></form>',
    );
    const descriptor = describeElement(doc.getElementById(':r4:') as Element);
    expect(descriptor.locators.find((locator) => locator.kind === 'id')).toBeUndefined();
    const css = descriptor.locators.find((locator) => locator.kind === 'css');
    expect(css && 'selector' in css ? css.selector : '').not.toMatch(/r4|css-1x2y3z|j8ko6/);
    expect(descriptor.fingerprint.classes).toEqual(['Field_input']);
    expect(descriptor.locators).toContainEqual({ kind: 'label', text: 'IBAN' });
  });

  it('generates a CSS selector that is unique in the page', () => {
    const doc = page('<ul><li><a href="/a">A</a></li><li><a href="/b" id="target">B</a></li></ul>');
    const target = doc.getElementById('target') as Element;
    target.removeAttribute('id');
    const css = describeElement(target).locators.find((locator) => locator.kind === 'css');
    expect(css?.kind).toBe('css');
    if (css?.kind === 'css') {
      expect(doc.querySelectorAll(css.selector)).toHaveLength(1);
      expect(doc.querySelector(css.selector)).toBe(target);
    }
  });

  it('records the name attribute, label and form of form fields', () => {
    const doc = page(
      '<form id="booking"><label for="room">Room type</label><select id="room" name="room"></select></form>',
    );
    const descriptor = describeElement(doc.getElementById('room') as Element);
    expect(descriptor.locators).toContainEqual({ kind: 'name', tag: 'select', value: 'room' });
    expect(descriptor.fingerprint.form).toBe('#booking');
    expect(descriptor.fingerprint.label).toBe('Room type');
  });

  it('records the chain of open shadow hosts, outermost first', () => {
    const doc = page('<app-shell></app-shell>');
    const outer = doc.querySelector('app-shell') as Element;
    const outerRoot = outer.attachShadow({ mode: 'open' });
    outerRoot.innerHTML = '<settings-panel></settings-panel>';
    const inner = outerRoot.querySelector('settings-panel') as Element;
    const innerRoot = inner.attachShadow({ mode: 'open' });
    innerRoot.innerHTML = '<form><button type="submit">Post</button></form>';
    const button = innerRoot.querySelector('button') as Element;
    const descriptor = describeElement(button);
    expect(descriptor.shadowHosts.map((host) => host.fingerprint.tag)).toEqual(['app-shell', 'settings-panel']);
    expect(descriptor.fingerprint.name).toBe('Post');
  });

  it('produces descriptors the storage schema accepts after a JSON round trip', () => {
    const doc = page('<main><h1>Posts</h1><table><tr><td>Hello</td><td><button>Edit</button></td></tr></table></main>');
    const descriptor = describeElement(doc.querySelector('button') as Element);
    expect(TargetDescriptorSchema.safeParse(JSON.parse(JSON.stringify(descriptor))).success).toBe(true);
  });
});
