/**
 * Turns what a person does on a page into steps. Protocol:
 * - Listens in the capture phase on the document and never calls preventDefault or
 *   stopPropagation, so the page behaves exactly as without recording.
 * - Only trusted events count: a page script dispatching synthetic events records nothing.
 * - Uses composed events (input, click, keydown, focusout) and `composedPath()[0]`, so controls
 *   inside open shadow roots are seen as themselves, not as their host.
 * - Typing is coalesced per field into one `fill` step, emitted when the field loses focus or
 *   another action happens; every typed value becomes a variable (password fields: secret).
 * - Checkboxes, radios and selects are recorded from their `input` event (their `change` event
 *   does not cross shadow boundaries), clicks on them are skipped as redundant.
 * - Scrolling and pointing emit nothing by themselves. Right before each action, a `scroll` step is
 *   added for each container the person scrolled to bring its target into view (lib/recorder/scroll.ts),
 *   then a `hover` step for each element whose hover revealed it (lib/recorder/hover.ts).
 */
import { describeElement, retarget } from '@/lib/locators';
import type { TargetDescriptor } from '@/lib/locators/schema';
import type { Step } from '@/lib/task/schema';
import { createHoverTracker } from './hover';
import { createScrollTracker } from './scroll';

export interface ProposedVariable {
  /** A readable name derived from the field's label; the background makes it unique. */
  suggestedName: string;
  secret: boolean;
  value: string;
}

export interface RecordedAction {
  step: Step;
  variable?: ProposedVariable;
}

export interface CaptureOptions {
  /** The iframes leading to this document, from the top; empty in the top frame. */
  framePath: () => TargetDescriptor[];
  emit: (action: RecordedAction) => void;
  newId?: () => string;
  /** Milliseconds on the page's clock; tests pass their own. */
  now?: () => number;
}

const RECORDED_KEYS = new Set(['Enter', 'Escape', 'Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const TEXT_INPUT_TYPES = new Set([
  'text',
  'email',
  'password',
  'search',
  'tel',
  'url',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
  'color',
  'range',
]);
const MAX_VARIABLE_NAME = 40;
const ENTER_SUBMIT_WINDOW_MS = 100;

function isTextField(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  return tag === 'input' && TEXT_INPUT_TYPES.has(((element as HTMLInputElement).type || 'text').toLowerCase());
}

function isToggle(element: Element): element is HTMLInputElement {
  const type = (element as HTMLInputElement).type?.toLowerCase();
  return element.tagName.toLowerCase() === 'input' && (type === 'checkbox' || type === 'radio');
}

function isFileInput(element: Element): element is HTMLInputElement {
  return element.tagName.toLowerCase() === 'input' && (element as HTMLInputElement).type?.toLowerCase() === 'file';
}

function isEditable(element: Element): boolean {
  return (element as HTMLElement).isContentEditable === true;
}

function eventTarget(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
}

/** "Email address" → "emailAddress"; falls back to the field kind. */
export function variableNameFrom(label: string, fallback: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 5);
  const camel = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
  const name = /^[A-Za-z]/.test(camel) ? camel : `${fallback}${camel}`;
  return name.slice(0, MAX_VARIABLE_NAME) || fallback;
}

let counter = 0;
function defaultId(): string {
  counter += 1;
  return `r${Date.now().toString(36)}${counter.toString(36)}`;
}

