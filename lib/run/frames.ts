/**
 * Routes a step to the frame it was recorded in. Each content script reports its own frame path
 * (descriptors of the iframes above it); a step's recorded path is matched against them, iframe by
 * iframe, with the same fingerprint similarity replay uses for elements. Only a unique, clear match
 * counts: a step is never sent to a frame we are not sure of.
 */
import { compareFingerprints } from '@/lib/locators';
import type { TargetDescriptor } from '@/lib/locators/schema';

export const MIN_FRAME_SIMILARITY = 0.6;
export const MIN_FRAME_MARGIN = 0.1;

export interface KnownFrame {
  frameId: number;
  /** Chrome's id of the document that introduced itself, so messages reach that document only. */
  documentId: string | null;
  origin: string;
  path: readonly TargetDescriptor[];
  /** Index among the parent's child frames at each level from the top (empty when unknown). */
  positions?: readonly number[];
}

/** How an imported Chrome Recorder frame index is written as a descriptor (lib/interop/recorder-json.ts). */
const POSITION_XPATH = /^\(\/\/iframe\|\/\/frame\)\[(\d+)\]$/;

/**
 * The frame index a descriptor stands for when it says nothing but a position (a Chrome Recorder
 * `frame: [n]`, imported); null for a recorded iframe, which is matched by what it looks like.
 */
export function positionOnly(descriptor: TargetDescriptor): number | null {
  const [locator, ...others] = descriptor.locators;
  const print = descriptor.fingerprint;
  if (others.length > 0 || locator?.kind !== 'xpath' || print.role || print.name || print.id) return null;
  const match = POSITION_XPATH.exec(locator.path);
  return match ? Number(match[1]) - 1 : null;
}

function pathSimilarity(a: readonly TargetDescriptor[], b: readonly TargetDescriptor[]): number {
  if (a.length !== b.length) return 0;
  if (a.length === 0) return 1;
  let worst = 1;
  for (let index = 0; index < a.length; index++) {
    const left = a[index];
    const right = b[index];
    if (!left || !right) return 0;
    worst = Math.min(worst, compareFingerprints(left.fingerprint, right.fingerprint).score);
  }
  return worst;
}

export type FrameMatch =
  | { status: 'found'; frameId: number; documentId: string | null }
  | { status: 'not-found' | 'ambiguous'; reason: string };

export function matchFrame(frames: readonly KnownFrame[], wanted: readonly TargetDescriptor[]): FrameMatch {
  if (wanted.length === 0) {
    const top = frames.find((frame) => frame.frameId === 0);
    return top
      ? { status: 'found', frameId: 0, documentId: top.documentId }
      : { status: 'not-found', reason: 'The page has not finished loading.' };
  }
  const positions = wanted.map(positionOnly);
  if (positions.every((position) => position !== null)) {
    // An imported path names frames by index: exactly the frame at that index path, or none.
    const matches = frames.filter(
      (frame) =>
        frame.frameId !== 0 &&
        frame.positions?.length === positions.length &&
        frame.positions.every((position, level) => position === positions[level]),
    );
    const [only, another] = matches;
    if (only && !another) return { status: 'found', frameId: only.frameId, documentId: only.documentId };
    return matches.length > 1
      ? { status: 'ambiguous', reason: 'Several frames claim the position this step names.' }
      : { status: 'not-found', reason: `The page has no frame at position ${positions.join(' → ')}.` };
  }
  const scored = frames
    .filter((frame) => frame.frameId !== 0)
    .map((frame) => ({ frame, score: pathSimilarity(frame.path, wanted) }))
    .sort((left, right) => right.score - left.score);
  const [best, second] = scored;
  if (!best || best.score < MIN_FRAME_SIMILARITY) {
    return { status: 'not-found', reason: 'The frame this step was recorded in is not on the page.' };
  }
  if (second && best.score - second.score < MIN_FRAME_MARGIN) {
    return { status: 'ambiguous', reason: 'Several frames on the page look like the one this step was recorded in.' };
  }
  return { status: 'found', frameId: best.frame.frameId, documentId: best.frame.documentId };
}
