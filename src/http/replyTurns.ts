/**
 * When a caller's work on an upstream reply runs: after the event loop has handled the I/O that
 * was ready, so freed connection slots send their next calls first (upstreamHttp.ts).
 *
 * Kept: at 50–150 ms upstream latency it neither shortens nor lengthens a page (bench/machinery.ts),
 * but without it `npm run bench` measured 10–35% more CPU per page query and a slower 200-invoice
 * page, past the bounds this code is held to (docs/performance.md).
 */

/** Callers waiting for `afterPendingIo`, oldest first. */
const waiting: Array<() => void> = [];
/**
 * How many waiters one turn of the event loop lets go before it polls for I/O again. Measured
 * side by side: all at once, a reply that arrived during a burst of 16 waited for all 16;
 * 1 per turn cost a third more CPU per request in loop turns; 4 and 8 both shortened the
 * 800-invoice page by about 3%, and 8 used the least CPU on the single-invoice load.
 */
export const WAITERS_PER_TURN = 8;
let pumping = false;

/**
 * Resolves in the event loop's check phase, after the I/O callbacks that were ready when it
 * was called, a few waiters per turn of the loop: between them the loop polls again, so a reply
 * that arrives meanwhile frees its slot without waiting for every other caller's work.
 */
export function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}

function pump(): void {
  for (let released = 0; released < WAITERS_PER_TURN && waiting.length > 0; released += 1)
    waiting.shift()?.();
  if (waiting.length > 0) setImmediate(pump);
  else pumping = false;
}
