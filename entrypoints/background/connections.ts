/**
 * What the background knows about the content scripts in each tab: which frames introduced
 * themselves (with their frame path, for routing replay steps), which are recording, and a counter
 * of top-level documents so replay can wait for "the next page" after a navigation.
 */
import type { TargetDescriptor } from '@/lib/locators/schema';
import type { KnownFrame } from '@/lib/run/frames';

interface TabFrames {
  frames: Map<number, KnownFrame & { startedAt: number | null }>;
  recording: Set<number>;
  /** Incremented on every new top-level document. */
  documents: number;
  /** URL of the top document that last introduced itself. */
  topUrl: string | null;
  /** When that document's navigation started (its performance.timeOrigin). */
  topStartedAt: number | null;
}

const tabs = new Map<number, TabFrames>();
const listeners = new Set<() => void>();

function entry(tabId: number): TabFrames {
  let found = tabs.get(tabId);
  if (!found) {
    found = { frames: new Map(), recording: new Set(), documents: 0, topUrl: null, topStartedAt: null };
    tabs.set(tabId, found);
  }
  return found;
}

export function rememberFrame(
  tabId: number,
  frameId: number,
  origin: string,
  path: TargetDescriptor[] = [],
  url: string | null = null,
  startedAt: number | null = null,
  documentId: string | null = null,
  { positions = [] }: { positions?: number[] } = {},
): void {
  const tab = entry(tabId);
  if (frameId === 0) {
    // A new top document replaces the frames of the old one. Its own iframes often introduce
    // themselves first; they started after it did, so only frames older than it are dropped.
    for (const [id, frame] of tab.frames) {
      if (id === 0 || startedAt === null || frame.startedAt === null || frame.startedAt < startedAt) {
        tab.frames.delete(id);
        tab.recording.delete(id);
      }
    }
    tab.documents += 1;
    tab.topUrl = url;
    tab.topStartedAt = startedAt;
  }
  tab.frames.set(frameId, { frameId, documentId, origin, path, positions, startedAt });
  for (const listener of [...listeners]) listener();
}

export function framesOf(tabId: number): KnownFrame[] {
  return [...(tabs.get(tabId)?.frames.values() ?? [])];
}

export function topDocumentStartedAt(tabId: number): number | null {
  return tabs.get(tabId)?.topStartedAt ?? null;
}

export function documentCount(tabId: number): number {
  return tabs.get(tabId)?.documents ?? 0;
}

export function hasConnectedTopFrame(tabId: number): boolean {
  return tabs.get(tabId)?.frames.has(0) ?? false;
}

/**
 * The tab started loading `url`. Chrome may report this after the new document's content script
 * already introduced itself, so only a different address means the known frames are gone (e.g. the
 * tab went to a site that is not allowed, where no content script will say hello).
 */
export function noteTabLoading(tabId: number, url: string): void {
  const tab = tabs.get(tabId);
  if (!tab || tab.topUrl === url) return;
  forgetTab(tabId);
}

export function forgetTab(tabId: number): void {
  const tab = tabs.get(tabId);
  if (!tab) return;
  tab.topUrl = null;
  tab.topStartedAt = null;
  tab.frames.clear();
  tab.recording.clear();
  for (const listener of [...listeners]) listener();
}

export function dropTab(tabId: number): void {
  tabs.delete(tabId);
  for (const listener of [...listeners]) listener();
}

export function setFrameRecording(tabId: number, frameId: number, recording: boolean): void {
  const tab = entry(tabId);
  if (recording) tab.recording.add(frameId);
  else tab.recording.delete(frameId);
}

export function countRecordingFrames(tabId: number): number {
  return tabs.get(tabId)?.recording.size ?? 0;
}

/**
 * Resolves when `check` returns a value (re-evaluated whenever a frame introduces itself), or with
 * null after `timeoutMs`. An event-driven wait, not a sleep.
 */
export function waitForFrames<T>(check: () => T | null, timeoutMs: number): Promise<T | null> {
  const first = check();
  if (first !== null) return Promise.resolve(first);
  return new Promise((resolve) => {
    const listener = () => {
      const value = check();
      if (value === null) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      resolve(null);
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      listeners.delete(listener);
    };
    listeners.add(listener);
  });
}
