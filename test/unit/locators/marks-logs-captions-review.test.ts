/**
 * A review's probes against three changes tried in the eighteenth session, two and a half of which were
 * withdrawn for what these found:
 *   A. "Mark <object> <state>" / "Mark <object> as <state>" read as the state's verb: withdrawn ("Mark not
 *      done", "Mark all as completed" and "Complete follow-up call" were taken for the recorded command).
 *   B. "silence" joins "mute" (kept: "Silence" is no longer "Unsilence" by a kept id), "log" joins
 *      "record": withdrawn ("Log call" is not "Record call", which starts a recording).
 *   C. a box whose two-word field name its caption keeps escapes 'caption-swapped': withdrawn ("Stop SMS
 *      alerts", "Opt out of partner sharing" kept the words of the boxes they reverse).
 * Each test asserts what a careful human calls right; the comment says what the code before the session
 * (1e05709) and the first form of the change did ("Patched").
 */
import { describe, expect, it } from 'vitest';
import type { ResolveResult } from '@/lib/locators';
import { record, resolveOn } from './page-pairs';

/** The found element's own text, or its label's for a box; null when nothing was found. */
function found(result: ResolveResult): string | null {
  if (result.status !== 'found') return null;
  const label = result.element.closest('label');
  return ((label ?? result.element).textContent ?? '').trim();
}

const box = (name: string, label: string) => `<label><input type="checkbox" name="${name}"> ${label}</label>`;

describe('A. "Mark <object> <state>" read as the state’s verb', () => {
  /** A to-do app's detail pane (Microsoft To Do words its toggle "Mark as completed" / "Mark as not completed"). */
  const todo = (button: string) =>
    `<main><h1>My Day</h1><ul class="tasks"><li>Renew passport</li><li>Call the plumber</li><li>Book dentist</li></ul><aside aria-label="Task details"><h2>Renew passport</h2><p>Due Fri 14 Nov · Reminder 9:00</p><button>${button}</button><button>Add step</button><button>Delete task</button></aside></main>`;

  it('A1 "Mark as completed" is not its opposite "Mark as not completed" (the task was completed since)', () => {
    // HEAD: not-found ("Mark as not completed" → verb mark, conflicts with complete).
    // Patched: WRONG — found "Mark as not completed" (last word "completed" → complete; name 0.86, no conflict):
    // replay un-completes the task.
    const recorded = record(todo('Mark as completed'), 'aside button');
    expect(found(resolveOn(todo('Mark as not completed'), recorded))).toBeNull();
  });

  it('A2 "Mark done" is not "Mark not done" (no "as": the same flip)', () => {
    // HEAD: not-found. Patched: WRONG — found "Mark not done" (words [not, done] → complete, rest [not]).
    const recorded = record(todo('Mark done'), 'aside button');
    expect(found(resolveOn(todo('Mark not done'), recorded))).toBeNull();
  });

  /** A course page (Moodle-like): each activity has its own completion toggle. */
  const course = (states: readonly string[]) =>
    `<main><h1>Week 3 · Statistics 101</h1><ul>${['Lecture 3 slides', 'Quiz 3', 'Reading: sampling']
      .map((title, i) => `<li class="activity"><a href="/mod/${i}">${title}</a> <button>${states[i]}</button></li>`)
      .join('')}</ul></main>`;

  it('A3 a row’s "Mark as done" is not that row’s "Mark as not done" while the other rows keep "Mark as done"', () => {
    // HEAD: ambiguous (a refusal). Patched: WRONG — found Quiz 3's "Mark as not done".
    const recorded = record(course(['Mark as done', 'Mark as done', 'Mark as done']), 'li:nth-child(2) button');
    const result = resolveOn(course(['Mark as done', 'Mark as not done', 'Mark as done']), recorded);
    expect(found(result)).not.toBe('Mark as not done');
  });

  /** A task's page with its own header actions. */
  const taskPage = (button: string) =>
    `<main><h1>Launch checklist</h1><section><h2>Prepare press kit</h2><p>Owner: Mia · Due 20 Nov</p><div class="actions"><button>${button}</button><button>Edit</button></div><ul><li>Draft release</li><li>Collect logos</li></ul></section></main>`;

  it('A4 one task’s "Mark as completed" is not the bulk "Mark all as completed"', () => {
    // HEAD: not-found ("Mark all as completed" → mark). Patched: WRONG — found the bulk button (name 0.86;
    // the recorded name has no object, so commandObjectsDiffer cannot object).
    const recorded = record(taskPage('Mark as completed'), '.actions button');
    expect(found(resolveOn(taskPage('Mark all as completed'), recorded))).toBeNull();
  });

  /** A CRM contact's upcoming activities. */
  const activities = (title: string, button: string) =>
    `<main><h1>Dana Whitfield</h1><section><h2>Upcoming</h2><article><h3>${title}</h3><p>Today 10:30</p><button>${button}</button></article></section></main>`;

  it('A5 "Mark call complete" is not "Complete follow-up call" on the follow-up task that replaced it', () => {
    // HEAD: not-found. Patched: WRONG — found "Complete follow-up call" (same verb, objects share "call", 0.67).
    const recorded = record(activities('Call re: renewal', 'Mark call complete'), 'article button');
    expect(found(resolveOn(activities('Follow-up call re: renewal', 'Complete follow-up call'), recorded))).toBeNull();
  });

  /** A helpdesk ticket; the close button keeps its id. */
  const ticket = (button: string) =>
    `<main><h1>Ticket #8812 · Printer offline on floor 3</h1><p>Assigned to you · High</p><div class="actions"><button id="ticket-close">${button}</button><button>Reply</button></div></main>`;

  it('A7 "Mark ticket done" reworded "Mark ticket resolved", its id kept, is still found', () => {
    // HEAD: right — found (both "mark"). Patched: refused — complete vs resolve is now an identity conflict.
    const recorded = record(ticket('Mark ticket done'), '#ticket-close');
    expect(found(resolveOn(ticket('Mark ticket resolved'), recorded))).toBe('Mark ticket resolved');
  });

  /** An order page; "Mark order as refunded" books a refund made elsewhere, "Refund order" sends the money. */
  const order = (button: string) =>
    `<main><h1>Order #1042</h1><p>Paid · $84.00 · Visa •••• 4242</p><div class="actions"><button>${button}</button><button>Print packing slip</button></div></main>`;

  it('A8 "Mark order as refunded" (bookkeeping) is not "Refund order" (moves money)', () => {
    // HEAD: not-found. Patched: found "Refund order" (name 1.00). Debatable but one-way: a human would ask.
    // (HEAD already reads "Mark as refunded" with no object as refund; the patch extends that to any object.)
    const recorded = record(order('Mark order as refunded'), '.actions button');
    expect(found(resolveOn(order('Refund order'), recorded))).toBeNull();
  });
});

