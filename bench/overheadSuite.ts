import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_INVOICE_COUNT, generateDataset } from '../src/simulators/dataset.js';
import { OVERHEAD, SEED, TODAY, factoringInvoiceId } from './config.js';
import { memoryResult, sampleMemory } from './memory.js';
import type { MemoryResult, MemorySample } from './memory.js';
import { runLoad } from './loadgen.js';
import { FLOOR_BODY, floorReply, loadOptions, loadRun, sameReply } from './overhead.js';
import type { LoadRun } from './overhead.js';
import { freePort, startSimulatorProcess } from './processes.js';
import type { SimulatorProcess } from './processes.js';
import { monotonicUs, readProfile, summariseProfile } from './profile.js';
import type { ProfileSummary } from './profile.js';
import { median } from './stats.js';
import { startProxyProcess, startSubgraphProcess } from './targets.js';

/**
 * Benchmarks 3 and 4 over one simulator process (latency 0): proxy and subgraph take turns
 * under the same load, `OVERHEAD.rounds` times, so a noisy neighbour on the machine hits both;
 * the subgraph's memory is read after each of its runs; then a separate subgraph process runs the same load under `--cpu-prof`, so the
 * profiler's cost does not touch the throughput figures.
 */

export interface OverheadResult {
  invoiceNumber: string;
  reply: string;
  proxyRuns: LoadRun[];
  graphRuns: LoadRun[];
  /** The subgraph answering `{ __typename }` (no upstream call) under the same load. */
  floorRuns: LoadRun[];
  /** Median subgraph requests/s ÷ median proxy requests/s. */
  throughputRatio: number;
  /** Median proxy CPU per request ÷ median subgraph CPU per request (1 = as cheap as the proxy). */
  cpuCostRatio: number;
  /** Median floor requests/s ÷ median proxy requests/s: the best ratio this server stack allows. */
  floorThroughputRatio: number;
  met: boolean;
  memory: MemoryResult;
  profile: ProfileSummary;
}

/** A factored invoice whose FactorCloud record uses plain JSON types (no docs-faithful quirks). */
function benchmarkInvoice(): string {
  const dataset = generateDataset({ today: TODAY, seed: SEED, factoringInvoiceId });
  for (const invoice of dataset.confirmaInvoices.values()) {
    const factored = dataset.factorCloudInvoices.get(factoringInvoiceId(String(invoice.invoiceNumber)));
    if (factored?.replyStyle.kind === 'typed') return String(invoice.invoiceNumber);
  }
  throw new Error('the dataset holds no factored invoice with a typed FactorCloud reply');
}

export async function runOverheadSuite(log: (line: string) => void): Promise<OverheadResult> {
  const invoiceNumber = benchmarkInvoice();
  const simulators = await startSimulatorProcess({ invoiceCount: DEFAULT_INVOICE_COUNT, latencyMs: 0 });
  try {
    const inspectorPort = await freePort();
    const proxy = await startProxyProcess(simulators);
    const subgraph = await startSubgraphProcess(simulators, [`--inspect=127.0.0.1:${inspectorPort}`]);
    const proxyRuns: LoadRun[] = [];
    const graphRuns: LoadRun[] = [];
    const floorRuns: LoadRun[] = [];
    const memory: MemorySample[] = [];
    let reply: string;
    try {
      reply = await sameReply(subgraph, proxy, invoiceNumber);
      const floorText = await floorReply(subgraph);
      for (let round = 1; round <= OVERHEAD.rounds; round += 1) {
        log(`  overhead round ${round} of ${OVERHEAD.rounds}: hand-written proxy, subgraph, GraphQL floor`);
        const load = { invoiceNumber, expectedReply: reply, warmup: round === 1 };
        proxyRuns.push(await loadRun(proxy, simulators, load));
        graphRuns.push(await loadRun(subgraph, simulators, load));
        memory.push(await sampleMemory(subgraph.pid, inspectorPort));
        const floor = { ...load, body: FLOOR_BODY, expectedReply: floorText, upstreamCallsPerRequest: 0 };
        floorRuns.push(await loadRun(subgraph, simulators, floor));
      }
    } finally {
      await Promise.all([proxy.stop(), subgraph.stop()]);
    }
    log('  overhead: subgraph under --cpu-prof');
    const profile = await profiledRun(simulators, { invoiceNumber, expectedReply: reply });
    const throughputRatio = medianOf(graphRuns) / medianOf(proxyRuns);
    const [first, last] = [memory[0], memory.at(-1)];
    if (!first || !last) throw new Error('no memory sample was taken');
    return {
      invoiceNumber,
      reply,
      proxyRuns,
      graphRuns,
      floorRuns,
      throughputRatio,
      cpuCostRatio: cpuCostOf(proxyRuns) / cpuCostOf(graphRuns),
      floorThroughputRatio: medianOf(floorRuns) / medianOf(proxyRuns),
      met: throughputRatio >= OVERHEAD.minThroughputRatio,
      memory: memoryResult(first, last),
      profile,
    };
  } finally {
    await simulators.stop();
  }
}

const medianOf = (runs: LoadRun[]) => median(runs.map((run) => run.requestsPerSecond));
/** NaN (printed n/a) without /proc. */
const cpuCostOf = (runs: LoadRun[]) => median(runs.map((run) => run.serverCpuMsPerRequest ?? Number.NaN));

async function profiledRun(
  simulators: SimulatorProcess,
  load: { invoiceNumber: string; expectedReply: string },
): Promise<ProfileSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-graph-cpuprof-'));
  try {
    const subgraph = await startSubgraphProcess(simulators, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let window: { fromUs: number; toUs: number };
    try {
      await runLoad(loadOptions(subgraph, load, OVERHEAD.warmupSeconds));
      const fromUs = monotonicUs();
      const measured = await runLoad(loadOptions(subgraph, load, OVERHEAD.measureSeconds));
      if (measured.failures > 0) throw new Error(`${measured.failures} profiled requests failed`);
      window = { fromUs, toUs: monotonicUs() };
    } finally {
      // The profile is written when the process exits.
      await subgraph.stop();
    }
    // Only the measured seconds: start-up (module loading) and warm-up are left out.
    return summariseProfile(readProfile(dir), window);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
