import { useState } from 'preact/hooks';
import type { Variable } from '@/lib/task/schema';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

/** "Run" for one task: asks for variable values first (secrets masked), then starts the run. */
export function RunTask({ taskId, title, tabId }: { taskId: string; title: string; tabId: number }) {
  const [variables, setVariables] = useState<Variable[] | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const start = async (given: Record<string, string>) => {
    setError(null);
    const reply = await send({ type: 'run:start', taskId, tabId, values: given });
    if (!reply.ok) return setError(reply.error.message);
    setVariables(null);
  };

  const open = async () => {
    setError(null);
    const reply = await send({ type: 'task:get', id: taskId });
    if (!reply.ok) return setError(reply.error.message);
    const found = reply.value.task.variables;
    if (found.length === 0) return start({});
    setValues(
      Object.fromEntries(found.map((variable) => [variable.name, variable.secret ? '' : variable.defaultValue])),
    );
    setVariables(found);
  };

  if (variables) {
    return (
      <form
        class="card stack"
        aria-label={`Values for ${title}`}
        onSubmit={(event) => {
          event.preventDefault();
          // An untouched secret keeps its saved value (never shown here).
          const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
          void start(given);
        }}
      >
        {variables.map((variable) => (
          <div key={variable.name}>
            <label for={`run-${taskId}-${variable.name}`}>{variable.label ?? variable.name}</label>
            <input
              id={`run-${taskId}-${variable.name}`}
              type={variable.secret ? 'password' : 'text'}
              autocomplete="off"
              placeholder={variable.secret ? 'Saved value (leave empty to use it)' : ''}
              value={values[variable.name] ?? ''}
              onInput={(event) => setValues({ ...values, [variable.name]: (event.target as HTMLInputElement).value })}
            />
          </div>
        ))}
        <div class="row">
          <button type="submit" class="primary">
            Start run
          </button>
          <button type="button" onClick={() => setVariables(null)}>
            Back
          </button>
        </div>
        <ErrorText message={error} />
      </form>
    );
  }
  return (
    <>
      <button type="button" onClick={open} aria-label={`Run ${title}`}>
        Run
      </button>
      <ErrorText message={error} />
    </>
  );
}
