/**
 * Chrome DevTools Recorder / @puppeteer/replay "UserFlow" JSON, both ways (issue 9).
 *
 * Import treats the file as hostile: length is capped before parsing, nesting depth is capped before JSON.parse,
 * the parsed value is checked by zod, and only http(s) addresses are accepted. Steps map to our vocabulary:
 * change → fill (the typed text becomes a variable, as recorded fills do) or select, keyDown…keyUp → press,
 * waitForElement → waitForElement. What Understudy must never run on its own (waitForExpression, customStep,
 * waits for absence) is kept as a step that always fails closed: a `waitForUrl` on a marker that can never match a
 * real address, so a replay stops there and says why. setViewport, stray keyUps and network emulation change
 * nothing a task does and are dropped.
 *
 * Export writes a flow @puppeteer/replay runs as is. Secret values are never written: their fields get an empty
 * value and the flow's title says which ones to fill in.
 */
import { z } from 'zod';
import { MAX_SELECTOR, MAX_SHADOW_DEPTH, type TargetDescriptor } from '@/lib/locators/schema';
import { originOf } from '@/lib/origins';
import { variableNameFrom } from '@/lib/recorder/capture';
import { err, ok, type Result } from '@/lib/result';
import { MAX_STEPS, MAX_TITLE, MAX_VALUE, type Step, type Task, TaskSchema, type Variable } from '@/lib/task/schema';
import { descriptorFromSelectors, looksSecret, type RecorderSelector, selectorsForTarget } from './selectors';

/** Recordings are a few kilobytes; anything near this size is not one. Checked before parsing. */
export const MAX_RECORDER_JSON_LENGTH = 5 * 1024 * 1024;
/** A UserFlow nests at most ~6 levels (flow → steps → step → selectors → chain → part). */
export const MAX_JSON_DEPTH = 16;
const MAX_SELECTORS = 32;
const MAX_URL = 8192;
const MAX_EXPRESSION = 10_000;

/** Marker that makes a kept-but-unrunnable step fail closed; the space means no real address ever contains it. */
export const MANUAL_STEP_MARKER = 'Not run by Understudy (Chrome Recorder ';

export type InteropErrorCode = 'too-large' | 'too-deep' | 'not-json' | 'invalid-flow' | 'unsafe-url' | 'not-exportable';

// ---- schema (shapes from @puppeteer/replay's Schema.ts) ----

const SelectorPart = z.string().min(1).max(MAX_SELECTOR);
const Selector = z.union([
  SelectorPart,
  z
    .array(SelectorPart)
    .min(1)
    .max(MAX_SHADOW_DEPTH + 1),
]);
const Selectors = z.array(Selector).min(1).max(MAX_SELECTORS);
const Url = z.string().min(1).max(MAX_URL);
const AssertedEvent = z.object({
  type: z.literal('navigation'),
  url: z.string().max(MAX_URL).optional(),
  title: z.string().max(MAX_VALUE).optional(),
});
// Unknown keys are dropped rather than refused: newer Recorder versions add fields, and nothing unparsed is used.
const base = {
  timeout: z.number().int().min(1).max(300_000).optional(),
  assertedEvents: z.array(AssertedEvent).max(8).optional(),
  target: Url.optional(),
};
const framed = { ...base, frame: z.array(z.number().int().min(0).max(1000)).max(8).optional() };
const withSelectors = { ...framed, selectors: Selectors };
const clickAttributes = {
  offsetX: z.number().finite(),
  offsetY: z.number().finite(),
  duration: z.number().finite().min(0).max(60_000).optional(),
  deviceType: z.enum(['mouse', 'pen', 'touch']).optional(),
  button: z.enum(['primary', 'auxiliary', 'secondary', 'back', 'forward']).optional(),
};
const Key = z.string().min(1).max(32);

