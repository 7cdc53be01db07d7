/**
 * Classifies the `sender` Chrome attaches to a runtime message. Trust comes from here, never from
 * message fields: an extension page is a document on our own extension origin; a content script is
 * a frame of a tab on an http(s) origin. Anything else (other extensions, sandboxed or opaque-origin
 * frames, a URL and origin that disagree) is refused.
 */

import type { SenderKind } from './messages';
import { originOf } from './origins';

/** The fields of `runtime.MessageSender` the router relies on. */
export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number; url?: string };
}

export interface ExtensionIdentity {
  id: string;
  /** e.g. `chrome-extension://abcdef…` (no trailing slash) */
  origin: string;
}

export type VerifiedSender =
  | { kind: 'extension-page'; url: string; tabId: number | null }
  | { kind: 'content-script'; url: string; origin: string; tabId: number; frameId: number; documentId: string | null };

export function classifySender(sender: RawSender, self: ExtensionIdentity): VerifiedSender | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  // A prefix test, not `new URL().origin`: that is opaque ('null') for chrome-extension: outside Chrome.
  if (sender.url.startsWith(`${self.origin}/`)) {
    if (sender.origin !== undefined && sender.origin !== self.origin) return null;
    return { kind: 'extension-page', url: sender.url, tabId: sender.tab?.id ?? null };
  }
  const pageOrigin = originOf(sender.url);
  const tabId = sender.tab?.id;
  if (pageOrigin === null || typeof tabId !== 'number' || typeof sender.frameId !== 'number') return null;
  // Chrome reports the frame's real origin separately; a mismatch means an opaque or inherited
  // origin (sandboxed iframe, about:blank) and we do not guess which one to trust.
  if (sender.origin !== undefined && sender.origin !== pageOrigin) return null;
  return {
    kind: 'content-script',
    url: sender.url,
    origin: pageOrigin,
    tabId,
    frameId: sender.frameId,
    documentId: sender.documentId ?? null,
  };
}

export function isSenderKind(sender: VerifiedSender, kinds: readonly SenderKind[]): boolean {
  return kinds.includes(sender.kind);
}
