import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/components/runtime';
import type { ApprovalView } from '@/lib/messages';

const POLL_MS = 700;

/** The review queue: every action waiting for an OK, across tabs. Approving happens in its window. */
export function PendingPanel() {
  const [pending, setPending] = useState<ApprovalView[] | null>(null);
  useEffect(() => {
    const refresh = async () => {
      const reply = await send({ type: 'approval:list' });
      if (reply.ok) setPending(reply.value.approvals);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (pending === null) return <p aria-busy="true" />;
  if (pending.length === 0) {
    return <p class="muted">Nothing is waiting for your OK. Risky steps of a run will appear here.</p>;
  }
  return (
    <ul class="plain stack" data-testid="pending-list">
      {pending.map((approval) => (
        <li key={approval.id} class="card">
          <div>
            <strong>
              {approval.kind === 'ask'
                ? 'Step to confirm'
                : `${approval.kind[0]?.toUpperCase()}${approval.kind.slice(1)}`}
            </strong>{' '}
            on {approval.origin}: {approval.target}
            <p class="muted">Task: {approval.taskTitle}</p>
          </div>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() =>
                void browser.windows.create({
                  url: browser.runtime.getURL(`/confirm.html?approval=${approval.id}`),
                  type: 'popup',
                  focused: true,
                  width: 480,
                  height: 620,
                })
              }
            >
              Review…
            </button>
            <button
              type="button"
              onClick={() => void send({ type: 'approval:decide', id: approval.id, approve: false })}
            >
              Deny
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
