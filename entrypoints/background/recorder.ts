/**
 * Recording, as the background runs it. Protocol:
 * 1. The popup sends `recorder:start` for a tab on an allowed origin while the vault is unlocked;
 *    the draft starts with a navigate step to the tab's URL and the tab's badge shows REC.
 * 2. Content scripts in that tab (every frame, every document it loads) learn that recording is on
 *    from the reply to `content:hello` or a `recorder:state` broadcast, and report `recorder:action`s.
 *    Only senders in the recorded tabs count; the router has already checked their origin.
 * 3. Tabs the recorded page opens join the recording (their steps carry `tab`).
 * 4. The draft is persisted encrypted in the vault after every step (never in plaintext storage),
 *    so a worker restart loses nothing; locking drops the in-memory copy.
 * 5. `recorder:stop` turns the draft into a task and saves it; `recorder:cancel` discards it.
 * Non-allowed origins have no content script, so nothing is recorded there.
 */
import { browser } from 'wxt/browser';
import type { RecorderStatus } from '@/lib/messages';
import { originOf } from '@/lib/origins';
import type { RecordedAction } from '@/lib/recorder/capture';
import {
  addOpenedTab,
  appendAction,
  finishDraft,
  noteDocument,
  type RecordingDraft,
  RecordingDraftSchema,
  startDraft,
} from '@/lib/recorder/draft';
import { err, ok, type Result } from '@/lib/result';
import { isAllowed } from './allowlist';
import { forgetBadge, setBadge } from './badge';
import { framesOf } from './connections';
import { saveTask } from './tasks';
import { onLock, requireSession } from './vault';

const DRAFT_ID = 'recording-draft';
let draft: RecordingDraft | null = null;
let loaded = false;
// Appends are serialised so two quick events never overwrite each other's draft.
let queue: Promise<unknown> = Promise.resolve();

function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

function newStepId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

async function loadDraft(): Promise<RecordingDraft | null> {
  if (loaded) return draft;
  const session = await requireSession();
  if (!session.ok) return null;
  const stored = await session.value.get('settings', DRAFT_ID, RecordingDraftSchema);
  draft = stored.ok ? stored.value : null;
  loaded = true;
  return draft;
}

async function saveDraft(next: RecordingDraft | null): Promise<Result<void, string>> {
  const session = await requireSession();
  if (!session.ok) return session;
  draft = next;
  loaded = true;
  if (next === null) {
    const removed = await session.value.delete('settings', DRAFT_ID);
    return removed.ok || removed.error.code === 'not-found' ? ok(undefined) : removed;
  }
  const saved = await session.value.put('settings', DRAFT_ID, next, RecordingDraftSchema);
  return saved.ok ? ok(undefined) : saved;
}

const REC_BADGE = { color: '#b42318', text: 'REC' };

async function showBadge(current: RecordingDraft | null, previousTabs: readonly number[] = []): Promise<void> {
  for (const tabId of previousTabs) {
    await setBadge(tabId, { text: '' });
  }
  if (!current) return;
  for (const tabId of current.tabs) {
    await setBadge(tabId, REC_BADGE);
  }
}

/**
 * Tells every frame of the tabs to record or stop. Each known frame is asked on its own and
 * answers once it is done: on stop, after the step it was still holding (the field being typed
 * into) reached the draft.
 */
async function broadcast(tabs: readonly number[], recording: boolean): Promise<void> {
  const message = { type: 'recorder:state', recording };
  await Promise.all(
    tabs.map(async (tabId) => {
      const frames = framesOf(tabId);
      if (frames.length === 0) {
        await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
        return;
      }
      await Promise.all(
        frames.map((frame) =>
          browser.tabs.sendMessage(tabId, message, { frameId: frame.frameId }).catch(() => undefined),
        ),
      );
    }),
  );
}

