import type { RunView } from '@/lib/messages';

const STATUS_WORDS = { pending: 'not run', done: 'done', failed: 'failed', skipped: 'skipped' } as const;

/** Per-step results of a run: status, time taken, how the target was found, why a step failed. */
export function RunSteps({ run }: { run: RunView }) {
  const live = run.state === 'running' || run.state === 'paused';
  return (
    <ol data-testid="run-steps">
      {run.results.map((result, index) => (
        <li
          key={index}
          aria-current={live && index === run.currentStep ? 'step' : undefined}
          data-status={result.status}
        >
          {result.text} — {STATUS_WORDS[result.status]}
          {result.durationMs !== undefined && <span class="muted"> in {formatMs(result.durationMs)}</span>}
          {result.via && <span class="muted"> (found by {result.via})</span>}
          {result.error && <span class="error"> {result.error}</span>}
        </li>
      ))}
    </ol>
  );
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
