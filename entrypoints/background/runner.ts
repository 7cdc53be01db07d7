/**
 * Replay, as the background drives it. Protocol for each step:
 * 1. navigate: refuse an origin that is not allow-listed, else load it and wait for the new
 *    document's content script to introduce itself.
 * 2. Any other step: route it to the frame it was recorded in (lib/run/frames.ts). A step that asks
 *    nobody (not "always ask", not a dry run) goes straight to 3: the content script acts only if the
 *    element it finds, right before its first event, is harmless (lib/risk), and otherwise answers
 *    `changed` (or `ambiguous`) having done nothing. Then, and for the other steps, `replay:inspect`:
 *    the content script finds the live target, classifies the action's risk and describes it, acting
 *    on nothing. Several look-alikes: the run asks the person which one, and the task heals.
 * 3. Risky (submit, delete, outbound) or marked "always ask": the run pauses, a confirmation window
 *    opens, and only the person's Approve in that window lets it go on. Deny or closing the window
 *    cancels the run. The approval is single-use and bound to the inspected digest.
 * 4. `replay:act` (with the approved digest, if any): the content script acts only on the element as
 *    inspected (same digest, checked right before acting); a changed page means ask again. It names
 *    the next step's target, which the frame looks up right after acting, while the run is saved.
 * 5. The run is saved (encrypted) after every step, so a worker restart resumes at the right step;
 *    a run waiting for approval asks again after a restart (approvals are never persisted). The next
 *    step acts only once it is stored, except within a row of steps that only set values on one page
 *    (lib/run/repeatable.ts), which a restart repeats to the same state.
 * 6. While a run drives a tab its sends are blocked unless approved (backstop.ts); a send blocked after
 *    its step's own window is reported before the next action or the run's end (late-sends.ts).
 */
import { browser } from 'wxt/browser';
import { randomId } from '@/lib/crypto/bytes';
import type { TargetDescriptor } from '@/lib/locators';
import type { ApprovalView, RunSummaryView, RunView } from '@/lib/messages';
import { isOriginAllowed, originOf } from '@/lib/origins';
import { checksStability } from '@/lib/replay/step-checks';
import { valuesUsedBy } from '@/lib/replay/variables';
import { err, ok, type Result } from '@/lib/result';
import { APPROVE_DELAY_MS, ApprovalQueue, type PendingApproval } from '@/lib/run/approvals';
import { matchFrame } from '@/lib/run/frames';
import { LATE_SEND_QUIET_MS, splitAtDispatch } from '@/lib/run/late-sends';
import {
  CIRCUIT_BREAKER_FAILURES,
  MAX_ACTIONS_PER_SECOND,
  MAX_RUNS_PER_HOUR,
  SlidingWindowLimit,
} from '@/lib/run/limits';
import { createPacedUpdates } from '@/lib/run/paced-updates';
import { ActReply, IdleReply, InspectReply, PickReply, SENDING_KINDS } from '@/lib/run/protocol';
import { mayActBeforeSaved } from '@/lib/run/repeatable';
import { createSaveQueue } from '@/lib/run/save-queue';
import { type Batch, isFinished, type PreviewedAction, type Run, RunSchema, type StepResult } from '@/lib/run/schema';
import { describeStep } from '@/lib/task/describe-step';
import { findEnvironment, mapUrl, originsFor, valuesFor } from '@/lib/task/environments';
import { type Step, type Task, TaskSchema } from '@/lib/task/schema';
import { readAllowList } from './allowlist';
import { NAVIGATION_TIMEOUT_MS, redirectedAwaySince, settle, waitForArrival } from './arrival';
import { captureFailureArtifact } from './artifacts';
import { audit, auditLine } from './audit';
import {
  type BlockedAttempt,
  blockedSince,
  holdWrites,
  networkStillSince,
  redirectsSince,
  releaseWrites,
  WEBSOCKET_METHOD,
  waitForNetworkQuiet,
  watchNetwork,
} from './backstop';
import { setBadge } from './badge';
import { documentCount, framesOf, hasConnectedTopFrame, topDocumentStartedAt, waitForFrames } from './connections';
import { ask, type FrameAddress, isTimedOut, sendToFrame } from './frame-messages';
import { bringToFront } from './front-tab';
import { lateAttempts, reportLateSends } from './late-sends';
import { saveTask } from './tasks';
import { beforeLock, onLock, requireSession } from './vault';

const STEP_TIMEOUT_MS = 10_000;
/** Tries per step: acting at once, then inspecting (and asking) again while the page keeps changing. */
const MAX_REINSPECTIONS = 4;
const CONFIRM_WINDOW = { width: 480, height: 620 };

export const approvals = new ApprovalQueue();
/** Per-origin caps (in memory: a worker restart starts them afresh, erring toward running). */
const actionsPerOrigin = new SlidingWindowLimit(MAX_ACTIONS_PER_SECOND, 1000);
const runsPerOrigin = new SlidingWindowLimit(MAX_RUNS_PER_HOUR, 60 * 60 * 1000);

/** Runs this worker is driving now; a run in storage but not here is resumed on demand. */
const driving = new Set<string>();
/** The driven runs as they stand, with their task (decrypted once per drive). */
interface LiveRun {
  run: Run;
  task: Task;
  /** Set by cancel or a closed tab, which save the final state themselves. */
  stopped: boolean;
  /** Set by the person's Pause, or by locking: the run stops before its next step. */
  pauseRequested?: 'user' | 'locked';
  /** Resolves once the drive stopped (whatever it stored last is the run's state). */
  ended: Promise<void>;
  /** Blocked sends from `since` on follow no step's own watch yet; `stepIndex` is the last step that acted. */
  sends: { since: number; stepIndex: number | null };
  /** Where the last step acted, and how many top documents the tab had had by then (see samePageAs). */
  lastAct?: { tabId: number; documents: number; frameId: number; documentId: string | null };
}
const live = new Map<string, LiveRun>();
/** Runs paused as ambiguous, waiting for the person's pick (null: stop waiting). In memory only. */
const picks = new Map<string, (index: number | null) => void>();
let latestRunId: string | null = null;

async function loadRun(runId: string): Promise<{ run: Run; task: Task } | null> {
  const session = await requireSession();
  if (!session.ok) return null;
  const run = await session.value.get('runs', runId, RunSchema);
  if (!run.ok) return null;
  const task = await session.value.get('tasks', run.value.taskId, TaskSchema);
  if (!task.ok) return null;
  return { run: run.value, task: task.value };
}

/** Each run's saves, one after another: each writes the run as it stands when its turn comes. */
const runSaves = createSaveQueue<Run>(async (runId, run) => {
  const session = await requireSession();
  if (!session.ok) throw new Error(session.error.message);
  // Its creation time is the run's start (coarsened the same way): no read of the stored row first.
  const stored = await session.value.putMany([
    { table: 'runs', schema: RunSchema, items: [{ id: runId, value: run, createdAt: run.startedAt }] },
  ]);
  if (!stored.ok) throw new Error(stored.error.message);
});

/** Stores the run as it stands; a failed write shows in the next `runSaved` (a step then stops the run). */
function saveRun(runId: string, run: Run): Promise<void> {
  return runSaves.save(runId, run).catch(() => undefined);
}

/**
 * Resolves once every save of the run asked for so far settled (one asked for soon starts now): true when
 * the run as it stands is stored.
 */
function runSaved(runId: string): Promise<boolean> {
  return runSaves.saved(runId);
}

const NOT_STORED =
  'Understudy could not store this run’s progress, so it stopped here rather than act with no record of what it did. Check that the browser has disk space, then run the task again.';

