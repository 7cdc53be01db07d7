import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { AuditKind } from '@/lib/audit/chain';
import { exportPlaywrightTest } from '@/lib/interop/playwright-export';
import { exportRecorderJson, importRecorderJson } from '@/lib/interop/recorder-json';
import { WIPE_CONFIRMATION } from '@/lib/messages';
import { originOf } from '@/lib/origins';
import { err, ok, type Result } from '@/lib/result';
import { createRouter, type Handlers } from '@/lib/router';
import { addOrigin, dropOriginsWithoutPermission, isAllowed, readAllowList, removeOrigin } from './allowlist';
import { getArtifacts } from './artifacts';
import { audit, readAudit } from './audit';
import { forgetBadge } from './badge';
import { watchCommands } from './commands';
import {
  countRecordingFrames,
  dropTab,
  hasConnectedTopFrame,
  noteTabLoading,
  rememberFrame,
  setFrameRecording,
} from './connections';
import { acceptReplayPort } from './frame-messages';
import {
  cancelRecording,
  noteContentScript,
  recordAction,
  recorderStatus,
  startRecording,
  stopRecording,
  watchRecordedTabs,
} from './recorder';
import { pruneHistory, readRetention, setRetention, watchRetention } from './retention';
import {
  approvals,
  approvalView,
  cancelRun,
  continueBatch,
  pauseRun,
  pickCandidate,
  resumeInterruptedRuns,
  resumeRun,
  runDetails,
  runHistory,
  runStatus,
  startBatch,
  startRun,
  watchRuns,
} from './runner';
import { deleteTask, exportTasks, getTask, importTasks, listTasks, refuseWipe, saveTask } from './tasks';
import * as vault from './vault';

