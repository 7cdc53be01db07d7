import { describe, expect, it } from 'vitest';
import { createSaveQueue } from '@/lib/run/save-queue';

/** A writer whose writes finish when the test says so, recording what each one wrote. */
function controlledWriter() {
  const writes: { id: string; value: string; finish: (ok?: boolean) => void }[] = [];
  const write = (id: string, value: string) =>
    new Promise<void>((resolve, reject) => {
      writes.push({ id, value, finish: (ok = true) => (ok ? resolve() : reject(new Error('disk full'))) });
    });
  return { writes, write };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createSaveQueue', () => {
  it('writes one after another, each the value as it stands when its turn comes', async () => {
    const { writes, write } = controlledWriter();
    const queue = createSaveQueue(write, () => undefined);
    const first = queue.save('run', 'step 1');
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['step 1']);
    const second = queue.save('run', 'step 2');
    // Queued behind the first, not started: a newer save joins it.
    const third = queue.save('run', 'step 3');
    expect(third).toBe(second);
    writes[0]?.finish();
    await first;
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['step 1', 'step 3']);
    writes[1]?.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('keeps each run apart', async () => {
    const { writes, write } = controlledWriter();
    const queue = createSaveQueue(write, () => undefined);
    void queue.save('a', 'a1');
    void queue.save('b', 'b1');
    await tick();
    expect(writes.map((entry) => `${entry.id}:${entry.value}`)).toEqual(['a:a1', 'b:b1']);
  });

  it('saveSoon writes on the deferred turn; saved() starts it at once and waits for it', async () => {
    const { writes, write } = controlledWriter();
    const deferred: (() => void)[] = [];
    const queue = createSaveQueue(write, (callback) => deferred.push(callback));
    queue.saveSoon('run', 'step 1');
    queue.saveSoon('run', 'step 2');
    await tick();
    expect(writes).toEqual([]);
    expect(deferred).toHaveLength(1);
    let stored = false;
    const saved = queue.saved('run').then(() => {
      stored = true;
    });
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['step 2']);
    expect(stored).toBe(false);
    writes[0]?.finish();
    await saved;
    expect(stored).toBe(true);
    // The deferred turn finds nothing left to write.
    deferred[0]?.();
    await tick();
    expect(writes).toHaveLength(1);
  });

  it('writes what was asked for soon when the deferred turn comes', async () => {
    const { writes, write } = controlledWriter();
    const deferred: (() => void)[] = [];
    const queue = createSaveQueue(write, (callback) => deferred.push(callback));
    queue.saveSoon('run', 'step 1');
    deferred[0]?.();
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['step 1']);
  });

  it('a save supersedes a value waiting to be written soon', async () => {
    const { writes, write } = controlledWriter();
    const deferred: (() => void)[] = [];
    const queue = createSaveQueue(write, (callback) => deferred.push(callback));
    queue.saveSoon('run', 'step 4');
    void queue.save('run', 'cancelled');
    deferred[0]?.();
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['cancelled']);
  });

  it('a failed write rejects its own save, saved() says so, and the next write goes ahead', async () => {
    const { writes, write } = controlledWriter();
    const queue = createSaveQueue(write, () => undefined);
    const failing = queue.save('run', 'step 1');
    await tick();
    writes[0]?.finish(false);
    await expect(failing).rejects.toThrow('disk full');
    await expect(queue.saved('run')).resolves.toBe(false);
    const next = queue.save('run', 'step 2');
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['step 1', 'step 2']);
    writes[1]?.finish();
    await next;
    // Stored again: the newer state is what counts.
    await expect(queue.saved('run')).resolves.toBe(true);
  });

  it('saved() waits for the write under way and the one queued behind it', async () => {
    const { writes, write } = controlledWriter();
    const queue = createSaveQueue(write, () => undefined);
    void queue.save('run', 'step 1');
    await tick();
    void queue.save('run', 'step 2');
    let stored = false;
    const saved = queue.saved('run').then(() => {
      stored = true;
    });
    writes[0]?.finish();
    await tick();
    expect(writes.map((entry) => entry.value)).toEqual(['step 1', 'step 2']);
    expect(stored).toBe(false);
    writes[1]?.finish();
    await saved;
    expect(stored).toBe(true);
  });

  it('a write asked for soon that fails rejects nothing, and saved() says it failed', async () => {
    const { writes, write } = controlledWriter();
    const deferred: (() => void)[] = [];
    const queue = createSaveQueue(write, (callback) => deferred.push(callback));
    queue.saveSoon('run', 'step 1');
    deferred[0]?.();
    await tick();
    writes[0]?.finish(false);
    await expect(queue.saved('run')).resolves.toBe(false);
  });

  it('saved() with nothing asked for resolves at once, as stored', async () => {
    const queue = createSaveQueue<string>(
      async () => undefined,
      () => undefined,
    );
    await expect(queue.saved('run')).resolves.toBe(true);
  });
});
