/** Diagnostics for the recorder benchmark: where describeElement spends its time (not part of the API). */
import { generateCss, generateLocators, generateXPath } from '../../lib/locators/describe';
import { accessibleName, contextText, headingText, labelText, landmarkOf, scopeOf } from '../../lib/locators/dom';
import { computeFingerprint } from '../../lib/locators/fingerprint';

export function profile(): Record<string, number> {
  const elements = Array.from(document.querySelectorAll('button,input,a[href],td'))
    .filter((_, index) => index % 7 === 0)
    .slice(0, 300);
  const parts: Record<string, (element: Element) => unknown> = {
    fingerprintNoGeo: (element) => computeFingerprint(element),
    fingerprintGeo: (element) => computeFingerprint(element, { geometry: true }),
    locators: (element) => generateLocators(element, computeFingerprint(element)),
    css: (element) => generateCss(element, scopeOf(element)),
    xpath: (element) => generateXPath(element, scopeOf(element)),
    name: (element) => accessibleName(element),
    label: (element) => labelText(element),
    context: (element) => contextText(element),
    heading: (element) => headingText(element),
    landmark: (element) => landmarkOf(element),
  };
  const out: Record<string, number> = {};
  for (const [name, run] of Object.entries(parts)) {
    const durations: number[] = [];
    for (const element of elements) {
      const start = performance.now();
      run(element);
      durations.push(performance.now() - start);
    }
    durations.sort((a, b) => a - b);
    out[`${name}.median`] = durations[Math.floor(durations.length / 2)] as number;
    out[`${name}.p99`] = durations[Math.floor(durations.length * 0.99)] as number;
    out[`${name}.total`] = Math.round(durations.reduce((a, b) => a + b, 0));
  }
  return out;
}
