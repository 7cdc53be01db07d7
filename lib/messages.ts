/**
 * Every message between content scripts, extension pages and the background, as one zod
 * discriminated union. The background router parses each incoming message with `Message` and checks
 * that its sender is of a kind listed in `MESSAGE_SENDERS` before any handler runs.
 * Strict objects: unknown keys (including `__proto__`) make a message invalid rather than ignored.
 */
import { z } from 'zod';
import { MAX_RECORDER_JSON_LENGTH } from './interop/recorder-json';
import { TargetDescriptorSchema } from './locators/schema';
import { ArtifactView } from './run/artifact';
import { MAX_CSV_ROWS } from './run/csv';
import { RetentionDays } from './store/retention';
import { StepSchema, TaskSchema } from './task/schema';

/** Upper bounds keep a hostile page from making the background parse or store huge values. */
export const MAX_URL_LENGTH = 8192;
export const MAX_ORIGIN_LENGTH = 2048;

const TabId = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31);
const UrlText = z.string().min(1).max(MAX_URL_LENGTH);
const OriginInput = z.string().min(1).max(MAX_ORIGIN_LENGTH);
export const MAX_PASSPHRASE_LENGTH = 1024;
/** Export files travel as text; the importer caps them again before parsing. */
export const MAX_IMPORT_TEXT = 25 * 1024 * 1024;
const Passphrase = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);
const RecordId = z.string().regex(/^[0-9a-f]{32}$/, 'Record ids are 32 hex characters.');
export const WIPE_CONFIRMATION = 'delete everything';

/** What a recording content script reports: one step, and for typing the variable it proposes. */
export const RecordedActionSchema = z.strictObject({
  step: StepSchema,
  variable: z
    .strictObject({
      suggestedName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
      secret: z.boolean(),
      value: z.string().max(10_000),
    })
    .optional(),
});

