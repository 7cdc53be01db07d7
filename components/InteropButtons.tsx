/**
 * Import and export of tasks in other tools' formats (issue 9): Chrome DevTools Recorder JSON both ways, and
 * Playwright tests out. The background builds and checks the files; this page only hands text over and saves
 * downloads from a Blob, so nothing leaves the machine.
 */
import { useState } from 'preact/hooks';
import { MAX_RECORDER_JSON_LENGTH } from '@/lib/interop/recorder-json';
import { ErrorText } from './ErrorText';
import { send } from './runtime';

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download by the next task; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportButtons({ taskId, title }: { taskId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const exportAs = async (format: 'recorder' | 'playwright') => {
    setError(null);
    setNote(null);
    const reply = await send({ type: 'interop:export', taskId, format });
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    download(reply.value.fileName, reply.value.text, format === 'recorder' ? 'application/json' : 'text/plain');
    setNote(reply.value.notes.join(' ') || null);
  };
  return (
    <span class="interop-export">
      <button
        type="button"
        onClick={() => void exportAs('recorder')}
        aria-label={`Export for Chrome Recorder: ${title}`}
      >
        Export for Chrome Recorder
      </button>
      <button
        type="button"
        onClick={() => void exportAs('playwright')}
        aria-label={`Export as Playwright test: ${title}`}
      >
        Export as Playwright test
      </button>
      {note && (
        <span class="muted" data-testid="export-note">
          {note}
        </span>
      )}
      <ErrorText message={error} />
    </span>
  );
}

export function ImportRecorder({ onImported }: { onImported: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setError(null);
    setDone(null);
    if (!file) return;
    // Checked here too: a file over the message limit would otherwise be refused as a malformed message.
    if (file.size > MAX_RECORDER_JSON_LENGTH) {
      setError('This file is too large to be a Chrome Recorder recording (the limit is 5 MB).');
      input.value = '';
      return;
    }
    const reply = await send({ type: 'interop:import', text: await file.text() });
    input.value = '';
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    const { title, stepCount, notes } = reply.value;
    setDone([`Imported “${title}” (${stepCount} steps).`, ...notes].join(' '));
    onImported();
  };
  return (
    <div class="stack">
      <label>
        Import Chrome Recorder JSON
        <input type="file" accept=".json,application/json" onChange={(event) => void onFile(event)} />
      </label>
      {done && (
        <p class="muted" role="status" data-testid="import-result">
          {done}
        </p>
      )}
      <ErrorText message={error} />
    </div>
  );
}
