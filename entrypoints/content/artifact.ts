/**
 * Failure artifacts, frame side (protocol atop lib/run/artifact.ts): the secrets to mask, the DOM
 * excerpt, and a screenshot of the viewport. The screenshot is drawn from the DOM
 * (render-viewport.ts): `tabs.captureVisibleTab` would need `<all_urls>` or a user-granted
 * activeTab, and Understudy holds neither. Secrets are masked in the renderer's clone, so the live
 * page is never edited and never shows a mask.
 */
import { browser } from 'wxt/browser';
import { type ArtifactReply, type ArtifactRequest, collectSecrets, domExcerpt, regionAround } from '@/lib/run/artifact';
import { renderViewport } from './render-viewport';

/**
 * Test builds only (they pre-grant 127.0.0.1, which no release build does): the last rendered SVG,
 * kept in this isolated world (the page cannot read it) so an end-to-end test can check what was
 * rasterized.
 */
function keepRenderedSvg(svg: SVGElement): void {
  (globalThis as { __understudyLastArtifactSvg?: string }).__understudyLastArtifactSvg =
    new XMLSerializer().serializeToString(svg);
}

export async function captureArtifact(request: ArtifactRequest): Promise<ArtifactReply> {
  const { secrets, fields } = collectSecrets(document, request.secretFields, request.secretValues);
  const { region, target } = regionAround(document, request.target);
  const excerpt = domExcerpt(region, { secrets, secretFields: fields, target });
  const isTestBuild = (browser.runtime.getManifest().host_permissions ?? []).includes('http://127.0.0.1/*');
  const rendered = await renderViewport(document, secrets, isTestBuild ? keepRenderedSvg : undefined).catch(() => null);
  return {
    status: 'captured',
    screenshot: rendered?.dataUrl ?? null,
    domExcerpt: excerpt,
    maskedCount: rendered?.masked ?? 0,
  };
}
