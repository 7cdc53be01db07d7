/**
 * Translation between Chrome DevTools Recorder / @puppeteer/replay selectors and our target descriptors.
 *
 * A Recorder step lists alternative selectors; each is a string or a chain (array) whose earlier parts are shadow
 * hosts. Prefixes pick the engine: `aria/Name[role="button"]`, `xpath/…`, `text/…`, `pierce/…`, else CSS.
 *
 * Import builds a descriptor whose fingerprint holds only what the selectors state (tag, role, name, text, id,
 * test id, field name); everything unknown stays empty so replay has to rely on the locators. When no selector
 * states the element's kind (`aria/Save`, `#save`, `xpath///*[@id="save"]`), replay takes its candidates from what
 * the locators match and acts only when independent ones agree (lib/locators/resolve.ts); else it asks.
 */
import {
  type ElementDescriptor,
  type Fingerprint,
  type Locator,
  MAX_LOCATORS,
  MAX_SELECTOR,
  MAX_SHADOW_DEPTH,
  MAX_SHORT,
  MAX_TEXT,
  type TargetDescriptor,
  TEST_ID_ATTRIBUTES,
} from '@/lib/locators/schema';

export type RecorderSelector = string | string[];

const ARIA = 'aria/';
const XPATH = 'xpath/';
const TEXT = 'text/';
const PIERCE = 'pierce/';

