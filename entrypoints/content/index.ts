import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { z } from 'zod';
import { createMessageClient } from '@/lib/message-client';
import { startCapture } from '@/lib/recorder/capture';
import { ReplayRequest } from '@/lib/run/protocol';
import { answerFrameProbes, framePath, learnCrossOriginPrefix } from './frame-path';
import { hideRecordingIndicator, showRecordingIndicator } from './indicator';
import { handleReplay } from './replay';

const RecorderState = z.strictObject({ type: z.literal('recorder:state'), recording: z.boolean() });

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
    const setRecording = async (recording: boolean) => {
      if (recording && !stopCapture) {
        await learnCrossOriginPrefix();
        stopCapture = startCapture(document, {
          framePath,
          emit: (action) => void send({ type: 'recorder:action', action }),
        });
        showRecordingIndicator();
        await send({ type: 'content:recording', recording: true });
      } else if (!recording && stopCapture) {
        stopCapture();
        stopCapture = null;
        hideRecordingIndicator();
        await send({ type: 'content:recording', recording: false });
      }
    };
    ctx.onInvalidated(() => void setRecording(false));

    // Only the background (no tab, our own extension id) may switch recording on or off.
    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      const state = RecorderState.safeParse(message);
      if (state.success) {
        void setRecording(state.data.recording);
        return;
      }
      const replay = ReplayRequest.safeParse(message);
      // Returning the promise sends its value as the reply (webextension-polyfill).
      if (replay.success) return handleReplay(replay.data);
    });

    // Learn where this frame sits first: replay routes steps to frames by this path.
    await learnCrossOriginPrefix();
    const hello = await send({
      type: 'content:hello',
      url: location.href,
      referrer: document.referrer,
      framePath: framePath(),
      startedAt: performance.timeOrigin,
    });
    if (hello.ok && hello.value.recording) await setRecording(true);
  },
});
