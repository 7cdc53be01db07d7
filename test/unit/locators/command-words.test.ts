import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';
import { commandNameSimilarity, commandVerb } from '@/lib/locators/command-words';
import { MIN_NAME_SIMILARITY } from '@/lib/locators/resolve';
import { textSimilarity, tokenize } from '@/lib/locators/text';

function record(html: string, selector: string) {
  document.body.innerHTML = html;
  return describeElement(document.querySelector(selector) as Element);
}

function resolvedText(html: string, target: ReturnType<typeof record>): string | null {
  document.body.innerHTML = html;
  const result = resolveTarget(document, target);
  return result.status === 'found' ? (result.element.textContent ?? '').trim() : null;
}

const VOUCH = { verbUnique: true, surroundingsChanged: false };

describe('commandNameSimilarity', () => {
  it('reads a synonymous leading verb as a rewording', () => {
    expect(commandNameSimilarity('Save', 'Update profile', VOUCH)).toBeGreaterThanOrEqual(MIN_NAME_SIMILARITY);
    expect(commandNameSimilarity('Transfer', 'Send money', VOUCH)).toBeGreaterThanOrEqual(MIN_NAME_SIMILARITY);
    expect(commandNameSimilarity('View all tickets', 'See all 42 open tickets', VOUCH)).toBeGreaterThanOrEqual(
      MIN_NAME_SIMILARITY,
    );
    expect(
      commandNameSimilarity('Remove filter: Assignee is me', 'Clear Assignee filter', VOUCH),
    ).toBeGreaterThanOrEqual(MIN_NAME_SIMILARITY);
    expect(commandNameSimilarity('Assign to me', 'Assign yourself')).toBe(1);
    expect(commandNameSimilarity('Sign in', 'Log in', VOUCH)).toBe(1);
    expect(commandNameSimilarity('Log out', 'Sign out', VOUCH)).toBe(1);
    expect(commandNameSimilarity('Select', 'Choose this pharmacy', VOUCH)).toBeGreaterThanOrEqual(MIN_NAME_SIMILARITY);
    expect(commandNameSimilarity('Mute alerts', 'Silence alerts', VOUCH)).toBe(1);
    // And its opposite stays another command.
    expect(commandNameSimilarity('Silence alerts', 'Unsilence alerts', VOUCH)).toBe(0);
  });

  it('reads two different verbs as two commands, whatever object words they share', () => {
    expect(commandNameSimilarity('Delete this repository', 'Archive this repository')).toBe(0);
    expect(commandNameSimilarity('Pay now', 'Cancel order')).toBe(0);
    expect(commandNameSimilarity('Subscribe', 'Unsubscribe')).toBe(0);
    // Removing a member is not deleting one: the stronger verb stays apart.
    expect(commandNameSimilarity('Remove member', 'Delete member')).toBe(0);
    // A particle flips a phrasal verb: plain word similarity dropped "in"/"on" and read these as alike.
    expect(commandNameSimilarity('Log in', 'Log out')).toBe(0);
    expect(commandNameSimilarity('Sign in', 'Sign up')).toBe(0);
    expect(commandNameSimilarity('Turn on notifications', 'Turn off notifications')).toBe(0);
    expect(commandNameSimilarity('Turn on notifications', 'Turn notifications off')).toBe(0);
    expect(commandNameSimilarity('Zoom in', 'Zoom out')).toBe(0);
    expect(commandNameSimilarity('Hide replies', 'Unhide replies')).toBe(0);
    // Applying for a job is not saving it.
    expect(commandNameSimilarity('Save', 'Apply')).toBe(0);
  });

  it('reads synonyms as plain words unless no synonym stood beside the command when recorded', () => {
    expect(commandNameSimilarity('Save', 'Update profile')).toBe(0);
    expect(commandNameSimilarity('Collapse', 'Hide')).toBe(0);
    expect(commandNameSimilarity('Save', 'Update now', { verbUnique: true, surroundingsChanged: true })).toBe(0);
    // A shared object word is enough, when nothing else changed around it.
    const beside = { verbUnique: false, surroundingsChanged: false };
    expect(commandNameSimilarity('Remove filter: Assignee', 'Clear Assignee filter', beside)).toBe(1);
    expect(commandNameSimilarity('Send money', 'Transfer', beside)).toBe(0);
  });

  it('keeps the object: the same verb on another object is not the same command', () => {
    expect(commandNameSimilarity('Save draft', 'Update schedule', VOUCH)).toBeLessThan(MIN_NAME_SIMILARITY);
    expect(commandNameSimilarity('Add to cart', 'Create order', VOUCH)).toBeLessThan(MIN_NAME_SIMILARITY);
  });

  it('compares names without a known verb as plain text', () => {
    expect(commandNameSimilarity('Q4 report', 'Q4 summary report')).toBe(
      textSimilarity('Q4 report', 'Q4 summary report'),
    );
    expect(commandVerb('Q4 report')).toBeUndefined();
    expect(commandVerb('Clear all')).toBe('remove');
  });
});

