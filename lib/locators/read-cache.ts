/**
 * One resolution reads the same things many times: a label locator reads every field's label, and then
 * each look-alike's fingerprint reads it again, with its accessible name, its context and its heading.
 * Inside `withReadCache` such a read is answered once per element. The page cannot change while a
 * synchronous resolution runs, so the answers are the same; outside it every call reads afresh.
 */
let active: Map<string, WeakMap<Element, unknown>> | null = null;
let activeTexts: Map<string, Map<string, unknown>> | null = null;

export function withReadCache<T>(compute: () => T): T {
  if (active) return compute();
  active = new Map();
  activeTexts = new Map();
  try {
    return compute();
  } finally {
    active = null;
    activeTexts = null;
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

/**
 * `derive(text)`, answered once per `kind` and text while a `withReadCache` runs: each candidate's comparison
 * splits the recorded fingerprint's texts into words again, and look-alikes share most of theirs.
 */
export function cachedOfText<T>(kind: string, text: string, derive: (text: string) => T): T {
  if (!activeTexts) return derive(text);
  let answers = activeTexts.get(kind) as Map<string, T> | undefined;
  if (!answers) {
    answers = new Map();
    activeTexts.set(kind, answers);
  }
  const known = answers.get(text);
  if (known !== undefined) return known;
  const value = derive(text);
  answers.set(text, value);
  return value;
}