export const RecorderStepSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('navigate'), url: Url }),
  z.object({ ...withSelectors, ...clickAttributes, type: z.literal('click') }),
  z.object({ ...withSelectors, ...clickAttributes, type: z.literal('doubleClick') }),
  z.object({ ...withSelectors, type: z.literal('hover') }),
  z.object({ ...withSelectors, type: z.literal('change'), value: z.string().max(MAX_VALUE) }),
  z.object({ ...base, type: z.literal('keyDown'), key: Key }),
  z.object({ ...base, type: z.literal('keyUp'), key: Key }),
  z.object({
    ...framed,
    type: z.literal('scroll'),
    selectors: Selectors.optional(),
    x: z.number().finite().optional(),
    y: z.number().finite().optional(),
  }),
  z.object({
    ...withSelectors,
    type: z.literal('waitForElement'),
    operator: z.enum(['>=', '==', '<=']).optional(),
    count: z.number().int().min(0).max(10_000).optional(),
    visible: z.boolean().optional(),
    properties: z.record(z.string().max(200), z.unknown()).optional(),
    attributes: z.record(z.string().max(200), z.string().max(MAX_VALUE)).optional(),
  }),
  z.object({ ...framed, type: z.literal('waitForExpression'), expression: z.string().min(1).max(MAX_EXPRESSION) }),
  z.object({
    ...base,
    type: z.literal('setViewport'),
    width: z.number().finite(),
    height: z.number().finite(),
    deviceScaleFactor: z.number().finite(),
    isMobile: z.boolean(),
    hasTouch: z.boolean(),
    isLandscape: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal('emulateNetworkConditions'),
    download: z.number().finite(),
    upload: z.number().finite(),
    latency: z.number().finite(),
  }),
  z.object({ ...base, type: z.literal('close') }),
  z.object({ ...framed, type: z.literal('customStep'), name: z.string().min(1).max(200), parameters: z.unknown() }),
]);
export type RecorderStep = z.infer<typeof RecorderStepSchema>;
const STEP_TYPES = RecorderStepSchema.options.map((option) => option.shape.type.value);

export const UserFlowSchema = z.object({
  title: z.string().max(10_000),
  timeout: z.number().int().min(1).max(300_000).optional(),
  selectorAttribute: z.string().max(200).optional(),
  steps: z.array(z.unknown()).max(MAX_STEPS),
});
export type UserFlow = Omit<z.infer<typeof UserFlowSchema>, 'steps'> & { steps: RecorderStep[] };

// ---- import ----

export interface RecorderImport {
  task: Task;
  /** What the person should know: dropped steps, steps kept but not run automatically. */
  notes: string[];
}

export interface ImportOptions {
  newId?: () => string;
}

/** Deepest nesting of arrays/objects, found without parsing (strings are skipped), stopping early past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92 /* \ */) index++;
      else if (char === 34 /* " */) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 /* [ */ || char === 123 /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 93 || char === 125) depth--;
  }
  return deepest;
}

function zodMessage(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return `${prefix}${where}: ${issue?.message ?? 'invalid value'}.`;
}

function safeUrl(url: string, where: string): Result<string, InteropErrorCode> {
  if (originOf(url) === null) {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    return err(
      'unsafe-url',
      `${where} goes to a ${scheme ? `${scheme}: ` : 'non-web '}address. Understudy only imports steps on http and https pages.`,
    );
  }
  return ok(url);
}

const MODIFIER_KEYS: Record<string, 'Alt' | 'Control' | 'Meta' | 'Shift'> = {
  Alt: 'Alt',
  AltLeft: 'Alt',
  AltRight: 'Alt',
  Control: 'Control',
  ControlLeft: 'Control',
  ControlRight: 'Control',
  Meta: 'Meta',
  MetaLeft: 'Meta',
  MetaRight: 'Meta',
  Shift: 'Shift',
  ShiftLeft: 'Shift',
  ShiftRight: 'Shift',
};
/** Puppeteer key names that differ from KeyboardEvent.key, which our press steps use. */
const KEY_ALIASES: Record<string, string> = { Space: ' ', NumpadEnter: 'Enter', '\r': 'Enter', '\n': 'Enter' };

function clampTimeout(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.min(300_000, Math.max(100, Math.round(ms)));
}

/**
 * Parses a Chrome DevTools Recorder JSON file into a task. Never throws for bad input: every refusal is an error
 * value whose message says what is wrong with the file.
 */
