/**
 * Page-side half of the recorder benchmark: times each tool's selector generation per element with
 * performance.now(), on the same sampled elements, inside the page.
 */
import { finder } from '@medv/finder';
import { describeElement } from '../../lib/locators/describe';

type Tool = 'understudy' | 'playwright' | 'finder';

/** Deterministic PRNG (mulberry32) so every run samples the same elements. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function collect(root: Document | ShadowRoot, selector: string, into: Element[]): void {
  for (const element of root.querySelectorAll(selector)) into.push(element);
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) collect(host.shadowRoot, selector, into);
}

let samples: Element[] = [];

/** Picks `count` targets: buttons, inputs, links, table cells and elements inside shadow roots, in equal shares. */
export function sample(count: number, seed: number): { sampled: number; inShadow: number; elements: number } {
  const groups: Record<string, Element[]> = { button: [], input: [], a: [], td: [] };
  collect(document, 'button', groups.button as Element[]);
  collect(document, 'input,select,textarea', groups.input as Element[]);
  collect(document, 'a[href]', groups.a as Element[]);
  collect(document, 'td', groups.td as Element[]);
  // Shadow-DOM targets are rare in the page but need the host chain, so they get their own share of samples.
  groups.shadow = Object.values(groups)
    .flat()
    .filter((element) => element.getRootNode() !== document);
  const next = random(seed);
  const names = Object.keys(groups);
  samples = [];
  for (let index = 0; index < count; index++) {
    const group = groups[names[index % names.length] as string] as Element[];
    if (group.length > 0) samples.push(group[Math.floor(next() * group.length)] as Element);
  }
  const inShadow = samples.filter((element) => element.getRootNode() !== document).length;
  return { sampled: samples.length, inShadow, elements: document.getElementsByTagName('*').length };
}

function generator(tool: Tool): (element: Element) => unknown {
  if (tool === 'understudy') return (element) => describeElement(element);
  if (tool === 'finder') {
    return (element) => {
      const root = element.getRootNode();
      return finder(element, { root: (root instanceof ShadowRoot ? root : document.body) as unknown as Element });
    };
  }
  const api = (window as unknown as { playwright?: { selector(element: Element): string } }).playwright;
  if (!api) throw new Error('window.playwright is missing: launch with PWDEBUG=console');
  return (element) => api.selector(element);
}

/** Milliseconds per element for the first `limit` samples. */
export function time(tool: Tool, limit: number): number[] {
  const run = generator(tool);
  const durations: number[] = [];
  // Untimed warm-up calls (a tenth of the samples, 1 to 20) so lazy setup (style recalc, JIT tiers) is not charged
  // to the first samples: a recorder that has been running a while is in that state. Same rule for every tool.
  const warmUp = Math.max(1, Math.min(20, Math.floor(limit / 10)));
  for (const element of samples.slice(0, warmUp)) run(element);
  for (const element of samples.slice(0, limit)) {
    const start = performance.now();
    run(element);
    durations.push(performance.now() - start);
  }
  return durations;
}
