/**
 * A run's saves, one after another per run, each writing the run as it stands when its turn comes. A save
 * asked for while another is queued and not yet started joins it (one write of the newest state), so
 * saves never pile up behind a slow disk. `saveSoon` writes on the next task unless something needs the
 * write sooner (`saved`), so a step's action can be sent before its predecessor's state is sealed.
 * Pure: the writer and the deferral are passed in.
 */

export interface SaveQueue<T> {
  /** Writes `value` after the writes already asked for; resolves once it is stored (rejects if it failed). */
  save(id: string, value: T): Promise<void>;
  /** Writes `value` on the next deferred turn, or when `saved(id)` is asked for first. */
  saveSoon(id: string, value: T): void;
  /**
   * Starts a write asked for soon, and resolves once every write of `id` asked for so far settled: true when
   * the last of them stored its value (or none was asked for), false when it failed.
   */
  saved(id: string): Promise<boolean>;
}

export function createSaveQueue<T>(
  write: (id: string, value: T) => Promise<void>,
  defer: (callback: () => void) => void = (callback) => setTimeout(callback, 0),
): SaveQueue<T> {
  /** The last write of each id, settled (never rejects). */
  const tails = new Map<string, Promise<void>>();
  /** Ids whose last settled write failed. */
  const failed = new Set<string>();
  /** A write queued and not started: a save asked for meanwhile changes what it writes. */
  const queued = new Map<string, { value: T; written: Promise<void> }>();
  /** Values to write soon, by id. */
  const soon = new Map<string, T>();

  function save(id: string, value: T): Promise<void> {
    soon.delete(id);
    const waiting = queued.get(id);
    if (waiting) {
      waiting.value = value;
      return waiting.written;
    }
    const entry = { value, written: Promise.resolve() };
    entry.written = (tails.get(id) ?? Promise.resolve()).then(() => {
      queued.delete(id);
      return write(id, entry.value);
    });
    queued.set(id, entry);
    const tail = entry.written.then(
      () => {
        failed.delete(id);
      },
      () => {
        failed.add(id);
      },
    );
    tails.set(id, tail);
    void tail.then(() => {
      if (tails.get(id) === tail) tails.delete(id);
    });
    return entry.written;
  }

  function flush(id: string): void {
    if (!soon.has(id)) return;
    const value = soon.get(id) as T;
    // Failures surface where the run reads back what was stored; nobody awaits this write itself.
    save(id, value).catch(() => undefined);
  }

  return {
    save,
    saveSoon(id, value) {
      const scheduled = soon.has(id);
      soon.set(id, value);
      if (!scheduled) defer(() => flush(id));
    },
    saved(id) {
      flush(id);
      return (tails.get(id) ?? Promise.resolve()).then(() => !failed.has(id));
    },
  };
}
