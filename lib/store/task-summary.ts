/**
 * The summary stored beside every task (db.ts `taskSummaries`): what the task list renders, so
 * listing decrypts ~100 bytes per task instead of the whole task. Same bounds as the task fields.
 */
import { z } from 'zod';
import { ok, type Result } from '../result';
import { MAX_STEPS, TaskSchema } from '../task/schema';
import type { ListedItem, SessionErrorCode, SummaryOptions, VaultSession } from './session';

export const TaskSummaryValueSchema = z.strictObject({
  title: TaskSchema.shape.title,
  origins: TaskSchema.shape.origins,
  stepCount: z.number().int().min(0).max(MAX_STEPS),
});
export type TaskSummaryValue = z.infer<typeof TaskSummaryValueSchema>;

/** The fields a summary is built from (any task-shaped value, e.g. the benchmark's). */
export interface SummarizableTask {
  title: string;
  origins: string[];
  steps: readonly unknown[];
}

export function summarizeTask(task: SummarizableTask): TaskSummaryValue {
  return { title: task.title, origins: task.origins, stepCount: task.steps.length };
}

/** Pass to VaultSession.put/putMany/listSummaries for the `tasks` table. */
export const TASK_SUMMARY: SummaryOptions<SummarizableTask, TaskSummaryValue> = {
  schema: TaskSummaryValueSchema,
  summarize: summarizeTask,
};

/** One line of the task list ('task:list' in lib/messages.ts). */
export interface TaskListEntry extends TaskSummaryValue {
  id: string;
  createdAt: number;
}

export interface TaskList {
  tasks: TaskListEntry[];
  quarantined: number;
}

export function toTaskList(items: readonly ListedItem<TaskSummaryValue>[], quarantined: number): TaskList {
  return {
    tasks: items.map(({ id, createdAt, value }) => ({
      id,
      createdAt,
      title: value.title,
      origins: value.origins,
      stepCount: value.stepCount,
    })),
    quarantined,
  };
}

/**
 * The task list, from the summaries alone. `taskSchema` validates a full task only when its summary
 * is missing and has to be rebuilt (the product's TaskSchema; the benchmark passes its own).
 */
export async function listTaskSummaries<T extends SummarizableTask>(
  session: VaultSession,
  taskSchema: z.ZodType<T>,
): Promise<Result<TaskList, SessionErrorCode>> {
  const listed = await session.listSummaries('tasks', taskSchema, TASK_SUMMARY);
  if (!listed.ok) return listed;
  return ok(toTaskList(listed.value.items, listed.value.quarantined.length));
}
