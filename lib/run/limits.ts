/**
 * Limits that keep a run from hammering a site: a per-origin cap on actions per second (a sliding
 * window: an action waits rather than fails), a per-origin cap on runs started per hour, and the
 * circuit breaker's threshold of consecutive failures. Pure, with the clock passed in.
 */
/**
 * Bounds a runaway run (12,000 actions a minute at most) without slowing a normal one. The cap has had
 * to follow the engine: at 10 it set the replay's pace (100 ms a step), at 50 it came close to doing so,
 * and at 100 it did again once the 200-step benchmark ran at about 8 ms a step (10.2 ms a step capped,
 * 7.9 without a cap). Playwright runs that task at about 55 actions a second.
 */
export const MAX_ACTIONS_PER_SECOND = 200;
export const MAX_RUNS_PER_HOUR = 600;
/** Consecutive failed batch rows, or consecutive failed optional steps, that stop a run. */
export const CIRCUIT_BREAKER_FAILURES = 3;

export class SlidingWindowLimit {
  readonly #times = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** How long (ms) `key` must wait before one more event fits; 0 when it fits now. */
  delayFor(key: string, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.max) return 0;
    return (recent[recent.length - this.max] as number) + this.windowMs - now;
  }

  /** Records an event for `key` at `now`. */
  note(key: string, now: number): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#times.set(key, recent);
  }

  #recent(key: string, now: number): number[] {
    return (this.#times.get(key) ?? []).filter((time) => time > now - this.windowMs);
  }
}
