import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far V8's old generation may grow past what the last full collection left alive,
 * before the next one: `percent` = 25 lets 40 MB of live objects grow to 50 MB.
 *
 * Left to itself, V8 lets a busy process grow its old generation up to about four times the
 * live heap, since collecting less often is cheaper. Under load, the per-request objects that
 * outlive a young collection pile up there as garbage: the subgraph sat at 180–250 MB RSS with
 * some 35 MB alive. With 25 % it stays near 145 MB, for a CPU cost within run-to-run noise
 * (docs/benchmarks.md, section 4). It is a growth factor, not a cap: a larger live heap (a full
 * read cache) still gets all the room it needs.
 *
 * V8 reads this flag each time it sets the next collection's threshold, so setting it once at
 * startup takes effect; a `--heap-growing-percent` given on Node's command line wins.
 */
export function limitHeapGrowth(percent: number, execArgv: readonly string[]): boolean {
  if (percent === 0) return false;
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}
