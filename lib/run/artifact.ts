/**
 * Failure artifacts (issue #10): when a replayed step fails, a screenshot of what its frame showed
 * and a short DOM excerpt around where the step expected its target, kept encrypted with the run.
 * Protocol:
 * 1. The runner marks a step failed and starts entrypoints/background/artifacts.ts without waiting:
 *    a capture that fails only means the run has no artifact, never a different run.
 * 2. The background sends `replay:artifact` to the step's frame: the step's target, the targets of
 *    the steps that typed a secret variable, and the run's secret values (the frame received those
 *    to act anyway; here they only find what to mask and never come back).
 * 3. The content script (entrypoints/content/artifact.ts) renders the visible viewport with
 *    modern-screenshot. Masking happens in the library's clone before anything is rasterized: every
 *    password field, every field holding a secret, and any text or attribute containing a secret
 *    show MASK. The live page is never edited. The excerpt is serialized from the live page by the
 *    same rules, without any `value` attribute.
 * 4. The background validates the reply, stores it under `${runId}.${stepIndex}` in `artifacts`
 *    (sealed and bound to that table and id like every record), and deletes a run's artifacts by
 *    that id prefix when the run goes.
 */
import { z } from 'zod';
import { roleOf, tagOf } from '@/lib/locators/dom';
import { resolveTarget } from '@/lib/locators/resolve';
import { type TargetDescriptor, TargetDescriptorSchema } from '@/lib/locators/schema';
import { normalizeText } from '@/lib/locators/text';
import { templateVariables } from '@/lib/replay/variables';
import { err, ok, type Result } from '@/lib/result';
import type { UnderstudyDb } from '@/lib/store/db';
import type { VaultSession } from '@/lib/store/session';
import type { Task } from '@/lib/task/schema';

export const MASK = '••••••';
/** A data URL's length, about 1.5 MB of image: a viewport compresses far below it. */
export const MAX_SCREENSHOT_CHARS = 2 * 1024 * 1024;
export const MAX_EXCERPT_CHARS = 4000;
export const MAX_SECRET_FIELDS = 50;
export const MAX_SECRET_VALUES = 200;
const MAX_SECRET_LENGTH = 10_000;
/** Excerpt shape: enough to see what was there instead of the target, not a copy of the page. */
const EXCERPT_MAX_DEPTH = 8;
const EXCERPT_MAX_CHILDREN = 30;
const EXCERPT_MAX_TEXT = 120;
const EXCERPT_MAX_ATTRIBUTE = 80;

export const ScreenshotDataUrl = z
  .string()
  .max(MAX_SCREENSHOT_CHARS)
  .regex(/^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'A screenshot is a PNG or JPEG data URL.');

export const ArtifactRequest = z.strictObject({
  type: z.literal('replay:artifact'),
  /** The failed step's recorded target: the excerpt is cut around it (or where it should be). */
  target: TargetDescriptorSchema.nullable(),
  /** Fields earlier steps typed secret variables into: masked whatever their type. */
  secretFields: z.array(TargetDescriptorSchema).max(MAX_SECRET_FIELDS),
  /** Non-empty secret values of the run: masked wherever they show. Never sent back. */
  secretValues: z.array(z.string().min(1).max(MAX_SECRET_LENGTH)).max(MAX_SECRET_VALUES),
});
export type ArtifactRequest = z.infer<typeof ArtifactRequest>;

const Captured = {
  /** Null when the frame could not render itself (the excerpt is still worth keeping). */
  screenshot: ScreenshotDataUrl.nullable(),
  domExcerpt: z.string().max(MAX_EXCERPT_CHARS),
  /** How many fields, texts and attributes were masked. */
  maskedCount: z.number().int().nonnegative().max(1_000_000),
};

/** What the frame answers (from an untrusted page: validated by the background). */
export const ArtifactReply = z.strictObject({ status: z.literal('captured'), ...Captured });
export type ArtifactReply = z.infer<typeof ArtifactReply>;

/** The stored record, in the `artifacts` table under {@link artifactId}. */
export const ArtifactSchema = z.strictObject({
  version: z.literal(1),
  runId: z.string().max(64),
  stepIndex: z.number().int().nonnegative().max(2000),
  capturedAt: z.number(),
  ...Captured,
});
export type Artifact = z.infer<typeof ArtifactSchema>;

