/**
 * A run of a task, persisted (encrypted) after every step so a worker restart, a reload or a
 * navigation resumes at the right step. States:
 *   running → paused (approval | ambiguous | locked | user) → running → succeeded | failed | cancelled
 */
import { z } from 'zod';
import { MAX_CSV_ROWS } from './csv';

export const RunValues = z.record(z.string().max(64), z.string().max(10_000));

/** A data-driven run: one run per CSV row. Each row's run carries where it is in the batch. */
export const BatchSchema = z.strictObject({
  id: z.string().max(64),
  /** 0-based index of this run's row. */
  row: z.number().int().nonnegative(),
  total: z.number().int().positive().max(MAX_CSV_ROWS),
  /** Values of the rows still to run; only the batch's current run holds them. */
  remaining: z.array(RunValues).max(MAX_CSV_ROWS),
  onRowFailure: z.enum(['continue', 'stop']),
  /** 0-based indexes of earlier rows that failed. */
  failedRows: z.array(z.number().int().nonnegative()).max(MAX_CSV_ROWS),
  /** On a production environment the first row runs alone: the rest wait for the person's go-ahead. */
  awaitingGoAhead: z.boolean().optional(),
});
export type Batch = z.infer<typeof BatchSchema>;

export const RunState = z.enum(['running', 'paused', 'succeeded', 'failed', 'cancelled']);
export type RunState = z.infer<typeof RunState>;

export const PauseReason = z.enum(['approval', 'ambiguous', 'locked', 'user']);
export type PauseReason = z.infer<typeof PauseReason>;

export const StepResultSchema = z.strictObject({
  stepId: z.string().max(64),
  status: z.enum(['pending', 'done', 'failed', 'skipped']),
  startedAt: z.number().optional(),
  durationMs: z.number().nonnegative().optional(),
  /** How the target was found: a locator kind, 'fingerprint', or 'user' when the person picked it. */
  via: z.string().max(40).optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** Plain-words reason for a failure; never contains typed values. */
  error: z.string().max(500).optional(),
  /** For risky steps: what the person approved. */
  approved: z.boolean().optional(),
});
export type StepResult = z.infer<typeof StepResultSchema>;

/** What a dry run did not do: the action the risk gate (or the network backstop) would have stopped. */
export const PreviewedActionSchema = z.strictObject({
  stepIndex: z.number().int().nonnegative(),
  /** 'send': a request the page tried to make on a step that looked harmless (blocked, not sent). */
  kind: z.enum(['submit', 'delete', 'outbound', 'ask', 'send']),
  target: z.string().max(300),
  url: z.string().max(8192),
  /** The form data it would have sent, secret values already masked by the content script. */
  formData: z.array(z.strictObject({ name: z.string().max(200), value: z.string().max(2000) })).max(200),
  reasons: z.array(z.string().max(500)).max(10),
});
export type PreviewedAction = z.infer<typeof PreviewedActionSchema>;

/** The environment a run used, as it was when the run started (names are shown, ids are not). */
export const RunEnvironmentSchema = z.strictObject({
  id: z.string().max(64),
  name: z.string().max(60),
  production: z.boolean(),
});

export const RunSchema = z.strictObject({
  version: z.literal(1),
  taskId: z.string().max(128),
  taskTitle: z.string().max(200),
  state: RunState,
  pauseReason: PauseReason.optional(),
  /** A plain-words note for the person: why the run paused or failed and what to do. */
  message: z.string().max(500).optional(),
  /** Browser tab ids in task order: step.tab indexes this list. */
  tabs: z.array(z.number().int().nonnegative()).max(20),
  currentStep: z.number().int().nonnegative(),
  /** Values for the task's variables (secrets included: the record is encrypted, never shown). */
  values: RunValues,
  results: z.array(StepResultSchema).max(2000),
  batch: BatchSchema.optional(),
  /** While paused as ambiguous: the look-alikes (described for humans) the person picks from. */
  choice: z
    .strictObject({
      stepIndex: z.number().int().nonnegative(),
      reason: z.string().max(500),
      candidates: z.array(z.string().max(300)).max(10),
    })
    .optional(),
  environment: RunEnvironmentSchema.optional(),
  /** A dry run acts on nothing risky and never lets the tab send data; `preview` lists what it skipped. */
  dryRun: z.boolean().optional(),
  preview: z.array(PreviewedActionSchema).max(2000).optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
});
export type Run = z.infer<typeof RunSchema>;

export function isFinished(run: Run): boolean {
  return run.state === 'succeeded' || run.state === 'failed' || run.state === 'cancelled';
}
