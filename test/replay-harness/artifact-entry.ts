/** What the artifact harness injects into test pages: the failure-artifact renderer and masking, as shipped. */

export { renderViewport } from '@/entrypoints/content/render-viewport';
export { collectSecrets, domExcerpt, MASK, regionAround } from '@/lib/run/artifact';
