import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariables } from '@/lib/replay/variables';

describe('fillTemplate', () => {
  it('replaces each {{name}} with its value', () => {
    expect(fillTemplate('Hi {{first}} {{last_name}}!', { first: 'Ada', last_name: 'Lovelace' })).toEqual({
      ok: true,
      value: 'Hi Ada Lovelace!',
    });
  });

  it('passes literal text without braces through unchanged', () => {
    expect(fillTemplate('plain text, 100% literal', {})).toEqual({ ok: true, value: 'plain text, 100% literal' });
  });

  it('leaves braces that are not a variable reference alone', () => {
    expect(fillTemplate('{ a } {{ 1x }} {{}}', {})).toEqual({ ok: true, value: '{ a } {{ 1x }} {{}}' });
  });

  it('does not re-expand references that appear inside a value', () => {
    expect(fillTemplate('{{a}}', { a: '{{b}}', b: 'nope' })).toEqual({ ok: true, value: '{{b}}' });
  });

  it('names every missing variable and never includes any value in the error', () => {
    const secret = 'hunter2-very-secret';
    const result = fillTemplate('{{password}} {{email}} {{otp}} {{otp}}', { password: secret });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('missing-variable');
    expect(result.error.message).toContain('email');
    expect(result.error.message).toContain('otp');
    expect(result.error.message).not.toContain(secret);
    expect(result.error.message.match(/otp/g)).toHaveLength(1);
  });

  it('does not treat inherited object properties as values', () => {
    const result = fillTemplate('{{constructor}}', {});
    expect(result.ok).toBe(false);
  });

  it('lists the variables a template uses, once each, in order', () => {
    expect(templateVariables('{{b}} {{a}} {{b}}')).toEqual(['b', 'a']);
  });
});
