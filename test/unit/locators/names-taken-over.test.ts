import { describe, expect, it } from 'vitest';
import { record, resolveOn } from './page-pairs';

/** A CPU alert's thresholds, each label beside (not tied to) its field; `fields` are [label, field name, hint]. */
function thresholds(fields: [string, string, string][], paired = 0): string {
  const box = ([label, name, hint]: [string, string, string]) =>
    `<div class="field"><label>${label}</label><div class="control"><input type="number" name="${name}"><span>%</span></div><p class="hint">${hint}</p></div>`;
  // The first `paired` fields side by side in one row.
  const row = paired > 0 ? `<div class="pair">${fields.slice(0, paired).map(box).join('')}</div>` : '';
  const rows = row + fields.slice(paired).map(box).join('');
  return `<main><h1>db-primary · CPU alert</h1><form action="/alerts/cpu"><section><h2>Thresholds</h2>${rows}</section><button>Save alert rule</button></form></main>`;
}

const WARNING = 'A message goes to #db-oncall when CPU stays at or above this level.';
const CRITICAL = 'The on-call engineer is paged and an incident is opened.';
const RECOVERY = 'The alert clears once CPU falls back below this level.';

describe('a field the page gave no name', () => {
  const before = thresholds([
    ['Warning at', 'threshold', WARNING],
    ['Critical at', 'critical_threshold', CRITICAL],
    ['Recovery at', 'recovery_threshold', RECOVERY],
  ]);
  const nameFound = (html: string) => {
    const result = resolveOn(html, record(before, 'input[name="threshold"]'));
    return result.status === 'found' ? result.element.getAttribute('name') : result.status;
  };

  it('is not taken for the field beside the one whose box holds its surroundings word for word', () => {
    // Paired in one row, the warning level renamed and its plain field name given to the critical level.
    const after = thresholds(
      [
        ['Warning at', 'warning_threshold', WARNING],
        ['Critical at', 'threshold', CRITICAL],
        ['Recovery at', 'recovery_threshold', RECOVERY],
      ],
      2,
    );
    expect(nameFound(after)).not.toBe('threshold');
  });

  it('is still found by its field name where its surroundings gained a line', () => {
    const after = thresholds([
      ['Warning at', 'threshold', `${WARNING} Set it below the critical level.`],
      ['Critical at', 'critical_threshold', CRITICAL],
      ['Recovery at', 'recovery_threshold', RECOVERY],
    ]);
    expect(nameFound(after)).toBe('threshold');
  });
});

describe('a field of a form the page shows twice', () => {
  it('is not taken for the other copy because only the recorded copy gained a hint', () => {
    const signup = (hint: string) =>
      `<form class="newsletter" action="/subscribe"><h3>Get a new recipe every Friday</h3><div class="field"><label>Email</label><input type="email" name="email">${hint}</div><button>Subscribe</button></form>`;
    const page = (inlineHint: string) =>
      `<main><h1>Lemon drizzle cake</h1><p>Serves 8. Ready in 1 hour.</p>${signup(inlineHint)}</main><footer>${signup('')}</footer>`;
    const recorded = record(page(''), 'main input[name="email"]');
    const result = resolveOn(page('<p class="hint">One email a week, unsubscribe any time.</p>'), recorded);
    expect(result.status === 'found' ? result.element.closest('footer') : null).toBeNull();
  });
});

/** A checkout's two addresses: [legend, field-name prefix, line 1, town]. */
function addresses(blocks: [string, string, string, string][]): string {
  const fieldsets = blocks
    .map(
      ([legend, prefix, line1, town], block) =>
        `<fieldset><legend>${legend}</legend><div><label for="a${block}1">Address line 1</label><input id="a${block}1" name="${prefix}line1" value="${line1}"></div><div><label for="a${block}2">Town or city</label><input id="a${block}2" name="${prefix}town" value="${town}"></div><div><label for="a${block}3">Postcode</label><input id="a${block}3" name="${prefix}postcode"></div></fieldset>`,
    )
    .join('');
  return `<main><h1>Checkout</h1><form id="checkout" action="/checkout/addresses">${fieldsets}<button>Continue to payment</button></form></main>`;
}

describe('a field told from its twin by its section', () => {
  const before = addresses([
    ['Shipping address', '', 'Flat 2, 19 Mill Lane', 'Bristol'],
    ['Billing address', 'billing_', '7 Cotham Road', 'Bath'],
  ]);

  it('is not vouched for by its field name in the other section, its section’s values elsewhere', () => {
    const recorded = record(before, 'input[name="postcode"]');
    // Billing first, sending the plain names; shipping is "Delivery address" now.
    const after = addresses([
      ['Billing address', '', '7 Cotham Road', 'Bath'],
      ['Delivery address', 'delivery_', 'Flat 2, 19 Mill Lane', 'Bristol'],
    ]);
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' ? result.element.getAttribute('name') : result.status).not.toBe('postcode');
  });

  it('is still vouched for by its field name when only its section was renamed', () => {
    const recorded = record(before, 'input[name="postcode"]');
    const after = addresses([
      ['Delivery address', '', 'Flat 2, 19 Mill Lane', 'Bristol'],
      ['Billing address', 'billing_', '7 Cotham Road', 'Bath'],
    ]);
    const result = resolveOn(after, recorded);
    expect(result.status === 'found' ? result.element.getAttribute('name') : result.status).toBe('postcode');
  });
});
