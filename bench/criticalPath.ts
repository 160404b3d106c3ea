import type { SimulatorDataset } from '../src/simulators/index.js';
import { criticalPathBound, resourcesTouched, totalCalls } from './bounds.js';
import type { CriticalPathBound, ResourcesTouched } from './bounds.js';
import { CRITICAL_PATH, UPSTREAM_MAX_CONCURRENCY } from './config.js';
import { measureCallLatency } from './callLatency.js';
import { idealClient } from './idealClient.js';
import { naiveInvoicePage } from './naiveClient.js';
import { cpuSeconds } from './procStats.js';
import type { PageSetup } from './pageSetup.js';
import { INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES, invoicePageReplySchema, postQuery } from './queries.js';
import { median, timed } from './stats.js';

/**
 * Benchmark 2: wall time of the InvoicePage query with `CRITICAL_PATH.latencyMs` on every
 * upstream call, against the lower bound the data dependencies force (bounds.ts) and against a
 * naive N+1 client. Each figure is the median of several runs.
 */

export interface CriticalPathResult {
  invoices: number;
  resources: ResourcesTouched;
  bound: CriticalPathBound;
  graphRunsMs: number[];
  graphMedianMs: number;
  naiveRunsMs: number[];
  naiveMedianMs: number;
  naiveCalls: number;
  /** graph median ÷ lower bound. */
  ratio: number;
  met: boolean;
  /** One upstream call as a bare client sees it here (callLatency.ts), ms. */
  callMs: number;
  /** The bound's waves × `callMs`: the floor this machine sets, ms. */
  machineFloorMs: number;
  /** The same calls by a bare concurrent client (idealClient.ts), same bound per upstream. */
  idealRunsMs: number[];
  idealMedianMs: number;
  /** CPU time of the subgraph process per timed query, ms (undefined without /proc). */
  graphCpuMsPerQuery: number | undefined;
}

export async function measureCriticalPath({
  subgraph,
  simulators,
  dataset,
}: PageSetup): Promise<CriticalPathResult> {
  // The first query warms the subgraph (JIT, upstream connections); its reply sets the bound.
  const reply = invoicePageReplySchema.parse(
    await postQuery(subgraph.url, INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES),
  );
  const invoices = reply.data.invoices.nodes.length;
  if (invoices !== dataset.confirmaInvoices.size) {
    throw new Error(`page holds ${invoices} invoices, the dataset ${dataset.confirmaInvoices.size}`);
  }
  const resources = resourcesTouched(reply, dataset);
  const bound = criticalPathBound(resources, UPSTREAM_MAX_CONCURRENCY, CRITICAL_PATH.latencyMs);

  const callMs = await measureCallLatency(simulators.factorCloudUrl, firstFactoredId(dataset));
  const graphRunsMs: number[] = [];
  const cpuBefore = cpuSeconds(subgraph.pid);
  for (let i = 0; i < CRITICAL_PATH.graphRepeats; i += 1) {
    await simulators.resetCounts();
    graphRunsMs.push(await timed(() => postQuery(subgraph.url, INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES)));
    // Every timed run must pay for every upstream call: a warm cache would time something else.
    const calls = Object.values(await simulators.counts()).reduce((sum, count) => sum + count, 0);
    if (calls !== totalCalls(resources)) {
      throw new Error(
        `a timed InvoicePage query made ${calls} upstream calls, expected ${totalCalls(resources)}`,
      );
    }
  }
  const cpuAfter = cpuSeconds(subgraph.pid);
  const graphCpuMsPerQuery =
    cpuBefore === undefined || cpuAfter === undefined
      ? undefined
      : ((cpuAfter - cpuBefore) * 1000) / CRITICAL_PATH.graphRepeats;
  const urls = { confirma: simulators.confirmaUrl, factorCloud: simulators.factorCloudUrl };
  const idealRunsMs = await timeIdealClient(urls, totalCalls(resources));
  const naiveRunsMs: number[] = [];
  let naiveCalls = 0;
  for (let i = 0; i < CRITICAL_PATH.naiveRepeats(invoices); i += 1) {
    naiveRunsMs.push(
      await timed(async () => {
        naiveCalls = await naiveInvoicePage(urls);
      }),
    );
  }
  const graphMedianMs = median(graphRunsMs);
  const ratio = graphMedianMs / bound.boundMs;
  return {
    invoices,
    resources,
    bound,
    graphRunsMs,
    graphMedianMs,
    naiveRunsMs,
    naiveMedianMs: median(naiveRunsMs),
    naiveCalls,
    ratio,
    met: ratio <= CRITICAL_PATH.maxRatio,
    callMs,
    machineFloorMs: bound.waves * callMs,
    idealRunsMs,
    idealMedianMs: median(idealRunsMs),
    graphCpuMsPerQuery,
  };
}

/** As many timed runs as the subgraph's, after one warm-up; each must make exactly `calls` calls. */
async function timeIdealClient(
  urls: { confirma: string; factorCloud: string },
  calls: number,
): Promise<number[]> {
  const client = idealClient(urls);
  try {
    await client.invoicePage();
    const runsMs: number[] = [];
    for (let i = 0; i < CRITICAL_PATH.graphRepeats; i += 1) {
      let made = 0;
      runsMs.push(
        await timed(async () => {
          made = await client.invoicePage();
        }),
      );
      if (made !== calls) throw new Error(`the ideal client made ${made} upstream calls, expected ${calls}`);
    }
    return runsMs;
  } finally {
    await client.close();
  }
}

function firstFactoredId(dataset: SimulatorDataset): string {
  const [id] = dataset.factorCloudInvoices.keys();
  if (id === undefined) throw new Error('the dataset holds no factored invoice');
  return id;
}
