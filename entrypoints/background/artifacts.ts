/**
 * Failure artifacts, background side (protocol atop lib/run/artifact.ts): ask the failed step's
 * frame for a masked screenshot and DOM excerpt, validate the reply, store it encrypted with the
 * run; read a run's artifacts back; delete them with their runs. A capture that fails in any way
 * is skipped without a word (nothing about the page or the run is logged).
 */
import { browser } from 'wxt/browser';
import { err, ok, type Result } from '@/lib/result';
import {
  ArtifactReply,
  type ArtifactRequest,
  type ArtifactView,
  deleteArtifacts,
  readArtifacts,
  secretFieldTargets,
  secretValuesOf,
  storeArtifact,
} from '@/lib/run/artifact';
import { matchFrame } from '@/lib/run/frames';
import type { Run } from '@/lib/run/schema';
import type { Task } from '@/lib/task/schema';
import { framesOf } from './connections';
import { db, requireSession } from './vault';

/** Rendering a large page takes a while; a frame that has not answered by then never will. */
const CAPTURE_TIMEOUT_MS = 20_000;

/**
 * Captures and stores the artifact of the failed step `stepIndex`. Call without waiting: it never
 * throws and never changes the run. Everything it needs is read before its first await, so later
 * changes to `run` (the runner finishing it) do not matter.
 */
export async function captureFailureArtifact(runId: string, run: Run, task: Task, stepIndex: number): Promise<void> {
  try {
    const step = task.steps[stepIndex];
    const tabId = step ? (run.tabs[step.tab] ?? run.tabs[0]) : undefined;
    if (!step || tabId === undefined) return;
    const request: ArtifactRequest = {
      type: 'replay:artifact',
      target: 'target' in step && step.target ? step.target : null,
      secretFields: secretFieldTargets(task, stepIndex),
      secretValues: secretValuesOf(task, run.values),
    };
    // The step's own frame if it is there, else the top document: what the person would look at.
    const frames = framesOf(tabId);
    const match = matchFrame(frames, step.frame);
    const frame =
      match.status === 'found'
        ? { frameId: match.frameId, documentId: match.documentId }
        : (frames.find((known) => known.frameId === 0) ?? null);
    if (!frame) return;
    const reply = ArtifactReply.safeParse(await askFrame(tabId, frame, request));
    if (!reply.success) return;
    const session = await requireSession();
    if (!session.ok) return;
    const { status: _status, ...captured } = reply.data;
    await storeArtifact(session.value, { version: 1, runId, stepIndex, capturedAt: Date.now(), ...captured });
  } catch {
    // No artifact this time; the run's own result is already saved.
  }
}

async function askFrame(
  tabId: number,
  frame: { frameId: number; documentId: string | null },
  request: ArtifactRequest,
): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      // Addressed to the document that introduced itself, never to whatever replaced it since.
      browser.tabs.sendMessage(
        tabId,
        request,
        frame.documentId ? ({ documentId: frame.documentId } as { frameId?: number }) : { frameId: frame.frameId },
      ),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), CAPTURE_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function getArtifacts(runId: string): Promise<Result<{ artifacts: ArtifactView[] }, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  const read = await readArtifacts(db, session.value, runId);
  return read.ok ? ok({ artifacts: read.value }) : read;
}

/** Deletes every artifact of these runs: call wherever runs are deleted (needs no key, never throws). */
export async function deleteArtifactsForRuns(runIds: readonly string[]): Promise<Result<{ deleted: number }, string>> {
  try {
    return ok({ deleted: await deleteArtifacts(db, runIds) });
  } catch {
    return err('storage-failed', "Understudy couldn't delete these runs' screenshots. Try again.");
  }
}
