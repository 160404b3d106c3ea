/**
 * The order of a graceful shutdown, apart from the process (src/index.ts owns signals and the
 * exit code): drain the HTTP server; if requests are still in flight at the deadline, abort the
 * upstream calls they wait on, so each of them is answered (with a coded field error) instead of
 * cut off, and give those answers `graceMs` to go out; then release everything else.
 */
export interface ShutdownSteps {
  /** Resolves once every request in flight was answered and every connection closed. */
  drain(): Promise<void>;
  /** Ends every upstream call in flight with a coded error. */
  abortUpstreamCalls(): Promise<unknown>;
  /** Closes what is left (pools, simulators, cache, telemetry) once nothing is in flight. */
  release(): Promise<void>;
}

export interface ShutdownTimings {
  deadlineMs: number;
  graceMs: number;
  /** Called when the deadline passes with requests still in flight. */
  onDeadline(): void;
}

/** 'drained': every request was answered; 'cut': some were still open after the grace period. */
export type ShutdownOutcome = 'drained' | 'cut';

export async function runShutdown(steps: ShutdownSteps, timings: ShutdownTimings): Promise<ShutdownOutcome> {
  const drained = steps.drain().then(() => 'drained' as const);
  const afterDeadline = await Promise.race([drained, wait(timings.deadlineMs, 'deadline' as const)]);
  if (afterDeadline === 'deadline') {
    timings.onDeadline();
    // A failure to abort changes nothing here: the grace period below still bounds the wait.
    await steps.abortUpstreamCalls().catch(() => undefined);
    const outcome = await Promise.race([drained, wait(timings.graceMs, 'cut' as const)]);
    if (outcome === 'cut') return 'cut';
  }
  await steps.release();
  return 'drained';
}

function wait<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value).unref());
}
