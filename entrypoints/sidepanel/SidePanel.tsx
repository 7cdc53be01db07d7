import { useState } from 'preact/hooks';
import { Tabs } from '@/components/Tabs';

const PANELS = [
  { id: 'pending', label: 'Pending', empty: 'Nothing is waiting for your OK. Risky steps of a run will appear here.' },
  { id: 'run', label: 'Run', empty: 'No task is running. Start one from the Tasks tab or the toolbar popup.' },
  {
    id: 'tasks',
    label: 'Tasks',
    empty: 'No tasks yet. Open a site you allowed and press Record in the toolbar popup.',
  },
  { id: 'history', label: 'History', empty: 'No runs yet. Finished runs and their step results will show here.' },
  { id: 'audit', label: 'Audit', empty: 'The audit log is empty.' },
] as const;

export function SidePanel() {
  const [selected, setSelected] = useState<string>('pending');
  return (
    <>
      <header>
        <h1 style={{ padding: '12px 16px 0' }}>Understudy</h1>
      </header>
      <Tabs tabs={PANELS} selected={selected} onSelect={setSelected}>
        {(id) => <p class="muted">{PANELS.find((panel) => panel.id === id)?.empty}</p>}
      </Tabs>
    </>
  );
}
