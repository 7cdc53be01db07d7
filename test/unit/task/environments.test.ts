import { describe, expect, it } from 'vitest';
import {
  environmentProblems,
  findEnvironment,
  mapOrigin,
  mapUrl,
  originsFor,
  valuesFor,
} from '@/lib/task/environments';
import { redactSecrets } from '@/lib/task/redact';
import { type Environment, type Task, TaskSchema } from '@/lib/task/schema';

const production: Environment = {
  id: 'a'.repeat(32),
  name: 'Production',
  production: true,
  origins: [{ from: 'https://staging.crm.example', to: 'https://crm.example' }],
  values: { email: 'ops@crm.example', password: 'prod-secret-value' },
};

const task: Task = {
  version: 1,
  title: 'Add a contact',
  origins: ['https://staging.crm.example', 'https://cdn.example'],
  variables: [
    { name: 'email', secret: false, defaultValue: 'me@staging.example' },
    { name: 'password', secret: true, defaultValue: 'staging-secret' },
    { name: 'note', secret: false, defaultValue: 'hi' },
  ],
  steps: [],
  environments: [production],
};

describe('environments', () => {
  it('maps recorded origins and keeps path, query and fragment', () => {
    expect(mapOrigin('https://staging.crm.example', production)).toBe('https://crm.example');
    expect(mapOrigin('https://cdn.example', production)).toBe('https://cdn.example');
    expect(mapUrl('https://staging.crm.example/contacts/new?x=1#top', production)).toBe(
      'https://crm.example/contacts/new?x=1#top',
    );
    expect(mapUrl('https://staging.crm.example.evil.test/x', production)).toBe(
      'https://staging.crm.example.evil.test/x',
    );
    expect(mapUrl('/relative', production)).toBe('/relative');
    expect(mapUrl('https://staging.crm.example/a', null)).toBe('https://staging.crm.example/a');
  });

  it('lists the origins a run acts on, mapped, for the allow-list check', () => {
    expect(originsFor(task, production)).toEqual(['https://crm.example', 'https://cdn.example']);
    expect(originsFor(task, null)).toEqual(task.origins);
  });

  it('fills values: defaults, then the environment, then what the run was given', () => {
    expect(valuesFor(task, production, { note: 'typed' })).toEqual({
      email: 'ops@crm.example',
      password: 'prod-secret-value',
      note: 'typed',
    });
    expect(valuesFor(task, null, {})).toEqual({ email: 'me@staging.example', password: 'staging-secret', note: 'hi' });
  });

  it('finds an environment by id and says so when it is gone', () => {
    expect(findEnvironment(task, undefined)).toEqual({ ok: true, value: null });
    expect(findEnvironment(task, production.id)).toEqual({ ok: true, value: production });
    const gone = findEnvironment(task, 'b'.repeat(32));
    expect(gone.ok).toBe(false);
  });

  it('reports mappings of sites the task never visits, unknown variables and duplicate names', () => {
    expect(environmentProblems(task, production)).toEqual([]);
    const wrong: Environment = {
      ...production,
      id: 'c'.repeat(32),
      origins: [
        { from: 'https://other.example', to: 'https://x.example' },
        { from: 'https://cdn.example', to: 'https://a.example' },
        { from: 'https://cdn.example', to: 'https://b.example' },
      ],
      values: { nope: '1' },
    };
    expect(environmentProblems(task, wrong)).toEqual([
      'https://other.example is not a site this task was recorded on.',
      'https://cdn.example is mapped twice.',
      'This task has no variable named nope.',
      'Another environment is already called Production.',
    ]);
  });

  it('rejects environments that are not well formed when a task is parsed', () => {
    const bad = { ...task, environments: [{ ...production, origins: [{ from: 'https://a.example/path', to: 'x' }] }] };
    expect(TaskSchema.safeParse(bad).success).toBe(false);
    expect(TaskSchema.safeParse({ ...task, environments: [{ ...production, name: '' }] }).success).toBe(false);
    expect(TaskSchema.safeParse(task).success).toBe(true);
  });

  it('blanks secret values of environments in exports, like secret defaults', () => {
    const exported = redactSecrets(task);
    expect(JSON.stringify(exported)).not.toContain('prod-secret-value');
    expect(JSON.stringify(exported)).not.toContain('staging-secret');
    expect(exported.environments?.[0]?.values).toEqual({ email: 'ops@crm.example', password: '' });
    expect(TaskSchema.safeParse(exported).success).toBe(true);
  });
});