function toView(runId: string, run: Run, task: Task): RunView {
  return {
    runId,
    taskTitle: run.taskTitle,
    state: run.state,
    ...(run.pauseReason ? { pauseReason: run.pauseReason } : {}),
    ...(run.state === 'running' && live.get(runId)?.pauseRequested ? { pausing: true as const } : {}),
    ...(run.message ? { message: run.message } : {}),
    currentStep: run.currentStep,
    stepCount: task.steps.length,
    ...(run.choice ? { choice: { reason: run.choice.reason, candidates: run.choice.candidates } } : {}),
    ...(run.batch
      ? {
          batch: {
            row: run.batch.row + 1,
            total: run.batch.total,
            failed: run.batch.failedRows.length + (run.state === 'failed' ? 1 : 0),
            awaitingGoAhead: run.batch.awaitingGoAhead === true,
          },
        }
      : {}),
    ...(run.environment ? { environment: { name: run.environment.name, production: run.environment.production } } : {}),
    ...(run.dryRun ? { dryRun: true } : {}),
    ...(run.preview
      ? {
          preview: run.preview.map((action) => ({
            step: action.stepIndex + 1,
            kind: action.kind,
            target: action.target,
            url: action.url,
            formData: action.formData,
            reasons: action.reasons,
          })),
        }
      : {}),
    results: run.results.map((result, index) => {
      const step = task.steps[index];
      return {
        text: step ? describeStep(step) : 'Removed step',
        status: result.status,
        ...(result.via ? { via: result.via } : {}),
        ...(result.durationMs !== undefined ? { durationMs: Math.round(result.durationMs) } : {}),
        ...(result.error ? { error: result.error } : {}),
      };
    }),
  };
}

async function showProgress(run: Run, total: number): Promise<void> {
  const tabId = run.tabs[0];
  if (tabId === undefined) return;
  const text =
    run.state === 'running'
      ? `${Math.min(run.currentStep + 1, total)}/${total}`
      : run.state === 'paused'
        ? 'OK?'
        : run.state === 'succeeded'
          ? '✓'
          : run.state === 'failed'
            ? '!'
            : '';
  // A batch shows its row on the badge (the step is in the tooltip): "row n of m" is what matters.
  const rowText = run.batch && run.state === 'running' ? `${run.batch.row + 1}/${run.batch.total}` : null;
  const where = [
    run.environment ? `${run.environment.production ? 'PRODUCTION: ' : ''}${run.environment.name}` : null,
    run.dryRun ? 'dry run' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const title = `Understudy${where ? ` (${where})` : ''}${
    run.batch
      ? `: row ${run.batch.row + 1} of ${run.batch.total}, step ${Math.min(run.currentStep + 1, total)} of ${total}`
      : ''
  }`;
  // Production runs wear a colour of their own on the badge, so nobody mistakes them for a test.
  const color =
    run.state === 'failed' ? '#b42318' : run.environment?.production ? '#8a3c00' : run.dryRun ? '#5b4a9e' : '#0b5cad';
  await setBadge(tabId, {
    color,
    text: rowText && rowText.length <= 5 ? rowText : (rowText?.split('/')[0] ?? text),
    title,
  });
}

/** A running run's step shows on the badge at most every 100 ms: faster is unreadable and costs the worker. */
const stepProgress = createPacedUpdates(100);

export interface RunOptions {
  environmentId?: string;
  dryRun?: boolean;
}

export function startRun(
  taskId: string,
  tabId: number,
  values: Record<string, string>,
  options: RunOptions = {},
): Promise<Result<{ runId: string }, string>> {
  return createRun(taskId, tabId, values, options);
}

/** A data-driven run: the task once per row, in order; each row is a run of its own in history. */
export async function startBatch(
  taskId: string,
  tabId: number,
  rows: Record<string, string>[],
  onRowFailure: Batch['onRowFailure'],
  environmentId?: string,
): Promise<Result<{ runId: string }, string>> {
  const [first, ...remaining] = rows;
  if (!first) return err('no-rows', 'The file has no rows to run.');
  // Every row is checked before the first one runs: a bad row 17 should not stop a half-done batch.
  const task = await loadTask(taskId);
  if (!task.ok) return task;
  for (const [index, values] of rows.entries()) {
    const unknown = unknownVariable(task.value, values);
    if (unknown) return err('unknown-variable', `Row ${index + 1}: this task has no variable named ${unknown}.`);
  }
  const batch: Batch = { id: randomId(), row: 0, total: rows.length, remaining, onRowFailure, failedRows: [] };
  return createRun(taskId, tabId, first, environmentId ? { environmentId } : {}, batch);
}

async function loadTask(taskId: string): Promise<Result<Task, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  return session.value.get('tasks', taskId, TaskSchema);
}

function unknownVariable(task: Task, values: Record<string, string>): string | undefined {
  const known = new Set(task.variables.map((variable) => variable.name));
  return Object.keys(values).find((name) => !known.has(name));
}