export function importRecorderJson(
  text: string,
  options: ImportOptions = {},
): Result<RecorderImport, InteropErrorCode> {
  if (text.length > MAX_RECORDER_JSON_LENGTH) {
    return err('too-large', 'This file is too large to be a Chrome Recorder recording (the limit is 5 MB).');
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return err('too-deep', 'This file nests too deeply to be a Chrome Recorder recording.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not-json', 'This file is not JSON. Export the recording from Chrome DevTools Recorder as JSON.');
  }
  const flow = UserFlowSchema.safeParse(raw);
  if (!flow.success) return err('invalid-flow', zodMessage(flow.error, 'This is not a Chrome Recorder recording'));
  const steps: RecorderStep[] = [];
  for (const [index, candidate] of flow.data.steps.entries()) {
    const type = (candidate as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(STEP_TYPES as string[]).includes(type)) {
      const shown = typeof type === 'string' ? `“${type.slice(0, 40)}”` : 'no type';
      return err(
        'invalid-flow',
        `Step ${index + 1} has ${shown}, which is not a Chrome Recorder step type. Nothing was imported.`,
      );
    }
    const parsed = RecorderStepSchema.safeParse(candidate);
    if (!parsed.success) return err('invalid-flow', zodMessage(parsed.error, `Step ${index + 1} (${type}) is invalid`));
    steps.push(parsed.data);
  }
  return convert({ ...flow.data, steps }, options);
}

interface CommonFields {
  id: string;
  optional: boolean;
  alwaysAsk: boolean;
  frame: TargetDescriptor[];
  tab: number;
  timeoutMs?: number;
}

