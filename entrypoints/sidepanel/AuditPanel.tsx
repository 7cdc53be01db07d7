import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import type { ResponseOf } from '@/lib/messages';

type AuditLog = ResponseOf<'audit:list'>;

/**
 * The audit log, newest first, and its verification: the hash chain is checked against the anchor
 * in the vault header each time the log is read, so an edited, reordered or cut log shows here.
 */
export function AuditPanel() {
  const [log, setLog] = useState<AuditLog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<number | null>(null);

  const load = async () => {
    setError(null);
    const reply = await send({ type: 'audit:list' });
    if (!reply.ok) return setError(reply.error.message);
    setLog(reply.value);
    setCheckedAt(Date.now());
  };
  useEffect(() => void load(), []);

  return (
    <section class="stack">
      <div class="row">
        <button type="button" onClick={() => void load()}>
          Verify the log
        </button>
      </div>
      <ErrorText message={error} />
      {log && (
        <div data-testid="audit-verification" data-ok={String(log.verification.ok)} role="status">
          {log.verification.ok ? (
            <p>
              ✓ The log is intact: {log.verification.count} {log.verification.count === 1 ? 'entry' : 'entries'}, none
              changed, reordered or removed
              {checkedAt !== null && ` (checked ${new Date(checkedAt).toLocaleTimeString()})`}.
            </p>
          ) : (
            <div class="error">
              <p>
                <strong>The log has been tampered with.</strong>
              </p>
              <ul>
                {log.verification.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <ol class="plain" data-testid="audit-entries" aria-busy={log === null} reversed>
        {log?.entries.length === 0 && <li class="muted">Nothing logged yet.</li>}
        {[...(log?.entries ?? [])].reverse().map((entry) => (
          <li key={entry.seq} data-kind={entry.kind}>
            <span class="muted">
              #{entry.seq} · {new Date(entry.at).toLocaleString()} ·{' '}
            </span>
            {entry.detail}
          </li>
        ))}
      </ol>
    </section>
  );
}
