/**
 * Task storage handlers: every task is an encrypted record in the vault's `tasks` table, with a
 * small encrypted summary beside it (lib/store/task-summary.ts) written, deleted and imported in the
 * same transaction, so listing decrypts summaries only.
 */
import type { ResponseOf } from '@/lib/messages';
import { err, ok, type Result } from '@/lib/result';
import { latestRunPerTask, type RunOfTask } from '@/lib/run/last-run';
import { createExport, importExport } from '@/lib/store/export';
import { listTaskSummaries, TASK_SUMMARY } from '@/lib/store/task-summary';
import { environmentProblems } from '@/lib/task/environments';
import { redactSecrets } from '@/lib/task/redact';
import { type Task, TaskSchema } from '@/lib/task/schema';
import { requireSession } from './vault';

/**
 * The task list, each task with its newest run from `history` (the runner's run history, passed in
 * so this module does not import the runner, which imports it). A history that can't be read only
 * leaves the last runs out.
 */
export async function listTasks(
  history: () => Promise<Result<RunOfTask[], string>>,
): Promise<Result<ResponseOf<'task:list'>, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const [listed, runs] = await Promise.all([listTaskSummaries(session.value, TaskSchema), history()]);
  if (!listed.ok || !runs.ok) return listed;
  const lastRuns = latestRunPerTask(runs.value);
  return ok({
    ...listed.value,
    tasks: listed.value.tasks.map((task) => {
      const lastRun = lastRuns.get(task.id);
      return lastRun ? { ...task, lastRun } : task;
    }),
  });
}

export async function getTask(id: string): Promise<Result<ResponseOf<'task:get'>, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const task = await session.value.get('tasks', id, TaskSchema);
  return task.ok ? ok({ id, task: task.value }) : task;
}

export async function saveTask(task: Task, id?: string): Promise<Result<ResponseOf<'task:save'>, string>> {
  // An environment that maps a site the task never visits, or sets an unknown variable, is a mistake
  // the person should hear about now rather than at run time.
  const problem = task.environments?.flatMap((environment) =>
    environmentProblems(task, environment).map((text) => `${environment.name}: ${text}`),
  )[0];
  if (problem) return err('invalid-environment', problem);
  const session = await requireSession();
  if (!session.ok) return session;
  const saved = await session.value.put('tasks', id, task, TaskSchema, TASK_SUMMARY);
  return saved.ok ? ok({ id: saved.value.id }) : saved;
}

export async function deleteTask(id: string): Promise<Result<ResponseOf<'task:delete'>, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const deleted = await session.value.delete('tasks', id);
  return deleted.ok ? ok({ id }) : deleted;
}

export async function exportTasks(
  taskIds: string[],
  passphrase: string,
): Promise<Result<ResponseOf<'export:create'>, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const created = await createExport(session.value, {
    passphrase,
    taskIds,
    taskSchema: TaskSchema,
    redact: (table, value) => (table === 'tasks' ? redactSecrets(value as Task) : value),
  });
  if (!created.ok) return created;
  const date = new Date().toISOString().slice(0, 10);
  return ok({ fileName: `understudy-export-${date}.json`, text: created.value.text });
}

export async function importTasks(
  text: string,
  passphrase: string,
): Promise<Result<ResponseOf<'import:file'>, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const imported = await importExport(session.value, text, passphrase, {
    schemas: { tasks: TaskSchema },
    summaries: { tasks: TASK_SUMMARY },
  });
  if (!imported.ok) return imported;
  return ok({ imported: imported.value.ids.filter((entry) => entry.table === 'tasks').length });
}

export function refuseWipe(): Result<never, 'confirmation-mismatch'> {
  return err('confirmation-mismatch', 'Type the confirmation words exactly to delete everything.');
}