describe('B. "silence" = "mute", "log" = "record"', () => {
  /** A sales call's card after the call; the button in the first slot changes. */
  const callCard = (button: string) =>
    `<main><h1>Dana Whitfield</h1><section class="call"><h2>Discovery call</h2><p>Today 10:30 · 24 min</p><div class="actions"><button>${button}</button><button>Add notes</button><button>Schedule follow-up</button></div></section></main>`;

  it('B1 "Log call" (a CRM activity) is not "Record call" (audio recording) in its slot', () => {
    // HEAD: not-found (name 0.50). Patched: WRONG — found "Record call" (name 1.00): replay starts a recording.
    const recorded = record(callCard('Log call'), '.actions button');
    expect(found(resolveOn(callCard('Record call'), recorded))).toBeNull();
  });

  /** A trip's expenses; the add button keeps its test id. */
  const expenses = (button: string) =>
    `<main><h1>Trip: Lisbon offsite</h1><p>3 expenses · €412.50</p><div class="toolbar"><button data-testid="log-expense">${button}</button><button data-testid="export-report">Export report</button></div></main>`;

  it('B3 "Log expense" reworded "Add expense", its test id kept, is still found', () => {
    // HEAD: right — found ("log" was no known verb). Patched: refused — "log" is now a known verb (record)
    // and record vs add is an identity conflict, which even the test id does not outweigh.
    const recorded = record(expenses('Log expense'), '[data-testid="log-expense"]');
    expect(found(resolveOn(expenses('Add expense'), recorded))).toBe('Add expense');
  });

  /** An alert row; the silence button keeps its id when the alert is silenced. */
  const alertRow = (button: string) =>
    `<main><h1>Alerts</h1><table><tr><td>HighCPU api-7</td><td>firing 12m</td><td><button id="silence-btn">${button}</button> <button>Acknowledge</button></td></tr></table></main>`;

  it('B4 "Silence" is not "Unsilence" (the alert was silenced since), whatever id it kept', () => {
    // HEAD: WRONG — found "Unsilence" by its id. Patched: right — not-found (mute vs unmute conflict).
    const recorded = record(alertRow('Silence'), '#silence-btn');
    expect(found(resolveOn(alertRow('Unsilence'), recorded))).toBeNull();
  });
});

