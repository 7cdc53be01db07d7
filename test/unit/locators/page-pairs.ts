/** Record on one page and resolve on another, in the test document: the steps every locator test repeats. */
import { describeElement, type ResolveResult, resolveTarget, type TargetDescriptor } from '@/lib/locators';

/** Renders `html` and describes the element `selector` finds there, as the recorder would. */
export function record(html: string, selector: string): TargetDescriptor {
  document.body.innerHTML = html;
  return describeElement(document.querySelector(selector) as Element);
}

/** Renders `html` and resolves the recorded target on it, as replay would. */
export function resolveOn(html: string, target: TargetDescriptor): ResolveResult {
  document.body.innerHTML = html;
  return resolveTarget(document, target);
}

/** The text of the found element's nearest `closest` ancestor, or null when nothing was found. */
export function foundText(result: ResolveResult, closest: string): string | null {
  return result.status === 'found' ? (result.element.closest(closest)?.textContent ?? null) : null;
}
