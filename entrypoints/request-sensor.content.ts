import { defineContentScript } from 'wxt/utils/define-content-script';
import { FRAMES_QUIET_MS, installRequestSensor } from '@/lib/replay/page-requests';
import { trackPageSchedule } from '@/lib/replay/page-schedule';
import { LATE_SEND_QUIET_MS } from '@/lib/run/late-sends';

// Runs in the page's own world at document_start, before any page script, on the allowed origins only
// (registered beside the content script, see entrypoints/background/allowlist.ts). It has no extension
// APIs and carries nothing of the extension's: it only tells the content script when the page starts a
// request, so a replay knows whether an action needs the network watched (lib/replay/page-requests.ts),
// and whether the page has anything scheduled when a run ends (lib/replay/page-schedule.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main() {
    installRequestSensor(window);
    // What the page has scheduled, so a run can tell when nothing is left to send after its last step.
    trackPageSchedule(window, LATE_SEND_QUIET_MS, FRAMES_QUIET_MS);
  },
});
