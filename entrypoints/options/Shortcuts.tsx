import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/**
 * The keyboard shortcuts as Chrome has them bound now (people can change or clear them), read from
 * `commands.getAll` rather than repeated from the manifest.
 */
export function Shortcuts() {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((commands) =>
        setShortcuts(
          commands
            .filter((command) => command.name && command.description)
            .map((command) => ({
              name: command.name ?? '',
              description: command.description ?? '',
              shortcut: command.shortcut ?? '',
            })),
        ),
      )
      .catch(() => setShortcuts([]));
  }, []);
  return (
    <section aria-labelledby="shortcuts-heading" class="stack">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table data-testid="shortcuts">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Shortcut</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts?.map((shortcut) => (
            <tr key={shortcut.name} data-command={shortcut.name}>
              <td>{shortcut.description}</td>
              <td>{shortcut.shortcut ? <kbd>{shortcut.shortcut}</kbd> : <span class="muted">not set</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Stopping with the shortcut saves the task under a dated name; rename it when you review its steps. To change a
        shortcut, open <code>chrome://extensions/shortcuts</code>.
      </p>
      <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
        Change shortcuts
      </button>
    </section>
  );
}
