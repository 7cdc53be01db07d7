/**
 * The task model: a title, the origins it touches, its variables and an ordered list of steps.
 * Step kinds follow Chrome DevTools Recorder's vocabulary (navigate, click, doubleClick, change→fill,
 * keyDown→press, hover, scroll, waitForElement→waitFor) so tasks map both ways. Tasks are written by
 * content scripts on untrusted pages and read back from storage and import files, so every string is
 * bounded and every object closed.
 */
import { z } from 'zod';
import { TargetDescriptorSchema } from '@/lib/locators/schema';

export const MAX_TITLE = 200;
export const MAX_STEPS = 2000;
export const MAX_VALUE = 10_000;
export const MAX_VARIABLES = 200;

const Url = z
  .string()
  .max(8192)
  .refine((value) => /^https?:\/\//i.test(value), 'Only http and https addresses can be steps.');
export const Origin = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^/@\s]+$/i, 'An origin is scheme://host[:port] with nothing after it.');

export const VariableName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Variable names start with a letter and use letters, digits and _.');

export const VariableSchema = z.strictObject({
  name: VariableName,
  /** Secret values are masked everywhere and never logged or exported. */
  secret: z.boolean(),
  defaultValue: z.string().max(MAX_VALUE),
  label: z.string().max(MAX_TITLE).optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

/** A text that may reference variables as `{{name}}`. */
export const TemplateText = z.string().max(MAX_VALUE);

/**
 * Where the target lives: iframes from the top document down, each located in its parent (an iframe
 * may itself sit in an open shadow root, hence full target descriptors).
 */
export const FramePathSchema = z.array(TargetDescriptorSchema).max(8);

const KeyName = z.string().min(1).max(32);
const Modifier = z.enum(['Alt', 'Control', 'Meta', 'Shift']);

const common = {
  id: z.string().min(1).max(64),
  /** A failing optional step is reported and skipped rather than failing the run. */
  optional: z.boolean().default(false),
  /** Pause for confirmation even when the risk gate sees nothing risky. */
  alwaysAsk: z.boolean().default(false),
  frame: FramePathSchema.default([]),
  /** Which tab: 0 is the tab the task started in, 1 the first tab the page opened, and so on. */
  tab: z.number().int().min(0).max(20).default(0),
  timeoutMs: z.number().int().min(100).max(300_000).optional(),
};
const targeted = { ...common, target: TargetDescriptorSchema };

export const StepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('navigate'), url: Url }),
  z.strictObject({ ...targeted, kind: z.literal('click') }),
  z.strictObject({ ...targeted, kind: z.literal('doubleClick') }),
  z.strictObject({ ...targeted, kind: z.literal('fill'), value: TemplateText }),
  z.strictObject({ ...targeted, kind: z.literal('select'), value: TemplateText, label: z.string().max(MAX_TITLE) }),
  z.strictObject({ ...targeted, kind: z.literal('check'), checked: z.boolean() }),
  z.strictObject({
    ...common,
    kind: z.literal('press'),
    target: TargetDescriptorSchema.optional(),
    key: KeyName,
    modifiers: z.array(Modifier).max(4).default([]),
  }),
  z.strictObject({ ...targeted, kind: z.literal('submit') }),
  z.strictObject({
    ...common,
    kind: z.literal('scroll'),
    target: TargetDescriptorSchema.optional(),
    x: z.number().finite(),
    y: z.number().finite(),
  }),
  z.strictObject({ ...targeted, kind: z.literal('hover') }),
  /** File inputs cannot be replayed safely: the run pauses for the user to pick the file. */
  z.strictObject({ ...targeted, kind: z.literal('upload') }),
  z.strictObject({ ...common, kind: z.literal('waitForElement'), target: TargetDescriptorSchema }),
  z.strictObject({ ...common, kind: z.literal('waitForUrl'), url: z.string().max(8192) }),
]);
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step['kind'];

export const MAX_ENVIRONMENTS = 20;

/**
 * Where a task can run besides where it was recorded (Sandbox, Staging, Production): each maps the
 * recorded origins to its own and has its own variable values (secrets included: the task is
 * encrypted, and exports blank them like variable defaults).
 */
export const EnvironmentSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string().trim().min(1).max(60),
  /** Runs here show the name prominently, and a batch runs one row and asks before the rest. */
  production: z.boolean(),
  /** Recorded origin → this environment's origin; origins not listed stay as recorded. */
  origins: z.array(z.strictObject({ from: Origin, to: Origin })).max(50),
  values: z.record(VariableName, z.string().max(MAX_VALUE)),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const TaskSchema = z.strictObject({
  version: z.literal(1),
  title: z.string().trim().min(1).max(MAX_TITLE),
  origins: z.array(Origin).max(50),
  variables: z.array(VariableSchema).max(MAX_VARIABLES),
  steps: z.array(StepSchema).max(MAX_STEPS),
  environments: z.array(EnvironmentSchema).max(MAX_ENVIRONMENTS).optional(),
});
export type Task = z.infer<typeof TaskSchema>;

/** What a task list shows without decrypting more than it needs to render. */
export interface TaskSummary {
  id: string;
  title: string;
  origins: string[];
  stepCount: number;
  createdAt: number;
}
