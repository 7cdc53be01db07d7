/** Renders a page fragment into happy-dom's document and classifies one of its elements. */
import { classifyAction, type RiskAction, type RiskKind } from '../../../lib/risk/classify';

export function render(html: string): void {
  document.body.innerHTML = html;
}

export function kindOf(selector: string, action: RiskAction = 'click'): RiskKind {
  return verdictOf(selector, action).kind;
}

export function verdictOf(selector: string, action: RiskAction = 'click') {
  const matches = document.querySelectorAll(selector);
  if (matches.length !== 1) throw new Error(`${selector} matches ${matches.length} elements`);
  return classifyAction(matches[0] as Element, action);
}
