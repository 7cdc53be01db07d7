/**
 * Messages from the background to a content script during replay, and their replies. The content
 * script validates what it receives (and that it comes from our background); the background
 * validates the replies, which come from a frame of an untrusted page.
 */
import { z } from 'zod';
import { TargetDescriptorSchema } from '@/lib/locators/schema';
import { type Step, StepSchema } from '@/lib/task/schema';

/** How many look-alikes the person is asked to choose from (the best-scored first). */
export const MAX_CANDIDATES = 10;

const Values = z.record(z.string().max(64), z.string().max(10_000));

export const ReplayRequest = z.discriminatedUnion('type', [
  /** Find the target, classify the action's risk and describe what it would do. Acts on nothing. */
  z.strictObject({
    type: z.literal('replay:inspect'),
    step: StepSchema,
    values: Values,
    /** Variables whose values must be masked in the preview. */
    secretNames: z.array(z.string().max(64)).max(200),
    timeoutMs: z.number().int(),
    /** First wait this long for the page to stop changing (after it reacted to a blocked send). */
    settleMs: z.number().int().min(0).max(2000).optional(),
    /** Digest the target even when the step would not ask (an approval is about to be asked anyway). */
    withDigest: z.boolean().optional(),
  }),
  /** Act. With `digest`, only if the live step still matches what the person approved. */
  z.strictObject({
    type: z.literal('replay:act'),
    step: StepSchema,
    values: Values,
    timeoutMs: z.number().int(),
    digest: z.string().max(128).nullable(),
    /**
     * The next step's target when it acts in this frame: looked up as soon as this step acted (read only;
     * the answer is kept while the page stays unchanged), so the next inspect need not wait for it.
     */
    next: TargetDescriptorSchema.nullable(),
    /** The next step aims a pointer at its target: its box is read as it is looked up, for the stability check. */
    sightNext: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('replay:clear-highlight') }),
  /** The run stopped (cancelled, or paused by locking): an act still waiting stops before acting. */
  z.strictObject({ type: z.literal('replay:abort') }),
  /**
   * The run is about to end and lift the tab's guard: is this page idle, nothing it scheduled due within the
   * late-send window (lib/replay/page-schedule.ts)? Read only.
   */
  z.strictObject({ type: z.literal('replay:idle') }),
  /**
   * The person picked candidate `index` of the last ambiguous inspect in this document: describe
   * it afresh so the task heals (its new locators point at that element).
   */
  z.strictObject({ type: z.literal('replay:pick'), stepId: z.string().max(64), index: z.number().int().min(0).max(9) }),
]);
export type ReplayRequest = z.infer<typeof ReplayRequest>;

const FormField = z.strictObject({ name: z.string().max(200), value: z.string().max(2000) });

export const InspectReply = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('found'),
    risk: z.enum(['submit', 'delete', 'outbound', 'none']),
    reasons: z.array(z.string().max(500)).max(10),
    target: z.string().max(300),
    url: z.string().max(8192),
    formData: z.array(FormField).max(200),
    /**
     * What an approval binds to; null when the step would not ask (harmless, not `alwaysAsk`) and no
     * digest was asked for: hashing the element's fingerprint on every harmless step cost a share of each.
     */
    digest: z.string().max(128).nullable(),
  }),
  z.strictObject({ status: z.literal('not-found'), reason: z.string().max(500) }),
  /** Several elements fit equally well: the run asks the person which one (outlined, numbered). */
  z.strictObject({
    status: z.literal('ambiguous'),
    reason: z.string().max(500),
    candidates: z.array(z.string().max(300)).max(MAX_CANDIDATES),
  }),
  z.strictObject({ status: z.literal('failed'), reason: z.string().max(500) }),
]);
export type InspectReply = z.infer<typeof InspectReply>;

export const IdleReply = z.strictObject({ idle: z.boolean() });
export type IdleReply = z.infer<typeof IdleReply>;

export const PickReply = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('picked'), target: TargetDescriptorSchema }),
  z.strictObject({ status: z.literal('gone'), reason: z.string().max(500) }),
]);
export type PickReply = z.infer<typeof PickReply>;

/**
 * Step kinds whose action commonly makes the page send a request: after one, the run watches the tab's
 * network (unless the page's sensor saw no request at all), so a blocked send is asked about at its step.
 */
export const SENDING_KINDS: ReadonlySet<Step['kind']> = new Set([
  'click',
  'doubleClick',
  'press',
  'submit',
  'check',
  'select',
]);

export const ActReply = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('done'),
    via: z.string().max(40),
    confidence: z.number().min(0).max(1),
    durationMs: z.number().nonnegative(),
    /** When the action's first event was dispatched (epoch ms): no send before it is this step's doing. */
    dispatchedAt: z.number().nonnegative(),
    /** When the action's last event was dispatched (epoch ms): the quiet window after it starts there. */
    actedAt: z.number().nonnegative(),
    /**
     * For a step that may send (SENDING_KINDS): the page's own world reported no request from the action's
     * first event until its immediate reaction ran (lib/replay/page-requests.ts), so the run need not watch
     * the network after it; null when the page has no sensor to tell, or the step cannot send. A hint for
     * attributing sends only: the backstop blocks them either way.
     */
    pageQuiet: z.boolean().nullable(),
  }),
  /** The page changed since the person approved: ask again. */
  z.strictObject({ status: z.literal('changed') }),
  z.strictObject({ status: z.enum(['not-found', 'ambiguous', 'failed']), reason: z.string().max(500) }),
]);
export type ActReply = z.infer<typeof ActReply>;
