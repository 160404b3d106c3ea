import { MEMORY } from './config.js';
import { collectGarbage } from './inspector.js';
import { rssMb } from './procStats.js';

/**
 * Benchmark 4: memory of the subgraph process, read from outside it after the overhead run and
 * again after a repeated run of the same load. RSS is read as the load left it, then once more
 * after a full garbage collection (forced through the inspector), so garbage the collector had
 * not got round to yet does not pass for a leak.
 */

export interface MemorySample {
  rssMb: number;
  heapBeforeGcMb: number;
  rssAfterGcMb: number;
  heapAfterGcMb: number;
}

export interface MemoryResult {
  afterFirstRun: MemorySample;
  afterRepeatedRun: MemorySample;
  /** Growth of RSS after GC from the first to the repeated run. */
  deltaMb: number;
  withinLimit: boolean;
  noGrowth: boolean;
}

/** Needs the process started with `--inspect=127.0.0.1:<inspectorPort>`. */
export async function sampleMemory(pid: number, inspectorPort: number): Promise<MemorySample> {
  const rss = rssMb(pid);
  const heap = await collectGarbage(inspectorPort);
  return { rssMb: rss, ...heap, rssAfterGcMb: rssMb(pid) };
}

export function memoryResult(afterFirstRun: MemorySample, afterRepeatedRun: MemorySample): MemoryResult {
  const deltaMb = afterRepeatedRun.rssAfterGcMb - afterFirstRun.rssAfterGcMb;
  return {
    afterFirstRun,
    afterRepeatedRun,
    deltaMb,
    withinLimit: Math.max(afterFirstRun.rssMb, afterRepeatedRun.rssMb) <= MEMORY.maxRssMb,
    noGrowth: deltaMb <= MEMORY.maxGrowthMb,
  };
}