/** What the side panel gets for one failed step. */
export const ArtifactView = z.strictObject({
  stepIndex: z.number().int(),
  capturedAt: z.number(),
  screenshot: z.string().nullable(),
  domExcerpt: z.string(),
  maskedCount: z.number().int(),
});
export type ArtifactView = z.infer<typeof ArtifactView>;

export function artifactId(runId: string, stepIndex: number): string {
  return `${artifactIdPrefix(runId)}${stepIndex}`;
}

/** Every artifact of a run has an id starting with this (run ids never contain a dot). */
export function artifactIdPrefix(runId: string): string {
  return `${runId}.`;
}

/** Stores (sealed, bound to `artifacts` and its id) the artifact of one failed step. */
export async function storeArtifact(session: VaultSession, artifact: Artifact): Promise<boolean> {
  const stored = await session.put(
    'artifacts',
    artifactId(artifact.runId, artifact.stepIndex),
    artifact,
    ArtifactSchema,
  );
  return stored.ok;
}

/** A run's artifacts, by step. Rows that fail to decrypt or validate are quarantined and left out. */
export async function readArtifacts(
  db: UnderstudyDb,
  session: VaultSession,
  runId: string,
): Promise<Result<ArtifactView[], 'storage-failed'>> {
  let ids: string[];
  try {
    // Keys only: nothing is decrypted to find them.
    ids = await db.artifacts.where('id').startsWith(artifactIdPrefix(runId)).primaryKeys();
  } catch {
    return err('storage-failed', "Understudy couldn't read this run's screenshots. Try again.");
  }
  const artifacts: ArtifactView[] = [];
  for (const id of ids) {
    const got = await session.get('artifacts', id, ArtifactSchema);
    // The envelope binds the row to its id; the record must also say it is this run's.
    if (!got.ok || artifactId(got.value.runId, got.value.stepIndex) !== id || got.value.runId !== runId) continue;
    const { stepIndex, capturedAt, screenshot, domExcerpt, maskedCount } = got.value;
    artifacts.push({ stepIndex, capturedAt, screenshot, domExcerpt, maskedCount });
  }
  return ok(artifacts.sort((left, right) => left.stepIndex - right.stepIndex));
}

/** Deletes every artifact of these runs (no key needed); returns how many rows went. */
export async function deleteArtifacts(db: UnderstudyDb, runIds: readonly string[]): Promise<number> {
  if (runIds.length === 0) return 0;
  return db.transaction('rw', db.artifacts, async () => {
    let deleted = 0;
    for (const runId of runIds) deleted += await db.artifacts.where('id').startsWith(artifactIdPrefix(runId)).delete();
    return deleted;
  });
}

function secretNames(task: Task): Set<string> {
  return new Set(task.variables.filter((variable) => variable.secret).map((variable) => variable.name));
}

/** Targets of the steps up to `stepIndex` that typed or picked a secret variable's value. */
export function secretFieldTargets(task: Task, stepIndex: number): TargetDescriptor[] {
  const secrets = secretNames(task);
  const targets: TargetDescriptor[] = [];
  for (const step of task.steps.slice(0, stepIndex + 1)) {
    if (step.kind !== 'fill' && step.kind !== 'select') continue;
    if (templateVariables(step.value).some((name) => secrets.has(name))) targets.push(step.target);
  }
  return targets.slice(-MAX_SECRET_FIELDS);
}

/** The run's non-empty secret values, longest first. */
export function secretValuesOf(task: Task, values: Readonly<Record<string, string>>): string[] {
  const found = [...secretNames(task)]
    .map((name) => (Object.hasOwn(values, name) ? (values[name] as string) : ''))
    .filter((value) => value.length > 0 && value.length <= MAX_SECRET_LENGTH);
  return orderSecrets(found).slice(0, MAX_SECRET_VALUES);
}

/** Distinct, non-empty, longest first (so a secret containing another is masked whole). */
export function orderSecrets(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((value) => value.length > 0))].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of every secret replaced by MASK, and how many were replaced. */
export function maskText(text: string, secrets: readonly string[]): { text: string; count: number } {
  let count = 0;
  let masked = text;
  for (const secret of secrets) {
    if (!masked.includes(secret)) continue;
    const parts = masked.split(secret);
    count += parts.length - 1;
    masked = parts.join(MASK);
  }
  return { text: masked, count };
}

