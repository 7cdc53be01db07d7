import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkUnlockAllowed,
  FREE_ATTEMPTS,
  INITIAL_THROTTLE_STATE,
  MAX_DELAY_MS,
  parseThrottleState,
  recordUnlockFailure,
  recordUnlockSuccess,
} from '@/lib/store/unlock-throttle';

describe('unlock throttle', () => {
  it('allows three free failures, then waits 1 s, 2 s, 4 s … capped at 60 s', () => {
    let state = INITIAL_THROTTLE_STATE;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      state = recordUnlockFailure(state, 1_000_000);
      const check = checkUnlockAllowed(state, 1_000_000);
      waits.push(check.allowed ? 0 : check.retryAfterMs);
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(FREE_ATTEMPTS).toBe(3);
    expect(checkUnlockAllowed(state, 1_000_000 + MAX_DELAY_MS).allowed).toBe(true);
    expect(recordUnlockSuccess()).toEqual(INITIAL_THROTTLE_STATE);
  });

  it('never asks for more than the cap, whatever the state and clock', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(), fc.nat(), (failures, blockedUntil, now) => {
        const check = checkUnlockAllowed(parseThrottleState({ failures, blockedUntil }), now);
        if (!check.allowed) expect(check.retryAfterMs).toBeLessThanOrEqual(MAX_DELAY_MS);
      }),
    );
  });

  it('treats a corrupted stored state as used-up free attempts, not as a reset', () => {
    expect(parseThrottleState(undefined)).toEqual(INITIAL_THROTTLE_STATE);
    const parsed = parseThrottleState({ failures: 'lots' });
    expect(parsed.failures).toBe(FREE_ATTEMPTS);
    const next = recordUnlockFailure(parsed, 0);
    expect(checkUnlockAllowed(next, 0).allowed).toBe(false);
  });

  it('is plain JSON that survives a round trip', () => {
    const state = recordUnlockFailure(recordUnlockFailure(INITIAL_THROTTLE_STATE, 5), 5);
    expect(parseThrottleState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
