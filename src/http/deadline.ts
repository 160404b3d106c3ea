/**
 * What the transport needs of an abort signal: the deadline's state and one-shot listeners.
 * `AbortSignal` has it (the pool's shutdown signal is one), and so does `CallDeadline`.
 */
export interface DeadlineSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A call's whole-call deadline as the transport uses it. */
export interface Deadline extends DeadlineSignal {
  /** Milliseconds left before the deadline (negative once past). */
  remainingMs(): number;
  /** Ends the deadline without aborting; call once the call is over, however it ended. */
  release(): void;
}

/**
 * A call's whole-call deadline: it aborts after `ms` unless released first, which the call does
 * the moment it ends.
 *
 * Not an AbortController: one per upstream call cost, measured side by side under load, about a
 * tenth of the CPU of a single-invoice request (Node's EventTarget machinery for the signal and
 * for each listener undici and the semaphore add). Nor `AbortSignal.timeout()`, whose timer and
 * signal stay alive until the timeout fires, seconds after a call that took milliseconds; under
 * load that filled the old generation with dead signals. undici accepts any object with
 * `addEventListener` as a signal, and reads `aborted` and `reason` from it as from an AbortSignal.
 *
 * Kept: at 50–150 ms upstream latency, `AbortSignal.timeout()` in its place took 16% more CPU
 * per 50-invoice page (bench/machinery.ts), and on `npm run bench` CPU per page query grew past
 * its 10% bound without it (docs/performance.md).
 */
export class CallDeadline implements Deadline {
  aborted = false;
  reason: unknown = undefined;
  #listeners: Array<() => void> | undefined;
  readonly #timer: NodeJS.Timeout;
  readonly #endsAt: number;

  constructor(ms: number) {
    this.#endsAt = performance.now() + ms;
    this.#timer = setTimeout(() => this.#expire(), ms);
  }

  /** Milliseconds left before the deadline (negative once past). */
  remainingMs(): number {
    return this.#endsAt - performance.now();
  }

  /** Listeners are one-shot, as with `{ once: true }`; one added after the deadline never runs. */
  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) (this.#listeners ??= []).push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.#listeners?.indexOf(listener) ?? -1;
    if (index >= 0) this.#listeners?.splice(index, 1);
  }

  /** Ends the deadline without aborting; call once the call is over, however it ended. */
  release(): void {
    clearTimeout(this.#timer);
    this.#listeners = undefined;
  }

  /** As an AbortSignal's abort: every listener runs, and a listener's error is not swallowed. */
  #expire(): void {
    this.aborted = true;
    // The reason AbortSignal.timeout() gives, so failures read it the same way.
    this.reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const listeners = this.#listeners ?? [];
    this.#listeners = undefined;
    let failure: { error: unknown } | undefined;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }
}

/** The plain deadline CallDeadline replaces; bench/machinery.ts runs it side by side. */
export function timeoutDeadline(ms: number): Deadline {
  const endsAt = performance.now() + ms;
  return Object.assign(AbortSignal.timeout(Math.max(0, Math.ceil(ms))), {
    remainingMs: () => endsAt - performance.now(),
    release: () => {},
  });
}
