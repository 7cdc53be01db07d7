import { useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import type { ApprovalView } from '@/lib/messages';
import { usePolling } from './use-polling';

const POLL_MS = 700;

const WHAT: Record<ApprovalView['kind'], string> = {
  submit: 'submit a form',
  delete: 'delete something',
  outbound: 'send a message',
  ask: 'do a step you asked to confirm',
};

/**
 * "N actions waiting for your OK": a run paused before a risky step. The button brings the first
 * one's confirmation window forward (the runner opened it; only that window can approve).
 */
export function PendingBanner() {
  const [approvals, setApprovals] = useState<ApprovalView[]>([]);
  const [error, setError] = useState<string | null>(null);
  usePolling(async () => {
    const reply = await send({ type: 'approval:list' });
    if (reply.ok) setApprovals(reply.value.approvals);
  }, POLL_MS);

  const first = approvals[0];
  const show = async () => {
    if (!first) return;
    setError(null);
    const reply = await send({ type: 'approval:show', id: first.id });
    if (!reply.ok) setError(reply.error.message);
  };

  // The live region is always there, so a banner appearing in it is announced.
  return (
    <div aria-live="polite">
      {first && (
        <section class="card banner stack" aria-labelledby="pending-heading" data-testid="pending-banner">
          <h2 id="pending-heading" style={{ margin: 0 }}>
            {approvals.length} action{approvals.length === 1 ? '' : 's'} waiting for your OK
          </h2>
          <p>
            “{first.taskTitle}” wants to {WHAT[first.kind]} on {first.origin}. Nothing happens until you approve it.
          </p>
          <button type="button" class="primary" onClick={show}>
            Open the confirmation window
          </button>
          <ErrorText message={error} />
        </section>
      )}
    </div>
  );
}