export default defineBackground({
  type: 'module',
  main() {
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
    const confirmPage = `${self.origin}/confirm.html`;

    /** Logs a successful action to the audit log, then passes its result on unchanged. */
    const logged = async <T>(
      result: Result<T, string>,
      kind: AuditKind,
      detail: string,
    ): Promise<Result<T, string>> => {
      if (result.ok) await audit(kind, detail);
      return result;
    };

    const handlers: Handlers = {
      'app:ping': async () => ok({ version: browser.runtime.getManifest().version }),
      'content:hello': async ({ referrer, framePath, framePositions, startedAt, again }, sender) => {
        if (sender.kind !== 'content-script') return ok({ allowed: true as const, recording: false });
        rememberFrame(
          sender.tabId,
          sender.frameId,
          sender.origin,
          framePath,
          sender.url,
          startedAt,
          sender.documentId,
          {
            positions: framePositions,
          },
        );
        // A repeated hello is the same document: it is no new page in a recording.
        const recording = await noteContentScript(
          sender.tabId,
          again ? null : sender.frameId,
          sender.url,
          sender.origin,
          referrer,
        );
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
        const result = await logged(await addOrigin(origin), 'allowlist-add', `Allowed ${origin}`);
        return result.ok ? ok({ origins: result.value }) : result;
      },
      'allowlist:remove': async ({ origin }) => {
        const result = await logged(await removeOrigin(origin), 'allowlist-remove', `Removed ${origin}`);
        return result.ok ? ok({ origins: result.value }) : result;
      },
      'vault:status': async () => ok(await vault.status()),
      'vault:create': ({ passphrase }) => vault.create(passphrase),
      'vault:unlock': async ({ passphrase }) => {
        const unlocked = await logged(await vault.unlock(passphrase), 'unlock', 'Unlocked');
        if (unlocked.ok) void pruneHistory(); // retention runs on unlock (and daily, see retention.ts)
        return unlocked;
      },
      'vault:lock': async () => ok(await vault.lock()),
      'vault:change-passphrase': ({ current, next }) => vault.rekey(current, next),
      'vault:wipe': async ({ confirmation }) =>
        confirmation === WIPE_CONFIRMATION ? vault.wipe() : (refuseWipe() as Result<never, string>),
      'settings:auto-lock': async ({ minutes }) => ok(await vault.setAutoLockMinutes(minutes)),
      'settings:retention-get': async () => {
        const policy = await readRetention();
        return policy.ok ? ok({ days: policy.value.days }) : policy;
      },
      'settings:retention': ({ days }) => setRetention(days),
      'retention:prune': () => pruneHistory({ always: true }),
      'task:list': () => listTasks(runHistory),
      'task:get': ({ id }) => getTask(id),
      'task:save': ({ task, id }) => saveTask(task, id),
      'task:delete': ({ id }) => deleteTask(id),
      'export:create': async ({ taskIds, passphrase }) =>
        logged(
          await exportTasks(taskIds, passphrase),
          'export',
          `Exported ${taskIds.length} ${taskIds.length === 1 ? 'task' : 'tasks'} to an encrypted file`,
        ),
      'import:file': async ({ text, passphrase }) =>
        logged(await importTasks(text, passphrase), 'import', 'Imported tasks from an encrypted file'),
      'interop:export': async ({ taskId, format }) => {
        const got = await getTask(taskId);
        if (!got.ok) return got;
        const { task } = got.value;
        const exported = format === 'recorder' ? exportRecorderJson(task) : exportPlaywrightTest(task);
        if (!exported.ok) return exported;
        const secrets = task.variables.filter((variable) => variable.secret).map((variable) => variable.name);
        const notes =
          secrets.length === 0
            ? []
            : [`Secret values (${secrets.join(', ')}) are not in the file; fill them in where you run it.`];
        const what = format === 'recorder' ? 'a Chrome Recorder file' : 'a Playwright test';
        return logged(
          ok({ fileName: exported.value.fileName, text: exported.value.text, notes }),
          'export',
          `Exported “${task.title}” as ${what}`,
        );
      },
      'interop:import': async ({ text }) => {
        const imported = importRecorderJson(text);
        if (!imported.ok) return imported;
        const { task, notes } = imported.value;
        const saved = await saveTask(task);
        if (!saved.ok) return saved;
        const value = { id: saved.value.id, title: task.title, stepCount: task.steps.length, notes };
        return logged(ok(value), 'import', `Imported “${task.title}” from a Chrome Recorder file`);
      },
      'recorder:start': async ({ tabId }) => logged(await startRecording(tabId), 'record-start', 'Started recording'),
      'recorder:stop': async ({ title }) => {
        const stopped = await stopRecording(title);
        return logged(stopped, 'record-stop', `Saved “${title}” (${stopped.ok ? stopped.value.stepCount : 0} steps)`);
      },
      'recorder:cancel': () => cancelRecording(),
      'recorder:status': async () => ok(await recorderStatus()),
      'recorder:action': async ({ action }, sender) =>
        sender.kind === 'content-script'
          ? recordAction(sender.tabId, sender.origin, action)
          : err('forbidden-sender', 'Only pages being recorded can add steps.'),
      'run:start': ({ taskId, tabId, values, environmentId, dryRun }) =>
        startRun(taskId, tabId, values, {
          ...(environmentId ? { environmentId } : {}),
          ...(dryRun ? { dryRun } : {}),
        }),
      'run:start-batch': ({ taskId, tabId, rows, onRowFailure, environmentId }) =>
        startBatch(taskId, tabId, rows, onRowFailure, environmentId),
      'run:continue-batch': ({ runId }) => continueBatch(runId),
      'run:status': async () => ok({ run: await runStatus() }),
      'audit:list': async () => {
        const read = await readAudit();
        if (!read.ok) return read;
        const { entries, verification } = read.value;
        return ok({
          entries: entries.map(({ seq, at, kind, detail }) => ({ seq, at, kind, detail })),
          verification: verification.ok ? { ...verification, problems: [] } : verification,
        });
      },
      'run:history': async () => {
        const runs = await runHistory();
        return runs.ok ? ok({ runs: runs.value }) : runs;
      },
      'run:artifacts': ({ runId }) => getArtifacts(runId),
      'run:get': async ({ runId }) => {
        const run = await runDetails(runId);
        return run.ok ? ok({ run: run.value }) : run;
      },
      'run:cancel': async ({ runId }) => ok({ run: await cancelRun(runId) }),
      'run:pause': async ({ runId }) => {
        const paused = await pauseRun(runId);
        return paused.ok ? ok({ run: paused.value }) : paused;
      },
      'run:resume': async ({ runId }) => {
        const resumed = await resumeRun(runId);
        return resumed.ok ? ok({ run: resumed.value }) : resumed;
      },
      'run:pick': async ({ runId, index }) => {
        const picked = await pickCandidate(runId, index);
        return picked.ok ? ok({ run: picked.value }) : picked;
      },
      'approval:list': async () => ok({ approvals: approvals.list().map(approvalView) }),
      'approval:get': async ({ id }) => {
        const approval = approvals.get(id);
        return approval
          ? ok({ approval: approvalView(approval) })
          : err('not-found', 'This action is no longer waiting for your OK.');
      },
      // The runner opened the approval's window (closing it denies); this only brings it forward.
      'approval:show': async ({ id }) => {
        const windowId = approvals.get(id)?.windowId;
        if (windowId === undefined) return err('not-found', 'This action is no longer waiting for your OK.');
        if (windowId === null) return err('unavailable', 'The confirmation window is still opening. Try again.');
        // Focusing alone leaves a minimized window minimized.
        const shown = await browser.windows
          .update(windowId, { focused: true, drawAttention: true, state: 'normal' })
          .then(
            () => true,
            () => false,
          );
        return shown ? ok({}) : err('not-found', 'The confirmation window was closed, so that action was denied.');
      },
      // Only the confirmation page settles an approval: not the popup, not the side panel, and
      // never a content script (the router already refuses those).
      'approval:decide': async ({ id, approve }, sender) => {
        if (!sender.url.startsWith(confirmPage)) {
          return approve
            ? err('forbidden-sender', 'Approve in the confirmation window.')
            : ok({ settled: approvals.settle(id, false) });
        }
        return ok({ settled: approvals.settle(id, approve) });
      },
    };

    const route = createRouter({ self, handlers, isOriginAllowed: isAllowed });

    // Returning the promise is how webextension-polyfill sends an async reply. Any message from
    // one of our pages is a user action and pushes the auto-lock deadline back.
    browser.runtime.onMessage.addListener((message, sender) => {
      const reply = route(message, sender);
      if (sender.url?.startsWith(`${self.origin}/`)) void reply.then(() => vault.touch());
      return reply;
    });
    browser.runtime.onConnect.addListener(acceptReplayPort);
    vault.watchForAutoLock();
    watchRecordedTabs();
    watchRuns();
    watchCommands();
    watchRetention();
    // A worker restart mid-run carries on where the run was (the vault resumes from storage.session).
    void resumeInterruptedRuns();

    browser.tabs.onRemoved.addListener((tabId) => {
      dropTab(tabId);
      forgetBadge(tabId);
    });
    // A new top-level document (not an iframe reload) means every frame's script starts afresh.
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading' && change.url !== undefined) noteTabLoading(tabId, change.url);
      // Chrome clears the tab's badge when the new page commits, between these two.
      if (change.status === 'loading' || change.status === 'complete') forgetBadge(tabId);
    });
    browser.permissions.onRemoved.addListener(() => void dropOriginsWithoutPermission());
    browser.runtime.onStartup.addListener(() => void dropOriginsWithoutPermission());
    browser.runtime.onInstalled.addListener(() => void dropOriginsWithoutPermission());
  },
});
