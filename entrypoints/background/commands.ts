/**
 * Keyboard shortcuts (manifest `commands`, declared in wxt.config.ts; people change them at
 * chrome://extensions/shortcuts):
 * - `toggle-recording` starts recording in the tab the shortcut was pressed in, or stops the current
 *   recording and saves it under a dated name (rename it when reviewing the steps).
 * - `open-side-panel` opens the side panel. `sidePanel.open` needs a user gesture; Chrome treats a
 *   command as one, but only while the listener runs, so it is called before anything is awaited.
 * When a shortcut cannot do its work (vault locked, site not allowed) the popup opens instead, since
 * it shows why and offers the fix.
 */
import { browser } from 'wxt/browser';
import { audit } from './audit';
import { recorderStatus, startRecording, stopRecording } from './recorder';

export const COMMAND_TOGGLE_RECORDING = 'toggle-recording';
export const COMMAND_OPEN_SIDE_PANEL = 'open-side-panel';

type SidePanelApi = typeof chrome.sidePanel;
type ActionWithPopup = { openPopup?: () => Promise<void> };

function defaultTitle(now: Date): string {
  return `Recorded task, ${now.toLocaleString()}`;
}

async function toggleRecording(tabId: number | undefined): Promise<void> {
  const status = await recorderStatus();
  if (status.recording) {
    const title = defaultTitle(new Date());
    const stopped = await stopRecording(title);
    if (stopped.ok) await audit('record-stop', `Saved “${title}” (${stopped.value.stepCount} steps)`);
    return;
  }
  const started = tabId === undefined ? null : await startRecording(tabId);
  if (started?.ok) {
    await audit('record-start', 'Started recording');
    return;
  }
  // openPopup exists from Chrome 127; older versions leave the shortcut without visible effect.
  await (browser.action as unknown as ActionWithPopup).openPopup?.().catch(() => undefined);
}

export function watchCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMAND_OPEN_SIDE_PANEL) {
      const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel ?? globalThis.chrome?.sidePanel;
      if (sidePanel && tab?.windowId !== undefined) {
        void sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
      }
    } else if (command === COMMAND_TOGGLE_RECORDING) {
      void toggleRecording(tab?.id);
    }
  });
}
