/**
 * Hovers worth a step (issue 5): only where pointing at something revealed what the person then acted on, like a
 * menu that opens on :hover or mouseenter. Ordinary clicks get no hover step. Rule:
 *
 * 1. The pointer's path is kept cheaply: one entry per trusted `pointerover` (the pointer crossing into another
 *    element; never per mousemove), mouse and pen only, the last MAX_TRAIL entries. A MutationObserver notes, per
 *    element, when it was inserted or shown by an attribute (hidden, inert or aria-hidden removed, open added, an
 *    inline display:none, visibility:hidden, opacity:0 or max-height:0 lifted), and which classes it gained when.
 * 2. When an action is recorded on a target T that the pointer entered after the last action, the part X of T's
 *    ancestry (T included) that was revealed is looked for, and the trigger H is where the pointer was then:
 *    - by script: after the last action, an ancestor-or-self M of T was shown outright (X = M), or gained a class
 *      that a style rule setting display, visibility, opacity, max-height or a clip needs in order to match some X
 *      between M and T. H is the pointer's element at that change, entered at most HOVER_REVEAL_WINDOW_MS before;
 *    - by a style sheet: X matches such a rule only under a `:hover` of an ancestor or sibling
 *      (`.menu:hover .submenu`); H is where the pointer was just before it entered X.
 *    H must have been entered after the last recorded action by moving the pointer, and stayed under it: content
 *    scrolling or shifting under a still pointer (a list that loads more rows as it is scrolled) is no hover. H
 *    must not be inside X (nobody points at what is not shown yet), and the pointer must have gone from H to T
 *    without leaving their nearest common ancestor, which must not be the page's body or root. Colour or outline
 *    changes on hover reveal nothing and make no step.
 * 3. H's own trigger is looked for the same way (nested submenus), up to MAX_NESTED_TRIGGERS deep; hover steps are
 *    emitted outermost first, right before the action.
 *
 * Limits, chosen to stay conservative: menus in portals (their common ancestor with the trigger is the body) and
 * inside shadow roots (no observer, no readable rules) are not recognised, nor are rules in cross-origin sheets. A
 * missed hover step costs a clear replay failure on the hidden target; a wrong one costs a stray pointer move.
 */

const MAX_TRAIL = 64;
/** Menus commonly wait 100–500 ms ("hover intent") before opening. */
export const HOVER_REVEAL_WINDOW_MS = 1000;
const MAX_NESTED_TRIGGERS = 3;
/** Reveals kept per element between actions; an element flickering faster than this keeps only its latest. */
const MAX_REVEALS = 8;
const MAX_ANCESTORS = 32;
const MAX_RULE_DEPTH = 4;
/** Properties a rule must set to count as revealing something; colours and transforms are decoration. */
const REVEALING_PROPERTIES = ['display', 'visibility', 'opacity', 'max-height', 'clip', 'clip-path'];
const OBSERVED_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'aria-hidden', 'inert'];
/** Inline styles that hide; lifting one of them shows the element. */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])|max-height\s*:\s*0(?![.\d]))/i;
const CLASS_TOKEN = /^[A-Za-z_-][\w-]*$/;

interface Entry {
  element: Element;
  at: number;
  x: number;
  y: number;
  /** False when the element changed under a still pointer (the page scrolled or re-laid out under it). */
  moved: boolean;
  /** Content scrolled while the pointer was here: it no longer rests on what it entered. */
  scrolledAway?: boolean;
}

/** A change that may have shown an element: outright (inserted, unhidden…) or by the classes it gained. */
interface Reveal {
  at: number;
  classes?: string[];
}

export interface HoverTracker {
  notePointerOver: (event: PointerEvent) => void;
  noteScroll: (event: Event) => void;
  /** Elements to point at before an action on `target`, outermost first; usually none. */
  triggersFor: (target: Element) => Element[];
  /** An action was recorded: hovers that began before now reveal nothing that follows. */
  noteAction: () => void;
  stop: () => void;
}

function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 && 'host' in parent) return (parent as ShadowRoot).host;
  return parent;
}

function contains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

function ancestorsOrSelf(element: Element): Element[] {
  const chain: Element[] = [];
  for (let current: Node | null = element; current && chain.length < MAX_ANCESTORS; current = composedParent(current)) {
    if (current.nodeType === 1) chain.push(current as Element);
  }
  return chain;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const chain = new Set(ancestorsOrSelf(a));
  for (const candidate of ancestorsOrSelf(b)) if (chain.has(candidate)) return candidate;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Style sheets: which rules reveal something

/** Top-level parts of a selector list, split at commas outside brackets, parentheses and strings. */
export function splitSelectorList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      i++;
    } else if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      depth--;
    } else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/** Where the last compound (the subject) starts: after the last combinator outside brackets and parentheses. */
function subjectStart(selector: string): number {
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i] as string;
    if (char === '\\') {
      i++;
    } else if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      depth--;
    } else if (depth === 0 && /[\s>+~]/.test(char)) {
      start = i + 1;
    }
  }
  return start;
}

