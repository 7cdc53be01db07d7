import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { z } from 'zod';
import { createMessageClient } from '@/lib/message-client';
import { startCapture } from '@/lib/recorder/capture';
import { ArtifactRequest } from '@/lib/run/artifact';
import { answerRequests, REPLAY_PORT_NAME } from '@/lib/run/port-channel';
import { ReplayRequest } from '@/lib/run/protocol';
import { captureArtifact } from './artifact';
import { answerFrameProbes, framePath, framePositions, learnCrossOriginPrefix } from './frame-path';
import { hideRecordingIndicator, showRecordingIndicator } from './indicator';
import { handleReplay } from './replay';

const RecorderState = z.strictObject({ type: z.literal('recorder:state'), recording: z.boolean() });
/** A restarted background lost what it knew of this tab's frames: say hello again. */
const Reintroduce = z.strictObject({ type: z.literal('content:reintroduce') });

const UNREADABLE_STEP = 'The page script could not read this step. Reload the page and run again.';

/** A replay request from the worker (by message or over the replay port), answered; null for what is not one. */
async function answerReplay(message: unknown): Promise<unknown> {
  const replay = ReplayRequest.safeParse(message);
  // A replay request this script can't read must fail the step loudly, not look like a page that
  // went away (which the runner answers by asking again).
  if (!replay.success) return isReplayMessage(message) ? { status: 'failed', reason: UNREADABLE_STEP } : null;
  return handleReplay(replay.data);
}

function isReplayMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    typeof message.type === 'string' &&
    message.type.startsWith('replay:')
  );
}

// Registered at run time for allow-listed origins only (see entrypoints/background/allowlist.ts),
// so the manifest carries no static content script and no host access.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const send = createMessageClient((message) => browser.runtime.sendMessage(message));
    const stopAnswering = answerFrameProbes();
    ctx.onInvalidated(stopAnswering);

    let stopCapture: (() => void) | null = null;
    // Steps sent and not yet acknowledged: stopping waits for them (the last typed field included).
    const inFlight = new Set<Promise<unknown>>();
    const setRecording = async (recording: boolean) => {
      if (recording && !stopCapture) {
        await learnCrossOriginPrefix();
        stopCapture = startCapture(document, {
          framePath,
          emit: (action) => {
            const sent = send({ type: 'recorder:action', action });
            inFlight.add(sent);
            void sent.finally(() => inFlight.delete(sent));
          },
        });
        showRecordingIndicator();
        await send({ type: 'content:recording', recording: true });
      } else if (!recording && stopCapture) {
        stopCapture();
        stopCapture = null;
        await Promise.allSettled([...inFlight]);
        hideRecordingIndicator();
        await send({ type: 'content:recording', recording: false });
      }
    };
    ctx.onInvalidated(() => void setRecording(false));

    // Only the background (no tab, our own extension id) may switch recording on or off.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      const state = RecorderState.safeParse(message);
      if (state.success && state.data.recording) {
        void setRecording(true);
        return;
      }
      if (state.success) {
        // Answered once stopped, so the background knows this frame's last step has arrived.
        setRecording(false).then(
          () => sendResponse(true),
          () => sendResponse(false),
        );
        return true;
      }
      if (Reintroduce.safeParse(message).success) {
        void sayHello(true);
        return;
      }
      const artifact = ArtifactRequest.safeParse(message);
      if (artifact.success) {
        captureArtifact(artifact.data).then(sendResponse, () => sendResponse(null));
        return true;
      }
      if (!isReplayMessage(message)) return;
      // Later steps come over a port of their own (one message each way instead of a channel each).
      openReplayPort();
      // sendResponse + `return true` works with and without the polyfill.
      answerReplay(message).then(sendResponse, () => sendResponse(null));
      return true;
    });

    let replayPort: ReturnType<typeof browser.runtime.connect> | null = null;
    ctx.onInvalidated(() => replayPort?.disconnect());
    /** Opened on the first replay request, never on its own: an idle worker is left to stop. */
    function openReplayPort(): void {
      if (replayPort) return;
      try {
        const port = browser.runtime.connect({ name: REPLAY_PORT_NAME });
        replayPort = port;
        port.onDisconnect.addListener(() => {
          if (replayPort === port) replayPort = null;
        });
        answerRequests(port, answerReplay);
      } catch {
        replayPort = null; // the extension was reloaded: requests keep coming by message, if at all
      }
    }

    async function sayHello(again: boolean): Promise<void> {
      const hello = await send({
        type: 'content:hello',
        url: location.href,
        referrer: document.referrer,
        framePath: framePath(),
        framePositions: framePositions(),
        startedAt: performance.timeOrigin,
        again,
      });
      if (hello.ok && hello.value.recording) await setRecording(true);
    }
    // Learn where this frame sits first: replay routes steps to frames by this path.
    await learnCrossOriginPrefix();
    await sayHello(false);
  },
});
