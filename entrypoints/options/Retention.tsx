import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import type { RetentionResult } from '@/lib/messages';
import {
  DEFAULT_RETENTION_DAYS,
  describeDeletion,
  describePolicy,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from '@/lib/store/retention';

/** How long run history and audit entries are kept (issue #7), and a button to prune now. */
export function Retention() {
  const [loaded, setLoaded] = useState(false);
  const [forever, setForever] = useState(false);
  const [days, setDays] = useState(String(DEFAULT_RETENTION_DAYS));
  const [saved, setSaved] = useState<number | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void send({ type: 'settings:retention-get' }).then((reply) => {
      if (!reply.ok) return setError(reply.error.message);
      setForever(reply.value.days === null);
      if (reply.value.days !== null) setDays(String(reply.value.days));
      setSaved(reply.value.days);
      setLoaded(true);
    });
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setResult(null);
    setError(null);
    const value = forever ? null : Number(days);
    if (value !== null && (!Number.isInteger(value) || value < MIN_RETENTION_DAYS || value > MAX_RETENTION_DAYS)) {
      return setError(`Enter a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}.`);
    }
    setBusy(true);
    const reply = await send({ type: 'settings:retention', days: value });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setSaved(reply.value.days);
    setMessage(`Saved. ${describePolicy(reply.value.days)}`);
    setResult(describeResult(reply.value));
  };

  const pruneNow = async () => {
    setMessage(null);
    setResult(null);
    setError(null);
    setBusy(true);
    const reply = await send({ type: 'retention:prune' });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setResult(describeResult(reply.value));
  };

  return (
    <section aria-labelledby="retention-heading" class="stack">
      <h2 id="retention-heading">Retention</h2>
      <form onSubmit={save} class="card stack" aria-label="How long to keep history" aria-busy={!loaded} noValidate>
        <p>
          Past runs (with their step results) and audit log entries older than this are deleted for good: when you
          unlock, once a day, and when you save. A run that is still going is never deleted, and each deletion is
          written to the audit log.
        </p>
        <div>
          <label for="retention-days">Days to keep history</label>
          <input
            id="retention-days"
            type="number"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            value={days}
            disabled={forever}
            aria-describedby="retention-current"
            onInput={(event) => setDays((event.target as HTMLInputElement).value)}
          />
        </div>
        <label>
          <input
            type="checkbox"
            checked={forever}
            onChange={(event) => setForever((event.target as HTMLInputElement).checked)}
          />{' '}
          Keep history forever
        </label>
        <p id="retention-current" class="muted" data-testid="retention-current">
          {saved === undefined ? '\u00a0' : describePolicy(saved)}
        </p>
        <button type="submit" disabled={busy || !loaded}>
          Save retention
        </button>
        <p role="status" class="ok" data-testid="retention-saved">
          {message}
        </p>
      </form>
      <div class="card stack">
        <p>Delete runs and log entries older than the saved setting now, instead of waiting for the daily clean-up.</p>
        <button type="button" class="danger" disabled={busy || !loaded} onClick={() => void pruneNow()}>
          Delete old history now
        </button>
        <p role="status" data-testid="retention-result">
          {result}
        </p>
        <ErrorText message={error} />
      </div>
    </section>
  );
}

function describeResult(result: RetentionResult): string {
  if (result.days === null) return 'Nothing was deleted: history is kept forever.';
  const refused = result.auditRefused
    ? ' The audit log failed its check, so it was left as it is; see Audit in the side panel.'
    : '';
  return `${describeDeletion(result.runs, result.entries, result.days)}.${refused}`;
}
