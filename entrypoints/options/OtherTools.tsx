import { useEffect, useState } from 'preact/hooks';
import { ExportButtons, ImportRecorder } from '@/components/InteropButtons';
import { send } from '@/components/runtime';

/** Chrome DevTools Recorder and Playwright: the same import and exports as the side panel's Tasks tab. */
export function OtherTools() {
  const [tasks, setTasks] = useState<{ id: string; title: string }[] | null>(null);
  const load = async () => {
    const reply = await send({ type: 'task:list' });
    if (reply.ok) setTasks(reply.value.tasks);
  };
  useEffect(() => void load(), []);
  return (
    <section class="stack" aria-labelledby="tools-heading">
      <h2 id="tools-heading">Other tools</h2>
      <p class="muted">
        Bring in a recording made with Chrome DevTools Recorder, or take a task to Chrome Recorder or Playwright. Secret
        values are never written into these files.
      </p>
      <ImportRecorder onImported={() => void load()} />
      <ul class="plain stack" data-testid="tools-tasks" aria-busy={tasks === null}>
        {tasks?.length === 0 && <li class="muted">No tasks to export yet.</li>}
        {tasks?.map((task) => (
          <li key={task.id}>
            <span>{task.title}</span> <ExportButtons taskId={task.id} title={task.title} />
          </li>
        ))}
      </ul>
    </section>
  );
}
