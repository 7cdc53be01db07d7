import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMessageClient } from '@/lib/message-client';

// Registered at run time for allow-listed origins only (see entrypoints/background/allowlist.ts),
// so the manifest carries no static content script and no host access.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    const send = createMessageClient((message) => browser.runtime.sendMessage(message));
    await send({ type: 'content:hello', url: location.href });
  },
});
