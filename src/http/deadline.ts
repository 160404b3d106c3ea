/**
 * What the transport needs of an abort signal: the deadline's state and one-shot listeners.
 * `AbortSignal` has it (the pool's shutdown signal and every call's deadline are ones).
 */
export interface DeadlineSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A call's whole-call deadline: aborts with a TimeoutError after `ms`, and says how much is left. */
export interface Deadline extends DeadlineSignal {
  /** Milliseconds left before the deadline (negative once past). */
  remainingMs(): number;
}

/**
 * A plain `AbortSignal.timeout()`: at 50–150 ms upstream latency a hand-written deadline with
 * its own timer and listener list made pages no faster and used no less CPU (bench/machinery.ts).
 */
export function callDeadline(ms: number): Deadline {
  const endsAt = performance.now() + ms;
  return Object.assign(AbortSignal.timeout(Math.max(0, Math.ceil(ms))), {
    remainingMs: () => endsAt - performance.now(),
  });
}