export const Message = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('app:ping') }),
  z.strictObject({
    type: z.literal('content:hello'),
    url: UrlText,
    /** `document.referrer`: empty when the person typed or picked the address. */
    referrer: z.string().max(MAX_URL_LENGTH).default(''),
    /** Descriptors of the iframes above this frame (empty in the top frame), for routing steps. */
    framePath: z.array(TargetDescriptorSchema).max(8).default([]),
    /** This frame's index among its parent's frames, at each level from the top (Chrome Recorder's `frame`). */
    framePositions: z.array(z.number().int().min(0).max(1000)).max(8).default([]),
    /** `performance.timeOrigin`: when this document's navigation started (epoch ms). */
    startedAt: z.number().nonnegative().default(0),
    /** Said again because a restarted background asked (not a new document). */
    again: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('content:recording'), recording: z.boolean() }),
  z.strictObject({ type: z.literal('tab:status'), tabId: TabId }),
  z.strictObject({ type: z.literal('allowlist:list') }),
  z.strictObject({ type: z.literal('allowlist:add'), origin: OriginInput }),
  z.strictObject({ type: z.literal('allowlist:remove'), origin: OriginInput }),
  z.strictObject({ type: z.literal('vault:status') }),
  z.strictObject({ type: z.literal('vault:create'), passphrase: Passphrase }),
  z.strictObject({ type: z.literal('vault:unlock'), passphrase: Passphrase }),
  z.strictObject({ type: z.literal('vault:lock') }),
  z.strictObject({ type: z.literal('vault:change-passphrase'), current: Passphrase, next: Passphrase }),
  z.strictObject({ type: z.literal('vault:wipe'), confirmation: z.string().max(100) }),
  z.strictObject({ type: z.literal('settings:auto-lock'), minutes: z.number().int().min(1).max(1440) }),
  /** Retention (issue 7): days to keep runs and audit entries, null for forever; saving prunes. */
  z.strictObject({ type: z.literal('settings:retention-get') }),
  z.strictObject({ type: z.literal('settings:retention'), days: RetentionDays }),
  z.strictObject({ type: z.literal('retention:prune') }),
  z.strictObject({ type: z.literal('task:list') }),
  z.strictObject({ type: z.literal('task:get'), id: RecordId }),
  z.strictObject({ type: z.literal('task:save'), id: RecordId.optional(), task: TaskSchema }),
  z.strictObject({ type: z.literal('task:delete'), id: RecordId }),
  z.strictObject({
    type: z.literal('export:create'),
    taskIds: z.array(RecordId).min(1).max(10_000),
    includeRuns: z.boolean(),
    passphrase: Passphrase,
  }),
  z.strictObject({ type: z.literal('import:file'), text: z.string().max(MAX_IMPORT_TEXT), passphrase: Passphrase }),
  /** A task as a Chrome Recorder flow or a Playwright test (issue 9); secrets are never written. */
  z.strictObject({ type: z.literal('interop:export'), taskId: RecordId, format: z.enum(['recorder', 'playwright']) }),
  /** A Chrome DevTools Recorder JSON file, as text; the importer refuses anything it cannot trust. */
  z.strictObject({ type: z.literal('interop:import'), text: z.string().max(MAX_RECORDER_JSON_LENGTH) }),
  z.strictObject({ type: z.literal('recorder:start'), tabId: TabId }),
  z.strictObject({ type: z.literal('recorder:stop'), title: z.string().trim().min(1).max(200) }),
  z.strictObject({ type: z.literal('recorder:cancel') }),
  z.strictObject({ type: z.literal('recorder:status') }),
  z.strictObject({ type: z.literal('recorder:action'), action: RecordedActionSchema }),
  z.strictObject({
    type: z.literal('run:start'),
    taskId: RecordId,
    tabId: TabId,
    values: z.record(z.string().max(64), z.string().max(10_000)),
    /** One of the task's environments; absent: where it was recorded. */
    environmentId: RecordId.optional(),
    /** Preview: act on nothing risky, send nothing, list what would have happened. */
    dryRun: z.boolean().optional(),
  }),
  /** A data-driven run: the task once per row (values already parsed from the person's CSV). */
  z.strictObject({
    type: z.literal('run:start-batch'),
    taskId: RecordId,
    tabId: TabId,
    rows: z
      .array(z.record(z.string().max(64), z.string().max(10_000)))
      .min(1)
      .max(MAX_CSV_ROWS),
    onRowFailure: z.enum(['continue', 'stop']),
    environmentId: RecordId.optional(),
  }),
  /** A production batch ran its first row: go on with the rest. */
  z.strictObject({ type: z.literal('run:continue-batch'), runId: RecordId }),
  z.strictObject({ type: z.literal('run:status') }),
  z.strictObject({ type: z.literal('run:history') }),
  z.strictObject({ type: z.literal('audit:list') }),
  z.strictObject({ type: z.literal('run:get'), runId: RecordId }),
  /** The failure artifacts (masked screenshot, DOM excerpt) kept with a run (lib/run/artifact.ts). */
  z.strictObject({ type: z.literal('run:artifacts'), runId: RecordId }),
  z.strictObject({ type: z.literal('run:cancel'), runId: RecordId }),
  /** Pause after the step in progress; resume from the next one. */
  z.strictObject({ type: z.literal('run:pause'), runId: RecordId }),
  z.strictObject({ type: z.literal('run:resume'), runId: RecordId }),
  /** The person's answer to "which one did you mean?" for a run paused as ambiguous. */
  z.strictObject({ type: z.literal('run:pick'), runId: RecordId, index: z.number().int().min(0).max(9) }),
  z.strictObject({ type: z.literal('approval:list') }),
  z.strictObject({ type: z.literal('approval:get'), id: RecordId }),
  /** Brings an approval's confirmation window to the front (the popup's "waiting for your OK" banner). */
  z.strictObject({ type: z.literal('approval:show'), id: RecordId }),
  z.strictObject({ type: z.literal('approval:decide'), id: RecordId, approve: z.boolean() }),
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Who may send what. Content scripts get the narrowest surface: they are on untrusted pages. */
export type SenderKind = 'extension-page' | 'content-script';
export const MESSAGE_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  'app:ping': ['extension-page'],
  'content:hello': ['content-script'],
  'content:recording': ['content-script'],
  'tab:status': ['extension-page'],
  'allowlist:list': ['extension-page'],
  'allowlist:add': ['extension-page'],
  'allowlist:remove': ['extension-page'],
  'vault:status': ['extension-page'],
  'vault:create': ['extension-page'],
  'vault:unlock': ['extension-page'],
  'vault:lock': ['extension-page'],
  'vault:change-passphrase': ['extension-page'],
  'vault:wipe': ['extension-page'],
  'settings:auto-lock': ['extension-page'],
  'settings:retention-get': ['extension-page'],
  'settings:retention': ['extension-page'],
  'retention:prune': ['extension-page'],
  'task:list': ['extension-page'],
  'task:get': ['extension-page'],
  'task:save': ['extension-page'],
  'task:delete': ['extension-page'],
  'export:create': ['extension-page'],
  'import:file': ['extension-page'],
  'interop:export': ['extension-page'],
  'interop:import': ['extension-page'],
  'recorder:start': ['extension-page'],
  'recorder:stop': ['extension-page'],
  'recorder:cancel': ['extension-page'],
  'recorder:status': ['extension-page'],
  'recorder:action': ['content-script'],
  'run:start': ['extension-page'],
  'run:status': ['extension-page'],
  'run:history': ['extension-page'],
  'audit:list': ['extension-page'],
  'run:get': ['extension-page'],
  'run:artifacts': ['extension-page'],
  'run:cancel': ['extension-page'],
  'run:pause': ['extension-page'],
  'run:resume': ['extension-page'],
  'run:start-batch': ['extension-page'],
  'run:pick': ['extension-page'],
  'run:continue-batch': ['extension-page'],
  'approval:list': ['extension-page'],
  'approval:get': ['extension-page'],
  'approval:show': ['extension-page'],
  'approval:decide': ['extension-page'],
};

