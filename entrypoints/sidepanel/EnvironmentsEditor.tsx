import { useState } from 'preact/hooks';
import { randomId } from '@/lib/crypto/bytes';
import { parseOrigin } from '@/lib/origins';
import type { Environment, Task } from '@/lib/task/schema';

/**
 * Where else the task can run (Sandbox, Staging, Production): each environment swaps the recorded
 * sites for its own and may give variables values of its own. Saved with the task (encrypted).
 */
export function EnvironmentsEditor({ task, onChange }: { task: Task; onChange: (task: Task) => void }) {
  const environments = task.environments ?? [];
  const set = (next: Environment[]) => onChange({ ...task, environments: next });
  const change = (id: string, patch: Partial<Environment>) =>
    set(environments.map((environment) => (environment.id === id ? { ...environment, ...patch } : environment)));

  return (
    <section class="stack" aria-labelledby="environments-heading">
      <h3 id="environments-heading">Environments</h3>
      <p class="muted">
        Try the task on a test copy of a site before real data: an environment runs it on other sites in place of the
        ones it was recorded on, with values of its own.
      </p>
      {environments.map((environment) => (
        <fieldset key={environment.id} class="card stack" data-testid="environment">
          <legend>{environment.name || 'New environment'}</legend>
          <div>
            <label for={`env-${environment.id}-name`}>Name</label>
            <input
              id={`env-${environment.id}-name`}
              value={environment.name}
              maxLength={60}
              onInput={(event) => change(environment.id, { name: event.currentTarget.value })}
            />
          </div>
          <label class="row" style={{ fontWeight: 'normal' }}>
            <input
              type="checkbox"
              checked={environment.production}
              onChange={(event) => change(environment.id, { production: event.currentTarget.checked })}
            />
            Production (real data): show it loudly, and run one CSV row before the rest
          </label>
          {task.origins.map((origin) => (
            <OriginMapping
              key={origin}
              id={`env-${environment.id}-${origin}`}
              from={origin}
              to={environment.origins.find((pair) => pair.from === origin)?.to ?? ''}
              onChange={(to) =>
                change(environment.id, {
                  origins: [
                    ...environment.origins.filter((pair) => pair.from !== origin),
                    ...(to ? [{ from: origin, to }] : []),
                  ],
                })
              }
            />
          ))}
          {task.variables.map((variable) => (
            <div key={variable.name}>
              <label for={`env-${environment.id}-var-${variable.name}`}>{`{{${variable.name}}}`} here</label>
              <input
                id={`env-${environment.id}-var-${variable.name}`}
                type={variable.secret ? 'password' : 'text'}
                autocomplete="off"
                placeholder="Same as recorded"
                value={environment.values[variable.name] ?? ''}
                onInput={(event) => {
                  const { [variable.name]: _old, ...others } = environment.values;
                  const value = event.currentTarget.value;
                  change(environment.id, { values: value === '' ? others : { ...others, [variable.name]: value } });
                }}
              />
            </div>
          ))}
          <button
            type="button"
            class="danger"
            onClick={() => set(environments.filter((other) => other.id !== environment.id))}
          >
            Remove {environment.name || 'this environment'}
          </button>
        </fieldset>
      ))}
      <div>
        <button
          type="button"
          disabled={environments.length >= 20}
          onClick={() =>
            set([
              ...environments,
              {
                id: randomId(),
                name: environments.length === 0 ? 'Staging' : `Environment ${environments.length + 1}`,
                production: false,
                origins: [],
                values: {},
              },
            ])
          }
        >
          Add environment
        </button>
      </div>
    </section>
  );
}

/** "Instead of https://crm.example use …": kept as typed until it parses, so typing is never fought. */
function OriginMapping({
  id,
  from,
  to,
  onChange,
}: {
  id: string;
  from: string;
  to: string;
  onChange: (to: string) => void;
}) {
  const [text, setText] = useState(to);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div>
      <label for={id}>Instead of {from}</label>
      <input
        id={id}
        value={text}
        placeholder="Same site"
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          if (typed.trim() === '') {
            setProblem(null);
            return onChange('');
          }
          const parsed = parseOrigin(typed);
          setProblem(parsed.ok ? null : parsed.error.message);
          if (parsed.ok) onChange(parsed.value);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} class="error">
          {problem}
        </p>
      )}
    </div>
  );
}
