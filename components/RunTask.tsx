import { useState } from 'preact/hooks';
import { type CsvRows, MAX_CSV_BYTES, parseRowsCsv } from '@/lib/run/csv';
import type { Environment, Task, Variable } from '@/lib/task/schema';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

/** Values the form starts with: the environment's (or recorded) non-secret values; secrets stay empty. */
function prefill(variables: Variable[], environment: Environment | undefined): Record<string, string> {
  return Object.fromEntries(
    variables.map((variable) => [
      variable.name,
      variable.secret ? '' : (environment?.values[variable.name] ?? variable.defaultValue),
    ]),
  );
}

/**
 * "Run" and "Dry run" for one task: asks for variable values first (secrets masked) and, when the
 * task has environments, where to run it; then starts the run.
 */
export function RunTask({ taskId, title, tabId }: { taskId: string; title: string; tabId: number }) {
  const [task, setTask] = useState<Task | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [environmentId, setEnvironmentId] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [csvFor, setCsvFor] = useState<Task | null>(null);
  const environments = task?.environments ?? [];
  const environment = environments.find((candidate) => candidate.id === environmentId);

  const start = async (given: Record<string, string>, dry: boolean) => {
    setError(null);
    const reply = await send({
      type: 'run:start',
      taskId,
      tabId,
      values: given,
      ...(environmentId ? { environmentId } : {}),
      ...(dry ? { dryRun: true } : {}),
    });
    if (!reply.ok) return setError(reply.error.message);
    setTask(null);
  };

  const open = async (dry: boolean) => {
    setError(null);
    const reply = await send({ type: 'task:get', id: taskId });
    if (!reply.ok) return setError(reply.error.message);
    const found = reply.value.task;
    setDryRun(dry);
    setEnvironmentId('');
    if (found.variables.length === 0 && !found.environments?.length) return start({}, dry);
    setValues(prefill(found.variables, undefined));
    setTask(found);
  };

  if (csvFor) {
    return <CsvRunForm taskId={taskId} title={title} tabId={tabId} task={csvFor} onDone={() => setCsvFor(null)} />;
  }

  if (task) {
    const variables = task.variables;
    return (
      <form
        class="card stack"
        aria-label={`Values for ${title}`}
        onSubmit={(event) => {
          event.preventDefault();
          // An untouched secret keeps its saved value (never shown here).
          const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
          void start(given, dryRun);
        }}
      >
        {environments.length > 0 && (
          <EnvironmentPicker
            id={`run-${taskId}-environment`}
            environments={environments}
            value={environmentId}
            onChange={(id) => {
              setEnvironmentId(id);
              setValues(
                prefill(
                  variables,
                  environments.find((candidate) => candidate.id === id),
                ),
              );
            }}
          />
        )}
        <label>
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.currentTarget.checked)} /> Dry
          run: do the harmless steps, skip and list every submit, delete or send
        </label>
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
            {dryRun ? 'Start dry run' : environment?.production ? `Start run on ${environment.name}` : 'Start run'}
          </button>
          <button type="button" onClick={() => setTask(null)}>
            Back
          </button>
        </div>
        <ErrorText message={error} />
      </form>
    );
  }
  return (
    <>
      <button type="button" onClick={() => void open(false)} aria-label={`Run ${title}`}>
        Run
      </button>
      <button type="button" onClick={() => void open(true)} aria-label={`Dry run ${title}`}>
        Dry run
      </button>
      <button
        type="button"
        aria-label={`Run with CSV: ${title}`}
        onClick={async () => {
          setError(null);
          const reply = await send({ type: 'task:get', id: taskId });
          if (!reply.ok) return setError(reply.error.message);
          setCsvFor(reply.value.task);
        }}
      >
        Run with CSV…
      </button>
      <ErrorText message={error} />
    </>
  );
}

