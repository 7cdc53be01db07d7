import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { AllowSiteButton } from '@/components/AllowSite';
import { ErrorText } from '@/components/ErrorText';
import { Onboarding } from '@/components/Onboarding';
import { RecorderControls } from '@/components/RecorderControls';
import { RunProgress } from '@/components/RunProgress';
import { send } from '@/components/runtime';
import { VaultGate } from '@/components/VaultGate';
import type { TabStatus, VaultStatus } from '@/lib/messages';
import { parsePageParams, TabIdParam } from '@/lib/page-params';
import { loadEarly } from './early-replies';
import { GettingStarted } from './GettingStarted';
import { PendingBanner } from './PendingBanner';
import { TaskList, type TaskSummary } from './TaskList';
import { usePolling } from './use-polling';

// `?tabId=` lets the popup be opened in a window of its own (tests, keyboard users); the toolbar
// popup itself uses the active tab.

const PopupParams = z.strictObject({ tabId: TabIdParam.optional() });
/** How often the popup checks for a run that started or ended, and a page whose script arrived. */
const POLL_MS = 700;

async function findTabId(): Promise<number | null> {
  const params = parsePageParams(location.search, PopupParams);
  if (params?.tabId !== undefined) return params.tabId;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function Popup() {
  return (
    <main style={{ width: '340px' }} class="stack">
      <h1>Understudy</h1>
      <VaultGate intro={<Onboarding />} firstLoad={() => loadEarly('vault:status')}>
        {(vault, refreshVault) => <Unlocked vault={vault} onLocked={refreshVault} />}
      </VaultGate>
      <p class="muted">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings and allowed sites
        </a>
      </p>
    </main>
  );
}

/**
 * Everything behind the vault. Nothing here waits for data to render: each part keeps its place
 * while its data loads. The task list reloads after a recording is saved and whenever the latest
 * run starts or ends (so its "last run" line is current).
 */
function Unlocked({ vault, onLocked }: { vault: VaultStatus; onLocked: () => void }) {
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tasks, setTasks] = useState<TaskSummary[] | null>(null);
  const [tasksError, setTasksError] = useState<string | null>(null);
  const tabId = useRef<number | null>(null);
  const taskLoads = useRef(0);
  const lastRunKey = useRef<string | null>(null);

  const refreshStatus = async () => {
    tabId.current ??= await findTabId();
    if (tabId.current === null) {
      return setError('Understudy could not tell which tab is open. Close this popup and try again.');
    }
    const reply = await send({ type: 'tab:status', tabId: tabId.current });
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  };

  const reloadTasks = async (first = false) => {
    const load = ++taskLoads.current;
    const reply = first ? await loadEarly('task:list') : await send({ type: 'task:list' });
    if (load !== taskLoads.current) return; // a newer load is on its way
    if (reply.ok) {
      setTasks(reply.value.tasks);
      setTasksError(null);
    } else setTasksError(reply.error.message);
  };

  useEffect(() => {
    void refreshStatus();
    void reloadTasks(true);
  }, []);

  // A run starting or ending changes a task's last run: reload the list when the latest run changes.
  usePolling(async () => {
    const reply = await send({ type: 'run:status' });
    if (!reply.ok) return;
    const run = reply.value.run;
    const key = run ? `${run.runId}:${run.state}` : 'none';
    if (lastRunKey.current !== null && lastRunKey.current !== key) void reloadTasks();
    lastRunKey.current = key;
  }, POLL_MS);

  // After "Allow this site" and a reload, Understudy's page script arrives a moment later.
  const waitingForPage = status?.allowed === true && !status.contentScriptConnected;
  useEffect(() => {
    if (!waitingForPage) return;
    const timer = setInterval(() => void refreshStatus(), POLL_MS);
    return () => clearInterval(timer);
  }, [waitingForPage]);

  return (
    <>
      <PendingBanner />
      {vault.quarantined > 0 && (
        <p role="alert" class="error">
          {vault.quarantined} saved item{vault.quarantined === 1 ? '' : 's'} failed an integrity check (changed outside
          Understudy) and {vault.quarantined === 1 ? 'was' : 'were'} set aside. Everything else is fine.
        </p>
      )}
      <ErrorText message={error} />
      {tasks?.length === 0 && <GettingStarted status={status} />}
      <SiteStatus status={status} onChange={refreshStatus} />
      {status?.origin && (
        <RecorderControls tabId={status.tabId} allowed={status.allowed} onSaved={() => void reloadTasks()} />
      )}
      <RunProgress compact />
      <TaskList tasks={tasks} error={tasksError} tabId={status?.origin ? status.tabId : null} />
      <button
        type="button"
        onClick={async () => {
          await send({ type: 'vault:lock' });
          onLocked();
        }}
      >
        Lock now
      </button>
    </>
  );
}

function SiteStatus({ status, onChange }: { status: TabStatus | null; onChange: () => Promise<void> }) {
  if (status === null) {
    // The card's place, kept while the tab's status loads.
    return (
      <section class="card stack" aria-labelledby="site-heading" aria-busy="true">
        <h2 id="site-heading">This site</h2>
        <p>&nbsp;</p>
      </section>
    );
  }
  if (status.origin === null) {
    return <p class="muted">Understudy works on web pages (http and https). Open a site to record on it.</p>;
  }
  return (
    <section class="card stack" aria-labelledby="site-heading">
      <h2 id="site-heading">This site</h2>
      <p data-testid="current-origin">{status.origin}</p>
      {status.allowed && status.contentScriptConnected && (
        <p class="ok" data-testid="site-allowed">
          Allowed. Understudy is ready on this page.
        </p>
      )}
      {status.allowed && !status.contentScriptConnected && (
        <>
          <p class="ok" data-testid="site-allowed">
            Allowed. Reload the page so Understudy can start working on it.
          </p>
          <button
            type="button"
            onClick={async () => {
              await browser.tabs.reload(status.tabId).catch(() => undefined);
              await onChange();
            }}
          >
            Reload the page
          </button>
        </>
      )}
      {!status.allowed && (
        <>
          <p data-testid="site-not-allowed">
            Understudy can’t see or act on this site until you allow it. It gets access to this one site only.
          </p>
          <AllowSiteButton origin={status.origin} onAllowed={() => void onChange()} />
        </>
      )}
    </section>
  );
}
