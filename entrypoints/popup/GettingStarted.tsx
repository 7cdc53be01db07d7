import type { TabStatus } from '@/lib/messages';

/**
 * After the vault is created and until the first task is saved: what to do next, in order, with
 * what is already done marked. `status` null: the tab's status is still loading.
 */
export function GettingStarted({ status }: { status: TabStatus | null }) {
  const onWebPage = status?.origin != null;
  const allowed = status?.allowed === true;
  const ready = allowed && status?.contentScriptConnected === true;
  return (
    <section class="card stack" aria-labelledby="start-heading" data-testid="getting-started">
      <h2 id="start-heading" style={{ margin: 0 }}>
        Your vault is ready. Next:
      </h2>
      <ol class="points">
        <li data-done={String(allowed)}>
          {status !== null && !onWebPage
            ? 'Open the website where you do the task, then open Understudy again.'
            : 'Allow this site, so Understudy can see it and act on it.'}
          {allowed && <strong class="ok"> Done.</strong>}
        </li>
        {allowed && !ready && <li>Reload the page, so Understudy can start working on it.</li>}
        <li>
          Record the task: press <strong>Record a task</strong>, do the task once on the page, then come back here and
          press <strong>Stop and save</strong>.
        </li>
      </ol>
    </section>
  );
}
