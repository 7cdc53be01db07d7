/**
 * Messages from the runner to one frame of a tab during replay, and their replies, which come from a frame of
 * an untrusted page and are validated here.
 */
import { type Browser, browser } from 'wxt/browser';
import { createRequester, REPLAY_PORT_NAME, type Requester } from '@/lib/run/port-channel';
import type { ReplayRequest } from '@/lib/run/protocol';

/** Backstop for a page that stopped answering, beyond the step's own timeout (the frame keeps that one). */
const REPLY_GRACE_MS = 5000;

export interface FrameAddress {
  frameId: number;
  documentId: string | null;
  origin: string;
}

/** Open replay ports by the document they came from (document ids are unique across tabs). */
const portsByDocument = new Map<string, { tabId: number; frameId: number; requester: Requester }>();

/**
 * A frame's content script opens a replay port the first time a step is sent to it (see the content
 * script); later requests to that document travel over it. Only our own content scripts, in a tab,
 * from a known document, are accepted; anything else is disconnected.
 */
export function acceptReplayPort(port: Browser.runtime.Port): void {
  if (port.name !== REPLAY_PORT_NAME) return;
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  const documentId = (sender as { documentId?: unknown } | undefined)?.documentId;
  if (sender?.id !== browser.runtime.id || tabId === undefined || typeof documentId !== 'string') {
    port.disconnect();
    return;
  }
  const entry = { tabId, frameId: sender.frameId ?? 0, requester: createRequester(port) };
  portsByDocument.set(documentId, entry);
  port.onDisconnect.addListener(() => {
    if (portsByDocument.get(documentId) === entry) portsByDocument.delete(documentId);
  });
}

/** The open replay port of this frame's document, if requests to it can travel over one. */
function replayPortOf(tabId: number, frame: FrameAddress): Requester | null {
  const open = frame.documentId ? portsByDocument.get(frame.documentId) : undefined;
  return open && open.tabId === tabId && open.frameId === frame.frameId && !open.requester.closed
    ? open.requester
    : null;
}

export async function sendToFrame(tabId: number, frame: FrameAddress, message: ReplayRequest): Promise<unknown> {
  const port = replayPortOf(tabId, frame);
  if (port) return port.request(message);
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

/**
 * Sends to a frame and validates the reply; null when the frame's document went away meanwhile, or the reply
 * is not what `schema` says. `graceMs`: how long past the message's own timeout the frame has to answer.
 */
export async function ask<T>(
  tabId: number,
  frameId: FrameAddress,
  message:
    | Extract<ReplayRequest, { timeoutMs: number }>
    | Extract<ReplayRequest, { type: 'replay:pick' | 'replay:idle' }>,
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  graceMs = REPLY_GRACE_MS,
): Promise<T | null> {
  let reply: unknown;
  // The frame has its own step timeout; this is the backstop for a page that stopped answering.
  const deadlineMs = ('timeoutMs' in message ? message.timeoutMs : 0) + graceMs;
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
