import { useEffect, useState } from 'preact/hooks';
import type { RunView } from '@/lib/messages';
import type { ArtifactView } from '@/lib/run/artifact';
import { send } from './runtime';

const STATUS_WORDS = { pending: 'not run', done: 'done', failed: 'failed', skipped: 'skipped' } as const;
/** The screenshot is taken just after a step fails: ask again for a little while until it is stored. */
const ARTIFACT_RETRY_MS = 1000;
const ARTIFACT_TRIES = 15;

/** Per-step results of a run: status, time taken, how the target was found, why a step failed. */
export function RunSteps({ run }: { run: RunView }) {
  const live = run.state === 'running' || run.state === 'paused';
  const artifacts = useFailureArtifacts(run);
  return (
    <ol data-testid="run-steps">
      {run.results.map((result, index) => {
        const artifact = result.status === 'failed' ? artifacts.get(index) : undefined;
        return (
          <li
            key={index}
            aria-current={live && index === run.currentStep ? 'step' : undefined}
            data-status={result.status}
          >
            {result.text} — {STATUS_WORDS[result.status]}
            {result.durationMs !== undefined && <span class="muted"> in {formatMs(result.durationMs)}</span>}
            {result.via && <span class="muted"> (found by {result.via})</span>}
            {result.error && <span class="error"> {result.error}</span>}
            {artifact && <FailureArtifact artifact={artifact} step={index + 1} />}
          </li>
        );
      })}
    </ol>
  );
}

/** What the page showed when a step failed: a masked screenshot and the page code around the target. */
function FailureArtifact({ artifact, step }: { artifact: ArtifactView; step: number }) {
  return (
    <figure class="stack" data-testid="failure-artifact" style={{ margin: '0.5em 0 0' }}>
      {artifact.screenshot ? (
        <img
          src={artifact.screenshot}
          alt={`The page when step ${step} failed. Passwords and secret values are hidden.`}
          style={{ maxWidth: '100%', height: 'auto', border: '1px solid currentColor' }}
        />
      ) : (
        <p class="muted">No screenshot: Understudy could not draw this page.</p>
      )}
      <figcaption class="muted">
        Taken {new Date(artifact.capturedAt).toLocaleString()}. Passwords and secret values are hidden
        {artifact.maskedCount > 0 ? ` (${artifact.maskedCount} hidden).` : '.'}
      </figcaption>
      <details>
        <summary>Page code where step {step} looked for its target</summary>
        {/* Wrapped, not scrolled: a scrolling box would need its own keyboard stop. */}
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{artifact.domExcerpt}</pre>
      </details>
    </figure>
  );
}

/** The run's failure artifacts by step index, fetched once the run has finished with a failed step. */
function useFailureArtifacts(run: RunView): Map<number, ArtifactView> {
  const [artifacts, setArtifacts] = useState<Map<number, ArtifactView>>(new Map());
  const finished = run.state !== 'running' && run.state !== 'paused';
  const failed = run.results.flatMap((result, index) => (result.status === 'failed' ? [index] : []));
  const failedKey = failed.join(',');
  useEffect(() => {
    setArtifacts(new Map());
    if (!finished || failedKey === '') return;
    const wanted = failedKey.split(',').map(Number);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async (tries: number) => {
      const reply = await send({ type: 'run:artifacts', runId: run.runId });
      if (stopped || !reply.ok) return;
      const found = new Map(reply.value.artifacts.map((artifact) => [artifact.stepIndex, artifact]));
      setArtifacts(found);
      if (tries > 1 && wanted.some((index) => !found.has(index))) {
        timer = setTimeout(() => void load(tries - 1), ARTIFACT_RETRY_MS);
      }
    };
    void load(ARTIFACT_TRIES);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [run.runId, finished, failedKey]);
  return artifacts;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
