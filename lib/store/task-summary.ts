/**
 * The summary stored beside every task (db.ts `taskSummaries`): what the task list renders, so
 * listing decrypts ~100 bytes per task instead of the whole task. Same bounds as the task fields.
 */
import { z } from 'zod';
import { MAX_STEPS, TaskSchema } from '../task/schema';
import type { SummaryOptions } from './session';

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
