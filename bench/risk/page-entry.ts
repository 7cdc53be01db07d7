/**
 * Page-side entry of `bench/risk.ts`: bundled with esbuild and injected into each case page, so the
 * benchmark runs the classifier the extension ships against the browser's own DOM and form semantics.
 */
import { classifyAction, type RiskAction, type RiskVerdict } from '../../lib/risk/classify';
import { classifyNaive, type NaiveKind } from './naive';

export interface PageLabel {
  target: string;
  action: RiskAction;
}

export type PageOutcome = { ok: true; understudy: RiskVerdict; naive: NaiveKind } | { ok: false; problem: string };

const FIELD_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

function checkTarget(element: Element, action: RiskAction): string | null {
  const tag = element.tagName.toUpperCase();
  if (action === 'submit-form' && tag !== 'FORM') return `submit-form target is a <${tag.toLowerCase()}>, not a form`;
  const editable = element.getAttribute('contenteditable') !== null || element.getAttribute('role') === 'textbox';
  if (action === 'press-enter' && !FIELD_TAGS.has(tag) && !editable) {
    return `press-enter target is a <${tag.toLowerCase()}>, not a field`;
  }
  return null;
}

export function runLabels(labels: readonly PageLabel[]): PageOutcome[] {
  return labels.map((label): PageOutcome => {
    let matches: NodeListOf<Element>;
    try {
      matches = document.querySelectorAll(label.target);
    } catch {
      return { ok: false, problem: `selector ${JSON.stringify(label.target)} is not valid CSS` };
    }
    if (matches.length !== 1) {
      return {
        ok: false,
        problem: `selector ${JSON.stringify(label.target)} matches ${matches.length} elements, not 1`,
      };
    }
    const element = matches[0] as Element;
    const problem = checkTarget(element, label.action);
    if (problem) return { ok: false, problem };
    return { ok: true, understudy: classifyAction(element, label.action), naive: classifyNaive(element) };
  });
}