const ACCOUNT = (quickAction: string) => `<header><nav><a href="/">Home</a><a href="/cards">Cards</a></nav></header>
<main><h1>Everyday account</h1><div class="actions">
<button type="button" class="qa-btn">Pay bills</button><button type="button" class="qa-btn">Top up phone</button>
<button type="button" class="qa-btn">${quickAction}</button><button type="button" class="qa-btn">Statements</button></div></main>`;

describe('resolving a reworded command', () => {
  it('finds a quick action reworded with a synonym in its place', () => {
    const target = record(ACCOUNT('Transfer'), '.qa-btn:nth-child(3)');
    expect(resolvedText(ACCOUNT('Send money'), target)).toBe('Send money');
  });

  it('refuses a quick action replaced by another command in its place', () => {
    const target = record(ACCOUNT('Transfer'), '.qa-btn:nth-child(3)');
    expect(resolvedText(ACCOUNT('Close account'), target)).toBeNull();
  });

  it('refuses a synonym that sits in another part of the page (a filter\'s "Apply" is not the form\'s "Save")', () => {
    const before = `<main><section><h2>Profile</h2><form><label>Name <input name="n"></label>
<button type="submit">Save</button></form></section>
<aside><h2>Activity</h2><label>From <input type="date" name="from"></label></aside></main>`;
    const target = record(before, 'button');
    const after = `<main><section><h2>Profile</h2><p>Your profile is managed by your organisation.</p></section>
<aside><h2>Activity</h2><label>From <input type="date" name="from"></label><button type="button">Update</button></aside></main>`;
    expect(resolvedText(after, target)).toBeNull();
  });
});

const ISSUE = (title: string, number: number, when: string, command: string) =>
  `<li class="issue"><span class="title">${title}</span> <span class="label">bug</span> <span class="meta">#${number} · ${when}</span> <button type="button">${command}</button></li>`;

describe('look-alike commands in rows', () => {
  const before = `<main><h1>Issues</h1><ul>${[
    ISSUE('Flaky test in billing sync', 471, 'opened 2d ago', 'Assign to me'),
    ISSUE('Export fails across DST boundary', 482, 'opened 5d ago', 'Assign to me'),
    ISSUE('Dark mode contrast on charts', 455, 'opened 1w ago', 'Assign to me'),
  ].join('')}</ul></main>`;

  it('follows the recorded row when it was re-sorted and its layout words changed', () => {
    const target = record(before, 'li:nth-child(1) button');
    const after = `<main><h1>Issues</h1><ul>${[
      ISSUE('Dark mode contrast on charts', 455, 'updated 1h ago', 'Assign yourself'),
      ISSUE('Flaky test in billing sync', 471, 'updated 10m ago', 'Assign yourself'),
      ISSUE('Export fails across DST boundary', 482, 'updated 3h ago', 'Assign yourself'),
    ].join('')}</ul></main>`;
    document.body.innerHTML = after;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') {
      expect(result.element.closest('li')?.querySelector('.title')?.textContent).toBe('Flaky test in billing sync');
    }
  });

  it('refuses when the recorded row is gone, even if another row mentions it', () => {
    const target = record(before, 'li:nth-child(1) button');
    const after = `<main><h1>Issues</h1><ul>${[
      ISSUE('Export fails across DST boundary', 482, 'updated 3h ago', 'Assign yourself'),
      ISSUE('Duplicate of #471 Flaky test in billing sync', 490, 'updated 1h ago', 'Assign yourself'),
      ISSUE('Dark mode contrast on charts', 455, 'updated 1h ago', 'Assign yourself'),
    ].join('')}</ul></main>`;
    document.body.innerHTML = after;
    const result = resolveTarget(document, target);
    expect(result.status).not.toBe('found');
  });
});