/** Trailing `[role="…"]` / `[name="…"]` attributes of a Puppeteer ARIA selector. */
const ARIA_ATTRIBUTE = /\[\s*(role|name)\s*=\s*(["'])((?:\\.|(?!\2).)*)\2\s*\]\s*$/;
const SIMPLE_ID = /^#(-?[A-Za-z_][\w-]*)$/;
const TAG_QUALIFIED_ID = /^([a-z][a-z0-9-]*)#(-?[A-Za-z_][\w-]*)$/i;
const ATTRIBUTE_SELECTOR = /^([a-z][a-z0-9-]*)?\[\s*([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*\]$/i;
/** Tag of the last compound of a CSS selector: `form > button.primary` → `button`. */
const LAST_COMPOUND_TAG = /(?:^|[\s>+~])([a-z][a-z0-9-]*)[^\s>+~]*$/i;
/** Tag of an XPath's last step: `//form/input[2]` → `input`. */
const XPATH_LAST_TAG = /\/([a-z][a-z0-9-]*)(?:\[[^\]]*\])*\s*$/i;

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

interface Evidence {
  locators: Locator[];
  tag?: string;
  role?: string;
  name?: string;
  text?: string;
  id?: string;
  testId?: Fingerprint['testId'];
  fieldName?: string;
  placeholder?: string;
}

/** What one selector part (one level of a chain) says about its element. */
function readPart(part: string, evidence: Evidence): void {
  if (part.startsWith(ARIA)) {
    let rest = part.slice(ARIA.length);
    for (let match = rest.match(ARIA_ATTRIBUTE); match; match = rest.match(ARIA_ATTRIBUTE)) {
      const value = (match[3] as string).replace(/\\(.)/g, '$1');
      if (match[1] === 'role') evidence.role ??= clip(value, 40);
      else evidence.name ??= clip(value, MAX_TEXT);
      rest = rest.slice(0, match.index);
    }
    const name = rest.trim();
    if (name) evidence.name ??= clip(name, MAX_TEXT);
    if (evidence.role && evidence.name)
      evidence.locators.push({ kind: 'role', role: evidence.role, name: evidence.name });
    return;
  }
  if (part.startsWith(XPATH)) {
    const path = part.slice(XPATH.length);
    evidence.locators.push({ kind: 'xpath', path: clip(path, MAX_SELECTOR) });
    const tag = path.match(XPATH_LAST_TAG)?.[1];
    if (tag) evidence.tag ??= tag.toLowerCase();
    return;
  }
  if (part.startsWith(TEXT)) {
    const text = part.slice(TEXT.length).trim();
    if (text) evidence.text ??= clip(text, MAX_TEXT);
    return;
  }
  // A deep search across shadow roots. Read as plain CSS in the scope the target was placed in (the document, or
  // the innermost shadow root of the step's chains), it finds the same element or nothing.
  const css = (part.startsWith(PIERCE) ? part.slice(PIERCE.length) : part).trim();
  if (!css) return;
  evidence.locators.push({ kind: 'css', selector: clip(css, MAX_SELECTOR) });
  const id = css.match(SIMPLE_ID)?.[1];
  const qualified = css.match(TAG_QUALIFIED_ID);
  if (id) {
    evidence.id ??= clip(id, MAX_SHORT);
    evidence.locators.push({ kind: 'id', value: clip(id, MAX_SHORT) });
  } else if (qualified) {
    evidence.tag ??= (qualified[1] as string).toLowerCase();
    evidence.id ??= clip(qualified[2] as string, MAX_SHORT);
    evidence.locators.push({ kind: 'id', value: clip(qualified[2] as string, MAX_SHORT) });
  }
  const attribute = css.match(ATTRIBUTE_SELECTOR);
  if (attribute) {
    const tag = attribute[1]?.toLowerCase();
    const attr = (attribute[2] as string).toLowerCase();
    const value = clip(attribute[3] ?? attribute[4] ?? attribute[5] ?? '', MAX_SHORT);
    if (tag) evidence.tag ??= tag;
    if ((TEST_ID_ATTRIBUTES as readonly string[]).includes(attr) && value) {
      const testId = { attr: attr as (typeof TEST_ID_ATTRIBUTES)[number], value };
      evidence.testId ??= testId;
      evidence.locators.push({ kind: 'testId', ...testId });
    } else if (attr === 'name' && value && tag) {
      evidence.fieldName ??= value;
      evidence.locators.push({ kind: 'name', tag, value });
    } else if (attr === 'placeholder' && value) {
      evidence.placeholder ??= value;
      evidence.locators.push({ kind: 'placeholder', text: value });
    }
  }
  const tag = css.match(LAST_COMPOUND_TAG)?.[1];
  if (tag) evidence.tag ??= tag.toLowerCase();
}

function describeLevel(parts: readonly string[]): ElementDescriptor {
  const evidence: Evidence = { locators: [] };
  for (const part of parts) readPart(part, evidence);
  const tag = evidence.tag ?? '';
  // Without a tag the text is looked up in any element (and retargeted to its control) at replay.
  if (evidence.text) evidence.locators.push({ kind: 'text', tag, text: evidence.text });
  const seen = new Set<string>();
  const locators = evidence.locators.filter((locator) => {
    const key = JSON.stringify(locator);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const attrs: Fingerprint['attrs'] = {};
  if (evidence.fieldName) attrs.name = evidence.fieldName;
  if (evidence.placeholder) attrs.placeholder = evidence.placeholder;
  const fingerprint: Fingerprint = {
    tag,
    role: evidence.role ?? '',
    name: evidence.name ?? '',
    attrs,
    classes: [],
    index: 0,
    count: 1,
  };
  if (evidence.text) fingerprint.text = evidence.text;
  if (evidence.id) fingerprint.id = evidence.id;
  if (evidence.testId) fingerprint.testId = evidence.testId;
  return { locators: locators.slice(0, MAX_LOCATORS), fingerprint };
}

/** Puppeteer searches through open shadow roots for these, so a one-part selector of this kind may be inside one. */
const isPiercing = (part: string) => part.startsWith(ARIA) || part.startsWith(PIERCE) || part.startsWith(TEXT);

/**
 * A descriptor from a step's alternative selectors. Chains through shadow hosts say the target is inside a shadow
 * root: their most common depth decides the shadow hosts, and one-part ARIA, pierce and text selectors (which
 * Puppeteer runs across shadow roots, and Chrome writes unchained) describe the target inside the innermost root;
 * one-part CSS and XPath cannot reach it there and are left out.
 */
export function descriptorFromSelectors(selectors: readonly RecorderSelector[]): TargetDescriptor {
  const chains = selectors.map((selector) => (Array.isArray(selector) ? selector : [selector]));
  const nested = chains.filter((chain) => chain.length > 1);
  const depths = new Map<number, number>();
  for (const chain of nested.length > 0 ? nested : chains)
    depths.set(chain.length, (depths.get(chain.length) ?? 0) + 1);
  const [depth] = [...depths.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [1];
  const used = chains.filter((chain) => chain.length === depth);
  const levels = Math.min(depth, MAX_SHADOW_DEPTH + 1);
  const hosts: ElementDescriptor[] = [];
  for (let level = 0; level < levels - 1; level++) {
    hosts.push(describeLevel(used.map((chain) => chain[level] as string)));
  }
  const piercing = levels > 1 ? chains.filter((chain) => chain.length === 1 && isPiercing(chain[0] as string)) : [];
  const own = describeLevel([...used, ...piercing].map((chain) => chain[chain.length - 1] as string));
  return { version: 1, locators: own.locators, fingerprint: own.fingerprint, shadowHosts: hosts };
}

/** Whether the selectors point into a shadow root or at a field whose value should never be written down. */
export function looksSecret(selectors: readonly RecorderSelector[]): boolean {
  return selectors.some((selector) =>
    (Array.isArray(selector) ? selector : [selector]).some((part) =>
      /pass(word|code|phrase)?\b|passwd|\bpin\b|secret|one-time-code|otp\b|type=["']?password/i.test(part),
    ),
  );
}

// ---- export ----

/** CSS identifier escaping for ids and attribute values (CSS.escape is not available in every context we run). */
export function cssIdent(value: string): string {
  return value.replace(/^(-?)(\d)/, '$1\\3$2 ').replace(/[^\w-]/g, (char) => `\\${char}`);
}

export function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}

/** Selector parts for one element, best first: identity, then ARIA, then structure. */
export function selectorsForLevel(descriptor: ElementDescriptor, inShadow: boolean): string[] {
  const { fingerprint } = descriptor;
  const tag = /^[a-z][a-z0-9-]*$/.test(fingerprint.tag) ? fingerprint.tag : '';
  const parts: string[] = [];
  const aria = (name: string, role: string) =>
    // A name that itself looks like an attribute list would be misread by Puppeteer's ARIA parser.
    name && !/[[\]]/.test(name) ? `${ARIA}${name}${role ? `[role="${role}"]` : ''}` : null;
  for (const locator of descriptor.locators) {
    switch (locator.kind) {
      case 'testId':
        parts.push(`[${locator.attr}="${cssString(locator.value)}"]`);
        break;
      case 'id':
        // Tag-qualified so an import back learns the element kind (replay collects candidates by it).
        parts.push(`${tag}#${cssIdent(locator.value)}`);
        break;
      case 'role':
        parts.push(aria(locator.name, locator.role) ?? '');
        break;
      case 'label':
        parts.push(aria(locator.text, fingerprint.role) ?? '');
        break;
      case 'placeholder':
        parts.push(`${tag}[placeholder="${cssString(locator.text)}"]`);
        break;
      case 'name':
        parts.push(`${locator.tag}[name="${cssString(locator.value)}"]`);
        break;
      case 'text':
        // Puppeteer's text selector matches by substring ("Save" finds "Save contact"), so it is added last
        // and only when nothing else identifies the element.
        break;
      case 'css':
        parts.push(locator.selector);
        break;
      case 'xpath':
        // XPath does not reach into shadow roots in Puppeteer.
        if (!inShadow) parts.push(`${XPATH}${locator.path}`);
        break;
    }
  }
  // An imported target may know its name from an `aria/Name` selector and nothing else; keep saying it.
  if (!parts.some((part) => part?.startsWith(ARIA))) parts.push(aria(fingerprint.name, fingerprint.role) ?? '');
  const text = descriptor.locators.find((locator) => locator.kind === 'text');
  if (text && parts.filter(Boolean).length === 0) parts.push(`${TEXT}${text.text}`);
  return [...new Set(parts.filter(Boolean))];
}

/** Recorder alternatives for a target: plain strings, or chains through its shadow hosts. */
export function selectorsForTarget(target: TargetDescriptor): RecorderSelector[] {
  const own = selectorsForLevel(target, target.shadowHosts.length > 0);
  if (target.shadowHosts.length === 0) return own;
  const hosts = target.shadowHosts.map((host, index) => {
    const options = selectorsForLevel(host, index > 0);
    // Hosts are custom elements, found most reliably by CSS.
    return (
      options.find((part) => !part.startsWith(ARIA) && !part.startsWith(TEXT)) ?? options[0] ?? host.fingerprint.tag
    );
  });
  return own.map((part) => [...hosts, part]);
}
