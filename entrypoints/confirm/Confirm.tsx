import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import { EnvironmentBanner } from '@/components/EnvironmentBanner';
import { ErrorText } from '@/components/ErrorText';
import { FormDataTable } from '@/components/FormDataTable';
import { send } from '@/components/runtime';
import type { ApprovalView } from '@/lib/messages';
import { parsePageParams } from '@/lib/page-params';

const ConfirmParams = z.strictObject({ approval: z.string().regex(/^[0-9a-f]{32}$/) });

const KIND_WORDS: Record<ApprovalView['kind'], { title: string; verb: string }> = {
  submit: { title: 'Submit data?', verb: 'send what is in this form to' },
  delete: { title: 'Delete something?', verb: 'delete something on' },
  outbound: { title: 'Send a message?', verb: 'send a message from' },
  ask: { title: 'Go on with this step?', verb: 'act on' },
};

/**
 * The confirmation window. Approve works only after a short delay and only from a real click
 * (`isTrusted`), so neither a stray keypress nor anything scripted can approve; Deny and closing the
 * window both refuse.
 */
export function Confirm() {
  const params = parsePageParams(location.search, ConfirmParams);
  const [approval, setApproval] = useState<ApprovalView | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(
    params ? null : 'This window was opened without an action to confirm. Close it.',
  );

  useEffect(() => {
    if (!params) return;
    void send({ type: 'approval:get', id: params.approval }).then((reply) => {
      if (!reply.ok) return setError(reply.error.message);
      setApproval(reply.value.approval);
      const wait = Math.max(0, reply.value.approval.createdAt + reply.value.approval.approveDelayMs - Date.now());
      setTimeout(() => setReady(true), wait + 50);
    });
  }, []);

  const decide = async (event: MouseEvent, approve: boolean) => {
    if (!approval) return;
    if (approve && !event.isTrusted) return;
    const reply = await send({ type: 'approval:decide', id: approval.id, approve });
    if (!reply.ok) return setError(reply.error.message);
    if (!reply.value.settled && approve) return setError('Not yet: wait a moment, then click Approve again.');
    window.close();
  };

  if (!approval) {
    return (
      <main class="stack">
        <h1>Confirm an action</h1>
        {error ? (
          <ErrorText message={error} />
        ) : (
          <p class="muted" data-testid="confirm-empty">
            Loading…
          </p>
        )}
      </main>
    );
  }
  const words = KIND_WORDS[approval.kind];
  return (
    <main class="stack" aria-labelledby="confirm-heading">
      {approval.environment && <EnvironmentBanner environment={approval.environment} />}
      <h1 id="confirm-heading">{words.title}</h1>
      <p data-testid="confirm-summary">
        The task <strong>{approval.taskTitle}</strong> is about to {words.verb} <strong>{approval.origin}</strong>.
      </p>
      <dl class="card">
        <dt>What</dt>
        <dd data-testid="confirm-target">{approval.target}</dd>
        <dt>Where</dt>
        <dd>{approval.url}</dd>
        {approval.reasons.length > 0 && (
          <>
            <dt>Why Understudy asks</dt>
            <dd>
              <ul>
                {approval.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {approval.formData.length > 0 && (
        <section aria-labelledby="data-heading">
          <h2 id="data-heading">Data that will be sent</h2>
          <FormDataTable fields={approval.formData} testId="confirm-data" />
        </section>
      )}
      <p class="muted">The target is outlined on the page. Nothing happens unless you approve.</p>
      <div class="row">
        <button type="button" class="primary" disabled={!ready} onClick={(event) => decide(event, true)}>
          Approve
        </button>
        <button type="button" onClick={(event) => decide(event, false)}>
          Deny
        </button>
      </div>
      <ErrorText message={error} />
    </main>
  );
}
