import { matchFrame } from '@/lib/run/frames';
import { InspectReply } from '@/lib/run/protocol';
import type { Run } from '@/lib/run/schema';
import type { Step, Task } from '@/lib/task/schema';
import { framesOf } from './connections';
import { ask, type FrameAddress, isTimedOut } from './frame-messages';

/**
 * The next step's target, looked up as soon as this step acted (while the frame tells how the page reacted,
 * the network is watched after a click-like step that made a request, and the run is saved): inspecting reads
 * the page and acts on nothing, and the next step still acts only after those. Its answer is
 * used only when it found the target harmless in the same document; anything else (risky, ambiguous, not there
 * yet: the page may still be reacting) is inspected afresh when the step's turn comes. The act itself checks
 * again that the target is still harmless. In memory only.
 */
const lookaheads = new Map<string, { index: number; documentId: string; reply: Promise<InspectReply | null> }>();

export function lookAhead(runId: string, run: Run, task: Task, index: number, tabId: number): void {
  const next = task.steps[index];
  if (!next || !('target' in next) || !next.target || run.tabs[next.tab] !== tabId) return;
  const frames = framesOf(tabId);
  const match = matchFrame(frames, next.frame);
  if (match.status !== 'found' || !match.documentId) return;
  const origin = frames.find((known) => known.frameId === match.frameId)?.origin ?? '';
  const frame = { frameId: match.frameId, documentId: match.documentId, origin };
  const message = {
    type: 'replay:inspect' as const,
    step: next,
    values: run.values,
    secretNames: secretNamesOf(task),
    // One look: an element that is not there yet is waited for when the step's turn comes.
    timeoutMs: 0,
  };
  lookaheads.set(runId, { index, documentId: match.documentId, reply: ask(tabId, frame, message, InspectReply) });
}

export async function takeLookahead(
  runId: string,
  index: number,
  step: Step,
  frame: FrameAddress,
): Promise<Extract<InspectReply, { status: 'found' }> | null> {
  const early = lookaheads.get(runId);
  lookaheads.delete(runId);
  if (!early || early.index !== index || early.documentId !== frame.documentId) return null;
  const reply = await early.reply;
  if (!reply || isTimedOut(reply) || reply.status !== 'found') return null;
  return reply.risk === 'none' && !step.alwaysAsk ? reply : null;
}

/** Forgets the look-ahead once its inspection is over (so it cannot outline anything after this). */
export async function dropLookahead(runId: string): Promise<void> {
  const early = lookaheads.get(runId);
  lookaheads.delete(runId);
  await early?.reply;
}

/** When a run stops being driven. */
export function forgetLookahead(runId: string): void {
  lookaheads.delete(runId);
}

/** The task's secret variables, whose values are masked in what a frame describes. */
export function secretNamesOf(task: Task): string[] {
  return task.variables.filter((variable) => variable.secret).map((variable) => variable.name);
}
