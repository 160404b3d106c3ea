// The layer rule bans `**/server.js` so nothing imports the GraphQL server (src/server.ts); these
// are the simulators' own HTTP servers, one layer down, so the ban does not apply to them.
import { startConfirmaSimulator, type ConfirmaSimulatorOptions } from './confirma/server.js';
import { generateDataset } from './dataset.js';
import type { SimulatorDataset } from './dataset/types.js';
import {
  startFactorCloudSimulator,
  type FactorCloudBehaviour,
  type FactorCloudSimulatorOptions,
} from './factorcloud/server.js';
import type { SimulatorFaults } from '../lib/simulatorFaults.js';
import { seededFaults } from './faults.js';
import type { RequestRecorder } from './http.js';

export { startConfirmaSimulator, startFactorCloudSimulator };
export type { ConfirmaSimulatorOptions, FactorCloudBehaviour, FactorCloudSimulatorOptions };
export { generateDataset, type GenerateDatasetOptions } from './dataset.js';
export type { SimulatorDataset } from './dataset/types.js';
export type { RecordedRequest, RequestRecorder, RunningServer } from './http.js';
export type { SimulatorFaults } from '../lib/simulatorFaults.js';

export interface StartSimulatorsOptions {
  /** The simulated "today", `YYYY-MM-DD`. */
  today: string;
  /** The InvoiceIntegrationId under which FactorCloud knows a Confirma invoice number. */
  factoringInvoiceId: (invoiceNumber: string) => string;
  confirma: {
    apiKey: string;
    port?: number;
    /** Partner provisioning token for POST /client; defaults to `sim-confirma-provisioning-token`. */
    provisioningToken?: string;
    /** Delay before queued Confirma work is applied (default 2000 ms; 0: on the next request). */
    processingDelayMs?: number;
    /** Failures to inject; the seed defaults to one derived from `seed`. */
    faults?: SimulatorFaults;
  };
  /** Credentials and port, plus the optional behaviour switches (`FactorCloudBehaviour`). */
  factorCloud: {
    factorId: string;
    systemKey: string;
    apiKey: string;
    port?: number;
    /** Failures to inject; the seed defaults to one derived from `seed`. */
    faults?: SimulatorFaults;
  } & Partial<FactorCloudBehaviour>;
  /** Defaults to 127.0.0.1. */
  host?: string;
  seed?: number;
  /** How many Confirma invoices to generate (default 240, spread over the 60 days up to `today`). */
  invoiceCount?: number;
  /** Optional: sees every request either simulator receives (tests assert on these). */
  onRequest?: RequestRecorder;
}

export interface RunningSimulators {
  confirmaUrl: string;
  factorCloudUrl: string;
  dataset: SimulatorDataset;
  close(): Promise<void>;
}

/** Generates one dataset and serves it from both simulators; `close()` stops both. */
export async function startSimulators(options: StartSimulatorsOptions): Promise<RunningSimulators> {
  const dataset = generateDataset({
    today: options.today,
    seed: options.seed,
    invoiceCount: options.invoiceCount,
    factoringInvoiceId: options.factoringInvoiceId,
  });
  const { host, onRequest } = options;
  const confirma = await startConfirmaSimulator({
    dataset,
    today: options.today,
    apiKey: options.confirma.apiKey,
    provisioningToken: options.confirma.provisioningToken,
    processingDelayMs: options.confirma.processingDelayMs,
    port: options.confirma.port,
    faults: seededFaults(options.confirma.faults, options.seed ?? 0, 'confirma'),
    host,
    onRequest,
  });
  try {
    const factorCloud = await startFactorCloudSimulator({
      dataset,
      ...options.factorCloud,
      faults: seededFaults(options.factorCloud.faults, options.seed ?? 0, 'factorcloud'),
      host,
      onRequest,
    });
    return {
      confirmaUrl: confirma.url,
      factorCloudUrl: factorCloud.url,
      dataset,
      close: async () => {
        await Promise.all([confirma.close(), factorCloud.close()]);
      },
    };
  } catch (error) {
    // Do not leave the first server listening when the second cannot start (e.g. port taken).
    await confirma.close();
    throw error;
  }
}