function convert(flow: UserFlow, options: ImportOptions): Result<RecorderImport, InteropErrorCode> {
  let counter = 0;
  const newId = options.newId ?? (() => `imported-${++counter}`);
  const notes: string[] = [];
  const out: Step[] = [];
  const variables: Variable[] = [];
  const origins: string[] = [];
  const tabs: string[] = [];
  const held: ('Alt' | 'Control' | 'Meta' | 'Shift')[] = [];
  const flowTimeout = clampTimeout(flow.timeout);

  const addOrigin = (url: string) => {
    const origin = originOf(url);
    if (origin && !origins.includes(origin)) origins.push(origin);
  };
  const uniqueName = (wanted: string) => {
    const names = new Set(variables.map((variable) => variable.name));
    if (!names.has(wanted)) return wanted;
    for (let suffix = 2; ; suffix++) {
      const candidate = `${wanted.slice(0, 60)}${suffix}`;
      if (!names.has(candidate)) return candidate;
    }
  };
  const manual = (what: string, detail: string, common: CommonFields): Step => ({
    ...common,
    kind: 'waitForUrl',
    url: `${MANUAL_STEP_MARKER}${what}): ${detail}`.slice(0, MAX_URL),
    alwaysAsk: true,
  });

  for (const [index, step] of flow.steps.entries()) {
    const where = `Step ${index + 1} (${step.type})`;
    // Steps in another page (a tab the flow opened) are numbered in order of first appearance.
    let tab = 0;
    if (step.target && step.target !== 'main') {
      const checked = safeUrl(step.target, `${where}'s page`);
      if (!checked.ok) return checked;
      addOrigin(step.target);
      if (!tabs.includes(step.target)) tabs.push(step.target);
      tab = Math.min(20, tabs.indexOf(step.target) + 1);
    }
    const timeoutMs = clampTimeout(step.timeout) ?? flowTimeout;
    const common: CommonFields = {
      id: newId(),
      optional: false,
      alwaysAsk: false,
      frame: [],
      tab,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    };
    if ('frame' in step && step.frame && step.frame.length > 0) {
      // Recorder frames are child-frame indexes; ours are descriptors of each iframe, matched by position.
      common.frame = step.frame.map((position) => ({
        version: 1 as const,
        locators: [{ kind: 'xpath' as const, path: `(//iframe|//frame)[${position + 1}]` }],
        fingerprint: {
          tag: 'iframe',
          role: '',
          name: '',
          attrs: {},
          classes: [],
          index: position,
          count: position + 1,
        },
        shadowHosts: [],
      }));
      notes.push(`${where} acts inside a frame, found by its position on the page.`);
    }
    const target = (selectors: readonly RecorderSelector[]) => descriptorFromSelectors(selectors);

    switch (step.type) {
      case 'navigate': {
        const checked = safeUrl(step.url, where);
        if (!checked.ok) return checked;
        addOrigin(step.url);
        out.push({ ...common, kind: 'navigate', url: step.url });
        break;
      }
      case 'click':
      case 'doubleClick': {
        if (step.button && step.button !== 'primary') {
          out.push(manual(step.type, `${step.button} button, which Understudy does not replay`, common));
          notes.push(`${where} uses the ${step.button} mouse button; it is kept but the run stops there.`);
          break;
        }
        out.push({ ...common, kind: step.type, target: target(step.selectors) });
        break;
      }
      case 'hover':
        out.push({ ...common, kind: 'hover', target: target(step.selectors) });
        break;
      case 'change': {
        // No kind is assumed when no selector states one: a change may type into a textarea or an editable region.
        const described = target(step.selectors);
        const role = described.fingerprint.role;
        if (described.fingerprint.tag === 'select' || role === 'combobox' || role === 'listbox') {
          described.fingerprint.tag = 'select';
          // Templates have no escape syntax: a literal `{{` travels as a variable's value instead.
          const literal = !step.value.includes('{{');
          const name = literal ? '' : uniqueName('choice');
          if (!literal) variables.push({ name, secret: false, defaultValue: step.value });
          out.push({
            ...common,
            kind: 'select',
            target: described,
            value: literal ? step.value : `{{${name}}}`,
            label: '',
          });
          break;
        }
        const label = described.fingerprint.name || described.fingerprint.id || described.fingerprint.attrs.name || '';
        const secret = looksSecret(step.selectors) || /pass(word|code)|\bpin\b/i.test(label);
        const name = uniqueName(variableNameFrom(label, secret ? 'secret' : 'text'));
        variables.push({
          name,
          secret,
          defaultValue: step.value,
          ...(label ? { label: label.slice(0, MAX_TITLE) } : {}),
        });
        out.push({ ...common, kind: 'fill', target: described, value: `{{${name}}}` });
        break;
      }
      case 'keyDown': {
        const modifier = MODIFIER_KEYS[step.key];
        if (modifier) {
          if (!held.includes(modifier)) held.push(modifier);
          break;
        }
        out.push({ ...common, kind: 'press', key: KEY_ALIASES[step.key] ?? step.key, modifiers: [...held] });
        break;
      }
      case 'keyUp': {
        // A key-up ends a press already made by its key-down; one with no key-down does nothing either.
        const modifier = MODIFIER_KEYS[step.key];
        const at = modifier ? held.indexOf(modifier) : -1;
        if (at >= 0) held.splice(at, 1);
        break;
      }
      case 'scroll':
        out.push({
          ...common,
          kind: 'scroll',
          ...(step.selectors ? { target: target(step.selectors) } : {}),
          x: step.x ?? 0,
          y: step.y ?? 0,
        });
        break;
      case 'waitForElement': {
        const plain =
          (step.operator ?? '==') === '==' &&
          (step.count ?? 1) === 1 &&
          step.visible !== false &&
          !step.properties &&
          !step.attributes;
        if (plain) {
          out.push({ ...common, kind: 'waitForElement', target: target(step.selectors) });
        } else {
          out.push(manual('waitForElement', JSON.stringify(step.selectors).slice(0, 500), common));
          notes.push(
            `${where} waits for a count, absence or properties of elements; it is kept but the run stops there.`,
          );
        }
        break;
      }
      case 'waitForExpression':
        out.push(manual('waitForExpression', step.expression, common));
        notes.push(`${where} runs page JavaScript, which Understudy never does; it is kept but the run stops there.`);
        break;
      case 'customStep':
        out.push(manual('customStep', step.name, common));
        notes.push(`${where} “${step.name}” is specific to another tool; it is kept but the run stops there.`);
        break;
      case 'close':
        notes.push(`${where} closes the page; Understudy leaves pages open, so it was left out.`);
        break;
      case 'setViewport':
      case 'emulateNetworkConditions':
        // Test-environment settings: they change nothing the task does on the page.
        break;
    }
  }

  const title = flow.title.trim().slice(0, MAX_TITLE).trim() || 'Imported from Chrome Recorder';
  const task = TaskSchema.safeParse({ version: 1, title, origins, variables, steps: out });
  if (!task.success) return err('invalid-flow', zodMessage(task.error, 'This recording cannot become a task'));
  if (origins.length === 0) {
    notes.push('The recording has no navigate step, so the task runs on whatever page is open when you start it.');
  }
  return ok({ task: task.data, notes });
}

// ---- export ----

export interface RecorderExport {
  text: string;
  fileName: string;
  /** Names of secret variables whose values were left empty. */
  emptySecrets: string[];
}