function isPasswordField(element: Element): boolean {
  return tagOf(element) === 'input' && (element.getAttribute('type') ?? '').trim().toLowerCase() === 'password';
}

function isValueField(element: Element): boolean {
  const tag = tagOf(element);
  return tag === 'input' || tag === 'textarea' || tag === 'select';
}

function* deepElements(root: Document | Element | ShadowRoot): Generator<Element> {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/**
 * What must never show, read from the live frame: the run's secret values, the current values of
 * the fields secrets were typed into (a page may have reformatted them) and of every password
 * field (open shadow roots included).
 */
export function collectSecrets(
  doc: Document,
  secretFields: readonly TargetDescriptor[],
  secretValues: readonly string[],
): { secrets: string[]; fields: Element[] } {
  const fields = new Set<Element>();
  for (const target of secretFields) {
    const found = resolveTarget(doc, target);
    if (found.status === 'found') fields.add(found.element);
    else if (found.status === 'ambiguous') for (const candidate of found.candidates) fields.add(candidate);
  }
  for (const element of deepElements(doc)) if (isPasswordField(element)) fields.add(element);
  const values = [...secretValues];
  for (const field of fields) {
    const value = (field as HTMLInputElement).value;
    if (typeof value === 'string') values.push(value);
  }
  return { secrets: orderSecrets(values), fields: [...fields] };
}

/**
 * Masks a detached clone of the page in place, before it is rendered: password fields, fields
 * whose value holds a secret, and any text or attribute containing a secret. Returns the count.
 * The clone carries live values as `value` attributes (modern-screenshot copies them there).
 */
export function maskClone(root: Element, secrets: readonly string[]): number {
  let count = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* elements and text */);
  const texts: Text[] = [];
  const elements: Element[] = [root];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) texts.push(node as Text);
    else elements.push(node as Element);
  }
  for (const element of elements) {
    if (isValueField(element)) {
      const value = element.getAttribute('value') ?? '';
      const tag = tagOf(element);
      const text = tag === 'textarea' ? (element.textContent ?? '') : '';
      const holdsSecret = secrets.some((secret) => value.includes(secret) || text.includes(secret));
      if (isPasswordField(element) || holdsSecret) {
        if (value !== '' || isPasswordField(element)) element.setAttribute('value', value === '' ? '' : MASK);
        if (tag === 'textarea') element.textContent = MASK;
        if (value !== '' || text !== '') count++;
        continue;
      }
    }
    for (const name of element.getAttributeNames()) {
      const masked = maskText(element.getAttribute(name) ?? '', secrets);
      if (masked.count === 0) continue;
      element.setAttribute(name, masked.text);
      count += masked.count;
    }
  }
  for (const text of texts) {
    if (!root.contains(text)) continue; // a masked textarea dropped it
    const masked = maskText(text.data, secrets);
    if (masked.count === 0) continue;
    text.data = masked.text;
    count += masked.count;
  }
  return count;
}

const REGION_SELECTOR =
  'form, fieldset, dialog, [role="dialog"], [role="alertdialog"], li, tr, article, section, aside, nav, header, footer, main, [role="main"]';

/** Where the excerpt is cut: around the target if it is there, else where it was recorded. */
export function regionAround(
  doc: Document,
  target: TargetDescriptor | null,
): { region: Element; target: Element | null } {
  const fallback = doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
  if (!target) return { region: fallback, target: null };
  const found = resolveTarget(doc, target);
  const element = found.status === 'found' ? found.element : null;
  if (element) return { region: element.parentElement?.closest(REGION_SELECTOR) ?? fallback, target: element };
  const { form, landmark } = target.fingerprint;
  const region = (form ? formRegion(doc, form) : null) ?? (landmark ? landmarkRegion(doc, landmark) : null);
  return { region: region ?? fallback, target: null };
}

