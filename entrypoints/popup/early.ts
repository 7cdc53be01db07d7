/**
 * The vault state and the task list, asked for the moment the popup opens (main.ts), before the
 * app's code has loaded, so the unlocked view does not wait for its script and then for two round
 * trips (bench:popup). Sent raw, without the message client: that needs zod and the message
 * schemas, which load with the app. The replies are raw too: `early-replies.ts` validates them
 * like any reply. Each is taken once.
 */

type SendMessage = (message: unknown) => Promise<unknown>;
type Runtime = { runtime: { sendMessage: SendMessage } };

export const EARLY_TYPES = ['vault:status', 'task:list'] as const;
export type EarlyType = (typeof EARLY_TYPES)[number];

const pending = new Map<EarlyType, Promise<unknown>>();

export function prefetch(): void {
  // Firefox's `browser` or Chrome's `chrome`: both return promises in MV3.
  const api = ((globalThis as { browser?: Runtime }).browser ?? (globalThis as unknown as { chrome: Runtime }).chrome)
    .runtime;
  for (const type of EARLY_TYPES) {
    const reply = api.sendMessage({ type });
    reply.catch(() => undefined); // a failure is seen (and retried) when the reply is taken
    pending.set(type, reply);
  }
}

/** The raw reply asked for early, once; null when there is none (taken already, or never asked). */
export function takeEarly(type: EarlyType): Promise<unknown> | null {
  const reply = pending.get(type) ?? null;
  pending.delete(type);
  return reply;
}