async function createRun(
  taskId: string,
  tabId: number,
  values: Record<string, string>,
  options: RunOptions,
  batch?: Batch,
): Promise<Result<{ runId: string }, string>> {
  if (locking) return err('locked', LOCKING_MESSAGE);
  const session = await requireSession();
  if (!session.ok) return session;
  const task = await session.value.get('tasks', taskId, TaskSchema);
  if (!task.ok) return task;
  const environment = findEnvironment(task.value, options.environmentId);
  if (!environment.ok) return environment;
  // The environment's origins, not the recorded ones, are where the run acts: they must be allowed.
  const origins = originsFor(task.value, environment.value);
  const allowed = await readAllowList();
  const missing = origins.filter((origin) => !isOriginAllowed(origin, allowed));
  if (missing.length > 0) {
    return err('origin-not-allowed', `Allow ${missing.join(', ')} first: this task acts there.`);
  }
  const unknown = unknownVariable(task.value, values);
  if (unknown) return err('unknown-variable', `This task has no variable named ${unknown}.`);
  const now = Date.now();
  const busy = origins.find((origin) => runsPerOrigin.delayFor(origin, now) > 0);
  if (busy) {
    return err(
      'rate-limited',
      `Understudy already started ${MAX_RUNS_PER_HOUR} runs on ${busy} in the last hour. Try again later.`,
    );
  }
  for (const origin of origins) runsPerOrigin.note(origin, now);
  const filled = valuesFor(task.value, environment.value, values);
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return err('no-tab', 'The tab to run in is gone. Open the site and try again.');
  const run: Run = {
    version: 1,
    taskId,
    taskTitle: task.value.title,
    state: 'running',
    tabs: [tabId],
    currentStep: 0,
    values: filled,
    results: task.value.steps.map((step) => ({ stepId: step.id, status: 'pending' })),
    startedAt: Date.now(),
    ...(batch ? { batch } : {}),
    ...(environment.value
      ? {
          environment: {
            id: environment.value.id,
            name: environment.value.name,
            production: environment.value.production,
          },
        }
      : {}),
    ...(options.dryRun ? { dryRun: true, preview: [] } : {}),
  };
  const runId = randomId();
  const saved = await session.value.put('runs', runId, run, RunSchema);
  if (!saved.ok) return saved;
  latestRunId = runId;
  // Logged without waiting: the log keeps its own order and must not slow the run.
  const notes = [
    run.dryRun ? 'dry run' : null,
    run.environment ? `in ${run.environment.name}` : null,
    batch ? `row ${batch.row + 1} of ${batch.total}` : null,
  ].filter(Boolean);
  void audit('run-start', `Run of “${run.taskTitle}” started${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
  void drive(runId);
  return ok({ runId });
}

/**
 * A batch row finished: start the next row unless the person cancelled, the tab is gone, or a row
 * failed and the batch was set to stop. The finished run hands the remaining rows on. On a
 * production environment the first row runs alone until the person says go on (`goAhead`).
 */
async function startNextRow(runId: string, finished: Run, goAhead = false): Promise<void> {
  const batch = finished.batch;
  if (!batch || batch.remaining.length === 0 || finished.state === 'cancelled') return;
  const failedRows = finished.state === 'failed' ? [...batch.failedRows, batch.row] : batch.failedRows;
  const [values, ...remaining] = batch.remaining;
  const tabId = finished.tabs[0];
  const tabOpen = tabId !== undefined && (await browser.tabs.get(tabId).catch(() => null)) !== null;
  const failedInARow = consecutiveFailedRows(failedRows, batch.row);
  const tripped = finished.state === 'failed' && failedInARow >= CIRCUIT_BREAKER_FAILURES;
  const stop = !values || !tabOpen || tripped || (finished.state === 'failed' && batch.onRowFailure === 'stop');
  if (stop) {
    if (tripped) {
      finished.message =
        `${finished.message ?? ''} ${failedInARow} rows in a row failed, so the batch stopped at row ${batch.row + 1} of ${batch.total} (circuit breaker).`
          .trim()
          .slice(0, 500);
      await saveRun(runId, finished);
    } else if (finished.state === 'failed') {
      finished.message = `${finished.message ?? 'A row failed.'} The batch stopped at row ${batch.row + 1} of ${batch.total}.`;
      finished.message = finished.message.slice(0, 500);
      await saveRun(runId, finished);
    }
    return;
  }
  if (finished.environment?.production && batch.row === 0 && !goAhead) {
    batch.awaitingGoAhead = true;
    finished.message = `${finished.message ?? ''} ${GO_AHEAD_NOTE(finished.environment.name, batch.total)}`
      .trim()
      .slice(0, 500);
    await saveRun(runId, finished);
    return;
  }
  delete batch.awaitingGoAhead;
  finished.batch = { ...batch, remaining: [] };
  await saveRun(runId, finished);
  const started = await createRun(
    finished.taskId,
    tabId,
    values,
    finished.environment ? { environmentId: finished.environment.id } : {},
    { ...batch, row: batch.row + 1, remaining, failedRows },
  );
  if (!started.ok) {
    finished.message = `The batch stopped before row ${batch.row + 2}: ${started.error.message}`.slice(0, 500);
    await saveRun(runId, finished);
  }
}

const GO_AHEAD_NOTE = (environment: string, total: number) =>
  `Row 1 of ${total} ran on ${environment} (production). Check it, then continue with the other ${total - 1} rows.`;

/** The person checked a production batch's first row: run the rest. */
export async function continueBatch(runId: string): Promise<Result<{ runId: string }, string>> {
  const loaded = await loadRun(runId);
  const { run } = loaded ?? {};
  if (!run?.batch?.awaitingGoAhead || !run.environment) {
    return err('not-waiting', 'This batch is not waiting for you to continue.');
  }
  const note = GO_AHEAD_NOTE(run.environment.name, run.batch.total);
  const message = run.message?.replace(note, '').trim();
  if (message) run.message = message;
  else delete run.message;
  void audit('approved', `Continued the batch of “${run.taskTitle}” on ${run.environment.name} after row 1`);
  await startNextRow(runId, run, true);
  return ok({ runId });
}

export async function runStatus(): Promise<RunView | null> {
  const runId = latestRunId ?? (await findLatestRunId());
  if (!runId) return null;
  // A run being driven is answered from memory: polling must not decrypt the task every time.
  const loaded = live.get(runId) ?? (await loadRun(runId));
  return loaded ? toView(runId, loaded.run, loaded.task) : null;
}

/** How many runs the history lists (newest first); older ones stay stored until retention. */
const HISTORY_LIMIT = 200;

export async function runHistory(): Promise<Result<RunSummaryView[], string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const listed = await session.value.list('runs', RunSchema);
  if (!listed.ok) return listed;
  const runs = listed.value.items
    .sort((left, right) => right.value.startedAt - left.value.startedAt)
    .slice(0, HISTORY_LIMIT);
  return ok(
    runs.map(({ id, value: run }) => ({
      runId: id,
      taskId: run.taskId,
      taskTitle: run.taskTitle,
      state: run.state,
      startedAt: run.startedAt,
      ...(run.finishedAt !== undefined ? { finishedAt: run.finishedAt } : {}),
      stepCount: run.results.length,
      doneCount: run.results.filter((result) => result.status === 'done').length,
      ...(run.message ? { message: run.message } : {}),
      ...(run.batch ? { batch: { row: run.batch.row + 1, total: run.batch.total } } : {}),
      ...(run.environment
        ? { environment: { name: run.environment.name, production: run.environment.production } }
        : {}),
      ...(run.dryRun ? { dryRun: true } : {}),
    })),
  );
}

export async function runDetails(runId: string): Promise<Result<RunView, string>> {
  const loaded = await loadRun(runId);
  return loaded ? ok(toView(runId, loaded.run, loaded.task)) : err('not-found', 'That run is no longer stored.');
}

async function findLatestRunId(): Promise<string | null> {
  const session = await requireSession();
  if (!session.ok) return null;
  const listed = await session.value.list('runs', RunSchema);
  if (!listed.ok) return null;
  const latest = listed.value.items.sort((left, right) => right.value.startedAt - left.value.startedAt)[0];
  latestRunId = latest?.id ?? null;
  return latestRunId;
}

export async function cancelRun(runId: string): Promise<RunView | null> {
  const driven = live.get(runId);
  if (driven) {
    driven.stopped = true;
    // A step still waiting for its target stops before acting: nothing acts for a cancelled run.
    abortActs(driven.run);
  }
  const loaded = driven ?? (await loadRun(runId));
  if (!loaded) return null;
  if (!isFinished(loaded.run)) {
    for (const approval of approvals.list()) if (approval.runId === runId) approvals.settle(approval.id, false);
    picks.get(runId)?.(null);
    delete loaded.run.choice;
    loaded.run.state = 'cancelled';
    loaded.run.message = 'You cancelled the run.';
    await unguardTabs(loaded.run);
    loaded.run.finishedAt = Date.now();
    await saveRun(runId, loaded.run);
    await showProgress(loaded.run, loaded.task.steps.length);
  }
  return toView(runId, loaded.run, loaded.task);
}

/**
 * The person's Pause: the step in progress finishes, then the run stops before the next one (a
 * step is never cut in half). A run waiting for an approval or a pick is already waiting.
 */
export async function pauseRun(runId: string): Promise<Result<RunView, string>> {
  const driven = live.get(runId);
  if (driven?.run.state !== 'running') return err('not-running', 'This run is not running, so it cannot pause.');
  driven.pauseRequested = 'user';
  return ok(toView(runId, driven.run, driven.task));
}

/** Goes on with a run the person paused (or locking paused), from the step it stopped before. */
export async function resumeRun(runId: string): Promise<Result<RunView, string>> {
  if (driving.has(runId)) return err('not-paused', 'This run is still finishing its step; try again in a moment.');
  if (locking) return err('locked', LOCKING_MESSAGE);
  const loaded = await loadRun(runId);
  if (loaded?.run.state !== 'paused' || (loaded.run.pauseReason !== 'user' && loaded.run.pauseReason !== 'locked')) {
    return err('not-paused', 'This run is not paused.');
  }
  loaded.run.state = 'running';
  delete loaded.run.pauseReason;
  delete loaded.run.message;
  await saveRun(runId, loaded.run);
  latestRunId = runId;
  void drive(runId);
  return ok(toView(runId, loaded.run, loaded.task));
}

/** The person chose which look-alike a paused step means; the run heals the task and goes on. */
export async function pickCandidate(runId: string, index: number): Promise<Result<RunView, string>> {
  const loaded = await loadRun(runId);
  const resolve = picks.get(runId);
  if (!loaded || !resolve || !loaded.run.choice) {
    return err('not-waiting', 'This run is not waiting for you to pick an element.');
  }
  if (index >= loaded.run.choice.candidates.length) return err('invalid-pick', 'There is no such element to pick.');
  resolve(index);
  return ok(toView(runId, loaded.run, loaded.task));
}

/** After a worker restart: carry on with runs that were running or waiting for the person. */
export async function resumeInterruptedRuns(): Promise<void> {
  const session = await requireSession();
  if (!session.ok) return;
  const listed = await session.value.list('runs', RunSchema);
  if (!listed.ok) return;
  for (const item of listed.value.items) {
    const run = item.value;
    if (run.state === 'running' || (run.state === 'paused' && isWaitingForPerson(run))) {
      latestRunId = item.id;
      void drive(item.id);
    }
  }
}

/** Paused for something a restarted worker asks again (an approval, a pick), not by the person. */
function environmentOf(run: Run, task: Task) {
  const id = run.environment?.id;
  return id ? (task.environments?.find((environment) => environment.id === id) ?? null) : null;
}

function notePreview(
  run: Run,
  stepIndex: number,
  kind: PreviewedAction['kind'],
  inspected: Extract<InspectReply, { status: 'found' }>,
): void {
  run.preview = [
    ...(run.preview ?? []),
    {
      stepIndex,
      kind,
      target: inspected.target,
      url: inspected.url,
      formData: inspected.formData,
      reasons: inspected.reasons,
    },
  ];
}

function previewSummary(run: Run): string {
  const count = run.preview?.length ?? 0;
  return `${count === 0 ? 'No' : count} risky action${count === 1 ? '' : 's'} skipped; nothing was sent.`;
}

function isWaitingForPerson(run: Run): boolean {
  return run.pauseReason === 'approval' || run.pauseReason === 'ambiguous';
}

type StepOutcome =
  /** `halt`: the step acted, and the run stops after it with this message. */
  | { status: 'done'; via?: string; confidence?: number; approved?: boolean; halt?: string }
  /** A dry run reached a step it must not do, noted it in run.preview and moved on. */
  | { status: 'previewed' }
  | { status: 'failed'; message: string }
  | { status: 'denied' };

async function drive(runId: string): Promise<void> {
  if (driving.has(runId)) return;
  driving.add(runId);
  let ended: (() => void) | undefined;
  try {
    // Decrypted once per drive: re-reading the task around every step cost more than the step.
    const loaded = await loadRun(runId);
    if (!loaded || isFinished(loaded.run)) return;
    const entry: LiveRun = {
      run: loaded.run,
      task: loaded.task,
      stopped: false,
      sends: { since: Date.now(), stepIndex: null },
      ended: new Promise((resolve) => {
        ended = resolve;
      }),
    };
    live.set(runId, entry);
    const { run, task } = entry;
    const guarded = await Promise.all(run.tabs.map(guardTab));
    if (guarded.includes(false)) {
      // Fail closed: without its network guard a run could send what nobody approved.
      run.state = 'failed';
      run.message = GUARD_FAILED;
      run.finishedAt = Date.now();
      await finishRun(runId, run, task);
      return;
    }
    for (;;) {
      if (entry.stopped) return; // cancelled or its tab closed: that path saved the final state
      // Driven since locking began (a batch's next row, a resume): it pauses before acting.
      if (locking) entry.pauseRequested = 'locked';
      if (entry.pauseRequested && run.currentStep < task.steps.length) {
        run.state = 'paused';
        run.pauseReason = entry.pauseRequested;
        run.message = pausedMessage(entry.pauseRequested, run.currentStep, task.steps.length);
        await saveRun(runId, run);
        await showProgress(run, task.steps.length);
        return;
      }
      if (run.state === 'paused' && !isWaitingForPerson(run)) return;
      if (run.currentStep >= task.steps.length) {
        // The guard is lifted when the run ends: a send the page put off until after the last step
        // would then go out unapproved. Wait for the tab to be quiet, and report one it tried.
        await Promise.all(run.tabs.map((tabId) => waitForEndQuiet(tabId, entry.sends.since)));
        if (entry.stopped || isFinished(run)) return;
        const late = lateAttempts(run, entry.sends.since);
        if (late.length > 0) {
          run.message = await reportLateSends(run, task, entry.sends.stepIndex, late, null);
          run.state = run.dryRun ? 'succeeded' : 'failed';
          run.finishedAt = Date.now();
          delete run.pauseReason;
          await finishRun(runId, run, task);
          return;
        }
        run.state = 'succeeded';
        run.message = run.dryRun
          ? `Dry run done: all ${task.steps.length} steps checked. ${previewSummary(run)}`
          : `Done: all ${task.steps.length} steps ran.`;
        run.finishedAt = Date.now();
        delete run.pauseReason;
        await finishRun(runId, run, task);
        return;
      }
      run.state = 'running';
      delete run.pauseReason;
      delete run.message;
      stepProgress.request(runId, () => void showProgress(run, task.steps.length));
      const index = run.currentStep;
      const step = task.steps[index] as Step;
      const started = Date.now();
      const outcome = await runStep(runId, run, task, step, index);
      // The person may have cancelled (or closed the tab) while this step ran.
      if (entry.stopped || isFinished(run)) return;
      const current = run;
      const result: StepResult = {
        stepId: step.id,
        status: 'done',
        startedAt: started,
        durationMs: Date.now() - started,
      };
      if (outcome.status === 'done') {
        if (outcome.via) result.via = outcome.via;
        if (outcome.confidence !== undefined) result.confidence = outcome.confidence;
        if (outcome.approved) result.approved = true;
        current.results[index] = result;
        current.currentStep = index + 1;
        current.state = 'running';
        delete current.pauseReason;
        if (outcome.halt) {
          current.state = current.dryRun ? 'succeeded' : 'failed';
          current.message = outcome.halt;
          current.finishedAt = Date.now();
        }
      } else if (outcome.status === 'previewed') {
        current.results[index] = { ...result, status: 'skipped', via: 'dry-run' };
        current.currentStep = index + 1;
      } else if (outcome.status === 'denied') {
        current.results[index] = { ...result, status: 'skipped', approved: false };
        current.state = 'cancelled';
        current.message = 'You did not approve a step, so the run stopped before it. Nothing was sent.';
        current.finishedAt = Date.now();
      } else if (step.optional && skippedInARow(current, index) + 1 < CIRCUIT_BREAKER_FAILURES) {
        current.results[index] = { ...result, status: 'skipped', error: outcome.message };
        current.currentStep = index + 1;
      } else if (step.optional) {
        current.results[index] = { ...result, status: 'failed', error: outcome.message };
        current.state = 'failed';
        current.message =
          `${CIRCUIT_BREAKER_FAILURES} optional steps in a row failed, so the run stopped (circuit breaker). Last: ${outcome.message}`.slice(
            0,
            500,
          );
        current.finishedAt = Date.now();
      } else if (current.dryRun && current.preview?.length) {
        // Steps after a skipped action often need its result (the page it would have led to): the
        // preview stops here, which is what a dry run is for, not a failure of the task.
        const skipped = (current.preview.at(-1) as PreviewedAction).stepIndex + 1;
        current.results[index] = { ...result, status: 'failed', error: outcome.message };
        current.state = 'succeeded';
        current.message =
          `Dry run stopped at step ${index + 1}: it seems to need what step ${skipped} would have done, which a dry run does not do. ${previewSummary(current)}`.slice(
            0,
            500,
          );
        current.finishedAt = Date.now();
      } else {
        current.results[index] = { ...result, status: 'failed', error: outcome.message };
        current.state = 'failed';
        current.message = outcome.message;
        current.finishedAt = Date.now();
      }
      const logged = current.results[index];
      if (logged) auditLine('step', `Step ${index + 1} (${describeStep(step)}): ${logged.status}`);
      // A screenshot and excerpt of what the page showed instead (never throws, never waited for).
      if (logged?.status === 'failed') void captureFailureArtifact(runId, current, task, index);
      if (isFinished(current)) {
        await finishRun(runId, current, task);
        return;
      }
      // Sealed and stored once the next step's action is on its way, which waits for it unless a restart
      // could repeat what it holds without effect (lib/run/repeatable.ts).
      runSaves.saveSoon(runId, current);
    }
  } finally {
    void runSaved(runId); // a save asked for soon starts now (a step that ended the drive asked for none)
    // What the badge shows now was set by whatever stopped the run (showProgress): nothing older follows.
    stepProgress.forget(runId);
    driving.delete(runId);
    live.delete(runId);
    ended?.();
  }
}

/**
 * How long a tab's network must stay quiet before the run asks its page whether it is idle: long enough for the
 * page's immediate reaction to the last step (its tasks, a frame, the effects a UI library runs after paint).
 */
const IDLE_END_QUIET_MS = 50;
/** How long the page has to answer whether it is idle; no answer counts as busy. */
const IDLE_ANSWER_MS = 1000;

/**
 * Before a run ends and lifts the tab's guard: waits until its network has been quiet for LATE_SEND_QUIET_MS
 * since the last step, or only IDLE_END_QUIET_MS when the page then says nothing it scheduled is due within that
 * window (lib/replay/page-schedule.ts). A page that says idle falsely only gets its send out as one that waits
 * a moment longer would: the guard never holds past the run anyway.
 */
async function waitForEndQuiet(tabId: number, since: number): Promise<void> {
  const deadline = Date.now() + SEND_QUIET_MAX_MS;
  await waitForNetworkQuiet(tabId, IDLE_END_QUIET_MS, SEND_QUIET_MAX_MS, since);
  const askedAt = Date.now();
  // Asked only once nothing is in flight (the first wait may have ended at its bound), and believed only
  // when no request event came while the page answered.
  const quiet = () => networkStillSince(tabId, askedAt);
  if (networkStillSince(tabId, askedAt + 1) && (await pageIsIdle(tabId)) && quiet()) return;
  await waitForNetworkQuiet(tabId, LATE_SEND_QUIET_MS, Math.max(0, deadline - Date.now()), since);
}

/** The tab's one frame (its top page, no iframe known) answers that it is idle; anything else is busy. */
async function pageIsIdle(tabId: number): Promise<boolean> {
  const frames = framesOf(tabId);
  const top = frames[0];
  if (frames.length !== 1 || top?.frameId !== 0) return false;
  // No answer in time, a page gone meanwhile or an answer out of protocol: wait as for any page.
  const reply = await ask(tabId, top, { type: 'replay:idle' }, IdleReply, IDLE_ANSWER_MS);
  return reply !== null && !isTimedOut(reply) && reply.idle;
}

/** Tells every frame of the run's tabs to stop an act still under way (see `replay:abort`). */
function abortActs(run: Run): void {
  for (const tabId of run.tabs) {
    for (const { frameId, documentId, origin } of framesOf(tabId)) {
      void sendToFrame(tabId, { frameId, documentId, origin }, { type: 'replay:abort' }).catch(() => undefined);
    }
  }
}

function pausedMessage(reason: 'user' | 'locked', index: number, total: number): string {
  const where = `before step ${index + 1} of ${total}`;
  return reason === 'locked'
    ? `Understudy was locked, so the run paused ${where}. Unlock, then resume to go on from there.`
    : `Paused ${where}. Resume to go on from there.`;
}

/** How long locking lets a run's step under way finish (the lock itself waits at most 1 s for its work). */
const LOCK_STEP_WAIT_MS = 600;
/** Set while Understudy locks (from its first step until the keys are gone): no run starts or goes on. */
let locking = false;
const LOCKING_MESSAGE = 'Understudy is locking. Unlock it, then start or resume the run.';

/**
 * Locking pauses every run this worker drives, stored while the keys are still there: after the step under
 * way when it ends within LOCK_STEP_WAIT_MS, else before it (that step runs again on Resume). Nothing acts
 * for a locked Understudy, and no run goes on unsaved to be picked up again by a restart later.
 */
async function pauseRunsForLock(): Promise<void> {
  locking = true;
  await Promise.all(
    [...live].map(async ([runId, entry]) => {
      if (entry.stopped || isFinished(entry.run)) return;
      entry.pauseRequested = 'locked';
      if (!isWaitingForPerson(entry.run)) {
        const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), LOCK_STEP_WAIT_MS));
        if (await Promise.race([entry.ended.then(() => true), timer])) return;
      }
      if (entry.stopped || isFinished(entry.run)) return;
      // The drive returns when its step ends, storing nothing more (the keys are gone by then); the step
      // sends no further action (a step still waiting for its target stops at once).
      entry.stopped = true;
      abortActs(entry.run);
      const { run, task } = entry;
      delete run.choice;
      const waiting = isWaitingForPerson(run);
      run.state = 'paused';
      run.pauseReason = 'locked';
      run.message = waiting
        ? pausedMessage('locked', run.currentStep, task.steps.length)
        : `Understudy was locked while step ${Math.min(run.currentStep + 1, task.steps.length)} of ${task.steps.length} was under way, so the run paused there: that step runs again when you resume. Check the page first.`;
      await saveRun(runId, run);
      await showProgress(run, task.steps.length);
    }),
  );
}

/** No new page since the last step acted: the same tab, no new top document, its frame's document still there. */
function samePageAs(last: NonNullable<LiveRun['lastAct']>, tabId: number): boolean {
  if (last.tabId !== tabId || documentCount(tabId) !== last.documents) return false;
  const frame = framesOf(tabId).find((known) => known.frameId === last.frameId);
  return frame !== undefined && frame.documentId === last.documentId;
}

/** The task's secret variables, whose values are masked in what a frame describes. */
function secretNamesOf(task: Task): string[] {
  return task.variables.filter((variable) => variable.secret).map((variable) => variable.name);
}

/**
 * The target of the step after `index` when it acts in the same tab and frame as that step, and whether
 * that step checks its target's box stands still (see `replay:act`).
 */
function nextTargetInFrame(task: Task, index: number): NextTarget | null {
  const step = task.steps[index] as Step;
  const next = task.steps[index + 1];
  if (!next || !('target' in next) || !next.target || next.tab !== step.tab) return null;
  if (JSON.stringify(next.frame) !== JSON.stringify(step.frame)) return null;
  return { target: next.target, sight: checksStability(next.kind) };
}

interface NextTarget {
  target: TargetDescriptor;
  sight: boolean;
}

/** How many steps right before `index` were skipped because they failed. */
function skippedInARow(run: Run, index: number): number {
  let count = 0;
  for (let at = index - 1; at >= 0 && run.results[at]?.status === 'skipped' && run.results[at]?.error; at--) count++;
  return count;
}

/** How many rows up to and including `row` failed one after another. */
function consecutiveFailedRows(failedRows: readonly number[], row: number): number {
  const failed = new Set(failedRows);
  let count = 0;
  for (let index = row; index >= 0 && failed.has(index); index--) count++;
  return count;
}

const GUARD_FAILED =
  'Understudy could not set up its guard against unapproved sends in this tab, so it did not run. Reload the extension and try again.';

/** Blocks the tab's unapproved sends for as long as the run drives it (see backstop.ts); false if it could not. */
async function guardTab(tabId: number): Promise<boolean> {
  return holdWrites(tabId).then(
    () => true,
    () => false,
  );
}

async function unguardTabs(run: Run): Promise<void> {
  await Promise.all(run.tabs.map((tabId) => releaseWrites(tabId).catch(() => undefined)));
}

async function finishRun(runId: string, run: Run, task: Task): Promise<void> {
  await unguardTabs(run);
  void audit('run-end', `Run of “${run.taskTitle}” ${run.state}${run.message ? `: ${run.message}` : ''}`);
  // The last row of a batch sums the batch up.
  if (run.batch && run.batch.remaining.length === 0 && run.batch.row === run.batch.total - 1) {
    const failed = run.batch.failedRows.length + (run.state === 'failed' ? 1 : 0);
    const summary = `Batch done: ${run.batch.total} rows, ${failed === 0 ? 'none' : failed} failed.`;
    if (run.state === 'succeeded') run.message = summary;
    else if (run.state === 'failed') run.message = `${run.message ?? ''} ${summary}`.trim().slice(0, 500);
  }
  await saveRun(runId, run);
  await showProgress(run, task.steps.length);
  await startNextRow(runId, run);
}

async function tabFor(run: Run, step: Step): Promise<number | null> {
  const known = run.tabs[step.tab];
  if (known !== undefined) return known;
  // A tab the page opened during the previous step: wait for it to appear.
  const found = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      browser.tabs.onCreated.removeListener(listener);
      resolve(null);
    }, NAVIGATION_TIMEOUT_MS);
    const listener = (tab: { id?: number; openerTabId?: number }) => {
      if (tab.id === undefined || tab.openerTabId === undefined || !run.tabs.includes(tab.openerTabId)) return;
      clearTimeout(timer);
      browser.tabs.onCreated.removeListener(listener);
      resolve(tab.id);
    };
    browser.tabs.onCreated.addListener(listener);
    // It may already exist.
    void browser.tabs.query({}).then((tabs) => {
      const opened = tabs.find(
        (tab) =>
          tab.openerTabId !== undefined && run.tabs.includes(tab.openerTabId) && !run.tabs.includes(tab.id ?? -1),
      );
      if (opened?.id !== undefined) listener(opened);
    });
  });
  if (found === null) return null;
  run.tabs[step.tab] = found;
  // Never act in a tab whose sends are not held (see drive).
  return (await guardTab(found)) ? found : null;
}

/** A restarted worker knows no frames: the tab's content scripts (every frame) say hello again. */
function askFramesToReintroduce(tabId: number): void {
  if (hasConnectedTopFrame(tabId)) return;
  void browser.tabs.sendMessage(tabId, { type: 'content:reintroduce' }).catch(() => undefined);
}

/** The run stopped being driven (cancelled, its tab closed, paused by locking): no step may act for it. */
function stoppedDriving(runId: string): boolean {
  return live.get(runId)?.stopped !== false;
}

const STOPPED: StepOutcome = { status: 'failed', message: 'The run stopped.' };

async function runStep(runId: string, run: Run, task: Task, step: Step, index: number): Promise<StepOutcome> {
  const tabId = await tabFor(run, step);
  if (tabId === null) return { status: 'failed', message: 'The tab this step acts in never opened.' };
  const timeoutMs = step.timeoutMs ?? STEP_TIMEOUT_MS;

  const environment = environmentOf(run, task);
  if (step.kind === 'navigate') {
    const url = mapUrl(step.url, environment);
    const origin = originOf(url);
    if (!origin || !isOriginAllowed(origin, await readAllowList())) {
      return {
        status: 'failed',
        message: `Understudy stopped before going to ${origin ?? url}: it isn't on your allowed sites list.`,
      };
    }
    // The page that was there may still be introducing itself; only a document that started after
    // this request is the one navigated to (documents report their performance.timeOrigin).
    if (!(await runSaved(runId))) return { status: 'failed', message: NOT_STORED };
    // Leaving the page ends what it was about to send; one it already tried belongs to the last step.
    const sends = live.get(runId)?.sends;
    const late = sends ? lateAttempts(run, sends.since) : [];
    if (sends && late.length > 0) {
      return { status: 'failed', message: await reportLateSends(run, task, sends.stepIndex, late, index) };
    }
    const requestedAt = Date.now();
    if (stoppedDriving(runId)) return STOPPED;
    await browser.tabs.update(tabId, { url });
    const arrival = await waitForArrival(
      tabId,
      () => (topDocumentStartedAt(tabId) ?? 0) >= requestedAt,
      requestedAt,
      NAVIGATION_TIMEOUT_MS,
    );
    if (arrival === 'elsewhere')
      return { status: 'failed', message: await whyNoFrame(tabId, index, step, requestedAt) };
    return arrival === 'arrived'
      ? { status: 'done' }
      : { status: 'failed', message: `The page ${url} did not load within 30 s.` };
  }
  if (step.kind === 'waitForUrl') {
    const url = mapUrl(step.url, environment);
    const reached = await waitForFrames(() => null, 0);
    const tab = await browser.tabs.get(tabId);
    return tab.url?.includes(url) || reached
      ? { status: 'done' }
      : { status: 'failed', message: `The address never became ${url}.` };
  }

  // Act in the tab the person can see: they can watch, and hidden tabs pause animation frames,
  // which the actionability checks wait on (so they wait for this too; nothing else needs to).
  bringToFront(tabId);
  // An allowed site redirected the tab off the allowed sites and nothing allowed loaded since: no
  // page there will ever answer, so say so now rather than after the step's timeout.
  if (await redirectedAwaySince(tabId, run.startedAt)) {
    return { status: 'failed', message: await whyNoFrame(tabId, index, step, run.startedAt) };
  }
  askFramesToReintroduce(tabId);
  let pickedByPerson = false;
  for (let attempt = 0; attempt < MAX_REINSPECTIONS; attempt++) {
    const frame = await waitForFrames(() => {
      const frames = framesOf(tabId);
      const match = matchFrame(frames, step.frame);
      if (match.status !== 'found') return null;
      const origin = frames.find((known) => known.frameId === match.frameId)?.origin ?? '';
      return { frameId: match.frameId, documentId: match.documentId, origin };
    }, timeoutMs);
    if (frame === null) return { status: 'failed', message: await whyNoFrame(tabId, index, step, run.startedAt) };
    // A step that asks nobody acts at once: the frame acts only if what it finds is harmless (see
    // `replay:act`), and answers `changed` (risky after all) or `ambiguous` otherwise, and then the
    // step is inspected and asked about as below. A dry run and a step that always asks inspect first.
    const actFirst = attempt === 0 && !run.dryRun && !step.alwaysAsk;
    let inspected: Extract<InspectReply, { status: 'found' }> | null = null;
    let digest: string | null = null;
    if (!actFirst) {
      const reply = await ask(
        tabId,
        frame,
        { type: 'replay:inspect', step, values: run.values, secretNames: secretNamesOf(task), timeoutMs },
        InspectReply,
      );
      if (isTimedOut(reply)) return { status: 'failed', message: NO_ANSWER };
      if (!reply) continue; // The document went away while inspecting: look again on the new one.
      if (reply.status === 'ambiguous') {
        const healed = await askWhichOne(runId, run, task, step, index, reply, tabId, frame);
        if (healed === 'stopped') return { status: 'denied' };
        if (healed === 'healed') pickedByPerson = true;
        continue; // Inspect again: the healed step now points at the picked element.
      }
      if (reply.status !== 'found') return { status: 'failed', message: stepFailure(index, step, reply.reason) };
      inspected = reply;
    }

    if (inspected && (inspected.risk !== 'none' || step.alwaysAsk) && run.dryRun) {
      notePreview(run, index, inspected.risk === 'none' ? 'ask' : inspected.risk, inspected);
      await sendToFrame(tabId, frame, { type: 'replay:clear-highlight' }).catch(() => undefined);
      return { status: 'previewed' };
    }
    if (inspected && (inspected.risk !== 'none' || step.alwaysAsk)) {
      // A frame that would ask always digests; one that did not answered out of protocol.
      if (inspected.digest === null) return { status: 'failed', message: NO_ANSWER };
      const decision = await pauseForApproval(
        runId,
        run,
        task,
        index,
        { ...inspected, digest: inspected.digest },
        tabId,
        frame,
      );
      if (!decision.approved) return { status: 'denied' };
      digest = decision.digest;
    }

    // The run as it stood after the previous step is stored before this one acts: a restart repeats
    // at most the step in flight, and before it only steps whose repeat changes nothing.
    const driven = live.get(runId);
    const samePage = driven?.lastAct !== undefined && samePageAs(driven.lastAct, tabId);
    if (!mayActBeforeSaved(task.steps, run.results, index, samePage) && !(await runSaved(runId))) {
      return { status: 'failed', message: NOT_STORED };
    }
    if (driven) {
      driven.lastAct = { tabId, documents: documentCount(tabId), frameId: frame.frameId, documentId: frame.documentId };
    }
    const sends = driven?.sends ?? { since: run.startedAt, stepIndex: null };
    const stopped = () => stoppedDriving(runId);
    let acted = await actWithBackstop(
      tabId,
      frame,
      step,
      index,
      run,
      sends,
      stopped,
      timeoutMs,
      digest,
      nextTargetInFrame(task, index),
    );
    if (acted.status === 'late') return lateOutcome(run, task, index, acted, digest);
    // Acted first, found several look-alikes: inspect, which shows them and asks which one.
    if (acted.status === 'ambiguous' && !inspected) continue;
    if (acted.status === 'blocked' && run.dryRun) {
      // A dry run always inspects first (actFirst above), so there is a target to describe.
      if (!inspected) return { status: 'failed', message: stepFailure(index, step, BLOCKED_NO_RETRY) };
      // The step looked harmless but the page tried to send: blocked (a dry run never sends), noted.
      notePreview(run, index, 'send', blockedPreview(inspected, acted));
      return { status: 'previewed' };
    }
    if (acted.status === 'blocked') {
      // A script tried to send something the DOM did not show: nothing left the tab. Ask now,
      // repeat the step with sending allowed if approved, and ask up front on later runs. The page
      // may have reacted to its failed send (an error message): the approval is bound to the page
      // as it is now, which is what the repeated step must find.
      const now = await ask(
        tabId,
        frame,
        {
          type: 'replay:inspect',
          step,
          values: run.values,
          secretNames: secretNamesOf(task),
          timeoutMs,
          settleMs: PAGE_SETTLE_MS,
          withDigest: true,
        },
        InspectReply,
      );
      const basis = now && !isTimedOut(now) && now.status === 'found' ? now : inspected;
      if (!basis || basis.digest === null) {
        // Nothing on the page now to bind an approval to: the next run asks before acting.
        step.alwaysAsk = true;
        await saveTask(task, run.taskId);
        return { status: 'failed', message: stepFailure(index, step, BLOCKED_NO_RETRY) };
      }
      const decision = await pauseForApproval(
        runId,
        run,
        task,
        index,
        { ...blockedPreview(basis, acted), digest: basis.digest },
        tabId,
        frame,
      );
      if (!decision.approved) return { status: 'denied' };
      digest = decision.digest;
      step.alwaysAsk = true;
      await saveTask(task, run.taskId);
      // A page whose request failed may not let the action happen again (a button left disabled):
      // a short try, then a plain failure; the next run asks before acting and goes through.
      acted = await actWithBackstop(
        tabId,
        frame,
        step,
        index,
        run,
        sends,
        stopped,
        Math.min(timeoutMs, RETRY_AFTER_BLOCK_MS),
        digest,
      );
      if (acted.status === 'late') return lateOutcome(run, task, index, acted, digest);
      // Changed again since the approval: ask again about the page as it is (the step asks first now).
      if (acted.status === 'changed') continue;
      if (acted.status !== 'done' && acted.status !== 'navigated') {
        return { status: 'failed', message: stepFailure(index, step, BLOCKED_NO_RETRY) };
      }
    }
    if (acted.status === 'timed-out') return { status: 'failed', message: NO_ANSWER };
    if (acted.status === 'navigated')
      return { status: 'done', via: 'navigation', ...(digest ? { approved: true } : {}) };
    if (acted.status === 'changed') continue;
    if (acted.status !== 'done') return { status: 'failed', message: stepFailure(index, step, acted.reason) };
    return {
      status: 'done',
      via: pickedByPerson ? 'user' : acted.via,
      confidence: acted.confidence,
      ...(digest ? { approved: true } : {}),
    };
  }
  return { status: 'failed', message: 'The page kept changing under this step. Try the run again.' };
}

