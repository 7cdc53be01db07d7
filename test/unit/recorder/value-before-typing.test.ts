import { afterEach, describe, expect, it } from 'vitest';
import { byId, type Capture, capture, fire } from './helpers';

/** A person focusing a field, replacing what it held and leaving it. */
function retype(field: HTMLInputElement, value: string): void {
  fire(field, new FocusEvent('focusin', { bubbles: true, composed: true }));
  field.value = value;
  fire(field, new InputEvent('input', { bubbles: true, composed: true }));
  fire(field, new FocusEvent('focusout', { bubbles: true, composed: true }));
}

describe('the value a field held before the person typed', () => {
  let recording: Capture | undefined;
  afterEach(() => recording?.stop());

  const fillTarget = (recorded: Capture) => {
    const step = recorded.steps().find((each) => each.kind === 'fill');
    return step && 'target' in step ? step.target?.fingerprint : undefined;
  };

  it('is recorded with the fill, as replay will find the field', () => {
    document.body.innerHTML = '<form><label>Phone <input id="phone" type="tel" value="(555) 019-8876"></label></form>';
    recording = capture();
    retype(byId<HTMLInputElement>('phone'), '(555) 019-0000');
    expect(fillTarget(recording)?.fieldValue).toBe('(555) 019-8876');
  });

  it('is never a password’s', () => {
    document.body.innerHTML =
      '<form><label>Password <input id="secret" type="password" value="hunter22"></label></form>';
    recording = capture();
    retype(byId<HTMLInputElement>('secret'), 'correct horse');
    expect(fillTarget(recording)?.fieldValue).toBeUndefined();
  });

  it('is left out when the field had focus before recording began', () => {
    document.body.innerHTML = '<form><label>City <input id="city" value="Lisbon"></label></form>';
    const field = byId<HTMLInputElement>('city');
    recording = capture();
    field.value = 'Porto';
    fire(field, new InputEvent('input', { bubbles: true, composed: true }));
    fire(field, new FocusEvent('focusout', { bubbles: true, composed: true }));
    expect(fillTarget(recording)?.fieldValue).toBeUndefined();
  });
});
