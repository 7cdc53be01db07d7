import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { originOf } from '@/lib/origins';
import { ok } from '@/lib/result';
import { createRouter, type Handlers } from '@/lib/router';
import { addOrigin, dropOriginsWithoutPermission, isAllowed, readAllowList, removeOrigin } from './allowlist';
import { forgetTab, hasConnectedTopFrame, rememberFrame } from './connections';

export default defineBackground({
  type: 'module',
  main() {
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };

    const handlers: Handlers = {
      'app:ping': async () => ok({ version: browser.runtime.getManifest().version }),
      'content:hello': async (_message, sender) => {
        if (sender.kind === 'content-script') rememberFrame(sender.tabId, sender.frameId, sender.origin);
        return ok({ allowed: true as const });
      },
      'tab:status': async ({ tabId }) => {
        const tab = await browser.tabs.get(tabId).catch(() => null);
        const origin = originOf(tab?.url);
        return ok({
          tabId,
          origin,
          allowed: origin !== null && (await isAllowed(origin)),
          contentScriptConnected: hasConnectedTopFrame(tabId),
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
    };

    const route = createRouter({ self, handlers, isOriginAllowed: isAllowed });

    // Returning the promise is how webextension-polyfill sends an async reply.
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

    browser.tabs.onRemoved.addListener(forgetTab);
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') forgetTab(tabId);
    });
    browser.permissions.onRemoved.addListener(() => void dropOriginsWithoutPermission());
    browser.runtime.onStartup.addListener(() => void dropOriginsWithoutPermission());
    browser.runtime.onInstalled.addListener(() => void dropOriginsWithoutPermission());
  },
});
