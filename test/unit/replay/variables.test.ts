import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariables, valuesUsedBy } from '@/lib/replay/variables';
import type { Step } from '@/lib/task/schema';

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

describe('valuesUsedBy', () => {
  const base = { id: 's1', optional: false, alwaysAsk: false, frame: [], tab: 0 } as const;
  const target = {
    locators: [{ kind: 'css' as const, value: '#name' }],
    fingerprint: { tag: 'input', role: 'textbox', name: 'Name', text: '', attrs: {}, classes: [], index: 0, count: 1 },
    shadowHosts: [],
  };
  const values = { name: 'Ada', password: 'hunter2', size: 'm' };

  it('keeps only the values a fill or select types', () => {
    const fill = { ...base, kind: 'fill', target, value: 'Dear {{name}}, {{ name }}' } as unknown as Step;
    expect(valuesUsedBy(fill, values)).toEqual({ name: 'Ada' });
    const select = { ...base, kind: 'select', target, value: '{{size}}', label: 'Size' } as unknown as Step;
    expect(valuesUsedBy(select, values)).toEqual({ size: 'm' });
  });

  it('sends no value with a step that types none', () => {
    const click = { ...base, kind: 'click', target } as unknown as Step;
    expect(valuesUsedBy(click, values)).toEqual({});
    const literal = { ...base, kind: 'fill', target, value: 'plain' } as unknown as Step;
    expect(valuesUsedBy(literal, values)).toEqual({});
  });

  it('leaves out a referenced variable with no value, so the frame reports it missing', () => {
    const fill = { ...base, kind: 'fill', target, value: '{{name}} {{nickname}} {{constructor}}' } as unknown as Step;
    const used = valuesUsedBy(fill, values);
    expect(used).toEqual({ name: 'Ada' });
    expect(fillTemplate(fill.kind === 'fill' ? fill.value : '', used)).toMatchObject({ ok: false });
  });
});
