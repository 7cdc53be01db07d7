import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { WIPE_CONFIRMATION } from '@/lib/messages';
import { originOf } from '@/lib/origins';
import { err, ok, type Result } from '@/lib/result';
import { createRouter, type Handlers } from '@/lib/router';
import { addOrigin, dropOriginsWithoutPermission, isAllowed, readAllowList, removeOrigin } from './allowlist';
import { countRecordingFrames, forgetTab, hasConnectedTopFrame, rememberFrame, setFrameRecording } from './connections';
import {
  cancelRecording,
  noteContentScript,
  recordAction,
  recorderStatus,
  startRecording,
  stopRecording,
  watchRecordedTabs,
} from './recorder';
import { deleteTask, exportTasks, getTask, importTasks, listTasks, refuseWipe, saveTask } from './tasks';
import * as vault from './vault';

export default defineBackground({
  type: 'module',
  main() {
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };

    const handlers: Handlers = {
      'app:ping': async () => ok({ version: browser.runtime.getManifest().version }),
      'content:hello': async ({ referrer }, sender) => {
        if (sender.kind !== 'content-script') return ok({ allowed: true as const, recording: false });
        rememberFrame(sender.tabId, sender.frameId, sender.origin);
        const recording = await noteContentScript(sender.tabId, sender.frameId, sender.url, sender.origin, referrer);
        return ok({ allowed: true as const, recording });
      },
      'content:recording': async ({ recording }, sender) => {
        if (sender.kind === 'content-script') setFrameRecording(sender.tabId, sender.frameId, recording);
        return ok({});
      },
      'tab:status': async ({ tabId }) => {
        const tab = await browser.tabs.get(tabId).catch(() => null);
        const origin = originOf(tab?.url);
        return ok({
          tabId,
          origin,
          allowed: origin !== null && (await isAllowed(origin)),
          contentScriptConnected: hasConnectedTopFrame(tabId),
          recordingFrames: countRecordingFrames(tabId),
        });
      },
      'allowlist:list': async () => ok({ origins: await readAllowList() }),
      'allowlist:add': async ({ origin }) => {
        const result = await addOrigin(origin);
        return result.ok ? ok({ origins: result.value }) : result;
      },
      'allowlist:remove': async ({ origin }) => {
        const result = await removeOrigin(origin);
        return result.ok ? ok({ origins: result.value }) : result;
      },
      'vault:status': async () => ok(await vault.status()),
      'vault:create': ({ passphrase }) => vault.create(passphrase),
      'vault:unlock': ({ passphrase }) => vault.unlock(passphrase),
      'vault:lock': async () => ok(await vault.lock()),
      'vault:change-passphrase': ({ current, next }) => vault.rekey(current, next),
      'vault:wipe': async ({ confirmation }) =>
        confirmation === WIPE_CONFIRMATION ? vault.wipe() : (refuseWipe() as Result<never, string>),
      'settings:auto-lock': async ({ minutes }) => ok(await vault.setAutoLockMinutes(minutes)),
      'task:list': () => listTasks(),
      'task:get': ({ id }) => getTask(id),
      'task:save': ({ task, id }) => saveTask(task, id),
      'task:delete': ({ id }) => deleteTask(id),
      'export:create': ({ taskIds, passphrase }) => exportTasks(taskIds, passphrase),
      'import:file': ({ text, passphrase }) => importTasks(text, passphrase),
      'recorder:start': ({ tabId }) => startRecording(tabId),
      'recorder:stop': ({ title }) => stopRecording(title),
      'recorder:cancel': () => cancelRecording(),
      'recorder:status': async () => ok(await recorderStatus()),
      'recorder:action': async ({ action }, sender) =>
        sender.kind === 'content-script'
          ? recordAction(sender.tabId, sender.origin, action)
          : err('forbidden-sender', 'Only pages being recorded can add steps.'),
    };

    const route = createRouter({ self, handlers, isOriginAllowed: isAllowed });

    // Returning the promise is how webextension-polyfill sends an async reply. Any message from
    // one of our pages is a user action and pushes the auto-lock deadline back.
    browser.runtime.onMessage.addListener((message, sender) => {
      const reply = route(message, sender);
      if (sender.url?.startsWith(`${self.origin}/`)) void reply.then(() => vault.touch());
      return reply;
    });
    vault.watchForAutoLock();
    watchRecordedTabs();

    browser.tabs.onRemoved.addListener(forgetTab);
    // A new top-level document (not an iframe reload) means every frame's script starts afresh.
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading' && change.url !== undefined) forgetTab(tabId);
    });
    browser.permissions.onRemoved.addListener(() => void dropOriginsWithoutPermission());
    browser.runtime.onStartup.addListener(() => void dropOriginsWithoutPermission());
    browser.runtime.onInstalled.addListener(() => void dropOriginsWithoutPermission());
  },
});
