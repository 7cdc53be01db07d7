/**
 * Requests and their replies over one long-lived port between the worker and a frame's content script.
 * A `tabs.sendMessage` opens and closes a message channel for every request; a port already open carries
 * each one as a single message each way (about 0.4 ms a round trip in Chromium against 1.2 ms). Each
 * request gets an id and its reply names it; when the port closes (the document went away, the worker
 * stopped) every request still waiting settles as gone, as a sendMessage to a vanished frame does.
 * Pure: the port is passed in (a `browser.runtime.Port` satisfies PortLike).
 */
import { z } from 'zod';

export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** The name the content script connects with, so the worker tells these ports from any other. */
export const REPLAY_PORT_NAME = 'understudy-replay';

const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;

const RequestEnvelope = z.strictObject({ id: z.number().int().positive(), request: z.unknown() });
const ReplyEnvelope = z.strictObject({ id: z.number().int().positive(), reply: z.unknown() });

export class PortClosedError extends Error {
  constructor() {
    super('The frame went away before it answered.');
    this.name = 'PortClosedError';
  }
}

export interface Requester {
  /** Resolves with the frame's reply; rejects with PortClosedError once the port closed. */
  request(message: unknown): Promise<unknown>;
  readonly closed: boolean;
}

/** The worker's end: sends requests, matches replies by id; anything else arriving is ignored. */
export function createRequester(port: PortLike): Requester {
  const pending = new Map<number, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closed = false;
  port.onMessage.addListener((message) => {
    const envelope = ReplyEnvelope.safeParse(message);
    if (!envelope.success) return;
    const waiting = pending.get(envelope.data.id);
    if (!waiting) return; // a reply nobody asked for (or asked for twice) changes nothing
    pending.delete(envelope.data.id);
    waiting.resolve(envelope.data.reply);
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    for (const waiting of pending.values()) waiting.reject(new PortClosedError());
    pending.clear();
  });
  return {
    get closed() {
      return closed;
    },
    request(message) {
      if (closed) return Promise.reject(new PortClosedError());
      const id = nextId;
      nextId = nextId >= MAX_REQUEST_ID ? 1 : nextId + 1;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          port.postMessage({ id, request: message });
        } catch {
          // Posting on a port that just closed throws; the request never left.
          pending.delete(id);
          closed = true;
          reject(new PortClosedError());
        }
      });
    },
  };
}

/**
 * The frame's end: answers each request with `handle`'s reply under the request's id. A request
 * that is not an envelope is dropped; what `handle` makes of the request inside is its own business
 * (it validates it).
 */
export function answerRequests(port: PortLike, handle: (request: unknown) => Promise<unknown>): void {
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  port.onMessage.addListener((message) => {
    const envelope = RequestEnvelope.safeParse(message);
    if (!envelope.success) return;
    const { id, request } = envelope.data;
    const reply = (value: unknown) => {
      if (!open) return;
      try {
        port.postMessage({ id, reply: value ?? null });
      } catch {
        open = false; // closed while we worked: the worker already counts this request as gone
      }
    };
    handle(request).then(reply, () => reply(null));
  });
}
