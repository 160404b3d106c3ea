import type { Machinery } from '../src/http/upstreamHttp.js';
import { describeMachine } from './machine.js';
import { startMachinerySubgraph } from './machinerySubgraph.js';
import type { MachinerySubgraph } from './machinerySubgraph.js';
import { startSimulatorProcess } from './processes.js';
import { INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES, ONE_INVOICE_QUERY, postQueryText } from './queries.js';
import { median, timed } from './stats.js';

/**
 * `npm run bench:machinery`: the hand-written call scheduling of src/http ON against OFF at
 * realistic upstream latency. The simulators (a process of their own) answer every call after
 * 50–150 ms, uniform. For pages of 50 and 200 invoices, one subgraph per variant runs in this
 * process: everything on, and each piece left out in turn (createUpstreamHttp's internal
 * `without`). Runs interleave, one query at a time, the order rotating every round, so a burst of
 * load from the other helpers on this machine falls on every variant alike; each variant's figure
 * is the median of its runs, compared with everything on as a ratio.
 *
 * "page": wall time of the README InvoicePage query. "one invoice during a page": wall time of
 * the OneInvoice query sent 300 ms into a page of the same variant (the fair share between
 * requests, semaphore.ts). Usage: npx tsx bench/machinery.ts [rounds=5] [sizes=50,200]
 */

const LATENCY_MS = 50;
const JITTER_MS = 100;
const ONE_INVOICE_AFTER_MS = 300;

const VARIANTS: ReadonlyArray<{ name: string; without: Machinery[] }> = [
  { name: 'all on', without: [] },
  { name: 'without slots (undici pool queue)', without: ['slots'] },
  { name: 'without replyTurns', without: ['replyTurns'] },
  { name: 'without lightDeadline (AbortSignal.timeout)', without: ['lightDeadline'] },
  { name: 'without rounds (all round 1)', without: ['rounds'] },
];

interface Runs {
  page: number[];
  /** CPU time of this process (the subgraph's work; the client's is slight) per page, ms. */
  pageCpu: number[];
  oneDuringPage: number[];
}

const rounds = Number(process.argv[2] ?? 5);
const sizes = (process.argv[3] ?? '50,200').split(',').map(Number);

const machine = describeMachine();
console.log(
  `# Machinery at ${LATENCY_MS}–${LATENCY_MS + JITTER_MS} ms upstream latency, ${rounds} interleaved rounds`,
);
console.log(`${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}\n`);

for (const size of sizes) {
  const simulators = await startSimulatorProcess({
    invoiceCount: size,
    latencyMs: LATENCY_MS,
    latencyJitterMs: JITTER_MS,
  });
  const subgraphs: MachinerySubgraph[] = [];
  try {
    for (const variant of VARIANTS) subgraphs.push(await startMachinerySubgraph(simulators, variant.without));
    const oneInvoice = { n: String(await firstInvoiceNumber(subgraphs[0])) };
    const runs: Runs[] = VARIANTS.map(() => ({ page: [], pageCpu: [], oneDuringPage: [] }));
    // Warm-up (JIT, connections), untimed.
    for (const subgraph of subgraphs) await measure(subgraph, oneInvoice);
    for (let round = 0; round < rounds; round += 1) {
      for (let k = 0; k < subgraphs.length; k += 1) {
        const index = (round + k) % subgraphs.length;
        const subgraph = subgraphs[index];
        const run = runs[index];
        if (!subgraph || !run) continue;
        const { pageMs, cpuMs, oneMs } = await measure(subgraph, oneInvoice);
        run.page.push(pageMs);
        run.pageCpu.push(cpuMs);
        run.oneDuringPage.push(oneMs);
      }
    }
    printTable(size, runs);
  } finally {
    for (const subgraph of subgraphs) await subgraph.close();
    await simulators.stop();
  }
}

/** One page alone, then one page with a OneInvoice query sent into it. */
async function measure(subgraph: MachinerySubgraph, oneInvoice: { n: string }) {
  const cpu = process.cpuUsage();
  const pageMs = await timed(() => postQueryText(subgraph.url, INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES));
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const page = postQueryText(subgraph.url, INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES);
  await new Promise((resolve) => setTimeout(resolve, ONE_INVOICE_AFTER_MS));
  const oneMs = await timed(() => postQueryText(subgraph.url, ONE_INVOICE_QUERY, oneInvoice));
  await page;
  return { pageMs, cpuMs, oneMs };
}

async function firstInvoiceNumber(subgraph: MachinerySubgraph | undefined): Promise<string> {
  if (!subgraph) throw new Error('no subgraph');
  const text = await postQueryText(subgraph.url, INVOICE_PAGE_QUERY, { ...INVOICE_PAGE_VARIABLES, first: 1 });
  const match = /"invoiceNumber":"([^"]+)"/.exec(text);
  if (!match?.[1]) throw new Error('the page holds no invoice');
  return match[1];
}

function printTable(size: number, runs: Runs[]): void {
  const base = runs[0];
  if (!base) return;
  const basePage = median(base.page);
  const baseOne = median(base.oneDuringPage);
  console.log(`## Page of ${size} invoices (medians of ${rounds} runs)\n`);
  const baseCpu = median(base.pageCpu);
  console.log(
    '| variant | page ms | ÷ all on | CPU per page ms | ÷ all on | one invoice during a page ms | ÷ all on |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  VARIANTS.forEach((variant, index) => {
    const run = runs[index];
    if (!run) return;
    const page = median(run.page);
    const cpu = median(run.pageCpu);
    const one = median(run.oneDuringPage);
    console.log(
      `| ${variant.name} | ${page.toFixed(0)} | ${(page / basePage).toFixed(3)} | ` +
        `${cpu.toFixed(0)} | ${(cpu / baseCpu).toFixed(3)} | ${one.toFixed(0)} | ${(one / baseOne).toFixed(3)} |`,
    );
  });
  console.log('');
}
