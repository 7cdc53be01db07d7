import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RecorderStatus } from '@/lib/messages';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

const POLL_MS = 700;

/**
 * Record / Stop for the current tab, with the live step count while recording. `onSaved` runs once
 * a recording is saved as a task (the popup refreshes its task list).
 */
export function RecorderControls({
  tabId,
  allowed,
  onSaved,
}: {
  tabId: number;
  allowed: boolean;
  onSaved?: () => void;
}) {
  const [status, setStatus] = useState<RecorderStatus | null>(null);
  const [title, setTitle] = useState('');
  const [saved, setSaved] = useState<{ taskId: string; stepCount: number; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    const reply = await send({ type: 'recorder:status' });
    if (reply.ok) setStatus(reply.value);
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);

  const start = async () => {
    setError(null);
    setSaved(null);
    const reply = await send({ type: 'recorder:start', tabId });
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  };

  const stop = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const name = title.trim();
    if (!name) return setError('Give the task a name so you can find it later.');
    const reply = await send({ type: 'recorder:stop', title: name });
    if (!reply.ok) return setError(reply.error.message);
    setSaved({ ...reply.value, title: name });
    setTitle('');
    onSaved?.();
    await refresh();
  };

  const cancel = async () => {
    const reply = await send({ type: 'recorder:cancel' });
    if (reply.ok) setStatus(reply.value);
  };

  const review = async (taskId: string) => {
    // Opening the side panel needs this click's user gesture, so it happens here, not in the background.
    const sidePanel = (browser as unknown as { sidePanel?: typeof chrome.sidePanel }).sidePanel ?? chrome.sidePanel;
    await sidePanel.setOptions({ tabId, path: `sidepanel.html?tab=tasks&task=${taskId}`, enabled: true });
    await sidePanel.open({ tabId });
  };

  if (status?.recording) {
    return (
      <form class="card stack" onSubmit={stop} aria-label="Recording">
        <p role="status" data-testid="recording-status">
          <strong>Recording</strong> · {status.stepCount} step{status.stepCount === 1 ? '' : 's'} so far
          {status.tabId !== tabId && ' (in another tab)'}
        </p>
        <p class="muted">
          Do the task on the page now: each click and each thing you type becomes a step. When you’re done, come back
          here, name the task and press Stop and save.
        </p>
        {!allowed && (
          <p class="muted" data-testid="recording-paused">
            Recording is paused on this page: this site isn’t on your allowed sites list, so Understudy can’t see it. Go
            back to an allowed site to go on.
          </p>
        )}
        <div>
          <label for="task-title">Task name</label>
          <input
            id="task-title"
            value={title}
            placeholder="e.g. Add a contact"
            onInput={(event) => setTitle((event.target as HTMLInputElement).value)}
            style={{ width: '100%' }}
          />
        </div>
        <div class="row">
          <button type="submit" class="primary">
            Stop and save
          </button>
          <button type="button" onClick={cancel}>
            Discard recording
          </button>
        </div>
        <ErrorText message={error} />
      </form>
    );
  }

  return (
    <div class="stack">
      {saved && (
        <p class="ok" role="status" data-testid="recording-saved">
          Saved “{saved.title}” with {saved.stepCount} step{saved.stepCount === 1 ? '' : 's'}. It’s in your tasks below.{' '}
          <button type="button" onClick={() => review(saved.taskId)}>
            Review steps
          </button>
        </p>
      )}
      {/* Shown (disabled) before the status arrives, so nothing moves when it does. */}
      <button type="button" class="primary" disabled={!allowed || status === null} onClick={start}>
        Record a task
      </button>
      {!allowed && <p class="muted">Allow this site first; Understudy records only on allowed sites.</p>}
      <ErrorText message={error} />
    </div>
  );
}