/**
 * A data-driven run: one run per CSV row, columns named after the task's variables. The file is
 * read and checked here (size before reading, then every row) so a bad file runs nothing.
 */
function CsvRunForm({
  taskId,
  title,
  tabId,
  task,
  onDone,
}: {
  taskId: string;
  title: string;
  tabId: number;
  task: Task;
  onDone: () => void;
}) {
  const variables = task.variables;
  const environments = task.environments ?? [];
  const [environmentId, setEnvironmentId] = useState('');
  const production = environments.find((candidate) => candidate.id === environmentId)?.production === true;
  const [rows, setRows] = useState<CsvRows | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [onRowFailure, setOnRowFailure] = useState<'continue' | 'stop'>('stop');
  const [error, setError] = useState<string | null>(null);
  const names = variables.map((variable) => variable.name);
  const inputId = `csv-${taskId}`;

  const read = async (file: File | undefined) => {
    setRows(null);
    setError(null);
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) return setError(`The file is larger than ${MAX_CSV_BYTES / 1_000_000} MB.`);
    const parsed = parseRowsCsv(await file.text(), names);
    if (!parsed.ok) return setError(parsed.error.message);
    setColumns([...new Set(parsed.value.flatMap((row) => Object.keys(row)))]);
    setRows(parsed.value);
  };

  const start = async () => {
    if (!rows) return;
    const reply = await send({
      type: 'run:start-batch',
      taskId,
      tabId,
      rows,
      onRowFailure,
      ...(environmentId ? { environmentId } : {}),
    });
    if (!reply.ok) return setError(reply.error.message);
    onDone();
  };

  return (
    <form
      class="card stack"
      aria-label={`CSV run of ${title}`}
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      {environments.length > 0 && (
        <EnvironmentPicker
          id={`${inputId}-environment`}
          environments={environments}
          value={environmentId}
          onChange={setEnvironmentId}
        />
      )}
      {production && <p>On production the first row runs alone; you check it before the other rows run.</p>}
      <label for={inputId}>CSV file: a header row of variable names, then one row per run</label>
      <p class="muted">Variables: {names.length > 0 ? names.join(', ') : 'this task has none'}</p>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => void read((event.target as HTMLInputElement).files?.[0])}
      />
      {rows && (
        <p data-testid="csv-summary">
          {rows.length} {rows.length === 1 ? 'row' : 'rows'}
          {columns.length > 0 ? `, columns ${columns.join(', ')}` : ''}. Risky steps still ask for your OK on every row.
        </p>
      )}
      <fieldset>
        <legend>If a row fails</legend>
        <label>
          <input
            type="radio"
            name={`${inputId}-failure`}
            checked={onRowFailure === 'stop'}
            onChange={() => setOnRowFailure('stop')}
          />{' '}
          Stop the batch
        </label>
        <label>
          <input
            type="radio"
            name={`${inputId}-failure`}
            checked={onRowFailure === 'continue'}
            onChange={() => setOnRowFailure('continue')}
          />{' '}
          Go on with the next row
        </label>
      </fieldset>
      <div class="row">
        <button type="submit" class="primary" disabled={!rows}>
          {rows ? `Start ${rows.length} ${rows.length === 1 ? 'run' : 'runs'}` : 'Start'}
        </button>
        <button type="button" onClick={onDone}>
          Back
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}

function EnvironmentPicker({
  id,
  environments,
  value,
  onChange,
}: {
  id: string;
  environments: Environment[];
  value: string;
  onChange: (id: string) => void;
}) {
  const chosen = environments.find((environment) => environment.id === value);
  return (
    <div class="stack">
      <label for={id}>Where to run</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">Where it was recorded</option>
        {environments.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
            {environment.production ? ' (production)' : ''}
          </option>
        ))}
      </select>
      {chosen?.production && (
        <p class="environment production" role="note">
          <strong>Production: {chosen.name}.</strong> This run acts on real data.
        </p>
      )}
    </div>
  );
}
