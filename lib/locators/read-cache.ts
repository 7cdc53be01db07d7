/**
 * One resolution reads the same things many times: a label locator reads every field's label, and then
 * each look-alike's fingerprint reads it again, with its accessible name, its context and its heading.
 * Inside `withReadCache` such a read is answered once per element. The page cannot change while a
 * synchronous resolution runs, so the answers are the same; outside it every call reads afresh.
 */
let active: Map<string, WeakMap<Element, unknown>> | null = null;

export function withReadCache<T>(compute: () => T): T {
  if (active) return compute();
  active = new Map();
  try {
    return compute();
  } finally {
    active = null;
  }
}

/** `read(element)`, answered once per element and `kind` while a `withReadCache` runs. */
export function cachedRead<T>(kind: string, element: Element, read: () => T): T {
  if (!active) return read();
  let answers = active.get(kind);
  if (!answers) {
    answers = new WeakMap();
    active.set(kind, answers);
  }
  if (answers.has(element)) return answers.get(element) as T;
  const value = read();
  answers.set(element, value);
  return value;
}
