import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeElement } from '@/lib/locators/describe';
import { createResolutionMemo, type ResolutionMemo } from '@/lib/locators/memo';
import { resolveTarget } from '@/lib/locators/resolve';
import type { TargetDescriptor } from '@/lib/locators/schema';

function descriptorOf(element: Element): TargetDescriptor {
  return JSON.parse(JSON.stringify(describeElement(element)));
}

let memo: ResolutionMemo | null = null;
afterEach(() => {
  memo?.dispose();
  memo = null;
});

function setUp(html: string) {
  document.body.innerHTML = html;
  const counted = vi.fn(resolveTarget);
  memo = createResolutionMemo(document, counted);
  return { counted, resolve: memo.resolve };
}

describe('createResolutionMemo', () => {
  it('answers again from memory while nothing in the document changed', () => {
    const { counted, resolve } = setUp('<form><label>Email <input name="email"></label><button>Save</button></form>');
    const target = descriptorOf(document.querySelector('button') as Element);
    const first = resolve(document, target);
    const second = resolve(document, JSON.parse(JSON.stringify(target)));
    expect(first.status).toBe('found');
    expect(second).toBe(first);
    expect(counted).toHaveBeenCalledTimes(1);
  });

  it('resolves again after an attribute, a text or a structure change, even in the same task', () => {
    const { counted, resolve } = setUp('<div><button id="save">Save</button><button id="other">Other</button></div>');
    const target = descriptorOf(document.querySelector('#save') as Element);
    resolve(document, target);
    (document.querySelector('#other') as Element).setAttribute('title', 'x');
    resolve(document, target);
    (document.querySelector('#save') as Element).firstChild?.replaceWith(document.createTextNode('Save now'));
    resolve(document, target);
    document.querySelector('div')?.append(document.createElement('span'));
    const last = resolve(document, target);
    expect(counted).toHaveBeenCalledTimes(4);
    expect(last.status === 'found' && last.element.id).toBe('save');
  });

  it('does not reuse an answer for another target, a detached element, or a refusal', () => {
    const { counted, resolve } = setUp('<button id="a">Alpha</button><button id="b">Beta</button>');
    const alpha = descriptorOf(document.querySelector('#a') as Element);
    const beta = descriptorOf(document.querySelector('#b') as Element);
    resolve(document, alpha);
    const b = resolve(document, beta);
    expect(b.status === 'found' && b.element.id).toBe('b');
    expect(counted).toHaveBeenCalledTimes(2);

    document.body.innerHTML = '<p>nothing here</p>';
    expect(resolve(document, beta).status).toBe('not-found');
    expect(resolve(document, beta).status).toBe('not-found');
    expect(counted).toHaveBeenCalledTimes(4);
  });

  it('notices changes inside the open shadow root the answer was found through', () => {
    const { counted, resolve } = setUp('<x-card id="card"></x-card>');
    const host = document.querySelector('#card') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button>Buy</button><button>Keep</button>';
    const target = descriptorOf(shadow.querySelector('button') as Element);
    expect(target.shadowHosts).toHaveLength(1);
    const first = resolve(document, target);
    expect(first.status).toBe('found');
    resolve(document, target);
    expect(counted).toHaveBeenCalledTimes(1);
    (shadow.querySelector('button') as Element).textContent = 'Buy twice';
    resolve(document, target);
    expect(counted).toHaveBeenCalledTimes(2);
  });

  it('passes other roots straight through', () => {
    const { counted, resolve } = setUp('<x-a id="h"></x-a>');
    const shadow = (document.querySelector('#h') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<button>Go</button>';
    const inner = descriptorOf(shadow.querySelector('button') as Element);
    const scoped = { ...inner, shadowHosts: [] };
    resolve(shadow, scoped);
    resolve(shadow, scoped);
    expect(counted).toHaveBeenCalledTimes(2);
  });
});