/** The form a fingerprint's `form` (lib/locators/dom.ts formOf) describes, if one still fits. */
function formRegion(doc: Document, described: string): Element | null {
  const forms = Array.from(doc.forms);
  if (described.startsWith('#')) {
    const byId = doc.getElementById(described.slice(1));
    return byId && tagOf(byId) === 'form' ? byId : null;
  }
  const [kind, ...rest] = described.split(':');
  const value = rest.join(':');
  const matches = forms.filter((form) => {
    if (kind === 'name') return form.getAttribute('name') === value;
    if (kind === 'action') return pathOf(form.getAttribute('action') ?? '') === value;
    if (kind === 'label') return normalizeText(form.getAttribute('aria-label')) === value;
    return kind === 'form';
  });
  return matches.length === 1 ? (matches[0] as Element) : null;
}

function pathOf(href: string): string {
  try {
    return new URL(href, 'http://x.invalid/').pathname;
  } catch {
    return href;
  }
}

/** The first element with a landmark's `role` or `role:label` (lib/locators/dom.ts landmarkOf). */
function landmarkRegion(doc: Document, landmark: string): Element | null {
  const [role, ...rest] = landmark.split(':');
  const label = rest.join(':');
  const candidates = doc.querySelectorAll('main, nav, header, footer, aside, section, form, dialog, search, [role]');
  for (const element of Array.from(candidates)) {
    if (roleOf(element) !== role) continue;
    if (!label || normalizeText(element.getAttribute('aria-label')) === label) return element;
  }
  return null;
}

const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);
/** Elements whose insides are noise in an excerpt (paths, pixels, another document). */
const OPAQUE_TAGS = new Set(['svg', 'canvas', 'iframe', 'video', 'audio', 'object', 'select']);
/** Never written: values (any field's), inline handlers and styles, embedded documents. */
function isDroppedAttribute(name: string): boolean {
  return name === 'value' || name === 'style' || name === 'srcdoc' || name.startsWith('on');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A short, safe HTML excerpt of `region`: tags and attributes, collapsed text, no `value`
 * attribute anywhere, secrets masked (a password or secret field that holds something shows
 * `value="MASK"`), depth, children and length capped. `target`, when found, is marked.
 */
export function domExcerpt(
  region: Element,
  options: {
    secrets: readonly string[];
    secretFields?: readonly Element[];
    target?: Element | null;
    maxChars?: number;
  },
): string {
  const max = options.maxChars ?? MAX_EXCERPT_CHARS;
  const secretFields = new Set(options.secretFields ?? []);
  const out: string[] = [];
  let length = 0;
  let full = false;
  const emit = (part: string) => {
    if (full) return;
    if (length + part.length > max - 1) {
      out.push(part.slice(0, Math.max(0, max - 1 - length)), '…');
      length = max;
      full = true;
      return;
    }
    out.push(part);
    length += part.length;
  };
  // Masked before and after normalizing: a secret split by spacing or zero-width characters too.
  const masked = (text: string) => maskText(normalizeText(maskText(text, options.secrets).text), options.secrets).text;

  const walk = (node: Node, depth: number) => {
    if (full) return;
    if (node.nodeType === 3) {
      const text = masked((node as Text).data);
      if (text) emit(escapeText(clip(text, EXCERPT_MAX_TEXT)));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = tagOf(element);
    if (SKIPPED_TAGS.has(tag)) return;
    if (element === options.target) emit('<!-- the step’s target -->');
    const attributes = element
      .getAttributeNames()
      .filter((name) => !isDroppedAttribute(name.toLowerCase()))
      .map((name) => {
        const value = clip(masked(element.getAttribute(name) ?? ''), EXCERPT_MAX_ATTRIBUTE);
        return ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`;
      });
    const current = (element as HTMLInputElement).value;
    const isSecret = isPasswordField(element) || secretFields.has(element);
    if (isSecret && isValueField(element) && typeof current === 'string' && current !== '') {
      attributes.push(` value="${MASK}"`);
    }
    emit(`<${tag}${attributes.join('')}>`);
    if (depth < EXCERPT_MAX_DEPTH && !OPAQUE_TAGS.has(tag) && !(isSecret && tag === 'textarea')) {
      const children = Array.from(element.childNodes);
      for (const child of children.slice(0, EXCERPT_MAX_CHILDREN)) walk(child, depth + 1);
      if (children.length > EXCERPT_MAX_CHILDREN) emit('…');
    } else if (element.childNodes.length > 0) {
      emit('…');
    }
    if (!VOID_TAGS.has(tag)) emit(`</${tag}>`);
  };
  walk(region, 0);
  return out.join('');
}

const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
