/** Which tabs currently have a content script that introduced itself, by frame origin. */
const connectedFrames = new Map<number, Map<number, string>>();

export function rememberFrame(tabId: number, frameId: number, origin: string): void {
  let frames = connectedFrames.get(tabId);
  if (!frames) {
    frames = new Map();
    connectedFrames.set(tabId, frames);
  }
  frames.set(frameId, origin);
}

export function hasConnectedTopFrame(tabId: number): boolean {
  return connectedFrames.get(tabId)?.has(0) ?? false;
}

export function forgetTab(tabId: number): void {
  connectedFrames.delete(tabId);
  recordingFrames.delete(tabId);
}

/** Frames that reported they are capturing, per tab (cleared with the tab's document). */
const recordingFrames = new Map<number, Set<number>>();

export function setFrameRecording(tabId: number, frameId: number, recording: boolean): void {
  let frames = recordingFrames.get(tabId);
  if (!frames) {
    frames = new Set();
    recordingFrames.set(tabId, frames);
  }
  if (recording) frames.add(frameId);
  else frames.delete(frameId);
}

export function countRecordingFrames(tabId: number): number {
  return recordingFrames.get(tabId)?.size ?? 0;
}
