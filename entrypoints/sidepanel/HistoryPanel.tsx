import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { formatMs, RunSteps } from '@/components/RunSteps';
import { send } from '@/components/runtime';
import {
  filterRuns,
  HISTORY_PERIODS,
  HISTORY_STATUSES,
  type HistoryFilter,
  isFiltering,
  isHistoryPeriod,
  isHistoryStatus,
  NO_FILTER,
  PERIOD_LABELS,
  STATUS_LABELS,
  taskChoices,
} from '@/lib/history-filter';
import type { RunSummaryView, RunView } from '@/lib/messages';

/**
 * Past runs, newest first; each opens to its per-step results (decrypted on demand). Filters by
 * task, result and start time narrow the list (lib/history-filter.ts).
 */
export function HistoryPanel() {
  const [runs, setRuns] = useState<RunSummaryView[] | null>(null);
  const [open, setOpen] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const firstFilter = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    void send({ type: 'run:history' }).then((reply) => {
      if (reply.ok) setRuns(reply.value.runs);
      else setError(reply.error.message);
    });
  }, []);

  const show = async (runId: string) => {
    const reply = await send({ type: 'run:get', runId });
    if (reply.ok) setOpen(reply.value.run);
    else setError(reply.error.message);
  };

  if (open) {
    return (
      <section class="stack" aria-label={`Run of ${open.taskTitle}`} data-testid="history-run">
        <button type="button" onClick={() => setOpen(null)}>
          Back to history
        </button>
        <p>
          <strong>{open.taskTitle}</strong> · {open.state}
          {open.batch && ` · row ${open.batch.row} of ${open.batch.total}`}
        </p>
        {open.message && <p>{open.message}</p>}
        <RunSteps run={open} />
      </section>
    );
  }
  const shown = runs ? filterRuns(runs, filter, Date.now()) : null;
  const tasks = runs ? taskChoices(runs) : [];
  return (
    <section class="stack">
      <ErrorText message={error} />
      <form class="row history-filters" aria-label="Filter runs" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label for="history-task">Task</label>
          <select
            id="history-task"
            ref={firstFilter}
            value={filter.task ?? ''}
            onChange={(event) => {
              const value = (event.target as HTMLSelectElement).value;
              setFilter({ ...filter, task: value === '' ? null : value });
            }}
          >
            <option value="">All tasks</option>
            {tasks.map((title) => (
              <option key={title} value={title}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="history-status">Result</label>
          <select
            id="history-status"
            value={filter.status}
            onChange={(event) => {
              const value = (event.target as HTMLSelectElement).value;
              if (isHistoryStatus(value)) setFilter({ ...filter, status: value });
            }}
          >
            {HISTORY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="history-period">Started</label>
          <select
            id="history-period"
            value={filter.period}
            onChange={(event) => {
              const value = (event.target as HTMLSelectElement).value;
              if (isHistoryPeriod(value)) setFilter({ ...filter, period: value });
            }}
          >
            {HISTORY_PERIODS.map((period) => (
              <option key={period} value={period}>
                {PERIOD_LABELS[period]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p class="muted" role="status" data-testid="history-count">
        {runs && shown && isFiltering(filter) ? `Showing ${shown.length} of ${runs.length} runs.` : ''}
      </p>
      <ul class="plain" data-testid="history" aria-busy={runs === null}>
        {runs?.length === 0 && <li class="muted">No runs yet. Finished runs and their step results will show here.</li>}
        {runs && runs.length > 0 && shown?.length === 0 && (
          <li class="muted" data-testid="history-empty">
            <span>No run matches these filters. Choose other filters, or show every run.</span>
            <button
              type="button"
              onClick={() => {
                setFilter(NO_FILTER);
                firstFilter.current?.focus(); // the button goes away; keep keyboard focus in the panel
              }}
            >
              Clear filters
            </button>
          </li>
        )}
        {shown?.map((run) => (
          <li key={run.runId} data-state={run.state}>
            <span>
              {run.taskTitle}
              {run.batch && ` (row ${run.batch.row} of ${run.batch.total})`}{' '}
              <span class="muted">
                · {run.state} · {run.doneCount}/{run.stepCount} steps · {new Date(run.startedAt).toLocaleString()}
                {run.finishedAt !== undefined && ` · took ${formatMs(run.finishedAt - run.startedAt)}`}
              </span>
            </span>
            <button type="button" onClick={() => void show(run.runId)} aria-label={`Details of ${run.taskTitle} run`}>
              Details
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