describe('C. a box’s caption keeping its two-word field name', () => {
  /** Notification settings: an opt-in box becomes an opt-out box under the same field name. */
  const notifications = (sms: string) =>
    `<main><h1>Notification settings</h1><form><fieldset><legend>Delivery updates</legend>${box('email_receipts', 'Email me receipts')}${box('sms_alerts', sms)}${box('push_enabled', 'Push notifications on this device')}</fieldset><button>Save</button></form></main>`;

  it('C1 "Text me SMS alerts about my orders" is not "Stop SMS alerts about my orders"', () => {
    // HEAD: not-found (caption-swapped). Patched: WRONG — found; checking it now stops the alerts.
    const recorded = record(notifications('Text me SMS alerts about my orders'), 'input[name="sms_alerts"]');
    expect(found(resolveOn(notifications('Stop SMS alerts about my orders'), recorded))).toBeNull();
  });

  /** A privacy page (US state privacy laws turned many "share" opt-ins into "opt out" boxes). */
  const privacy = (caption: string) =>
    `<main><h1>Privacy</h1><form><fieldset><legend>Your data</legend>${box('personalized_ads', 'Personalized ads')}${box('partner_sharing', caption)}</fieldset><button>Save preferences</button></form></main>`;

  it('C2 "Allow partner sharing of my data" is not "Opt out of partner sharing of my data"', () => {
    // HEAD: not-found. Patched: WRONG — found the opt-out box.
    const recorded = record(privacy('Allow partner sharing of my data'), 'input[name="partner_sharing"]');
    expect(found(resolveOn(privacy('Opt out of partner sharing of my data'), recorded))).toBeNull();
  });

  /** Sign-up form with a consent box. */
  const signUp = (consent: string) =>
    `<main><h1>Create account</h1><form><label>Email <input name="email" type="email"></label>${box('accept_terms', 'I accept the Terms of Service')}${box('marketing_consent', consent)}<button>Create account</button></form></main>`;

  it('C3 "I consent to marketing emails" is not "I withdraw my consent to marketing"', () => {
    // HEAD: not-found. Patched: WRONG — found the withdrawal box.
    const recorded = record(signUp('I consent to marketing emails'), 'input[name="marketing_consent"]');
    expect(found(resolveOn(signUp('I withdraw my consent to marketing'), recorded))).toBeNull();
  });

  /** Email preferences: the old field now means marketing; order updates got a field of their own elsewhere. */
  const emailPrefs = (after: boolean) =>
    `<main><h1>Email preferences</h1><form><fieldset><legend>Emails</legend>${box('email_updates', after ? 'Email updates about offers and new arrivals' : 'Email updates about my orders')}${box('newsletter', 'Monthly newsletter')}</fieldset>${after ? `<fieldset><legend>Orders</legend>${box('order_emails', 'Email updates about your orders')}${box('order_sms', 'Text updates about your orders')}</fieldset>` : ''}<button>Save</button></form></main>`;

  it('C4 "Email updates about my orders" is not the same field repurposed for "offers and new arrivals"', () => {
    // HEAD: not-found (a refusal; the new orders box fails 'group'). Patched: WRONG — found the offers box
    // (0.86, ahead of the orders box's 0.80): replay subscribes to marketing.
    const recorded = record(emailPrefs(false), 'input[name="email_updates"]');
    expect(found(resolveOn(emailPrefs(true), recorded))).not.toBe('Email updates about offers and new arrivals');
  });

  it('C6 "Paper statements by post" is not "Stop paper statements by post" (the guard actionAdded bypassed)', () => {
    // HEAD: not-found (caption-swapped via actionAdded: a command verb was put before the kept words).
    // Patched: WRONG — found; checking it now stops paper statements.
    const statements = (caption: string) =>
      `<main><h1>Account settings</h1><form><fieldset><legend>Statements</legend>${box('paper_statements', caption)}${box('ebill_alerts', 'Email me when a bill is ready')}</fieldset><button>Save</button></form></main>`;
    const recorded = record(statements('Paper statements by post'), 'input[name="paper_statements"]');
    expect(found(resolveOn(statements('Stop paper statements by post'), recorded))).toBeNull();
  });

  it('C7 a radio whose index value now carries another choice stays the recorded choice', () => {
    // Radios share the group name, so the key name:input:billing_address:1 is unique and the group words
    // ("billing address") are in both captions. HEAD: right. Patched: right (the exact caption outscores it).
    const billing = (options: readonly string[]) =>
      `<main><h1>Checkout</h1><form><fieldset><legend>Billing address</legend>${options
        .map((o, i) => `<label><input type="radio" name="billing_address" value="${i}"> ${o}</label>`)
        .join('')}</fieldset><button>Continue to payment</button></form></main>`;
    const recorded = record(
      billing(['Same as shipping address', 'Use a different billing address']),
      'input[value="1"]',
    );
    const result = resolveOn(
      billing(['Use a different billing address', 'Billing address same as shipping']),
      recorded,
    );
    expect(found(result)).toBe('Use a different billing address');
  });
});
