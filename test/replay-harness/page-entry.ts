/** What the harness injects into test pages: the replay executor exactly as shipped, plus the recorder's describer. */

export { describeElement } from '@/lib/locators';
export * from '@/lib/replay/index';
