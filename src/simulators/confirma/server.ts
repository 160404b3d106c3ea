import type { IncomingMessage } from 'node:http';
import type { SimulatorDataset } from '../dataset/types.js';
import type { SimulatorFaults } from '../../lib/simulatorFaults.js';
import { startJsonServer, type JsonReply, type RequestRecorder, type RunningServer } from '../http.js';
import { processDueWork } from './processing.js';
import { badRequest, jsonBody } from './requests.js';
import { ROUTES, type Method } from './routes.js';
import { createConfirmaState, type ConfirmaState } from './state.js';

export interface ConfirmaSimulatorOptions {
  dataset: SimulatorDataset;
  /** The first valid client key (`X-Api-Key`); POST /client and GET /renew add and replace keys. */
  apiKey: string;
  /** The partner provisioning token, the only key for POST /client. Must differ from `apiKey`. */
  provisioningToken?: string;
  /**
   * How long accepted work waits before it is applied: distribution of created invoices,
   * invoice actions, accounting sync (see processing.ts). Default 2000 ms; 0 applies it on the
   * next request.
   */
  processingDelayMs?: number;
  /** The clock, in milliseconds (default `Date.now`); tests pass their own to step time. */
  now?: () => number;
  host?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** The simulated "today" (`YYYY-MM-DD`), used for default windows and every date written. */
  today: string;
  /** Called with every request received, before it is answered. */
  onRequest?: RequestRecorder;
  /** Failures to inject (latency, 503, 429 bursts, broken bodies, drops); none when absent. */
  faults?: SimulatorFaults;
}

export const DEFAULT_PROVISIONING_TOKEN = 'sim-confirma-provisioning-token';
export const DEFAULT_PROCESSING_DELAY_MS = 2000;

/** Every path starts here (confirma.md §1). */
export const CONFIRMA_BASE_PATH = '/api/v1/partner';

/**
 * Starts the Confirma Partner API simulator: every documented endpoint, with state kept in
 * memory for as long as the server runs. Docs are silent on error bodies (confirma.md §3.2);
 * the simulator answers every error with `{"message": "..."}` and the sibling Cash-In statuses:
 * 400 malformed, 401 key, 402 business rule, 404 unknown, 405 method, 409 duplicate.
 */
export async function startConfirmaSimulator(options: ConfirmaSimulatorOptions): Promise<RunningServer> {
  const provisioningToken = options.provisioningToken ?? DEFAULT_PROVISIONING_TOKEN;
  if (provisioningToken === options.apiKey) {
    throw new RangeError('the provisioning token must differ from the client apiKey');
  }
  const processingDelayMs = options.processingDelayMs ?? DEFAULT_PROCESSING_DELAY_MS;
  if (!Number.isFinite(processingDelayMs) || processingDelayMs < 0) {
    throw new RangeError(`processingDelayMs must be a non-negative number, got ${processingDelayMs}`);
  }
  const state = createConfirmaState({
    dataset: options.dataset,
    today: options.today,
    apiKey: options.apiKey,
    provisioningToken,
    processingDelayMs,
    now: options.now ?? Date.now,
  });
  return startJsonServer((request, url, body) => answer(state, request, url, body), options);
}

function answer(state: ConfirmaState, request: IncomingMessage, url: URL, bodyText: string): JsonReply {
  const path = url.pathname.startsWith(`${CONFIRMA_BASE_PATH}/`)
    ? url.pathname.slice(CONFIRMA_BASE_PATH.length)
    : undefined;
  // Authentication comes before routing, so an unauthenticated caller learns nothing about
  // which paths exist (docs: a missing or invalid token gives 401, confirma.md §2.1).
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey !== 'string') return unauthorized('Unauthorized');
  const isClientCall = path === '/client';
  // The two token kinds never overlap (§2.2). Docs do not say what the wrong kind gets; the
  // simulator answers 401 like any key that is not valid for the call, with a message saying why.
  if (apiKey === state.provisioningToken) {
    if (!isClientCall || request.method !== 'POST') {
      return unauthorized('The partner provisioning token may only call POST /client');
    }
  } else if (!state.clientKeys.has(apiKey)) {
    return unauthorized('Unauthorized');
  } else if (isClientCall) {
    return unauthorized('POST /client needs the partner provisioning token, not a client key');
  }

  processDueWork(state);
  const route = path === undefined ? undefined : ROUTES.get(path);
  if (!route) return { status: 404, body: { message: `No route for ${url.pathname}` } };
  const method = request.method === 'GET' || request.method === 'POST' ? request.method : undefined;
  const handler = method === undefined ? undefined : route[method];
  if (!handler) {
    const allowed = Object.keys(route).filter((name): name is Method => name === 'GET' || name === 'POST');
    return {
      status: 405,
      body: { message: `Method ${request.method ?? ''} not allowed` },
      headers: { allow: allowed.join(', ') },
    };
  }
  let body: unknown;
  if (method === 'POST') {
    body = jsonBody(bodyText);
    if (body === undefined) return badRequest('Request body must be a JSON document');
  }
  return handler({ state, query: url.searchParams, body, apiKey });
}

function unauthorized(message: string): JsonReply {
  return { status: 401, body: { message } };
}