export function startCapture(doc: Document, options: CaptureOptions): () => void {
  const newId = options.newId ?? defaultId;
  const now = options.now ?? (() => performance.now());
  const scroll = createScrollTracker(doc, now);
  const hover = createHoverTracker(doc, now);
  let pendingFill: { element: HTMLInputElement | HTMLTextAreaElement | HTMLElement; step: Step } | null = null;

  // Fields this recording typed or chose in: their values are the run's data, so they never say which
  // row a later step's field is in.
  const filled = new WeakSet<Element>();
  const filledByRecording = (field: Element) => filled.has(field);
  // What each text field held when it took focus: replay finds it so before the step types.
  const valuesAtFocus = new WeakMap<Element, string>();

  const base = () => ({ id: newId(), optional: false, alwaysAsk: false, frame: options.framePath(), tab: 0 });

  /** Before an action on `target`: the scrolls that revealed it, then the hovers that revealed it. */
  const prelude = (target: Element | null) => {
    for (const { container, x, y } of scroll.flush(target)) {
      const where = container ? { target: describeElement(container) } : {};
      options.emit({ step: { ...base(), kind: 'scroll', ...where, x: Math.round(x), y: Math.round(y) } });
    }
    if (target) {
      for (const trigger of hover.triggersFor(target)) {
        options.emit({ step: { ...base(), kind: 'hover', target: describeElement(trigger) } });
      }
    }
    hover.noteAction();
  };

  const flushFill = () => {
    if (!pendingFill) return;
    const { element, step } = pendingFill;
    pendingFill = null;
    if (step.kind !== 'fill') return;
    const value = isEditable(element) ? (element.textContent ?? '') : (element as HTMLInputElement).value;
    const secret = (element as HTMLInputElement).type?.toLowerCase() === 'password';
    filled.add(element);
    const label = step.target.fingerprint.label || step.target.fingerprint.name || '';
    options.emit({
      step,
      variable: { suggestedName: variableNameFrom(label, secret ? 'secret' : 'text'), secret, value },
    });
  };

  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    const element = eventTarget(event);
    if (!element) return;
    if (isToggle(element)) {
      if (element.type.toLowerCase() === 'radio' && !element.checked) return;
      flushFill();
      prelude(element);
      options.emit({ step: { ...base(), kind: 'check', target: describeElement(element), checked: element.checked } });
      return;
    }
    if (element.tagName.toLowerCase() === 'select') {
      const select = element as HTMLSelectElement;
      flushFill();
      prelude(select);
      const target = describeElement(select, { filledByRecording });
      filled.add(select);
      options.emit({
        step: {
          ...base(),
          kind: 'select',
          target,
          value: select.value,
          label: (select.selectedOptions[0]?.textContent ?? '').trim().slice(0, 200),
        },
      });
      return;
    }
    if (isFileInput(element)) {
      flushFill();
      prelude(element);
      options.emit({ step: { ...base(), kind: 'upload', target: describeElement(element) } });
      return;
    }
    const field = isTextField(element) ? element : isEditable(element) ? (element as HTMLElement) : null;
    if (!field) return;
    if (pendingFill?.element === field) return;
    flushFill();
    prelude(field);
    // What the field held before this typing (an edit form's stored value), as replay will find it.
    const valueBefore = valuesAtFocus.get(field) ?? null;
    pendingFill = {
      element: field,
      step: { ...base(), kind: 'fill', target: describeElement(field, { valueBefore, filledByRecording }), value: '' },
    };
  };

  const onFocusIn = (event: Event) => {
    if (!event.isTrusted) return;
    const element = eventTarget(event);
    // Never a password, not even in memory.
    if (element && isTextField(element) && element.type.toLowerCase() !== 'password') {
      valuesAtFocus.set(element, element.value);
    }
  };

  const onFocusOut = (event: Event) => {
    if (pendingFill && eventTarget(event) === pendingFill.element) flushFill();
  };

  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0) return;
    const raw = eventTarget(event);
    if (!raw) return;
    const element = retarget(raw);
    const tag = element.tagName.toLowerCase();
    // Fields are recorded by what is typed or chosen; clicking into them adds nothing to replay.
    if (isTextField(element) || isToggle(element) || isFileInput(element) || tag === 'select' || tag === 'option')
      return;
    if (isEditable(element)) return;
    // The second click of a double click is recorded as the double click itself.
    if (event.detail >= 2) return;
    flushFill();
    prelude(element);
    options.emit({ step: { ...base(), kind: 'click', target: describeElement(element) } });
  };

  const onDoubleClick = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const raw = eventTarget(event);
    if (!raw) return;
    const element = retarget(raw);
    if (isTextField(element)) return;
    options.emit({ step: { ...base(), kind: 'doubleClick', target: describeElement(element) } });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.isComposing || !RECORDED_KEYS.has(event.key)) return;
    const element = eventTarget(event);
    // Enter in a textarea and arrows in a text field are part of typing.
    if (element && element.tagName.toLowerCase() === 'textarea' && event.key !== 'Tab' && event.key !== 'Escape')
      return;
    // Arrows in a text field, list or radio group change the value: that is recorded as the value.
    if (element && event.key.startsWith('Arrow') && (isTextField(element) || isToggle(element))) return;
    if (element && element.tagName.toLowerCase() === 'select' && event.key !== 'Tab' && event.key !== 'Escape') return;
    flushFill();
    const modifiers: ('Alt' | 'Control' | 'Meta' | 'Shift')[] = [];
    if (event.altKey) modifiers.push('Alt');
    if (event.ctrlKey) modifiers.push('Control');
    if (event.metaKey) modifiers.push('Meta');
    if (event.shiftKey) modifiers.push('Shift');
    const onBody = !element || element === doc.body || element === doc.documentElement;
    prelude(onBody ? null : element);
    options.emit({
      step: {
        ...base(),
        kind: 'press',
        key: event.key,
        modifiers,
        ...(onBody ? {} : { target: describeElement(element) }),
      },
    });
  };

  // Enter in a field (recorded as a press) submits through the form; the submit event follows
  // the keydown within the same task, after its listeners, so a short window identifies it.
  let lastEnterAt = Number.NEGATIVE_INFINITY;
  const onSubmit = (event: SubmitEvent) => {
    if (!event.isTrusted) return;
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    // A click on a submit button or Enter in a field was already recorded and causes this submit.
    if (event.submitter !== null || performance.now() - lastEnterAt < ENTER_SUBMIT_WINDOW_MS) return;
    flushFill();
    prelude(form);
    options.emit({ step: { ...base(), kind: 'submit', target: describeElement(form) } });
  };
  const onKeyDownForSubmit = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.isTrusted) lastEnterAt = performance.now();
  };

  const listeners: [string, EventListener][] = [
    ['input', onInput as EventListener],
    ['focusin', onFocusIn as EventListener],
    ['focusout', onFocusOut as EventListener],
    ['click', onClick as EventListener],
    ['dblclick', onDoubleClick as EventListener],
    ['keydown', onKeyDownForSubmit as EventListener],
    ['keydown', onKeyDown as EventListener],
    ['submit', onSubmit as EventListener],
    // Scroll and hover bookkeeping: constant work per event, no locator is generated until an action.
    ['wheel', scroll.noteIntent],
    ['touchmove', scroll.noteIntent],
    ['keydown', scroll.noteIntent],
    ['pointerdown', scroll.notePointer as EventListener],
    ['pointerup', scroll.notePointer as EventListener],
    ['pointercancel', scroll.notePointer as EventListener],
    ['scroll', scroll.noteScroll],
    ['scroll', hover.noteScroll],
    ['pointerover', hover.notePointerOver as EventListener],
  ];
  for (const [type, listener] of listeners) doc.addEventListener(type, listener, { capture: true, passive: true });
  // A page unload must not lose the field being typed into.
  const onPageHide = () => flushFill();
  doc.defaultView?.addEventListener('pagehide', onPageHide, { capture: true });

  return () => {
    flushFill();
    hover.stop();
    for (const [type, listener] of listeners) doc.removeEventListener(type, listener, { capture: true });
    doc.defaultView?.removeEventListener('pagehide', onPageHide, { capture: true });
  };
}
