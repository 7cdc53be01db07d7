import { describe, expect, it } from 'vitest';
import { foundText, record, resolveOn } from './page-pairs';

/** A rental cart: one line per lens, quantity inputs named by their place in the cart. */
function cart(lenses: readonly string[]): string {
  const rows = lenses
    .map(
      (lens, index) =>
        `<tr><td><a href="/catalogue/${101 + LENSES.indexOf(lens)}">${lens}</a></td><td>Lens</td><td>£95</td><td><input class="qty" type="number" name="qty[${index}]" value="1" aria-label="Quantity"></td><td>£95</td><td><button>Remove</button></td></tr>`,
    )
    .join('');
  return `<main><h1>Your order</h1><form id="cart"><table><thead><tr><th>Item</th><th>Type</th><th>Rate</th><th>Qty</th><th>Total</th><th></th></tr></thead><tbody>${rows}</tbody></table><button>Check out</button></form></main>`;
}

const LENSES = ['Cooke S4/i 32mm T2', 'Cooke S4/i 50mm T2', 'Cooke S4/i 75mm T2', 'Zeiss Supreme Prime 50mm T1.5'];

describe('a record told from its look-alikes only by an item code ("50mm" among "32mm" and "75mm")', () => {
  it('is refused when its line is gone and the next line took its place, field name and link', () => {
    const recorded = record(cart(LENSES), 'tr:nth-child(2) input');
    // The cart links each line to its place in the cart, not to the product, so the link moves too.
    const without = LENSES.filter((lens) => !lens.includes('S4/i 50mm'));
    const html = cart(without).replace(/\/catalogue\/(\d+)/g, (_, id: string) =>
      Number(id) > 102 ? `/catalogue/${Number(id) - 1}` : `/catalogue/${id}`,
    );
    expect(resolveOn(html, recorded).status).not.toBe('found');
  });

  it('is found where it moved up, a line above it removed', () => {
    const recorded = record(cart(LENSES), 'tr:nth-child(2) input');
    const result = resolveOn(cart(LENSES.slice(1)), recorded);
    expect(foundText(result, 'tr')).toContain('S4/i 50mm');
  });
});
