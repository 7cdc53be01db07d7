/** Small DOM helpers shared by the replay modules; every one takes its nodes as arguments. */

export function windowOf(node: Node): Window & typeof globalThis {
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  const win = doc?.defaultView;
  if (!win) throw new Error('replay: node is not in a document with a window');
  return win as Window & typeof globalThis;
}

export function tagOf(element: Element): string {
  return element.localName.toLowerCase();
}

/** Parent across shadow boundaries: a shadow root's parent is its host. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) {
    const parent = node.parentNode;
    if (parent.nodeType === 11 && 'host' in parent) return (parent as ShadowRoot).host;
    return parent;
  }
  return null;
}

/** Whether `node` is `ancestor` or inside it, following shadow hosts upwards. */
export function composedContains(ancestor: Node, node: Node | null): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Elements from `element` up to the document, crossing shadow boundaries. */
export function* composedAncestors(element: Element): Generator<Element> {
  for (let current: Node | null = element; current; current = composedParent(current)) {
    if (current.nodeType === 1) yield current as Element;
  }
}

const NATIVELY_DISABLEABLE = new Set(['button', 'input', 'select', 'textarea', 'optgroup', 'option', 'fieldset']);

/** Disabled as a person experiences it: the disabled attribute, a disabled fieldset, or aria-disabled. */
export function isDisabled(element: Element): boolean {
  const tag = tagOf(element);
  if (NATIVELY_DISABLEABLE.has(tag)) {
    if ((element as HTMLButtonElement).disabled) return true;
    // Controls in a disabled fieldset are disabled, except inside its first legend.
    for (let fieldset = element.parentElement?.closest('fieldset'); fieldset; ) {
      if (fieldset.disabled) {
        const legend = fieldset.querySelector(':scope > legend');
        if (!legend?.contains(element)) return true;
      }
      fieldset = fieldset.parentElement?.closest('fieldset') ?? null;
    }
  }
  for (const ancestor of composedAncestors(element)) {
    if (ancestor.getAttribute('aria-disabled')?.toLowerCase() === 'true') return true;
  }
  return false;
}

export function isReadOnly(element: Element): boolean {
  const tag = tagOf(element);
  if ((tag === 'input' || tag === 'textarea') && (element as HTMLInputElement).readOnly) return true;
  return element.getAttribute('aria-readonly')?.toLowerCase() === 'true';
}

const FOCUSABLE_SELECTOR =
  'a[href],area[href],button,input:not([type=hidden]),select,textarea,iframe,summary,[tabindex],[contenteditable=""],[contenteditable="true"]';

/** Focusable by mouse: native controls and anything with a tabindex, unless disabled. */
export function isFocusable(element: Element): boolean {
  if (!element.matches(FOCUSABLE_SELECTOR)) return false;
  if (NATIVELY_DISABLEABLE.has(tagOf(element)) && (element as HTMLButtonElement).disabled) return false;
  return true;
}

/** What a mouse press focuses: the nearest focusable element at or above the pressed one. */
export function focusTargetFor(element: Element): HTMLElement | null {
  for (const ancestor of composedAncestors(element)) {
    if (isFocusable(ancestor)) return ancestor as HTMLElement;
  }
  return null;
}

/** Rendered and not hidden by CSS (display, visibility, zero opacity) anywhere up the composed tree. */
export function isStyleVisible(element: Element): boolean {
  const win = windowOf(element);
  const own = win.getComputedStyle(element);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
  for (const ancestor of composedAncestors(element)) {
    const style = win.getComputedStyle(ancestor);
    if (style.display === 'none') return false;
    if (style.opacity !== '' && Number(style.opacity) === 0) return false;
  }
  return true;
}
