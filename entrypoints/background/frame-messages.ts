/**
 * Messages from the runner to one frame of a tab during replay, and their replies, which come from a frame of
 * an untrusted page and are validated here.
 */
import { browser } from 'wxt/browser';
import type { ReplayRequest } from '@/lib/run/protocol';

/** Backstop for a page that stopped answering, beyond the step's own timeout (the frame keeps that one). */
const REPLY_GRACE_MS = 5000;

export interface FrameAddress {
  frameId: number;
  documentId: string | null;
  origin: string;
}

export async function sendToFrame(tabId: number, frame: FrameAddress, message: ReplayRequest): Promise<unknown> {
  // Addressed to the document that introduced itself, never to whatever replaced it since.
  return browser.tabs.sendMessage(
    tabId,
    message,
    frame.documentId ? ({ documentId: frame.documentId } as { frameId?: number }) : { frameId: frame.frameId },
  );
}

/** An `ask` that got no reply in time (the page stopped answering). */
export function isTimedOut(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'timedOut' in value;
}

/** Sends to a frame and validates the reply; null when the frame's document went away meanwhile. */
export async function ask<T>(
  tabId: number,
  frameId: FrameAddress,
  message: Extract<ReplayRequest, { timeoutMs: number }> | Extract<ReplayRequest, { type: 'replay:pick' }>,
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
): Promise<T | null> {
  let reply: unknown;
  // The frame has its own step timeout; this is the backstop for a page that stopped answering.
  const deadlineMs = ('timeoutMs' in message ? message.timeoutMs : 0) + REPLY_GRACE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    reply = await Promise.race([
      sendToFrame(tabId, frameId, message),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no-reply')), deadlineMs);
      }),
    ]);
  } catch (error) {
    if (error instanceof Error && error.message === 'no-reply') return { timedOut: true } as never;
    return null;
  } finally {
    clearTimeout(timer);
  }
  const parsed = schema.safeParse(reply);
  return parsed.success ? parsed.data : null;
}