const RETRY_AFTER_BLOCK_MS = 2000;
/** Quiet time the page gets to show its reaction to a blocked send before it is described for approval. */
const PAGE_SETTLE_MS = 100;
const BLOCKED_NO_RETRY =
  'the page tried to send data without your OK and Understudy blocked it (nothing was sent), but the page did not let the step run again. This step now asks first: run the task again';

/** How long the tab must be quiet after such an action before the backstop's verdict counts. */
const SEND_QUIET_MS = 40;
const SEND_QUIET_MAX_MS = 3000;

type BackstopActOutcome =
  | ActReply
  | { status: 'navigated' }
  | { status: 'timed-out' }
  | { status: 'blocked'; attempts: BlockedAttempt[] }
  /** Not acted: the page tried to send after an earlier step's watch (`stepIndex`: the step that acted last). */
  | {
      status: 'late';
      attempts: BlockedAttempt[];
      stepIndex: number | null;
      /** Set when they were seen only once this step had acted (they happened before its first event). */
      acted?: Extract<ActReply, { status: 'done' }>;
    };

/** A late send stops the run: before this step, or after it when it had already acted. */
async function lateOutcome(
  run: Run,
  task: Task,
  index: number,
  late: Extract<BackstopActOutcome, { status: 'late' }>,
  digest: string | null,
): Promise<StepOutcome> {
  const next = late.acted ? index + 1 : index;
  const stoppedBefore = next < task.steps.length ? next : null;
  const message = await reportLateSends(run, task, late.stepIndex, late.attempts, stoppedBefore);
  if (!late.acted) return { status: 'failed', message };
  return {
    status: 'done',
    via: late.acted.via,
    confidence: late.acted.confidence,
    ...(digest ? { approved: true } : {}),
    halt: message,
  };
}

