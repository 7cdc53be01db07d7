/**
 * Page-side half of the locator benchmarks, bundled with bundleForPage and injected into each page as
 * `window.__understudyBench`. It holds every tool's in-page code so all tools see the same DOM in the same run.
 */
import { finder } from '@medv/finder';
import { describeElement } from '../../lib/locators/describe';
import { resolveTarget, scoreCandidates } from '../../lib/locators/resolve';
import type { TargetDescriptor } from '../../lib/locators/schema';

type Scope = Document | ShadowRoot;

/** Ground truth: CSS steps, each applied inside the open shadow root of the previous match. */
export function selectChain(chain: readonly string[]): { element: Element | null; error?: string } {
  let scope: Scope = document;
  let element: Element | null = null;
  for (const [index, step] of chain.entries()) {
    let matches: NodeListOf<Element>;
    try {
      matches = scope.querySelectorAll(step);
    } catch {
      return { element: null, error: `step ${index + 1} is not a valid selector` };
    }
    if (matches.length !== 1) return { element: null, error: `step ${index + 1} matches ${matches.length} elements` };
    element = matches[0] as Element;
    if (index < chain.length - 1) {
      if (!element.shadowRoot) return { element: null, error: `step ${index + 1} has no open shadow root` };
      scope = element.shadowRoot;
    }
  }
  return { element };
}

/** The chain of elements from the outermost shadow host down to the element, each in its own scope. */
function hostChain(element: Element): { element: Element; scope: Scope }[] {
  const chain: { element: Element; scope: Scope }[] = [];
  let current: Element | null = element;
  while (current) {
    const root = current.getRootNode() as Document | ShadowRoot;
    chain.unshift({ element: current, scope: root });
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return chain;
}

// --- understudy ---------------------------------------------------------------------------------------------
export function understudyRecord(element: Element): TargetDescriptor {
  return describeElement(element);
}

export function understudyResolve(descriptor: TargetDescriptor): Element | null {
  const result = resolveTarget(document, descriptor);
  return result.status === 'found' ? result.element : null;
}

export function understudyResolveDetail(descriptor: TargetDescriptor): string {
  const result = resolveTarget(document, descriptor);
  if (result.status === 'found') return `found via ${result.via} (${result.confidence.toFixed(2)})`;
  return `${result.status}: ${result.reason}`;
}

// --- @medv/finder: one selector per scope (finder cannot pierce shadow roots), first match on replay -----------
export function finderRecord(element: Element): string[] {
  return hostChain(element).map(({ element: node, scope }) =>
    finder(node, { root: (scope instanceof Document ? scope.body : scope) as unknown as Element }),
  );
}

export function finderResolve(chain: readonly string[]): Element | null {
  let scope: Scope = document;
  let element: Element | null = null;
  for (const [index, step] of chain.entries()) {
    try {
      element = scope.querySelector(step);
    } catch {
      return null;
    }
    if (!element) return null;
    if (index < chain.length - 1) {
      if (!element.shadowRoot) return null;
      scope = element.shadowRoot;
    }
  }
  return element;
}

// --- absolute XPath: /html/body/div[2]/… per scope (relative ./… inside shadow roots), first match on replay ----
function absoluteXPath(element: Element, scope: Scope): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    let index = 1;
    for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === current.localName) index++;
    }
    const name = /^[a-z][a-z0-9-]*$/.test(current.localName)
      ? current.localName
      : `*[local-name()="${current.localName}"]`;
    steps.unshift(`${name}[${index}]`);
  }
  return scope instanceof Document ? `/${steps.join('/')}` : `./${steps.join('/')}`;
}

export function xpathRecord(element: Element): string[] {
  return hostChain(element).map(({ element: node, scope }) => absoluteXPath(node, scope));
}

export function xpathResolve(chain: readonly string[]): Element | null {
  let scope: Scope = document;
  let element: Element | null = null;
  for (const [index, step] of chain.entries()) {
    try {
      const node: Node | null = document.evaluate(
        step,
        scope,
        null,
        XPathResult.FIRST_ORDERED_NODE_TYPE,
        null,
      ).singleNodeValue;
      element = node instanceof Element ? node : null;
    } catch {
      return null;
    }
    if (!element) return null;
    if (index < chain.length - 1) {
      if (!element.shadowRoot) return null;
      scope = element.shadowRoot;
    }
  }
  return element;
}

// --- Playwright: its own generator (`playwright.selector`, pierces open shadow roots) and strict matching ------
interface PlaywrightConsole {
  selector(element: Element): string;
  $$(selector: string): Element[];
}

function playwrightConsole(): PlaywrightConsole | null {
  return ((window as unknown as { playwright?: PlaywrightConsole }).playwright ?? null) as PlaywrightConsole | null;
}

export function playwrightAvailable(): boolean {
  return playwrightConsole() !== null;
}

export function playwrightRecord(element: Element): string {
  const api = playwrightConsole();
  if (!api) throw new Error('window.playwright is missing: launch with PWDEBUG=console');
  return api.selector(element);
}

