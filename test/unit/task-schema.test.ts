import { describe, expect, it } from 'vitest';
import { redactSecrets } from '@/lib/task/redact';
import { type Task, TaskSchema } from '@/lib/task/schema';

const task: Task = {
  version: 1,
  title: 'Sign in',
  origins: ['http://127.0.0.1:4173'],
  variables: [
    { name: 'email', secret: false, defaultValue: 'ada@example.test' },
    { name: 'password', secret: true, defaultValue: 'correct horse battery staple' },
  ],
  steps: [
    {
      id: 's1',
      kind: 'navigate',
      url: 'http://127.0.0.1:4173/login',
      optional: false,
      alwaysAsk: false,
      frame: [],
      tab: 0,
    },
  ],
};

describe('task schema', () => {
  it('accepts a well-formed task', () => {
    expect(TaskSchema.parse(task)).toEqual(task);
  });

  it('refuses javascript: and other non-web navigation', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'chrome://settings']) {
      const bad = { ...task, steps: [{ ...task.steps[0], url }] };
      expect(TaskSchema.safeParse(bad).success, url).toBe(false);
    }
  });

  it('refuses unknown step kinds, unknown keys and origins with paths or credentials', () => {
    expect(TaskSchema.safeParse({ ...task, steps: [{ id: 'x', kind: 'eval', code: '1' }] }).success).toBe(false);
    expect(TaskSchema.safeParse({ ...task, extra: 1 }).success).toBe(false);
    expect(TaskSchema.safeParse({ ...task, origins: ['https://a.example/path'] }).success).toBe(false);
    expect(TaskSchema.safeParse({ ...task, origins: ['https://user@a.example'] }).success).toBe(false);
  });

  it('refuses variable names that are not identifiers', () => {
    const bad = { ...task, variables: [{ name: '{{x}}', secret: false, defaultValue: '' }] };
    expect(TaskSchema.safeParse(bad).success).toBe(false);
  });
});

describe('redactSecrets', () => {
  it('blanks secret values and keeps their names', () => {
    const redacted = redactSecrets(task);
    expect(redacted.variables).toEqual([
      { name: 'email', secret: false, defaultValue: 'ada@example.test' },
      { name: 'password', secret: true, defaultValue: '' },
    ]);
    expect(JSON.stringify(redacted)).not.toContain('correct horse');
    expect(task.variables[1]?.defaultValue).toBe('correct horse battery staple');
  });
});
