import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

/** Two copies of a slot picker, told apart only by the section each sits in (Delivery, Collection). */
function pickers(sections: readonly string[] = ['Delivery', 'Collection']): string {
  return `<main><h1>Order CW-3107</h1>${sections
    .map(
      (section) =>
        `<section><h2>${section}</h2><p>${section === 'Delivery' ? 'Hot-box drop-off for service.' : 'Crates picked up after the event.'}</p><slot-picker kind="${section.toLowerCase()}"></slot-picker></section>`,
    )
    .join('')}</main>`;
}

function fillPickers(rebuilt: boolean): void {
  for (const host of document.querySelectorAll('slot-picker')) {
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = rebuilt
      ? `<form id="slot-form"><div class="row"><label for="slot-window">Arrival window</label><select id="slot-window" name="window"><option>07:00–08:00</option><option>08:00–09:00</option></select><p class="hint">The van arrives within this hour.</p></div><div class="row"><label for="slot-crew">Crew</label><select id="slot-crew" name="crew"><option>Van A</option><option>Van B</option></select></div><div class="row"><label for="slot-notes">Access notes</label><textarea id="slot-notes" name="notes"></textarea></div></form>`
      : `<form id="slot-form"><label for="win">Window</label><select id="win" name="window"><option>07:00–08:00</option><option>08:00–09:00</option></select><label for="crew">Crew</label><select id="crew" name="crew"><option>Van A</option><option>Van B</option></select><label for="notes">Access notes</label><textarea id="notes" name="notes"></textarea></form>`;
  }
}

describe('a field relabelled inside one of two copies of a component', () => {
  function recordDeliveryWindow() {
    document.body.innerHTML = pickers();
    fillPickers(false);
    const host = document.querySelector('slot-picker[kind="delivery"]') as Element;
    return describeElement(host.shadowRoot?.getElementById('win') as Element);
  }

  it('is found in the copy its host points at, by its field name there ("Window" → "Arrival window")', () => {
    const recorded = recordDeliveryWindow();
    document.body.innerHTML = pickers();
    fillPickers(true);
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect((result.element.getRootNode() as ShadowRoot).host.getAttribute('kind')).toBe('delivery');
      expect(result.element.getAttribute('name')).toBe('window');
    }
  });

  it('is refused when the copy its host pointed at is gone', () => {
    const recorded = recordDeliveryWindow();
    document.body.innerHTML = pickers(['Collection']);
    fillPickers(true);
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });
});
