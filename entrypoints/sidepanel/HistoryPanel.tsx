import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { formatMs, RunSteps } from '@/components/RunSteps';
import { send } from '@/components/runtime';
import type { RunSummaryView, RunView } from '@/lib/messages';

/** Past runs, newest first; each opens to its per-step results (decrypted on demand). */
export function HistoryPanel() {
  const [runs, setRuns] = useState<RunSummaryView[] | null>(null);
  const [open, setOpen] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);

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
  return (
    <section class="stack">
      <ErrorText message={error} />
      <ul class="plain" data-testid="history" aria-busy={runs === null}>
        {runs?.length === 0 && <li class="muted">No runs yet. Finished runs and their step results will show here.</li>}
        {runs?.map((run) => (
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
