import { invoiceIdFromTemplate } from '../../src/context.js';
import type { Currencies } from '../../src/lib/currencySettings.js';
import { startSimulators } from '../../src/simulators/index.js';
import type { RecordedRequest, SimulatorDataset } from '../../src/simulators/index.js';
import { startSubgraph } from './harness.js';
import type { GraphQLReply, RunningSubgraph } from './harness.js';

/**
 * The real subgraph over the embedded simulators (the ones `npm start` serves when no upstream
 * URL is configured), for end-to-end workflows. Same seed and `today` → same data every run.
 */

export const SIM_TODAY = '2026-11-20';
export const SIM_SEED = 20261120;
/** FACTORCLOUD_INVOICE_ID_TEMPLATE of both the dataset and the subgraph: Confirma 260100001 is `CF-260100001`. */
export const SIM_INVOICE_ID_TEMPLATE = 'CF-{invoiceNumber}';
export const SIM_CONFIRMA = { apiKey: 'e2e-confirma-key', provisioningToken: 'e2e-provisioning-token' };
export const SIM_FACTORCLOUD = { factorId: 'E2E-FACTOR', systemKey: '7', apiKey: 'e2e-factorcloud-key' };

export const CONFIRMA_PATH = '/api/v1/partner';
export const FACTORCLOUD_PATH = '/api_factor';

export interface SimulatorHarness extends RunningSubgraph {
  dataset: SimulatorDataset;
  /** The simulators' origins, for checks the graph cannot make (e.g. a newly issued token). */
  confirmaUrl: string;
  factorCloudUrl: string;
  /** Every request either simulator received, oldest first. */
  requests: RecordedRequest[];
  /** Requests received since the last `resetRequests()` whose path starts with `prefix`. */
  requestsTo(prefix: string): RecordedRequest[];
  resetRequests(): void;
}

export interface SimulatorHarnessOptions {
  /**
   * How long Confirma holds accepted work (distribution, actions, sync) before applying it.
   * Default 0: applied by the next request, so a workflow sees each step's effect at once.
   */
  processingDelayMs?: number;
  /** The simulated today and seed (default SIM_TODAY, SIM_SEED); `npm start` uses the real today. */
  today?: string;
  seed?: number;
  /** FACTORCLOUD_INVOICE_ID_TEMPLATE of both sides (default SIM_INVOICE_ID_TEMPLATE). */
  invoiceIdTemplate?: string;
  /** CONFIRMA_CURRENCY and FACTORCLOUD_CURRENCY of the subgraph (default EUR and USD). */
  currencies?: Currencies;
}

export async function startSimulatorHarness(
  options: SimulatorHarnessOptions = {},
): Promise<SimulatorHarness> {
  const requests: RecordedRequest[] = [];
  const invoiceIdTemplate = options.invoiceIdTemplate ?? SIM_INVOICE_ID_TEMPLATE;
  const factoringInvoiceId = invoiceIdFromTemplate(invoiceIdTemplate);
  const simulators = await startSimulators({
    today: options.today ?? SIM_TODAY,
    seed: options.seed ?? SIM_SEED,
    factoringInvoiceId,
    host: '127.0.0.1',
    confirma: { ...SIM_CONFIRMA, port: 0, processingDelayMs: options.processingDelayMs ?? 0 },
    factorCloud: { ...SIM_FACTORCLOUD, port: 0 },
    onRequest: (request) => requests.push(request),
  });
  let subgraph: RunningSubgraph;
  try {
    subgraph = await startSubgraph({
      origins: { confirma: simulators.confirmaUrl, factorCloud: simulators.factorCloudUrl },
      confirmaCredentials: { ...SIM_CONFIRMA },
      factorCloudCredentials: SIM_FACTORCLOUD,
      invoiceIdTemplate,
      // The simulators answer at once; generous limits keep a loaded CI machine from flaking.
      totalTimeoutMs: 10_000,
      ...(options.currencies ? { currencies: options.currencies } : {}),
    });
  } catch (error) {
    await simulators.close();
    throw error;
  }
  return {
    ...subgraph,
    dataset: simulators.dataset,
    confirmaUrl: simulators.confirmaUrl,
    factorCloudUrl: simulators.factorCloudUrl,
    requests,
    requestsTo: (prefix) => requests.filter((request) => request.path.startsWith(prefix)),
    resetRequests() {
      requests.length = 0;
    },
    async close() {
      await subgraph.close();
      await simulators.close();
    },
  };
}

/** The parsed JSON body of a recorded request (the simulators record the raw text). */
export function bodyOf(request: RecordedRequest | undefined): unknown {
  if (!request) throw new Error('expected a recorded request, found none');
  return JSON.parse(request.body) as unknown;
}

/** The reply's `data`, after checking that the request produced no GraphQL errors at all. */
export function dataOf<T = Record<string, unknown>>(reply: GraphQLReply): T {
  if (reply.body.errors?.length || !reply.body.data) {
    throw new Error(`expected data without errors, got HTTP ${reply.status}: ${reply.text}`);
  }
  return reply.body.data as T;
}