/**
 * Acts, with the tab's write requests blocked unless the person approved this step (`digest`), then
 * waits for a navigation it started, or for the network to go quiet (unless the page's request sensor
 * saw the action start no request) and reports blocked sends.
 */
async function actWithBackstop(
  tabId: number,
  frame: FrameAddress,
  step: Step,
  index: number,
  run: Run,
  sends: LiveRun['sends'],
  /** The run stopped being driven meanwhile (cancelled, paused by locking): nothing is sent to act. */
  stopped: () => boolean,
  timeoutMs: number,
  digest: string | null,
  /** The next step's target, for the frame to look up right after acting (see `replay:act`). */
  next: NextTarget | null = null,
): Promise<BackstopActOutcome> {
  // A send blocked since the last step's watch closed belongs to that step, not this one: say so before acting.
  const late = lateAttempts(run, sends.since);
  if (late.length > 0) return { status: 'late', attempts: late, stepIndex: sends.stepIndex };
  await paceActions(frame.origin);
  const before = documentCount(tabId);
  const startedAt = Date.now();
  if (digest !== null) await releaseWrites(tabId);
  let didAct = false;
  try {
    if (stopped()) return { status: 'failed', reason: 'the run stopped' };
    const acted = await ask(
      tabId,
      frame,
      {
        type: 'replay:act',
        step,
        values: valuesUsedBy(step, run.values),
        timeoutMs,
        digest,
        next: next?.target ?? null,
        ...(next?.sight ? { sightNext: true } : {}),
      },
      ActReply,
    );
    if (isTimedOut(acted)) return { status: 'timed-out' };
    didAct = !acted || acted.status === 'done';
    // When the step acted in an iframe (a form posted inside it), that frame gets a new document and
    // the top page stays: waiting for a new top page would wait out the timeout.
    const reloaded = () =>
      frame.frameId !== 0 &&
      frame.documentId !== null &&
      framesOf(tabId).some((known) => known.frameId === frame.frameId && known.documentId !== frame.documentId);
    if (!acted) {
      // The document unloaded while acting: the action started a navigation. Wait for the new page.
      await waitForFrames(() => (documentCount(tabId) > before || reloaded() ? true : null), NAVIGATION_TIMEOUT_MS);
      return blockedOutcome(tabId, startedAt) ?? { status: 'navigated' };
    }
    if (acted.status !== 'done') return acted;
    // The page answered before it unloaded: a navigation it started may still be under way.
    await settle(tabId, before, startedAt, reloaded);
    // An approved action may send a moment later (writes stay let through until the tab is quiet).
    const quietMs =
      digest !== null
        ? LATE_SEND_QUIET_MS
        : SENDING_KINDS.has(step.kind) && acted.pageQuiet !== true
          ? SEND_QUIET_MS
          : null;
    if (quietMs !== null) {
      // Counted from the action itself, as the frame reports it (kept within this step's span).
      const actedAt = Math.min(Math.max(acted.actedAt, startedAt), Date.now());
      await waitForNetworkQuiet(tabId, quietMs, SEND_QUIET_MAX_MS, actedAt);
    }
    // Blocked while this step acted: what came before its first event is an earlier step's late send.
    const dispatchedAt = Math.min(Math.max(acted.dispatchedAt, startedAt), Date.now());
    const seen = blockedSince(tabId, startedAt);
    const { earlier, own } = splitAtDispatch(seen, dispatchedAt);
    // Reported together: the run stops here, and nothing blocked goes untold.
    if (earlier.length > 0) return { status: 'late', attempts: seen, stepIndex: sends.stepIndex, acted };
    return own.length > 0 ? { status: 'blocked', attempts: own } : acted;
  } finally {
    if (digest !== null) await holdWrites(tabId);
    // What the backstop blocks from now on is no longer this step's own outcome (see `late` above).
    sends.since = Date.now();
    if (didAct) sends.stepIndex = index;
  }
}