describe('reworded commands that are not the recorded one', () => {
  const LINE = (name: string, price: string, command: string) =>
    `<li class="line"><span>${name}</span> <span>${price}</span> <button type="button">${command}</button></li>`;

  it('refuses the cart\'s "Clear cart" when the recorded line and its "Remove" are gone', () => {
    const target = record(
      `<main><h1>Cart</h1><ul>${LINE('Desk lamp', '€39.00', 'Remove')}${LINE('Notebook', '€4.50', 'Remove')}</ul>
<footer><button type="button">Checkout</button></footer></main>`,
      'li:nth-child(1) button',
    );
    expect(
      resolvedText(
        `<main><h1>Cart</h1><ul>${LINE('Notebook', '€4.50', 'Remove')}</ul>
<footer><button type="button">Clear cart</button><button type="button">Checkout</button></footer></main>`,
        target,
      ),
    ).toBeNull();
  });

  it('refuses another row\'s reworded "View" after the recorded row was deleted', () => {
    const ROW = (invoice: string, amount: string, command: string) =>
      `<tr><td>${invoice}</td><td>${amount}</td><td><button type="button">${command}</button></td></tr>`;
    const target = record(
      `<main><h1>Invoices</h1><table><tbody>${ROW('INV-1001', '€120.00', 'View invoice')}${ROW('INV-1002', '€80.00', 'View invoice')}${ROW('INV-1003', '€42.00', 'View invoice')}</tbody></table></main>`,
      'tr:nth-child(2) button',
    );
    expect(
      resolvedText(
        `<main><h1>Invoices</h1><table><tbody>${ROW('INV-1001', '€120.00', 'See invoice')}${ROW('INV-1003', '€42.00', 'See invoice')}</tbody></table></main>`,
        target,
      ),
    ).toBeNull();
  });

  it('follows the recorded row\'s reworded "View" when rows were re-sorted', () => {
    const ROW = (invoice: string, amount: string, command: string) =>
      `<tr><td>${invoice}</td><td>${amount}</td><td><button type="button">${command}</button></td></tr>`;
    const target = record(
      `<main><h1>Invoices</h1><table><tbody>${ROW('INV-1001', '€120.00', 'View invoice')}${ROW('INV-1002', '€80.00', 'View invoice')}${ROW('INV-1003', '€42.00', 'View invoice')}</tbody></table></main>`,
      'tr:nth-child(2) button',
    );
    document.body.innerHTML = `<main><h1>Invoices</h1><table><tbody>${ROW('INV-1003', '€42.00', 'See invoice')}${ROW('INV-1002', '€80.00', 'See invoice')}${ROW('INV-1001', '€120.00', 'See invoice')}</tbody></table></main>`;
    const result = resolveTarget(document, target);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('tr')?.textContent).toContain('INV-1002');
  });
});

describe('a toggle whose label flipped', () => {
  const HEADER = (command: string) =>
    `<header><a href="/">Home</a><a href="/pricing">Pricing</a><button type="button" class="nav-btn">${command}</button></header><main><h1>Welcome</h1></main>`;

  it.each([
    ['Log in', 'Log out'],
    ['Sign in', 'Sign up'],
    ['Turn on notifications', 'Turn off notifications'],
    ['Zoom in', 'Zoom out'],
    ['Hide replies', 'Unhide replies'],
  ])('refuses "%s" when the same place now says "%s"', (recordedName, nowName) => {
    const target = record(HEADER(recordedName), '.nav-btn');
    expect(resolvedText(HEADER(nowName), target)).toBeNull();
  });

  it('finds "Sign in" reworded "Log in"', () => {
    const target = record(HEADER('Sign in'), '.nav-btn');
    expect(resolvedText(HEADER('Log in'), target)).toBe('Log in');
  });
});

