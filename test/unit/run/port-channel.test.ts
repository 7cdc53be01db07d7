import { describe, expect, it } from 'vitest';
import { answerRequests, createRequester, PortClosedError, type PortLike } from '@/lib/run/port-channel';

/** Two connected ends, delivering asynchronously in order, as a runtime port does. */
function portPair(): { worker: PortLike & { close(): void }; frame: PortLike & { close(): void } } {
  const make = () => ({
    messages: [] as ((message: unknown) => void)[],
    disconnects: [] as (() => void)[],
    open: true,
  });
  const a = make();
  const b = make();
  const end = (self: ReturnType<typeof make>, other: ReturnType<typeof make>) => ({
    postMessage(message: unknown) {
      if (!self.open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      queueMicrotask(() => {
        if (other.open) for (const listener of other.messages) listener(copy);
      });
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => void self.messages.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void self.disconnects.push(listener) },
    close() {
      // Like Port.disconnect(): the other end hears of it, this one does not.
      self.open = false;
      other.open = false;
      for (const listener of other.disconnects) listener();
    },
  });
  return { worker: end(a, b), frame: end(b, a) };
}

describe('port channel', () => {
  it('matches each reply to its request, whatever order they finish in', async () => {
    const { worker, frame } = portPair();
    answerRequests(frame, async (request) => {
      const { n, delay } = request as { n: number; delay: number };
      await new Promise((resolve) => setTimeout(resolve, delay));
      return { doubled: n * 2 };
    });
    const requester = createRequester(worker);
    const replies = await Promise.all([
      requester.request({ n: 1, delay: 20 }),
      requester.request({ n: 2, delay: 0 }),
      requester.request({ n: 3, delay: 5 }),
    ]);
    expect(replies).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
  });

  it('answers null when the handler fails or returns nothing', async () => {
    const { worker, frame } = portPair();
    answerRequests(frame, async (request) => {
      if (request === 'throw') throw new Error('boom');
      return undefined;
    });
    const requester = createRequester(worker);
    expect(await requester.request('throw')).toBeNull();
    expect(await requester.request('nothing')).toBeNull();
  });

  it('settles every waiting request as gone when the frame goes away, and refuses new ones', async () => {
    const { worker, frame } = portPair();
    answerRequests(frame, () => new Promise(() => undefined)); // never answers
    const requester = createRequester(worker);
    const waiting = requester.request({ step: 1 });
    await Promise.resolve();
    frame.close();
    await expect(waiting).rejects.toBeInstanceOf(PortClosedError);
    expect(requester.closed).toBe(true);
    await expect(requester.request({ step: 2 })).rejects.toBeInstanceOf(PortClosedError);
  });

  it('ignores replies nobody asked for and messages that are not envelopes', async () => {
    const { worker, frame } = portPair();
    const seen: unknown[] = [];
    answerRequests(frame, async (request) => {
      seen.push(request);
      return 'ok';
    });
    const requester = createRequester(worker);
    // The frame's end (an untrusted page cannot reach it, but a bug might) sends junk and a forged reply.
    frame.postMessage({ id: 1, reply: 'forged' });
    frame.postMessage('junk');
    worker.postMessage({ request: 'no id' });
    worker.postMessage({ id: -4, request: 'bad id' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([]);
    // The first real request (id 1) gets its own answer, not the forged one sent before it.
    expect(await requester.request('real')).toBe('ok');
    expect(seen).toEqual(['real']);
  });

  it('does not answer on a port that closed while the handler worked', async () => {
    const { worker, frame } = portPair();
    let finish: (value: unknown) => void = () => undefined;
    const heard: unknown[] = [];
    worker.onMessage.addListener((message) => heard.push(message));
    answerRequests(frame, () => new Promise((resolve) => (finish = resolve)));
    worker.postMessage({ id: 7, request: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    worker.close(); // the worker stopped: the frame hears of it
    expect(() => finish('late')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual([]);
  });
});
