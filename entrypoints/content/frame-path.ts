/**
 * Where this document sits among frames, as descriptors of the iframes leading to it from the top.
 * Same-origin parents are read directly (`frameElement`); for a cross-origin parent we ask its own
 * content script, which answers with the descriptor of the iframe whose window sent the question.
 * Answers are only taken from our parent window and are validated like any page input.
 */
import { z } from 'zod';
import { describeElement } from '@/lib/locators';
import { type TargetDescriptor, TargetDescriptorSchema } from '@/lib/locators/schema';

const PROBE = 'understudy:frame-probe';
const ANSWER = 'understudy:frame-path';
const Probe = z.strictObject({ kind: z.literal(PROBE), nonce: z.string().max(64) });
const Answer = z.strictObject({
  kind: z.literal(ANSWER),
  nonce: z.string().max(64),
  path: z.array(TargetDescriptorSchema).max(8),
});

const PROBE_INTERVAL_MS = 200;
const PROBE_TRIES = 50;

let crossOriginPrefix: TargetDescriptor[] | null = null;

/** The frame path now (same-origin ancestors are described fresh; a cross-origin prefix is cached). */
export function framePath(): TargetDescriptor[] {
  const path: TargetDescriptor[] = [];
  let current: Window = window;
  for (let depth = 0; current !== current.parent && depth < 8; depth++) {
    let frame: Element | null = null;
    try {
      frame = current.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) return [...(crossOriginPrefix ?? []), ...path];
    path.unshift(describeElement(frame));
    current = current.parent;
  }
  return path;
}

/**
 * This frame's index among its parent's child frames at each level, from the top down: the frame
 * paths Chrome Recorder writes (`frame: [1, 0]`). Frame lists and window identity are readable
 * across origins, so this needs no help from the parents' scripts.
 */
export function framePositions(): number[] {
  const positions: number[] = [];
  let current: Window = window;
  for (let depth = 0; current !== current.parent && depth < 8; depth++) {
    const siblings = current.parent.frames;
    let index = -1;
    for (let at = 0; at < siblings.length; at++) {
      if (siblings[at] === current) {
        index = at;
        break;
      }
    }
    if (index < 0) return [];
    positions.unshift(index);
    current = current.parent;
  }
  return positions;
}

/** In a cross-origin frame: asks the parent's content script where we are. Resolves on answer. */
export function learnCrossOriginPrefix(): Promise<void> {
  if (window === window.parent) return Promise.resolve();
  try {
    if (window.frameElement) return Promise.resolve();
  } catch {
    // Cross-origin: fall through to asking.
  }
  const nonce = crypto.randomUUID();
  return new Promise((resolve) => {
    let tries = 0;
    // The parent's content script may load after ours: ask again until it answers, for a while.
    const timer = setInterval(() => {
      tries += 1;
      if (tries > PROBE_TRIES) {
        clearInterval(timer);
        resolve();
      } else window.parent.postMessage({ kind: PROBE, nonce }, '*');
    }, PROBE_INTERVAL_MS);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const answer = Answer.safeParse(event.data);
      if (!answer.success || answer.data.nonce !== nonce) return;
      crossOriginPrefix = answer.data.path;
      clearInterval(timer);
      window.removeEventListener('message', onMessage);
      resolve();
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ kind: PROBE, nonce }, '*');
  });
}

/** In every frame: answers child frames asking where they are. */
export function answerFrameProbes(): () => void {
  const onMessage = (event: MessageEvent) => {
    const probe = Probe.safeParse(event.data);
    if (!probe.success || !event.source) return;
    const frame = Array.from(document.querySelectorAll('iframe, frame')).find(
      (element) => (element as HTMLIFrameElement).contentWindow === event.source,
    );
    if (!frame) return;
    const path = [...framePath(), describeElement(frame)];
    (event.source as Window).postMessage({ kind: ANSWER, nonce: probe.data.nonce, path }, event.origin);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
