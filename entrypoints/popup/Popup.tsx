import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { AllowSiteButton } from '@/components/AllowSite';
import { ErrorText } from '@/components/ErrorText';
import { RecorderControls } from '@/components/RecorderControls';
import { RunProgress } from '@/components/RunProgress';
import { RunTask } from '@/components/RunTask';
import { send } from '@/components/runtime';
import { VaultGate } from '@/components/VaultGate';
import type { TabStatus } from '@/lib/messages';
import { parsePageParams, TabIdParam } from '@/lib/page-params';

// `?tabId=` lets the popup be opened in a window of its own (tests, keyboard users); the toolbar
// popup itself uses the active tab.

const PopupParams = z.strictObject({ tabId: TabIdParam.optional() });

async function findTabId(): Promise<number | null> {
  const params = parsePageParams(location.search, PopupParams);
  if (params?.tabId !== undefined) return params.tabId;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function Popup() {
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    const tabId = await findTabId();
    if (tabId === null) return setError('Understudy could not tell which tab is open. Close this popup and try again.');
    const reply = await send({ type: 'tab:status', tabId });
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  };

  useEffect(() => void refresh(), []);

  return (
    <main style={{ width: '340px' }} class="stack">
      <h1>Understudy</h1>
      <VaultGate>
        {(vault, refreshVault) => (
          <>
            {vault.quarantined > 0 && (
              <p role="alert" class="error">
                {vault.quarantined} saved item{vault.quarantined === 1 ? '' : 's'} failed an integrity check (changed
                outside Understudy) and {vault.quarantined === 1 ? 'was' : 'were'} set aside. Everything else is fine.
              </p>
            )}
            <ErrorText message={error} />
            {status && <SiteStatus status={status} onChange={refresh} />}
            {status?.origin && <RecorderControls tabId={status.tabId} allowed={status.allowed} />}
            <RunProgress compact />
            <TaskList tabId={status?.origin ? status.tabId : null} />
            <button
              type="button"
              onClick={async () => {
                await send({ type: 'vault:lock' });
                refreshVault();
              }}
            >
              Lock now
            </button>
          </>
        )}
      </VaultGate>
      <p class="muted">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings and allowed sites
        </a>
      </p>
    </main>
  );
}

function SiteStatus({ status, onChange }: { status: TabStatus; onChange: () => void }) {
  if (status.origin === null) {
    return <p class="muted">Understudy works on web pages (http and https). Open a site to record on it.</p>;
  }
  return (
    <section class="card stack" aria-labelledby="site-heading">
      <h2 id="site-heading">This site</h2>
      <p data-testid="current-origin">{status.origin}</p>
      {status.allowed ? (
        <p class="ok" data-testid="site-allowed">
          Allowed. {status.contentScriptConnected ? 'Understudy is ready on this page.' : 'Reload the page to start.'}
        </p>
      ) : (
        <>
          <p data-testid="site-not-allowed">Understudy can’t see or act on this site until you allow it.</p>
          <AllowSiteButton origin={status.origin} onAllowed={onChange} />
        </>
      )}
    </section>
  );
}

function TaskList({ tabId }: { tabId: number | null }) {
  const [tasks, setTasks] = useState<{ id: string; title: string; stepCount: number }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void send({ type: 'task:list' }).then((reply) => {
      if (reply.ok) setTasks(reply.value.tasks);
      else setError(reply.error.message);
    });
  }, []);
  return (
    <section aria-labelledby="tasks-heading" class="stack">
      <h2 id="tasks-heading">Tasks</h2>
      <ErrorText message={error} />
      <ul class="plain" data-testid="task-list" aria-busy={tasks === null}>
        {tasks?.length === 0 && <li class="muted">No tasks yet. Allow a site, then record a task on it.</li>}
        {tasks?.map((task) => (
          <li key={task.id}>
            <span>
              {task.title} <span class="muted">· {task.stepCount} steps</span>
            </span>
            {tabId !== null && <RunTask taskId={task.id} title={task.title} tabId={tabId} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