/** What each message answers with on success. */
export const TabStatus = z.strictObject({
  tabId: TabId,
  origin: z.string().nullable(),
  allowed: z.boolean(),
  contentScriptConnected: z.boolean(),
  /** Frames of this tab whose content script is capturing right now. */
  recordingFrames: z.number().int().nonnegative(),
});
export type TabStatus = z.infer<typeof TabStatus>;

export const VaultStatus = z.strictObject({
  state: z.enum(['none', 'locked', 'unlocked']),
  autoLockMinutes: z.number().int(),
  /** After repeated wrong passphrases: how long until the next try is accepted. */
  retryAfterMs: z.number().int().nonnegative(),
  /** Records that failed authentication and were set aside. */
  quarantined: z.number().int().nonnegative(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const TaskSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  origins: z.array(z.string()),
  stepCount: z.number().int(),
  createdAt: z.number(),
  /** The newest run of this task in the run history, if any (lib/run/last-run.ts). */
  lastRun: z
    .strictObject({ state: z.enum(['running', 'paused', 'succeeded', 'failed', 'cancelled']), at: z.number() })
    .optional(),
});

export const RecorderStatus = z.strictObject({
  recording: z.boolean(),
  tabId: z.number().int().nullable(),
  stepCount: z.number().int(),
});
export type RecorderStatus = z.infer<typeof RecorderStatus>;

export const RunView = z.strictObject({
  runId: z.string(),
  taskTitle: z.string(),
  state: z.enum(['running', 'paused', 'succeeded', 'failed', 'cancelled']),
  pauseReason: z.string().optional(),
  /** A running run the person asked to pause: it stops once the step under way has finished. */
  pausing: z.literal(true).optional(),
  message: z.string().optional(),
  currentStep: z.number().int(),
  stepCount: z.number().int(),
  choice: z.strictObject({ reason: z.string(), candidates: z.array(z.string()) }).optional(),
  /** For a data-driven run: this run's row (1-based), how many rows, how many failed so far. */
  batch: z
    .strictObject({
      row: z.number().int(),
      total: z.number().int(),
      failed: z.number().int(),
      /** A production batch after its first row: the rest wait for run:continue-batch. */
      awaitingGoAhead: z.boolean(),
    })
    .optional(),
  environment: z.strictObject({ name: z.string(), production: z.boolean() }).optional(),
  dryRun: z.boolean().optional(),
  /** A dry run's skipped actions (secret values masked). */
  preview: z
    .array(
      z.strictObject({
        step: z.number().int(),
        kind: z.enum(['submit', 'delete', 'outbound', 'ask', 'send']),
        target: z.string(),
        url: z.string(),
        formData: z.array(z.strictObject({ name: z.string(), value: z.string() })),
        reasons: z.array(z.string()),
      }),
    )
    .optional(),
  results: z.array(
    z.strictObject({
      text: z.string(),
      status: z.enum(['pending', 'done', 'failed', 'skipped']),
      via: z.string().optional(),
      durationMs: z.number().optional(),
      error: z.string().optional(),
    }),
  ),
});
export type RunView = z.infer<typeof RunView>;

/** One line of run history (newest first); the steps come with run:get. */
export const RunSummaryView = z.strictObject({
  runId: z.string(),
  taskId: z.string(),
  taskTitle: z.string(),
  state: z.enum(['running', 'paused', 'succeeded', 'failed', 'cancelled']),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  stepCount: z.number().int(),
  doneCount: z.number().int(),
  message: z.string().optional(),
  batch: z.strictObject({ row: z.number().int(), total: z.number().int() }).optional(),
  environment: z.strictObject({ name: z.string(), production: z.boolean() }).optional(),
  dryRun: z.boolean().optional(),
});
export type RunSummaryView = z.infer<typeof RunSummaryView>;

/** What a retention prune deleted (`days` null: history is kept forever, nothing was deleted). */
export const RetentionResult = z.strictObject({
  days: RetentionDays,
  runs: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  /** The audit log failed verification, so it was not shortened. */
  auditRefused: z.boolean(),
});
export type RetentionResult = z.infer<typeof RetentionResult>;

export const ApprovalView = z.strictObject({
  id: z.string(),
  taskTitle: z.string(),
  kind: z.enum(['submit', 'delete', 'outbound', 'ask']),
  origin: z.string(),
  url: z.string(),
  target: z.string(),
  reasons: z.array(z.string()),
  formData: z.array(z.strictObject({ name: z.string(), value: z.string() })),
  createdAt: z.number(),
  approveDelayMs: z.number(),
  /** The run's environment: a production one is shown prominently. */
  environment: z.strictObject({ name: z.string(), production: z.boolean() }).optional(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

export const ResponseValues = {
  'app:ping': z.strictObject({ version: z.string() }),
  'content:hello': z.strictObject({ allowed: z.literal(true), recording: z.boolean() }),
  'content:recording': z.strictObject({}),
  'tab:status': TabStatus,
  'allowlist:list': z.strictObject({ origins: z.array(z.string()) }),
  'allowlist:add': z.strictObject({ origins: z.array(z.string()) }),
  'allowlist:remove': z.strictObject({ origins: z.array(z.string()) }),
  'vault:status': VaultStatus,
  'vault:create': VaultStatus,
  'vault:unlock': VaultStatus,
  'vault:lock': VaultStatus,
  'vault:change-passphrase': VaultStatus,
  'vault:wipe': VaultStatus,
  'settings:auto-lock': VaultStatus,
  'settings:retention-get': z.strictObject({ days: RetentionDays }),
  'settings:retention': RetentionResult,
  'retention:prune': RetentionResult,
  'task:list': z.strictObject({ tasks: z.array(TaskSummarySchema), quarantined: z.number().int() }),
  'task:get': z.strictObject({ id: z.string(), task: TaskSchema }),
  'task:save': z.strictObject({ id: z.string() }),
  'task:delete': z.strictObject({ id: z.string() }),
  'export:create': z.strictObject({ fileName: z.string(), text: z.string() }),
  'import:file': z.strictObject({ imported: z.number().int() }),
  'interop:export': z.strictObject({ fileName: z.string(), text: z.string(), notes: z.array(z.string()) }),
  'interop:import': z.strictObject({
    id: z.string(),
    title: z.string(),
    stepCount: z.number().int(),
    notes: z.array(z.string()),
  }),
  'recorder:start': RecorderStatus,
  'recorder:stop': z.strictObject({ taskId: z.string(), stepCount: z.number().int() }),
  'recorder:cancel': RecorderStatus,
  'recorder:status': RecorderStatus,
  'recorder:action': z.strictObject({ stepCount: z.number().int() }),
  'run:start': z.strictObject({ runId: z.string() }),
  'run:start-batch': z.strictObject({ runId: z.string() }),
  'run:status': z.strictObject({ run: RunView.nullable() }),
  'run:history': z.strictObject({ runs: z.array(RunSummaryView) }),
  'audit:list': z.strictObject({
    entries: z.array(z.strictObject({ seq: z.number(), at: z.number(), kind: z.string(), detail: z.string() })),
    verification: z.strictObject({ ok: z.boolean(), count: z.number(), problems: z.array(z.string()) }),
  }),
  'run:get': z.strictObject({ run: RunView }),
  'run:artifacts': z.strictObject({ artifacts: z.array(ArtifactView) }),
  'run:cancel': z.strictObject({ run: RunView.nullable() }),
  'run:pause': z.strictObject({ run: RunView }),
  'run:resume': z.strictObject({ run: RunView }),
  'run:pick': z.strictObject({ run: RunView }),
  'run:continue-batch': z.strictObject({ runId: z.string() }),
  'approval:list': z.strictObject({ approvals: z.array(ApprovalView) }),
  'approval:get': z.strictObject({ approval: ApprovalView }),
  'approval:show': z.strictObject({}),
  'approval:decide': z.strictObject({ settled: z.boolean() }),
} satisfies { [T in MessageType]: z.ZodType };
export type ResponseOf<T extends MessageType> = z.infer<(typeof ResponseValues)[T]>;

export type RouterErrorCode =
  | 'invalid-message'
  | 'forbidden-sender'
  | 'origin-not-allowed'
  | 'internal'
  | 'unavailable';