export function playwrightResolve(selector: string): Element | null {
  const api = playwrightConsole();
  if (!api) throw new Error('window.playwright is missing: launch with PWDEBUG=console');
  try {
    const matches = api.$$(selector);
    return matches.length === 1 ? (matches[0] as Element) : null;
  } catch {
    return null;
  }
}

// --- one call per phase, so the Node side passes plain data only ------------------------------------------------
export type Tool = 'understudy' | 'playwright' | 'finder' | 'xpath';
export type Outcome = 'correct' | 'refused' | 'wrong';

export interface Recorded {
  understudy: unknown;
  playwright: string | null;
  finder: string[] | null;
  xpath: string[] | null;
  errors: Partial<Record<Tool, string>>;
}

export function recordAll(chain: string[]): Recorded | { invalid: string } {
  const { element, error } = selectChain(chain);
  if (!element) return { invalid: `target in before.html: ${error}` };
  const errors: Partial<Record<Tool, string>> = {};
  const attempt = <T>(tool: Tool, run: () => T): T | null => {
    try {
      return run();
    } catch (caught) {
      errors[tool] = String(caught);
      return null;
    }
  };
  return {
    understudy: attempt('understudy', () => understudyRecord(element)),
    playwright: attempt('playwright', () => playwrightRecord(element)),
    finder: attempt('finder', () => finderRecord(element)),
    xpath: attempt('xpath', () => xpathRecord(element)),
    errors,
  };
}

export function replayAll(
  expect: string[] | null,
  recorded: Recorded,
): { outcomes: Record<Tool, Outcome>; detail: string } | { invalid: string } {
  let expected: Element | null = null;
  if (expect) {
    const selected = selectChain(expect);
    if (!selected.element) return { invalid: `expect in after.html: ${selected.error}` };
    expected = selected.element;
  }
  const judge = (resolved: Element | null): Outcome => {
    if (!resolved) return expected ? 'refused' : 'correct';
    return resolved === expected ? 'correct' : 'wrong';
  };
  const safely = (run: () => Element | null): Element | null => {
    try {
      return run();
    } catch {
      return null;
    }
  };
  const descriptor = recorded.understudy as TargetDescriptor | null;
  const { playwright, finder: finderChain, xpath } = recorded;
  return {
    outcomes: {
      understudy: judge(descriptor ? safely(() => understudyResolve(descriptor)) : null),
      playwright: judge(playwright ? safely(() => playwrightResolve(playwright)) : null),
      finder: judge(finderChain ? safely(() => finderResolve(finderChain)) : null),
      xpath: judge(xpath ? safely(() => xpathResolve(xpath)) : null),
    },
    detail: descriptor ? understudyResolveDetail(descriptor) : 'not recorded',
  };
}

/** Diagnostics: the innermost scope's best candidates with their scores (BENCH_EXPLAIN=1). */
export function explain(descriptor: TargetDescriptor, expect: string[] | null = null): string {
  const expected = expect ? selectChain(expect).element : null;
  let scope: Document | ShadowRoot = document;
  for (const host of descriptor.shadowHosts) {
    const hostTarget: TargetDescriptor = { version: 1, ...host, shadowHosts: [] };
    const result = resolveTarget(scope, hostTarget);
    if (result.status !== 'found' || !result.element.shadowRoot) {
      return `host not resolved (${result.status}); the host's candidates:\n${explainScope(scope, hostTarget, null)}`;
    }
    scope = result.element.shadowRoot;
  }
  return explainScope(scope, descriptor, expected);
}

/** `expected` (the case's answer, when it lies in this scope) is marked with a star. */
function explainScope(scope: Document | ShadowRoot, descriptor: TargetDescriptor, expected: Element | null): string {
  const { scored, locatorMatches } = scoreCandidates(scope, descriptor);
  const ranked = [...scored].sort((a, b) => b.comparison.score - a.comparison.score);
  // The five best, the expected one wherever it ranks, and any held back by one check alone.
  const top = ranked.filter((entry, rank) => rank < 5 || entry.element === expected || entry.failed.length <= 1);
  const lines = top.map(
    (entry) =>
      `${entry.element === expected ? '*' : ' '} ${entry.comparison.score.toFixed(2)} q=${entry.qualified}${entry.failed.length ? `(${entry.failed.join(',')})` : ''} name=${entry.comparison.nameSimilarity.toFixed(2)} ctx=${entry.comparison.contextSimilarity?.toFixed(2)} ids=${entry.comparison.identities.join('|')} v=${entry.vouched} other=${entry.comparison.otherRecord} distinct=${entry.comparison.distinctKept} group=${entry.comparison.groupSimilarity} conflict=${entry.comparison.identityConflict} place=${entry.comparison.samePlace} nm=${JSON.stringify(entry.fingerprint.name.slice(0, 80))} ${entry.element.outerHTML.slice(0, 100)}`,
  );
  const locs = locatorMatches.map((match) => `  ${match.locator.kind}: ${match.elements.length}`);
  return [JSON.stringify(descriptor.fingerprint), ...locs, ...lines].join('\n');
}
