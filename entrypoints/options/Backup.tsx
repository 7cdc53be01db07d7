import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import { MAX_IMPORT_TEXT } from '@/lib/messages';

interface TaskRow {
  id: string;
  title: string;
}

/** Encrypted export and import of tasks, to move them between computers over any channel. */
export function Backup() {
  const [tasks, setTasks] = useState<TaskRow[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exportPassphrase, setExportPassphrase] = useState('');
  const [importPassphrase, setImportPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const reply = await send({ type: 'task:list' });
    if (reply.ok) setTasks(reply.value.tasks);
  };
  useEffect(() => void load(), []);

  const doExport = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    if (selected.size === 0) return setError('Pick at least one task to export.');
    if (exportPassphrase.length < 8) return setError('Use an export passphrase of at least 8 characters.');
    setBusy(true);
    const reply = await send({
      type: 'export:create',
      taskIds: [...selected],
      includeRuns: false,
      passphrase: exportPassphrase,
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    const url = URL.createObjectURL(new Blob([reply.value.text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = reply.value.fileName;
    link.click();
    URL.revokeObjectURL(url);
    setMessage(`Exported ${selected.size} task${selected.size === 1 ? '' : 's'} to ${reply.value.fileName}.`);
  };

  const doImport = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    setError(null);
    if (!file) return setError('Choose an Understudy export file first.');
    // Checked here too so a huge file is never read into memory.
    if (file.size > MAX_IMPORT_TEXT) return setError('That file is too large to be an Understudy export.');
    setBusy(true);
    const text = await file.text();
    const reply = await send({ type: 'import:file', text, passphrase: importPassphrase });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setMessage(`Imported ${reply.value.imported} task${reply.value.imported === 1 ? '' : 's'}.`);
    await load();
  };

  return (
    <section aria-labelledby="backup-heading" class="stack">
      <h2 id="backup-heading">Export and import</h2>
      <p class="muted">
        Exports are encrypted with a passphrase you choose here, so the file is safe to send over any channel. Secret
        values (passwords) are never exported: only their names.
      </p>
      <form onSubmit={doExport} class="card stack" aria-label="Export tasks">
        <fieldset>
          <legend>Tasks to export</legend>
          {tasks.length === 0 && <p class="muted">No tasks to export yet.</p>}
          {tasks.map((task) => (
            <div key={task.id} class="row">
              <input
                id={`export-${task.id}`}
                type="checkbox"
                checked={selected.has(task.id)}
                onChange={(event) => {
                  const next = new Set(selected);
                  if ((event.target as HTMLInputElement).checked) next.add(task.id);
                  else next.delete(task.id);
                  setSelected(next);
                }}
              />
              <label for={`export-${task.id}`} style={{ fontWeight: 'normal', margin: 0 }}>
                {task.title}
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <label for="export-passphrase">Export passphrase</label>
          <input
            id="export-passphrase"
            type="password"
            autocomplete="new-password"
            value={exportPassphrase}
            onInput={(event) => setExportPassphrase((event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          Export selected tasks
        </button>
      </form>
      <form onSubmit={doImport} class="card stack" aria-label="Import tasks">
        <div>
          <label for="import-file">Export file</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </div>
        <div>
          <label for="import-passphrase">Its export passphrase</label>
          <input
            id="import-passphrase"
            type="password"
            autocomplete="off"
            value={importPassphrase}
            onInput={(event) => setImportPassphrase((event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          Import
        </button>
      </form>
      <p role="status" class="ok">
        {message}
      </p>
      <ErrorText message={error} />
    </section>
  );
}
