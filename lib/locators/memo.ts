/**
 * A replay step resolves the same target up to three times within milliseconds (inspect, the check before acting,
 * the act itself), and each resolution scans its scope and fingerprints every candidate. Resolution reads only
 * the DOM tree (tags, attributes, text, structure; no layout), so while no mutation happened in any scope it
 * looked at, its answer cannot have changed: the memo returns the last answer until the tree changes.
 */
import { isShadowRoot } from './dom';
import { type ResolveResult, resolveTarget } from './resolve';
import type { TargetDescriptor } from './schema';

const OBSERVE_ALL: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

export type Resolve = (root: Document | ShadowRoot, descriptor: TargetDescriptor) => ResolveResult;

export interface ResolutionMemo {
  resolve: Resolve;
  dispose(): void;
}

/** Memoizes the last found answer for `doc`; other roots, and answers other than found, are never reused. */
export function createResolutionMemo(doc: Document, resolve: Resolve = resolveTarget): ResolutionMemo {
  const Observer = doc.defaultView?.MutationObserver;
  if (!Observer) return { resolve, dispose: () => undefined };
  let version = 0;
  const observer = new Observer(() => {
    version++;
  });
  observer.observe(doc, OBSERVE_ALL);
  const observed = new WeakSet<Node>([doc]);
  let last: { key: string; version: number; result: ResolveResult & { status: 'found' } } | null = null;

  return {
    resolve(root, descriptor) {
      if (root !== doc) return resolve(root, descriptor);
      // Mutations not yet delivered to the callback (made in this same task) count too.
      if (observer.takeRecords().length > 0) version++;
      const key = JSON.stringify(descriptor);
      if (last && last.key === key && last.version === version && last.result.element.isConnected) return last.result;
      const result = resolve(root, descriptor);
      last = null;
      if (result.status === 'found') {
        // The answer also depends on the open shadow roots it was found through: watch them from now on.
        for (let scope = result.element.getRootNode(); isShadowRoot(scope); scope = scope.host.getRootNode()) {
          if (observed.has(scope)) continue;
          observer.observe(scope, OBSERVE_ALL);
          observed.add(scope);
        }
        last = { key, version, result };
      }
      return result;
    },
    dispose() {
      observer.disconnect();
      last = null;
    },
  };
}
