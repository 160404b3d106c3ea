import type { IncomingMessage } from 'node:http';
import type { SimulatorDataset } from '../dataset/types.js';
import type { SimulatorFaults } from '../../lib/simulatorFaults.js';
import { startJsonServer, type JsonReply, type RequestRecorder, type RunningServer } from '../http.js';
import { CALLS } from './calls.js';
import { DEFAULT_BEHAVIOUR, type FactorCloudBehaviour } from './context.js';
import { headerValue, lenientQuery, parseFactorCloudPath } from './request.js';

export type { FactorCloudBehaviour } from './context.js';

/** The server's options; the behaviour switches (see `FactorCloudBehaviour`) are all optional. */
export interface FactorCloudSimulatorOptions extends Partial<FactorCloudBehaviour> {
  dataset: SimulatorDataset;
  /** Expected `Auth-FactorID`. */
  factorId: string;
  /** Expected `Auth-SystemKey`. */
  systemKey: string;
  /** Expected `Auth-APIKey`. */
  apiKey: string;
  host?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Called with every request received, before it is answered. */
  onRequest?: RequestRecorder;
  /** Failures to inject (latency, 503, 429 bursts, broken bodies, drops); none when absent. */
  faults?: SimulatorFaults;
}

/**
 * store-docs, create-sched (`DocBase64`) and post-payments (`FinancialDocs`) carry whole PDFs as
 * Base64. Docs are silent on a size limit; the simulator accepts bodies up to 16 MiB (413 beyond).
 */
export const MAX_FACTORCLOUD_BODY_BYTES = 16 * 1_048_576;

/**
 * Starts the FactorCloud `/api_factor/` simulator: every documented call (factorcloud.md §5),
 * statefully, on the given dataset (write calls change it in place). Docs are silent on every
 * error (§7); the simulator answers errors with `{"message": "<field>: <rule>"}` and standard
 * status codes.
 */
export async function startFactorCloudSimulator(
  options: FactorCloudSimulatorOptions,
): Promise<RunningServer> {
  const behaviour: FactorCloudBehaviour = {
    strictScheduleAmount: options.strictScheduleAmount ?? DEFAULT_BEHAVIOUR.strictScheduleAmount,
    strictBatchTotal: options.strictBatchTotal ?? DEFAULT_BEHAVIOUR.strictBatchTotal,
    newInvoiceStatus: options.newInvoiceStatus ?? DEFAULT_BEHAVIOUR.newInvoiceStatus,
    newRecordReplyStyle: options.newRecordReplyStyle ?? DEFAULT_BEHAVIOUR.newRecordReplyStyle,
    newUuid: options.newUuid ?? DEFAULT_BEHAVIOUR.newUuid,
  };
  return startJsonServer((request, url, body) => answer(options, behaviour, request, url, body), {
    ...options,
    maxBodyBytes: MAX_FACTORCLOUD_BODY_BYTES,
  });
}

function answer(
  options: FactorCloudSimulatorOptions,
  behaviour: FactorCloudBehaviour,
  request: IncomingMessage,
  url: URL,
  body: string,
): JsonReply {
  const path = parseFactorCloudPath(url.pathname);
  if (!path) return { status: 404, body: { message: `No route for ${url.pathname}` } };
  // Docs are silent on auth failures (§1.2); the simulator checks all three headers before
  // routing and answers 401 `{"message":"Unauthorized"}`. Header names are case-insensitive
  // (Node lower-cases them), which covers every spelling the docs use.
  if (!isAuthorized(options, request)) return { status: 401, body: { message: 'Unauthorized' } };
  const call = CALLS.get(path.call);
  if (!call) return { status: 404, body: { message: `Unknown call: ${path.call}` } };
  const method = call.methods.find((allowed) => allowed === request.method);
  if (method === undefined) {
    return {
      status: 405,
      body: { message: `Method ${request.method ?? ''} not allowed` },
      headers: { allow: call.methods.join(', ') },
    };
  }
  const query = lenientQuery(url);
  return call.handle({ dataset: options.dataset, behaviour, request, query, path, body });
}

function isAuthorized(options: FactorCloudSimulatorOptions, request: IncomingMessage): boolean {
  return (
    headerValue(request, 'Auth-FactorID') === options.factorId &&
    headerValue(request, 'Auth-SystemKey') === options.systemKey &&
    headerValue(request, 'Auth-APIKey') === options.apiKey
  );
}
