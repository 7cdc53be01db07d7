import { describe, expect, it } from 'vitest';
import { describeElement, resolveTarget } from '@/lib/locators';

/** Reminder settings: when to send a payment reminder, one checkbox per moment. */
function reminders(options: readonly string[]): string {
  return `<main><h2>Payment reminders</h2><ul id="schedule">${options
    .map((option) => `<li><label><input type="checkbox"> ${option}</label></li>`)
    .join('')}</ul><label><input type="checkbox" checked> Attach the invoice PDF to reminders</label></main>`;
}

const before = ['3 days before the due date', 'On the due date', '7 days after the due date'];

describe('a choice quoted by a new setting that does something then', () => {
  it('is refused: "7 days after the due date" is gone, "Add a 2% late fee 7 days after the due date" is another setting', () => {
    document.body.innerHTML = reminders(before);
    const recorded = describeElement(document.querySelector('li:nth-child(3) input') as Element);
    document.body.innerHTML = reminders([
      '3 days before the due date',
      'On the due date',
      'Add a 2% late fee 7 days after the due date',
    ]);
    expect(resolveTarget(document, recorded).status).not.toBe('found');
  });

  it('is still found when only other reminders were added around it', () => {
    document.body.innerHTML = reminders(before);
    const recorded = describeElement(document.querySelector('li:nth-child(3) input') as Element);
    document.body.innerHTML = reminders(['1 day before the due date', ...before]);
    const result = resolveTarget(document, recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.closest('label')?.textContent).toContain('7 days after');
  });
});