const REFERENCE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** A template with non-secret defaults filled in and secrets left empty. */
export function fillDefaults(template: string, variables: readonly Variable[], emptied: Set<string>): string {
  return template.replace(REFERENCE, (_match, name: string) => {
    const variable = variables.find((candidate) => candidate.name === name);
    if (!variable) return '';
    if (variable.secret) {
      emptied.add(name);
      return '';
    }
    return variable.defaultValue;
  });
}

export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${base || 'task'}${extension}`;
}

function offsetFor(target: TargetDescriptor): { offsetX: number; offsetY: number } {
  const rect = target.fingerprint.rect;
  // Puppeteer clicks at this offset from the element's top-left; the centre is what a person aims at.
  return rect && rect.width > 0 && rect.height > 0
    ? { offsetX: Math.round(rect.width / 2), offsetY: Math.round(rect.height / 2) }
    : { offsetX: 1, offsetY: 1 };
}

/**
 * A Recorder flow for this task. Refuses (rather than writing something that does something else) steps Puppeteer
 * cannot express: file uploads, form submits without a button, steps in frames or in tabs the page opened.
 */
export function exportRecorderJson(task: Task): Result<RecorderExport, InteropErrorCode> {
  const emptied = new Set<string>();
  const steps: Record<string, unknown>[] = [];
  for (const [index, step] of task.steps.entries()) {
    const where = `Step ${index + 1}`;
    if (step.frame.length > 0) {
      return err('not-exportable', `${where} acts inside a frame, which Chrome Recorder files cannot point at yet.`);
    }
    if (step.tab > 0) {
      return err('not-exportable', `${where} acts in a tab the page opened, which this export cannot address yet.`);
    }
    const timeout = step.timeoutMs !== undefined ? { timeout: Math.min(step.timeoutMs, 30_000) } : {};
    switch (step.kind) {
      case 'navigate':
        steps.push({ type: 'navigate', url: step.url, ...timeout });
        break;
      case 'click':
      case 'doubleClick':
      case 'check':
        // Chrome Recorder records ticking a box as a click on it.
        steps.push({
          type: step.kind === 'doubleClick' ? 'doubleClick' : 'click',
          selectors: selectorsForTarget(step.target),
          ...offsetFor(step.target),
          ...timeout,
        });
        break;
      case 'hover':
        steps.push({ type: 'hover', selectors: selectorsForTarget(step.target), ...timeout });
        break;
      case 'fill':
      case 'select':
        steps.push({
          type: 'change',
          selectors: selectorsForTarget(step.target),
          value: fillDefaults(step.value, task.variables, emptied),
          ...timeout,
        });
        break;
      case 'press': {
        for (const modifier of step.modifiers) steps.push({ type: 'keyDown', key: modifier });
        steps.push({ type: 'keyDown', key: step.key }, { type: 'keyUp', key: step.key });
        for (const modifier of [...step.modifiers].reverse()) steps.push({ type: 'keyUp', key: modifier });
        break;
      }
      case 'scroll':
        steps.push({
          type: 'scroll',
          ...(step.target ? { selectors: selectorsForTarget(step.target) } : {}),
          x: step.x,
          y: step.y,
        });
        break;
      case 'waitForElement':
        steps.push({ type: 'waitForElement', selectors: selectorsForTarget(step.target), ...timeout });
        break;
      case 'waitForUrl': {
        if (step.url.startsWith(MANUAL_STEP_MARKER)) {
          return err('not-exportable', `${where} came from another tool and cannot be exported; delete it first.`);
        }
        // Our own expression, built from a JSON string: the URL cannot break out of it.
        steps.push({ type: 'waitForExpression', expression: `location.href.includes(${JSON.stringify(step.url)})` });
        break;
      }
      case 'submit':
        return err('not-exportable', `${where} submits a form without a button, which Chrome Recorder cannot express.`);
      case 'upload':
        return err('not-exportable', `${where} uploads a file, which Chrome Recorder cannot replay.`);
    }
  }
  const emptySecrets = [...emptied];
  const title =
    emptySecrets.length === 0
      ? task.title
      : `${task.title} (fill in before running: ${emptySecrets.join(', ')}; secrets are never exported)`;
  const flow = { title, steps };
  return ok({
    text: `${JSON.stringify(flow, null, 2)}\n`,
    fileName: fileNameFor(task.title, '.json'),
    emptySecrets,
  });
}
