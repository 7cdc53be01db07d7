import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { ExportButtons, ImportRecorder } from '@/components/InteropButtons';
import { RunTask } from '@/components/RunTask';
import { send } from '@/components/runtime';
import { activeTabId } from './active-tab';
import { TaskEditor } from './TaskEditor';

interface Summary {
  id: string;
  title: string;
  stepCount: number;
}

export function TasksPanel({
  initialTaskId,
  tabIdParam,
}: {
  initialTaskId: string | null;
  tabIdParam: number | undefined;
}) {
  const [tasks, setTasks] = useState<Summary[] | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => void activeTabId(tabIdParam).then(setTabId), [tabIdParam]);
  const [open, setOpen] = useState<string | null>(initialTaskId);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const reply = await send({ type: 'task:list' });
    if (reply.ok) setTasks(reply.value.tasks);
    else setError(reply.error.message);
  };
  useEffect(() => void load(), []);

  if (open) {
    return (
      <TaskEditor
        taskId={open}
        onClose={() => {
          setOpen(null);
          void load();
        }}
      />
    );
  }
  return (
    <section class="stack">
      <ErrorText message={error} />
      <ul class="plain" data-testid="tasks" aria-busy={tasks === null}>
        {tasks?.length === 0 && (
          <li class="muted">No tasks yet. Open a site you allowed and press “Record a task” in the toolbar popup.</li>
        )}
        {tasks?.map((task) => (
          <li key={task.id} class="task-row">
            <span class="task-title">
              {task.title} <span class="muted">· {task.stepCount} steps</span>
            </span>
            <button type="button" onClick={() => setOpen(task.id)} aria-label={`Review ${task.title}`}>
              Review
            </button>
            {tabId !== null && <RunTask taskId={task.id} title={task.title} tabId={tabId} />}
            <ExportButtons taskId={task.id} title={task.title} />
          </li>
        ))}
      </ul>
      <ImportRecorder onImported={() => void load()} />
    </section>
  );
}
