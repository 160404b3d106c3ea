/**
 * A call's whole-call deadline as an AbortSignal that is released the moment the call ends.
 *
 * `AbortSignal.timeout()` would do the same, but its timer (and the signal with it) stays alive
 * until the timeout fires, seconds after a call that took milliseconds. Under load that keeps
 * thousands of dead signals alive long enough to be promoted to the old generation, which then
 * grows with garbage: measured, it was most of the process's resident memory after a load run.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Ends the deadline without aborting; call once the call is over, however it ended. */
  release(): void;
}

export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    // The same reason AbortSignal.timeout() gives, so failures read it the same way.
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, ms);
  return {
    signal: controller.signal,
    release: () => clearTimeout(timer),
  };
}
