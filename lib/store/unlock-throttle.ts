/**
 * Back-off for repeated wrong passphrases. Pure: the caller persists the plain state (e.g. in
 * chrome.storage.local, so a service-worker restart doesn't reset it) and passes `now`.
 *
 * Policy: the first FREE_ATTEMPTS failures cost nothing (typos happen); after that each failure
 * doubles the wait from BASE_DELAY_MS, capped at MAX_DELAY_MS. A success resets everything. scrypt
 * already costs ~0.5 s per guess; this mainly slows someone at the keyboard of an unlocked machine.
 */
import { z } from 'zod';

export const FREE_ATTEMPTS = 3;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

export const throttleStateSchema = z.strictObject({
  failures: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** Epoch ms before which no attempt is allowed (0 = none). */
  blockedUntil: z.number().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type ThrottleState = z.infer<typeof throttleStateSchema>;

export const INITIAL_THROTTLE_STATE: ThrottleState = Object.freeze({ failures: 0, blockedUntil: 0 });

/** Reads a persisted state; anything unreadable counts as "free attempts used up", not as a reset. */
export function parseThrottleState(stored: unknown): ThrottleState {
  if (stored === undefined || stored === null) return { ...INITIAL_THROTTLE_STATE };
  const parsed = throttleStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : { failures: FREE_ATTEMPTS, blockedUntil: 0 };
}

/** Delay imposed after the `failures`-th consecutive failure. */
export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  const exponent = failures - FREE_ATTEMPTS - 1;
  return exponent >= 16 ? MAX_DELAY_MS : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
}

/** Whether an unlock attempt may run now; if not, how long to wait (never more than MAX_DELAY_MS). */
export function checkUnlockAllowed(
  state: ThrottleState,
  now: number,
): { allowed: true } | { allowed: false; retryAfterMs: number } {
  const wait = state.blockedUntil - now;
  if (wait <= 0) return { allowed: true };
  // Capped so a clock set backwards can't lock the user out for longer than the policy allows.
  return { allowed: false, retryAfterMs: Math.min(wait, MAX_DELAY_MS) };
}

/** State after a wrong passphrase at `now`. */
export function recordUnlockFailure(state: ThrottleState, now: number): ThrottleState {
  const failures = state.failures + 1;
  const delay = delayAfterFailures(failures);
  return { failures, blockedUntil: delay === 0 ? 0 : now + delay };
}

/** State after a successful unlock. */
export function recordUnlockSuccess(): ThrottleState {
  return { ...INITIAL_THROTTLE_STATE };
}
