import { generateDataset } from '../src/simulators/index.js';
import type { SimulatorDataset } from '../src/simulators/index.js';
import { SEED, TODAY, factoringInvoiceId } from './config.js';
import { startSimulatorProcess } from './processes.js';
import type { ServerProcess, SimulatorProcess } from './processes.js';
import { startSubgraphProcess } from './targets.js';

export interface PageSetup {
  simulators: SimulatorProcess;
  subgraph: ServerProcess;
  /** The same data the simulator process serves (same seed, today and size). */
  dataset: SimulatorDataset;
}

/**
 * Simulators holding exactly `invoiceCount` invoices (all inside the benchmark window) with
 * `latencyMs` on every call, a subgraph process over them; both stopped after `work`.
 */
export async function withPageSetup<T>(
  options: { invoiceCount: number; latencyMs: number },
  work: (setup: PageSetup) => Promise<T>,
): Promise<T> {
  const dataset = generateDataset({
    today: TODAY,
    seed: SEED,
    invoiceCount: options.invoiceCount,
    factoringInvoiceId,
  });
  const simulators = await startSimulatorProcess(options);
  try {
    const subgraph = await startSubgraphProcess(simulators);
    try {
      return await work({ simulators, subgraph, dataset });
    } finally {
      await subgraph.stop();
    }
  } finally {
    await simulators.stop();
  }
}
