import { CRITICAL_PATH, MEMORY, OVERHEAD, UPSTREAM_MAX_CONCURRENCY } from './config.js';
import type { MemorySample } from './memory.js';
import type { LoadRun } from './overhead.js';
import { cpuLine, fixed, verdict } from './results.js';
import type { BenchResults } from './results.js';

/** The console report: every figure next to its target and whether it is met. */
export function consoleReport(r: BenchResults): string {
  const { calls, overhead } = r;
  const memory = overhead.memory;
  const lines = [
    `invoice-graph benchmarks, ${r.date}`,
    `machine: ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.os}`,
    `load average (1 min): ${fixed(r.loadAverage.start, 2)} at start, ${fixed(r.loadAverage.end, 2)} at end`,
    '',
    `1. Upstream calls for one InvoicePage query (${calls.invoices} invoices)`,
    row('distribution page', calls.recorded.distributionPages, calls.lowerBound.distributionPages),
    row('case details', calls.recorded.cases, calls.lowerBound.cases),
    row('get-invoice', calls.recorded.factoringInvoices, calls.lowerBound.factoringInvoices),
    row('get-client', calls.recorded.clients, calls.lowerBound.clients),
    row('other', calls.recorded.other, 0),
    `${row('total', calls.recorded.total, calls.lowerBound.total)}   target: recorded = lower bound  ${verdict(calls.equal)}`,
    '',
    `2. Critical path: InvoicePage with ${CRITICAL_PATH.latencyMs} ms per upstream call, ${UPSTREAM_MAX_CONCURRENCY} calls at once per upstream`,
    '   bound = L × (1 + max(⌈C/c⌉, ⌈(N+K)/c⌉, K > 0 ? 2 : 1)); rounds = L × (1 + max(⌈C/c⌉, ⌈N/c⌉) + ⌈K/c⌉)',
    '   (C case calls, N get-invoice, K get-client, c calls at once per upstream, L latency)',
    ...r.criticalPath.flatMap((p) => [
      `   ${p.invoices} invoices (C=${p.resources.cases} cases, N=${p.resources.factoringInvoices} get-invoice, K=${p.resources.clients} get-client)`,
      `      subgraph ${fixed(p.graphMedianMs)} ms (median of ${p.graphRunsMs.length}), bound ${fixed(p.bound.boundMs)} ms` +
        ` (rounds ${fixed(p.bound.roundsMs)} ms): ${fixed(p.ratio, 2)}×   target ≤ ${CRITICAL_PATH.maxRatio}×  ${verdict(p.met)}`,
      `      machine floor ${p.bound.waves} waves × ${fixed(p.callMs, 1)} ms per bare call = ${fixed(p.machineFloorMs)} ms:` +
        ` subgraph ${fixed(p.graphMedianMs / p.machineFloorMs, 2)}× it; subgraph CPU ${fixed(p.graphCpuMsPerQuery ?? Number.NaN)} ms per query`,
      `      ideal concurrent client ${fixed(p.idealMedianMs)} ms (median of ${p.idealRunsMs.length}) = ${fixed(p.idealMedianMs / p.bound.boundMs, 2)}× the bound; subgraph ${fixed(p.graphMedianMs / p.idealMedianMs, 2)}× it`,
      `      naive N+1 ${fixed(p.naiveMedianMs)} ms (median of ${p.naiveRunsMs.length}, ${p.naiveCalls} calls) = ${fixed(p.naiveMedianMs / p.graphMedianMs, 1)}× the subgraph`,
    ]),
    '',
    `3. Overhead: OneInvoice (2 upstream calls, latency 0), ${OVERHEAD.connections} connections, ${OVERHEAD.measureSeconds} s per run after ${OVERHEAD.warmupSeconds} s warm-up, ${OVERHEAD.rounds} rounds`,
    ...overhead.proxyRuns.flatMap((proxyRun, i) => {
      const graphRun = overhead.graphRuns[i];
      const floorRun = overhead.floorRuns[i];
      return [
        loadLine(`proxy    run ${i + 1}`, proxyRun),
        ...(graphRun ? [loadLine(`subgraph run ${i + 1}`, graphRun)] : []),
        ...(floorRun ? [loadLine(`floor    run ${i + 1}`, floorRun)] : []),
      ];
    }),
    `   subgraph ÷ proxy throughput (medians) ${fixed(overhead.throughputRatio, 2)}   target ≥ ${OVERHEAD.minThroughputRatio}  ${verdict(overhead.met)}`,
    `   proxy ÷ subgraph CPU per request (medians) ${fixed(overhead.cpuCostRatio, 2)}   (no target; steadier than req/s on a busy machine)`,
    `   GraphQL floor ({ __typename }, no upstream call) ÷ proxy throughput (medians) ${fixed(overhead.floorThroughputRatio, 2)}   (the ceiling for this server stack)`,
    `   CPU profile of the subgraph under the same load (${fixed(overhead.profile.busyMs)} ms busy of ${fixed(overhead.profile.totalMs)} ms sampled${overhead.profile.windowed ? '' : ', whole process life'}):`,
    '   by module:',
    ...overhead.profile.byModule
      .slice(0, 10)
      .map((t) => `     ${pad(fixed(t.percent, 1), 5)}%  ${fixed(t.ms)} ms  ${t.name}`),
    '   by function:',
    ...overhead.profile.byFunction
      .slice(0, 12)
      .map((t) => `     ${pad(fixed(t.percent, 1), 5)}%  ${fixed(t.ms)} ms  ${t.name}`),
    '',
    '4. Memory of the subgraph process (RSS as the load left it; RSS and V8 heap after a forced full GC)',
    `   after the overhead run   ${memoryLine(memory.afterFirstRun)}   target: RSS ≤ ${MEMORY.maxRssMb} MB  ${verdict(memory.withinLimit)}`,
    `   after the repeated runs  ${memoryLine(memory.afterRepeatedRun)}`,
    `   RSS after GC delta ${signed(memory.deltaMb)} MB   target: no growth (≤ ${MEMORY.maxGrowthMb} MB)  ${verdict(memory.noGrowth)}`,
    '',
    `finished in ${fixed(r.durationSeconds)} s`,
  ];
  return lines.join('\n');
}

function row(label: string, recorded: number, bound: number): string {
  return `   ${pad(label, 18)} recorded ${pad(String(recorded), 5)} lower bound ${pad(String(bound), 5)}`;
}

function loadLine(label: string, run: LoadRun): string {
  return (
    `   ${label}: ${fixed(run.requestsPerSecond)} req/s, p50 ${fixed(run.p50Ms, 1)} ms, p99 ${fixed(run.p99Ms, 1)} ms,` +
    ` server CPU ${fixed(run.serverCpuMsPerRequest ?? Number.NaN, 3)} ms/request` +
    ` (${run.requests} requests; CPU % of one core: ${cpuLine(run.cpuPercent)})`
  );
}

export function memoryLine(sample: MemorySample): string {
  return (
    `RSS ${fixed(sample.rssMb)} MB (heap ${fixed(sample.heapBeforeGcMb)} MB),` +
    ` after GC ${fixed(sample.rssAfterGcMb)} MB (heap ${fixed(sample.heapAfterGcMb)} MB)`
  );
}

export function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${fixed(value, 1)}`;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}
