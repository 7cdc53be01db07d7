import { useState } from 'preact/hooks';
import { z } from 'zod';
import { RunProgress } from '@/components/RunProgress';
import { Tabs } from '@/components/Tabs';
import { VaultGate } from '@/components/VaultGate';
import { parsePageParams, TabIdParam } from '@/lib/page-params';
import { AuditPanel } from './AuditPanel';
import { HistoryPanel } from './HistoryPanel';
import { PendingPanel } from './PendingPanel';
import { TasksPanel } from './TasksPanel';

const PANELS = [
  { id: 'pending', label: 'Pending', empty: 'Nothing is waiting for your OK. Risky steps of a run will appear here.' },
  { id: 'run', label: 'Run', empty: 'No task is running. Start one from the Tasks tab or the toolbar popup.' },
  { id: 'tasks', label: 'Tasks', empty: '' },
  { id: 'history', label: 'History', empty: 'No runs yet. Finished runs and their step results will show here.' },
  { id: 'audit', label: 'Audit', empty: 'The audit log is empty.' },
] as const;

const SidePanelParams = z.strictObject({
  tab: z.enum(['pending', 'run', 'tasks', 'history', 'audit']).optional(),
  task: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  /** The tab runs started here act in (when the panel is opened as a page); else the active tab. */
  tabId: TabIdParam.optional(),
});

export function SidePanel() {
  // Malformed parameters are ignored as a whole: the panel opens on its default tab.
  const params = parsePageParams(location.search, SidePanelParams) ?? {};
  const [selected, setSelected] = useState<string>(params.tab ?? 'pending');
  return (
    <main>
      <h1 style={{ padding: '12px 16px 0' }}>Understudy</h1>
      <VaultGate>
        {() => (
          <Tabs tabs={PANELS} selected={selected} onSelect={setSelected}>
            {(id) =>
              id === 'tasks' ? (
                <TasksPanel initialTaskId={params.task ?? null} tabIdParam={params.tabId} />
              ) : id === 'run' ? (
                <RunProgress />
              ) : id === 'pending' ? (
                <PendingPanel />
              ) : id === 'history' ? (
                <HistoryPanel />
              ) : id === 'audit' ? (
                <AuditPanel />
              ) : (
                <p class="muted">{PANELS.find((panel) => panel.id === id)?.empty}</p>
              )
            }
          </Tabs>
        )}
      </VaultGate>
    </main>
  );
}
