import { useState } from 'preact/hooks';
import { type CsvRows, MAX_CSV_BYTES, parseRowsCsv } from '@/lib/run/csv';
import type { Variable } from '@/lib/task/schema';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

/** "Run" for one task: asks for variable values first (secrets masked), then starts the run. */
export function RunTask({ taskId, title, tabId }: { taskId: string; title: string; tabId: number }) {
  const [variables, setVariables] = useState<Variable[] | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [csvFor, setCsvFor] = useState<Variable[] | null>(null);

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

  if (csvFor) {
    return <CsvRunForm taskId={taskId} title={title} tabId={tabId} variables={csvFor} onDone={() => setCsvFor(null)} />;
  }

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
      <button
        type="button"
        aria-label={`Run with CSV: ${title}`}
        onClick={async () => {
          setError(null);
          const reply = await send({ type: 'task:get', id: taskId });
          if (!reply.ok) return setError(reply.error.message);
          setCsvFor(reply.value.task.variables);
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
  variables,
  onDone,
}: {
  taskId: string;
  title: string;
  tabId: number;
  variables: Variable[];
  onDone: () => void;
}) {
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
    const reply = await send({ type: 'run:start-batch', taskId, tabId, rows, onRowFailure });
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