/** `.menu:hover .submenu` yes; `a:hover` (the hovered thing styling itself) no. */
export function hoversAnotherElement(selector: string): boolean {
  const trimmed = selector.trim();
  return /:hover(?![\w-])/.test(trimmed.slice(0, subjectStart(trimmed)));
}

interface RevealingRules {
  /** Selectors of rules that set a revealing property. */
  all: string[];
  /** Those of them that apply under the hover of another element. */
  hover: string[];
}

function collectRules(rules: CSSRuleList, into: RevealingRules, depth: number): void {
  for (const rule of Array.from(rules)) {
    if ('selectorText' in rule && 'style' in rule) {
      const style = (rule as CSSStyleRule).style;
      if (!REVEALING_PROPERTIES.some((property) => style.getPropertyValue(property) !== '')) continue;
      for (const selector of splitSelectorList((rule as CSSStyleRule).selectorText)) {
        into.all.push(selector);
        if (hoversAnotherElement(selector)) into.hover.push(selector);
      }
    } else if ('cssRules' in rule && depth < MAX_RULE_DEPTH) {
      // @media, @supports, @layer, @container: their conditions are ignored, which only widens the candidates.
      collectRules((rule as CSSGroupingRule).cssRules, into, depth + 1);
    }
  }
}

const sheetCache = new WeakMap<CSSStyleSheet, { count: number; rules: RevealingRules }>();

/**
 * Selectors of the revealing rules (`all`) or of those among them that need another element's hover (`hover`) in
 * the style sheets that apply in `root`, cached per sheet (and re-read when a sheet gains or loses rules).
 */
export function revealingSelectors(root: Document | ShadowRoot, kind: keyof RevealingRules): string[] {
  const sheets = [...Array.from(root.styleSheets ?? []), ...(root.adoptedStyleSheets ?? [])];
  const selectors: string[] = [];
  for (const sheet of sheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // A cross-origin sheet without CORS can't be read.
    }
    let cached = sheetCache.get(sheet);
    if (!cached || cached.count !== rules.length) {
      const found: RevealingRules = { all: [], hover: [] };
      collectRules(rules, found, 0);
      cached = { count: rules.length, rules: found };
      sheetCache.set(sheet, cached);
    }
    for (const selector of cached.rules[kind]) selectors.push(selector);
  }
  return selectors;
}