describe('a synonym that stood beside the recorded command', () => {
  const ACTIONS = (labels: readonly string[]) =>
    `<main><h1>Everyday account</h1><div class="actions">${labels.map((label) => `<button type="button" class="qa-btn">${label}</button>`).join('')}</div></main>`;

  it('is another command: "Transfer" does not stand in for a removed "Send money"', () => {
    const target = record(ACTIONS(['Pay bills', 'Transfer', 'Send money', 'Statements']), '.qa-btn:nth-child(3)');
    expect(target.fingerprint.verbUnique).toBe(false);
    expect(resolvedText(ACTIONS(['Pay bills', 'Transfer', 'Statements']), target)).toBeNull();
  });

  it('is noted at recording only when there is none', () => {
    const target = record(ACTIONS(['Pay bills', 'Send money', 'Statements']), '.qa-btn:nth-child(2)');
    expect(target.fingerprint.verbUnique).toBe(true);
  });
});

describe('records told apart by their number or their link', () => {
  const ISSUE_ROW = (number: number, title: string, command: string) =>
    `<li class="issue"><a href="/issues/${number}">${title}</a> <span class="meta">#${number} · bug</span> <button type="button">${command}</button></li>`;

  it('keeps "#47" as a record number, apart from a counter', () => {
    expect(tokenize('#47 opened, 47 comments')).toEqual(['#47', 'opened', '47', 'comments']);
  });

  it('refuses a new issue that quotes the closed one ("Duplicate of #47: …")', () => {
    const before = `<main><h1>Issues</h1><ul>${ISSUE_ROW(47, 'Flaky test in billing sync', 'Assign to me')}${ISSUE_ROW(44, 'Dark mode contrast', 'Assign to me')}</ul></main>`;
    const target = record(before, 'li:nth-child(1) button');
    const after = `<main><h1>Issues</h1><ul>${ISSUE_ROW(58, 'Duplicate of #47: Flaky test in billing sync', 'Assign yourself')}${ISSUE_ROW(44, 'Dark mode contrast', 'Assign yourself')}</ul></main>`;
    expect(resolvedText(after, target)).toBeNull();
  });

  it("refuses the same-named record re-created under another link (next year's renewal)", () => {
    const DEAL = (id: number, stage: string, closes: string) =>
      `<tr><td><a href="/deals/${id}">Acme Corp – Enterprise renewal</a></td><td>Dana Whitfield</td><td>${stage}</td><td>$48,000</td><td>${closes}</td><td><button type="button">Log call</button></td></tr>`;
    const OTHER = `<tr><td><a href="/deals/8790">Globex – Pilot</a></td><td>Sam Ortiz</td><td>Proposal</td><td>$12,000</td><td>Apr 15, 2025</td><td><button type="button">Log call</button></td></tr>`;
    const target = record(
      `<main><table><tbody>${DEAL(8812, 'Negotiation', 'Mar 31, 2025')}${OTHER}</tbody></table></main>`,
      'tr:nth-child(1) button',
    );
    expect(target.fingerprint.recordLink).toBe('/deals/8812');
    document.body.innerHTML = `<main><table><tbody>${OTHER}${DEAL(8855, 'Negotiation', 'Mar 31, 2025')}</tbody></table></main>`;
    const result = resolveTarget(document, target);
    expect(result.status).not.toBe('found');
  });
});

describe('"Mark as …" commands', () => {
  it('read as the verb whose participle they name', () => {
    expect(commandVerb('Mark as resolved')).toBe(commandVerb('Resolve comment'));
    expect(commandNameSimilarity('Resolve comment', 'Mark as resolved', VOUCH)).toBeGreaterThanOrEqual(
      MIN_NAME_SIMILARITY,
    );
  });

  it('stay "mark" when the participle is not a known verb, and never the opposite command', () => {
    expect(commandVerb('Mark as read')).toBe('mark');
    expect(commandVerb('Mark as unresolved')).toBe('mark');
    expect(commandNameSimilarity('Resolve comment', 'Mark as unresolved', VOUCH)).toBe(0);
  });
});