/**
 * A step found no page to act in. When the tab left the allowed sites (a redirect, a meta refresh,
 * a script), say so: Understudy has no access there, so it stopped before acting.
 */
async function whyNoFrame(tabId: number, index: number, step: Step, since: number): Promise<string> {
  const allowList = await readAllowList();
  const leaving = (where: string) =>
    stepFailure(
      index,
      step,
      `the page went to ${where}, which Understudy may not act on, so it stopped before acting there`,
    );
  // An allowed site's redirect (seen by the backstop) names where the tab went, even before the
  // tab's address changes, and where Chrome would not tell us the address of a site without access.
  const redirect = redirectsSince(tabId, since)
    .filter((candidate) => candidate.frameId === 0 && !isOriginAllowed(originOf(candidate.to), allowList))
    .at(-1);
  if (redirect && (topDocumentStartedAt(tabId) ?? 0) < redirect.at) {
    return leaving(`${originOf(redirect.to) ?? redirect.to} (redirected from ${new URL(redirect.from).pathname})`);
  }
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const origin = originOf(tab?.url);
  if (origin === null || !isOriginAllowed(origin, allowList)) {
    return leaving(origin ?? 'a site that is not on your allowed sites list');
  }
  return stepFailure(index, step, 'the page (or the frame) this step acts in did not load');
}

