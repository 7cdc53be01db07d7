import { useEffect, useState } from 'preact/hooks';
import type { RunView } from '@/lib/messages';
import { DryRunPreview } from './DryRunPreview';
import { EnvironmentBanner } from './EnvironmentBanner';
import { RunSteps } from './RunSteps';
import { send } from './runtime';

const POLL_MS = 500;

/** Live state of the latest run: step k of s, waiting for approval, done, or why it failed. */
export function RunProgress({ compact = false }: { compact?: boolean }) {
  const [run, setRun] = useState<RunView | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  /** Why Pause, Resume or Cancel was refused (locked, the run already ended…); cleared by the next that works. */
  const [controlError, setControlError] = useState<string | null>(null);
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
      ? run.pausing
        ? `Pausing after step ${Math.min(run.currentStep + 1, run.stepCount)}…`
        : `Running step ${Math.min(run.currentStep + 1, run.stepCount)} of ${run.stepCount}`
      : run.state === 'paused'
        ? run.pauseReason === 'approval'
          ? 'Waiting for your OK in the confirmation window'
          : run.pauseReason === 'ambiguous'
            ? 'Which element did you mean?'
            : run.pauseReason === 'user'
              ? 'Paused by you'
              : run.pauseReason === 'locked'
                ? 'Paused: Understudy was locked'
                : 'Paused'
        : run.state === 'succeeded'
          ? run.dryRun
            ? 'Dry run finished'
            : 'Finished'
          : run.state === 'failed'
            ? 'Stopped: a step failed'
            : 'Cancelled';
  return (
    <section
      class="card stack"
      aria-live="polite"
      data-testid="run-progress"
      data-state={run.state}
      data-run-id={run.runId}
    >
      {run.environment && <EnvironmentBanner environment={run.environment} compact={compact} />}
      <p>
        <strong>{run.taskTitle}</strong>
        {run.dryRun && <span data-testid="run-dry"> (dry run: nothing risky is done, nothing is sent)</span>} ·{' '}
        <span data-testid="run-headline">{headline}</span>
      </p>
      {run.batch && (
        <p data-testid="run-batch">
          Row {run.batch.row} of {run.batch.total}
          {run.batch.failed > 0 ? ` · ${run.batch.failed} failed so far` : ''}
        </p>
      )}
      {run.message && <p data-testid="run-message">{run.message}</p>}
      {run.batch?.awaitingGoAhead && <ContinueBatch runId={run.runId} rest={run.batch.total - 1} />}
      {run.preview && !compact && <DryRunPreview preview={run.preview} />}
      {run.state === 'paused' && run.choice && (
        <ChoiceList
          choice={run.choice}
          onPick={async (index) => {
            const reply = await send({ type: 'run:pick', runId: run.runId, index });
            if (reply.ok) {
              setPickError(null);
              setRun(reply.value.run);
            } else {
              setPickError(reply.error.message);
            }
          }}
        />
      )}
      {pickError && (
        <p class="error" role="alert">
          {pickError}
        </p>
      )}
      {!compact && <RunSteps run={run} />}
      {(run.state === 'running' || run.state === 'paused') && (
        <div class="row">
          {run.state === 'running' && (
            <button
              type="button"
              disabled={run.pausing}
              onClick={async () => {
                // Shown at once: the step under way may take a while to finish before the run pauses.
                const reply = await send({ type: 'run:pause', runId: run.runId });
                setControlError(reply.ok ? null : reply.error.message);
                if (reply.ok) setRun(reply.value.run);
              }}
            >
              Pause run
            </button>
          )}
          {run.state === 'paused' && (run.pauseReason === 'user' || run.pauseReason === 'locked') && (
            <button
              type="button"
              class="primary"
              onClick={async () => {
                const reply = await send({ type: 'run:resume', runId: run.runId });
                setControlError(reply.ok ? null : reply.error.message);
                if (reply.ok) setRun(reply.value.run);
              }}
            >
              Resume run
            </button>
          )}
          <button
            type="button"
            onClick={async () => {
              const reply = await send({ type: 'run:cancel', runId: run.runId });
              setControlError(reply.ok ? null : reply.error.message);
              if (reply.ok && reply.value.run) setRun(reply.value.run);
            }}
          >
            Cancel run
          </button>
        </div>
      )}
      {controlError && (
        <p class="error" role="alert" data-testid="run-control-error">
          {controlError}
        </p>
      )}
    </section>
  );
}

/** A production batch ran its first row alone: the person checks it, then lets the rest run. */
function ContinueBatch({ runId, rest }: { runId: string; rest: number }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="stack">
      <button
        type="button"
        data-testid="continue-batch"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const reply = await send({ type: 'run:continue-batch', runId });
          setBusy(false);
          setError(reply.ok ? null : reply.error.message);
        }}
      >
        Run the other {rest} row{rest === 1 ? '' : 's'}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * "Which one did you mean?": the look-alikes, numbered as they are outlined on the page. Understudy
 * never guesses between them; the pick also rewrites the step so the next run finds it directly.
 */
function ChoiceList({
  choice,
  onPick,
}: {
  choice: NonNullable<RunView['choice']>;
  onPick: (index: number) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <fieldset data-testid="run-choice">
      <legend>Pick the element this step should act on (numbered on the page)</legend>
      <p class="muted">{choice.reason}</p>
      <ol class="stack">
        {choice.candidates.map((candidate, index) => (
          <li key={index}>
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await onPick(index);
                setBusy(false);
              }}
            >
              Pick {index + 1}: {candidate}
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
