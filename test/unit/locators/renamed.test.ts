import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

function record(html: string, selector: string) {
  document.body.innerHTML = html;
  return describeElement(document.querySelector(selector) as Element);
}

const BEFORE = `<main><h1>Notifications</h1><form method="post"><label><input type="checkbox" name="added"> Email me</label>
<button type="submit" class="x1">Save notifications</button></form></main>`;

describe('a control renamed by a redesign', () => {
  it('is offered to the person as the only candidate (ambiguous), never acted on directly', () => {
    const target = record(BEFORE, 'button');
    document.body.innerHTML = `<main><h1>Notifications</h1><form method="post"><label><input type="checkbox" name="added"> Email me</label>
<div class="wrap"><button type="submit" class="q7">Save preferences</button></div></form></main>`;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') {
      expect(result.candidates).toHaveLength(1);
      expect(result.candidates[0]?.textContent).toBe('Save preferences');
    }
  });

  it('is refused when look-alikes of its kind remain (no single suspect to ask about)', () => {
    const target = record(BEFORE, 'button');
    document.body.innerHTML = `<main><h1>Notifications</h1><form method="post"><label><input type="checkbox" name="added"> Email me</label>
<button type="submit">Save preferences</button><button type="button">Reset</button></form></main>`;
    expect(resolveTarget(document, target).status).toBe('not-found');
  });
});