function matchesAny(element: Element, selectors: readonly string[]): boolean {
  for (const selector of selectors) {
    try {
      if (element.matches(selector)) return true;
    } catch {
      // A selector this engine does not understand (vendor pseudo-classes) reveals nothing here.
    }
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What an attribute change may have revealed, read when the observer reports it; null for nothing. */
export function revealOf(element: Element, name: string, before: string | null, at: number): Reveal | null {
  const now = element.getAttribute(name);
  switch (name) {
    // A change to a boolean attribute that leaves it absent (or present) means it was removed (or added).
    case 'hidden':
    case 'inert':
      return now === null ? { at } : null;
    case 'open':
      return now !== null ? { at } : null;
    case 'aria-hidden':
      return now !== 'true' && before !== 'false' ? { at } : null;
    case 'style':
      return before !== null && HIDING_STYLE.test(before) && !HIDING_STYLE.test(now ?? '') ? { at } : null;
    case 'class': {
      const old = new Set((before ?? '').split(/\s+/));
      const classes = Array.from(element.classList).filter((token) => !old.has(token) && CLASS_TOKEN.test(token));
      return classes.length > 0 ? { at, classes } : null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------

export function createHoverTracker(doc: Document, now: () => number): HoverTracker {
  let trail: Entry[] = [];
  let lastActionAt = now();
  /** Per element, its reveals since the last action (older ones are dropped as new ones come). */
  const reveals = new WeakMap<Node, Reveal[]>();
  const noteReveal = (node: Node, reveal: Reveal) => {
    const recent = (reveals.get(node) ?? []).filter((item) => item.at > lastActionAt).slice(-MAX_REVEALS + 1);
    recent.push(reveal);
    reveals.set(node, recent);
  };
  const Observer = doc.defaultView?.MutationObserver;
  const observer = Observer
    ? new Observer((records) => {
        // Only a pointer that moved since the last action can have revealed anything: usually nothing to do.
        if ((trail.at(-1)?.at ?? Number.NEGATIVE_INFINITY) <= lastActionAt) return;
        const at = now();
        for (const record of records) {
          if (record.type === 'attributes') {
            const reveal = revealOf(record.target as Element, record.attributeName ?? '', record.oldValue, at);
            if (reveal) noteReveal(record.target, reveal);
          } else {
            for (const node of Array.from(record.addedNodes)) if (node.nodeType === 1) noteReveal(node, { at });
          }
        }
      })
    : null;
  observer?.observe(doc, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: OBSERVED_ATTRIBUTES,
  });

  const isPageRoot = (element: Element) => element === doc.documentElement || element === doc.body;

  /** Whether the pointer went from trail[from] to trail[end - 1] without leaving `container`. */
  const staysInside = (container: Element, from: number, end: number) => {
    for (let i = from + 1; i < end; i++) if (!contains(container, (trail[i] as Entry).element)) return false;
    return true;
  };

  /** The last trail entry (before `end`) made at or before `at`. */
  const entryAt = (at: number, end: number): number => {
    for (let i = end - 1; i >= 0; i--) if ((trail[i] as Entry).at <= at) return i;
    return -1;
  };

  /** Whether trail[index] can be what revealed `revealed` (part of `target`'s ancestry) at `at`. */
  const isTrigger = (target: Element, revealed: Element, index: number, at: number, end: number): boolean => {
    const trigger = trail[index];
    if (
      !trigger?.moved ||
      trigger.scrolledAway ||
      trigger.at <= lastActionAt ||
      at - trigger.at > HOVER_REVEAL_WINDOW_MS
    )
      return false;
    // Nobody points at what is not shown yet: before the trigger, the pointer was never inside what it revealed.
    for (let i = 0; i <= index; i++) {
      const entry = trail[i] as Entry;
      if (entry.at > lastActionAt && contains(revealed, entry.element)) return false;
    }
    let reached = false;
    for (let i = index + 1; i < end && !reached; i++) reached = contains(target, (trail[i] as Entry).element);
    if (!reached) return false;
    const common = commonAncestor(trigger.element, target);
    return !!common && !isPageRoot(common) && staysInside(common, index, end);
  };

  const byScript = (target: Element, end: number, rules: (kind: keyof RevealingRules) => string[]): number => {
    const chain = ancestorsOrSelf(target);
    for (let depth = 0; depth < chain.length; depth++) {
      const changed = chain[depth] as Element;
      for (const reveal of reveals.get(changed) ?? []) {
        if (reveal.at <= lastActionAt) continue;
        let revealed: Element | null = reveal.classes ? null : changed;
        if (reveal.classes) {
          const needed = reveal.classes.map((token) => new RegExp(`\\.${escapeRegExp(token)}(?![\\w-])`));
          const selectors = rules('all').filter((selector) => needed.some((pattern) => pattern.test(selector)));
          // From M down to T: the first element those rules now match is what the classes revealed.
          for (let below = depth; below >= 0 && !revealed && selectors.length > 0; below--) {
            const candidate = chain[below] as Element;
            if (matchesAny(candidate, selectors)) revealed = candidate;
          }
        }
        if (!revealed) continue;
        const index = entryAt(reveal.at, end);
        if (index >= 0 && isTrigger(target, revealed, index, reveal.at, end)) return index;
      }
    }
    return -1;
  };

  const byHoverRule = (target: Element, end: number, rules: (kind: keyof RevealingRules) => string[]): number => {
    const selectors = rules('hover');
    if (selectors.length === 0) return -1;
    for (const revealed of ancestorsOrSelf(target)) {
      if (isPageRoot(revealed)) break;
      if (!matchesAny(revealed, selectors)) continue;
      let entered = -1;
      for (let i = 0; i < end; i++) {
        const entry = trail[i] as Entry;
        if (entry.at > lastActionAt && contains(revealed, entry.element)) {
          entered = i;
          break;
        }
      }
      if (entered < 1) continue;
      const index = entered - 1;
      if (isTrigger(target, revealed, index, (trail[index] as Entry).at, end)) return index;
    }
    return -1;
  };

  return {
    notePointerOver(event) {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      const first = event.composedPath()[0];
      if (!first || (first as Node).nodeType !== 1) return;
      const last = trail.at(-1);
      const { clientX: x, clientY: y } = event;
      trail.push({ element: first as Element, at: now(), x, y, moved: !last || last.x !== x || last.y !== y });
      if (trail.length > MAX_TRAIL) trail = trail.slice(-MAX_TRAIL);
    },
    noteScroll(event) {
      const last = trail.at(-1);
      const scroller = event.target as Node | null;
      if (!event.isTrusted || !last || !scroller) return;
      if (scroller.nodeType === 9 || contains(scroller, last.element)) last.scrolledAway = true;
    },
    triggersFor(target) {
      const triggers: Element[] = [];
      // The usual click: the pointer was already on the target at the last action. Nothing to find.
      if (!trail.some((entry) => entry.at > lastActionAt && contains(target, entry.element))) return triggers;
      const root = target.getRootNode() as Document | ShadowRoot;
      const cached: Partial<RevealingRules> = {};
      const rules = (kind: keyof RevealingRules) => {
        cached[kind] ??= revealingSelectors(root, kind);
        return cached[kind];
      };
      let current = target;
      let end = trail.length;
      for (let depth = 0; depth < MAX_NESTED_TRIGGERS; depth++) {
        let index = byScript(current, end, rules);
        if (index < 0) index = byHoverRule(current, end, rules);
        if (index < 0) break;
        current = (trail[index] as Entry).element;
        triggers.unshift(current);
        end = index + 1;
      }
      return triggers;
    },
    noteAction() {
      lastActionAt = now();
      // The element under the pointer stays as the boundary: entered before this action, it triggers nothing.
      trail = trail.slice(-1);
    },
    stop() {
      observer?.disconnect();
      trail = [];
    },
  };
}