/** Waits until one more action on `origin` fits its per-second cap (waits, never fails). */
async function paceActions(origin: string): Promise<void> {
  for (;;) {
    const delay = actionsPerOrigin.delayFor(origin, Date.now());
    if (delay <= 0) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  actionsPerOrigin.note(origin, Date.now());
}

function blockedOutcome(tabId: number, since: number): { status: 'blocked'; attempts: BlockedAttempt[] } | null {
  const attempts = blockedSince(tabId, since);
  return attempts.length > 0 ? { status: 'blocked', attempts } : null;
}

/** What the confirmation window shows for a send the backstop caught. */
function blockedPreview(
  inspected: Extract<InspectReply, { status: 'found' }>,
  blocked: { attempts: BlockedAttempt[] },
): Extract<InspectReply, { status: 'found' }> {
  const first = blocked.attempts[0] as BlockedAttempt;
  const socket = first.method === WEBSOCKET_METHOD;
  const where = originOf(first.url) === originOf(inspected.url) ? new URL(first.url).pathname : first.url;
  const what = socket
    ? `open a live connection (WebSocket to ${where.slice(0, 200)}) that can send anything`
    : `send data (${first.method.toUpperCase()} ${where.slice(0, 200)})`;
  return {
    ...inspected,
    risk: socket ? 'outbound' : first.method.toUpperCase() === 'DELETE' ? 'delete' : 'submit',
    reasons: [
      `The page tried to ${what} when this step acted. Understudy blocked it: nothing was sent. Approve to repeat the step and let it send.`,
      ...inspected.reasons,
    ].slice(0, 10),
  };
}

/** An inspected target an approval can be bound to. */
type Approvable = Extract<InspectReply, { status: 'found' }> & { digest: string };

async function pauseForApproval(
  runId: string,
  run: Run,
  task: Task,
  index: number,
  inspected: Approvable,
  tabId: number,
  frame: FrameAddress,
): Promise<{ approved: boolean; digest: string }> {
  // Stopped (cancelled, paused by locking): nobody is asked, and the stored state is not overwritten.
  if (stoppedDriving(runId)) return { approved: false, digest: '' };
  run.state = 'paused';
  run.pauseReason = 'approval';
  run.message = 'Waiting for your OK in the confirmation window.';
  await saveRun(runId, run);
  await showProgress(run, task.steps.length);
  // A lock meanwhile denied the approvals it found: this one would come after it.
  if (stoppedDriving(runId)) return { approved: false, digest: '' };
  const decision = await requestApproval(runId, run, index, task, inspected, tabId);
  await sendToFrame(tabId, frame, { type: 'replay:clear-highlight' }).catch(() => undefined);
  if (decision.approved) {
    run.state = 'running';
    delete run.pauseReason;
    delete run.message;
    await saveRun(runId, run);
  }
  return decision;
}

/**
 * Pauses the run until the person picks one of the look-alikes (outlined and numbered on the page,
 * listed in the popup and side panel), then rewrites the step's target from the picked element so
 * the task heals. 'stopped': cancelled or locked meanwhile; 'retry': the pick could not be used.
 */
async function askWhichOne(
  runId: string,
  run: Run,
  task: Task,
  step: Step,
  index: number,
  inspected: Extract<InspectReply, { status: 'ambiguous' }>,
  tabId: number,
  frame: FrameAddress,
): Promise<'healed' | 'retry' | 'stopped'> {
  if (stoppedDriving(runId)) return 'stopped';
  run.state = 'paused';
  run.pauseReason = 'ambiguous';
  run.message =
    inspected.candidates.length === 1
      ? `“${describeStep(step)}” may have been renamed. Is the outlined element the one you meant?`
      : `${inspected.candidates.length} elements fit “${describeStep(step)}”. Pick the one you meant.`;
  run.choice = { stepIndex: index, reason: inspected.reason, candidates: inspected.candidates };
  const picked = new Promise<number | null>((resolve) => picks.set(runId, resolve));
  await saveRun(runId, run);
  await showProgress(run, task.steps.length);
  const choice = await picked;
  picks.delete(runId);
  delete run.choice;
  if (choice === null) return 'stopped';
  const reply = await ask(tabId, frame, { type: 'replay:pick', stepId: step.id, index: choice }, PickReply);
  run.state = 'running';
  delete run.pauseReason;
  delete run.message;
  await saveRun(runId, run);
  if (!reply || isTimedOut(reply) || reply.status !== 'picked' || !('target' in step)) return 'retry';
  step.target = reply.target;
  const saved = await saveTask(task, run.taskId);
  return saved.ok ? 'healed' : 'retry';
}

/** "Step 2 (Click link 'Save'): the element never became enabled within 10 s." */
function stepFailure(index: number, step: Step, reason: string): string {
  return `Step ${index + 1} (${describeStep(step)}): ${reason.replace(/\.$/, '')}.`.slice(0, 500);
}

const NO_ANSWER = 'The page stopped answering while Understudy waited for this step. Reload it and run again.';

async function requestApproval(
  runId: string,
  run: Run,
  stepIndex: number,
  task: Task,
  inspected: Approvable,
  tabId: number,
): Promise<{ approved: boolean; digest: string }> {
  const approval: PendingApproval = {
    id: randomId(),
    runId,
    stepIndex,
    taskTitle: task.title,
    preview: {
      kind: inspected.risk === 'none' ? 'ask' : inspected.risk,
      origin: originOf(inspected.url) ?? '',
      url: inspected.url,
      target: inspected.target,
      reasons: inspected.reasons,
      formData: inspected.formData,
    },
    digest: inspected.digest,
    createdAt: Date.now(),
    windowId: null,
    ...(run.environment ? { environment: { name: run.environment.name, production: run.environment.production } } : {}),
  };
  const decision = approvals.add(approval);
  const created = await browser.windows.create({
    url: browser.runtime.getURL(`/confirm.html?approval=${approval.id}`),
    type: 'popup',
    focused: true,
    ...CONFIRM_WINDOW,
  });
  const windowId = created?.id;
  if (windowId !== undefined) approvals.setWindow(approval.id, windowId);
  void setBadge(tabId, { text: 'OK?' });
  const result = await decision;
  if (windowId !== undefined) await browser.windows.remove(windowId).catch(() => undefined);
  const what = `${approval.preview.kind} on ${approval.preview.origin}: ${approval.preview.target}`;
  void audit(result.approved ? 'approved' : 'denied', `${result.approved ? 'Approved' : 'Denied'} ${what}`);
  return result;
}

export function approvalView(approval: PendingApproval): ApprovalView {
  return {
    id: approval.id,
    taskTitle: approval.taskTitle,
    kind: approval.preview.kind,
    origin: approval.preview.origin,
    url: approval.preview.url,
    target: approval.preview.target,
    reasons: approval.preview.reasons,
    formData: approval.preview.formData,
    createdAt: approval.createdAt,
    approveDelayMs: APPROVE_DELAY_MS,
    ...(approval.environment ? { environment: approval.environment } : {}),
  };
}

export function watchRuns(): void {
  watchNetwork();
  browser.windows.onRemoved.addListener((windowId) => approvals.denyForWindow(windowId));
  browser.tabs.onRemoved.addListener((tabId) => {
    void (async () => {
      const runId = latestRunId;
      if (!runId) return;
      const driven = live.get(runId);
      const loaded = driven ?? (await loadRun(runId));
      if (!loaded || isFinished(loaded.run) || !loaded.run.tabs.includes(tabId)) return;
      if (driven) driven.stopped = true;
      for (const approval of approvals.list()) if (approval.runId === runId) approvals.settle(approval.id, false);
      loaded.run.state = 'failed';
      loaded.run.message = 'The tab the task was running in was closed, so the run stopped.';
      await unguardTabs(loaded.run);
      loaded.run.finishedAt = Date.now();
      await saveRun(runId, loaded.run);
    })();
  });
  // Locking pauses every run: nothing acts without the key, and approvals and picks are forgotten.
  beforeLock(pauseRunsForLock);
  onLock(() => {
    // The keys are gone: starting a run asks for them and is refused until Understudy is unlocked.
    locking = false;
    approvals.denyAll();
    for (const resolve of picks.values()) resolve(null);
  });
}
