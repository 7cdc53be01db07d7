import { defineContentScript } from 'wxt/utils/define-content-script';
import { installRequestSensor } from '@/lib/replay/page-requests';

// Runs in the page's own world at document_start, before any page script, on the allowed origins only
// (registered beside the content script, see entrypoints/background/allowlist.ts). It has no extension
// APIs and carries nothing of the extension's: it only tells the content script when the page starts a
// request, so a replay knows whether an action needs the network watched (lib/replay/page-requests.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    installRequestSensor(window);
  },
});