export async function recorderStatus(): Promise<RecorderStatus> {
  const current = await loadDraft();
  return { recording: current !== null, tabId: current?.tabs[0] ?? null, stepCount: current?.steps.length ?? 0 };
}

export function startRecording(tabId: number): Promise<Result<RecorderStatus, string>> {
  return serially(async () => {
    const session = await requireSession();
    if (!session.ok) return session;
    if (await loadDraft()) {
      return err('already-recording', 'Understudy is already recording. Stop or cancel that recording first.');
    }
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const origin = originOf(tab?.url);
    if (!tab?.url || origin === null) return err('not-a-web-page', 'Understudy can record on web pages only.');
    if (!(await isAllowed(origin))) {
      return err('origin-not-allowed', `Understudy can't record on ${origin}: it isn't on your allowed sites list.`);
    }
    const now = Date.now();
    const saved = await saveDraft(startDraft(tabId, tab.url, origin, now, newStepId()));
    if (!saved.ok) return saved;
    await showBadge(draft);
    await broadcast([tabId], true);
    return ok(await recorderStatus());
  });
}

export function recordAction(
  tabId: number,
  origin: string,
  action: RecordedAction,
): Promise<Result<{ stepCount: number }, string>> {
  return serially(async () => {
    const current = await loadDraft();
    if (!current?.tabs.includes(tabId)) return err('not-recording', 'This tab is not being recorded.');
    const saved = await saveDraft(appendAction(current, tabId, origin, action, Date.now()));
    if (!saved.ok) return saved;
    return ok({ stepCount: draft?.steps.length ?? 0 });
  });
}

/** A content script introduced itself; says whether it should record. */
/** `frameId` null: a document already noted introduced itself again (see content:hello `again`). */
export function noteContentScript(
  tabId: number,
  frameId: number | null,
  url: string,
  origin: string,
  referrer: string,
): Promise<boolean> {
  return serially(async () => {
    const current = await loadDraft();
    if (!current?.tabs.includes(tabId)) return false;
    if (frameId === 0) {
      await saveDraft(noteDocument(current, tabId, url, origin, referrer, Date.now(), newStepId()));
      // Chrome clears a tab's own badge when it commits a new page, which may come after the badge was
      // set (a tab the page opened is marked as soon as it is created): mark each new page again.
      forgetBadge(tabId);
      await setBadge(tabId, REC_BADGE);
    }
    return true;
  });
}

export async function stopRecording(title: string): Promise<Result<{ taskId: string; stepCount: number }, string>> {
  // The pages stop first, outside the queue: the step a page still holds (the field being typed
  // into) arrives as one more action, which must land in the draft before it becomes the task.
  const tabs = (await serially(loadDraft))?.tabs ?? [];
  await broadcast(tabs, false);
  return serially(async () => {
    const current = await loadDraft();
    if (!current) return err('not-recording', 'Nothing is being recorded.');
    const saved = await saveTask(finishDraft(current, title));
    if (!saved.ok) return saved;
    const cleared = await saveDraft(null);
    if (!cleared.ok) return cleared;
    await showBadge(null, current.tabs);
    return ok({ taskId: saved.value.id, stepCount: current.steps.length });
  });
}

export function cancelRecording(): Promise<Result<RecorderStatus, string>> {
  return serially(async () => {
    const current = await loadDraft();
    const cleared = await saveDraft(null);
    if (!cleared.ok) return cleared;
    if (current) {
      await showBadge(null, current.tabs);
      await broadcast(current.tabs, false);
    }
    return ok(await recorderStatus());
  });
}

export function watchRecordedTabs(): void {
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id === undefined || tab.openerTabId === undefined) return;
    const { id, openerTabId } = tab;
    void serially(async () => {
      const current = await loadDraft();
      if (!current) return;
      const next = addOpenedTab(current, openerTabId, id);
      if (next !== current) {
        await saveDraft(next);
        await showBadge(next);
      }
    });
  });
  onLock(() => {
    draft = null;
    loaded = false;
  });
}
