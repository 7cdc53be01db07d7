import { useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { RunTask } from '@/components/RunTask';
import type { ResponseOf } from '@/lib/messages';
import { describeLastRun } from '@/lib/run/last-run';
import { filterTasksByTitle } from '@/lib/task/search';

export type TaskSummary = ResponseOf<'task:list'>['tasks'][number];

/** About one task row: kept while the list loads so what is below it does not jump. */
const LOADING_MIN_HEIGHT = '40px';

/**
 * The saved tasks, filtered by title as the person types, each with its last run's result and Run
 * (when the popup is on a web page). `tasks` null: still loading.
 */
export function TaskList({
  tasks,
  error,
  tabId,
}: {
  tasks: TaskSummary[] | null;
  error: string | null;
  tabId: number | null;
}) {
  const [query, setQuery] = useState('');
  const shown = tasks ? filterTasksByTitle(tasks, query) : null;
  const noMatch = tasks !== null && tasks.length > 0 && shown?.length === 0;
  const now = Date.now();
  return (
    <section aria-labelledby="tasks-heading" class="stack">
      <h2 id="tasks-heading">Tasks</h2>
      {(tasks === null || tasks.length > 0) && (
        <div>
          <label for="task-search">Search tasks</label>
          <input
            id="task-search"
            type="search"
            autocomplete="off"
            placeholder="Part of a task name"
            disabled={tasks === null}
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
            style={{ width: '100%' }}
          />
        </div>
      )}
      <ErrorText message={error} />
      <p role="status" class="muted" data-testid="task-search-status" style={noMatch ? undefined : { margin: 0 }}>
        {noMatch ? `No task matches “${query.trim()}”.` : ''}
      </p>
      <ul
        class="plain"
        data-testid="task-list"
        aria-busy={tasks === null}
        style={tasks === null ? { minHeight: LOADING_MIN_HEIGHT } : undefined}
      >
        {tasks?.length === 0 && <li class="muted">No tasks yet. Allow a site, then record a task on it.</li>}
        {shown?.map((task) => (
          <li key={task.id} style={{ flexWrap: 'wrap' }}>
            <div>
              {task.title}{' '}
              <span class="muted">
                · {task.stepCount} step{task.stepCount === 1 ? '' : 's'}
              </span>
              {task.lastRun && (
                <p class="muted small" data-testid="last-run" data-state={task.lastRun.state}>
                  <time
                    dateTime={new Date(task.lastRun.at).toISOString()}
                    title={new Date(task.lastRun.at).toLocaleString()}
                  >
                    {describeLastRun(task.lastRun, now)}
                  </time>
                </p>
              )}
            </div>
            {tabId !== null && (
              <div class="row">
                <RunTask taskId={task.id} title={task.title} tabId={tabId} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
