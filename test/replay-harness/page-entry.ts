/** What the harness injects into test pages: the replay executor and the recorder exactly as shipped. */

export { describeElement, resolveTarget } from '@/lib/locators';
export { generateXPath } from '@/lib/locators/describe';
export { evaluateLocator } from '@/lib/locators/resolve';
export { startCapture } from '@/lib/recorder/capture';
export * from '@/lib/replay/index';
export * from '@/lib/replay/page-requests';
