import { useEffect, useState } from 'preact/hooks';
import type { RunView } from '@/lib/messages';
import { send } from './runtime';

const POLL_MS = 500;

/** Live state of the latest run: step k of s, waiting for approval, done, or why it failed. */
export function RunProgress({ compact = false }: { compact?: boolean }) {
  const [run, setRun] = useState<RunView | null>(null);
  useEffect(() => {
    const refresh = async () => {
      const reply = await send({ type: 'run:status' });
      if (reply.ok) setRun(reply.value.run);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (!run) return compact ? null : <p class="muted">No task has run yet.</p>;

  const headline =
    run.state === 'running'
      ? `Running step ${Math.min(run.currentStep + 1, run.stepCount)} of ${run.stepCount}`
      : run.state === 'paused'
        ? run.pauseReason === 'approval'
          ? 'Waiting for your OK in the confirmation window'
          : 'Paused'
        : run.state === 'succeeded'
          ? 'Finished'
          : run.state === 'failed'
            ? 'Stopped: a step failed'
            : 'Cancelled';
  return (
    <section class="card stack" aria-live="polite" data-testid="run-progress" data-state={run.state}>
      <p>
        <strong>{run.taskTitle}</strong> · <span data-testid="run-headline">{headline}</span>
      </p>
      {run.message && <p data-testid="run-message">{run.message}</p>}
      {!compact && (
        <ol data-testid="run-steps">
          {run.results.map((result, index) => (
            <li
              key={index}
              aria-current={index === run.currentStep && run.state !== 'succeeded' ? 'step' : undefined}
              data-status={result.status}
            >
              {result.text} — {result.status}
              {result.via && <span class="muted"> (found by {result.via})</span>}
              {result.error && <span class="error"> {result.error}</span>}
            </li>
          ))}
        </ol>
      )}
      {(run.state === 'running' || run.state === 'paused') && (
        <button type="button" onClick={() => void send({ type: 'run:cancel', runId: run.runId })}>
          Cancel run
        </button>
      )}
    </section>
  );
}
