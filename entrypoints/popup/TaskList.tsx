import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { RunTask } from '@/components/RunTask';
import type { ResponseOf } from '@/lib/messages';
import { describeLastRun } from '@/lib/run/last-run';
import { filterTasksByTitle } from '@/lib/task/search';
import { rowsToRender } from '@/lib/ui/visible-range';

export type TaskSummary = ResponseOf<'task:list'>['tasks'][number];

/** About one task row: kept while the list loads so what is below it does not jump. */
const LOADING_MIN_HEIGHT = '40px';
/** Rows rendered at first: more than fill the popup (600 px at most) below its cards. */
const FIRST_ROWS = 20;
/** A short row (one line of 30 px buttons and padding); rows without buttons just grow in two steps. */
const MIN_ROW_PX = 38;
/** A typical row (title, last run, buttons), until the rendered rows give their average height. */
const TYPICAL_ROW_PX = 64;
/** Rows rendered below the popup's bottom too, so scrolling and Tab reach rendered rows. */
const OVERSCAN_PX = 300;

/**
 * The saved tasks, filtered by title as the person types, each with its last run's result and Run
 * (when the popup is on a web page). `tasks` null: still loading.
 *
 * With many tasks only the rows on screen (and a little below) are rendered at first, and more as
 * the person scrolls or tabs down (lib/ui/visible-range.ts); the list keeps the height of all its
 * rows, and each row says its place in the whole list (aria-posinset/setsize). Search always looks
 * at every task.
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
  const [rendered, setRendered] = useState(FIRST_ROWS);
  // The space kept for each row not rendered yet: the rendered rows' average height.
  const [rowPx, setRowPx] = useState(TYPICAL_ROW_PX);
  const list = useRef<HTMLUListElement>(null);
  const total = shown?.length ?? 0;
  const grow = useRef<() => void>(() => undefined);
  grow.current = () => {
    const element = list.current;
    if (!element) return;
    const first = element.firstElementChild?.getBoundingClientRect();
    const last = element.lastElementChild?.getBoundingClientRect();
    const count = element.childElementCount;
    if (first && last && count > 0) {
      const average = Math.round((last.bottom - first.top) / count);
      if (average > 0 && average !== rowPx) setRowPx(average);
    }
    const next = rowsToRender({
      rendered: Math.min(rendered, total),
      total,
      renderedBottom: last ? last.bottom : element.getBoundingClientRect().top,
      viewportBottom: window.innerHeight,
      minRowHeight: MIN_ROW_PX,
      overscanPx: OVERSCAN_PX,
    });
    if (next > rendered) setRendered(next);
  };
  // Scrolling (by wheel, keys, or the browser bringing a focused row into view) may need more rows;
  // so may a render that left the bottom of the popup empty, or rows that changed height (their Run
  // buttons arrive with the tab's status).
  useEffect(() => {
    const onChange = () => grow.current();
    window.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange);
    const resized = new ResizeObserver(onChange);
    if (list.current) resized.observe(list.current);
    return () => {
      window.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
      resized.disconnect();
    };
  }, []);
  useEffect(() => grow.current(), [total, rendered]);
  const unrendered = Math.max(0, total - rendered);
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
        ref={list}
        style={
          tasks === null
            ? { minHeight: LOADING_MIN_HEIGHT }
            : unrendered > 0
              ? { paddingBottom: `${unrendered * rowPx}px` }
              : undefined
        }
      >
        {tasks?.length === 0 && <li class="muted">No tasks yet. Allow a site, then record a task on it.</li>}
        {shown?.slice(0, rendered).map((task, index) => (
          <li key={task.id} style={{ flexWrap: 'wrap' }} aria-posinset={index + 1} aria-setsize={total}>
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
