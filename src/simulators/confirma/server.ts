import type { IncomingMessage } from 'node:http';
import type { IsoDate, SimulatorDataset } from '../dataset/types.js';
import { startJsonServer, type JsonReply, type RequestRecorder, type RunningServer } from '../http.js';
import { caseReply } from './case.js';
import { distributionReply } from './distribution.js';

export interface ConfirmaSimulatorOptions {
  dataset: SimulatorDataset;
  /** The only key accepted in `X-Api-Key`. */
  apiKey: string;
  host?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** The simulated "today" (`YYYY-MM-DD`), used for the default 30-day window. */
  today: string;
  /** Called with every request received, before it is answered. */
  onRequest?: RequestRecorder;
}

/** Every path starts here (confirma.md §1). */
export const CONFIRMA_BASE_PATH = '/api/v1/partner';

type Route = (dataset: SimulatorDataset, today: IsoDate, query: URLSearchParams) => JsonReply;

/** The read endpoints, all GET; write endpoints join this table later. */
const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  [`${CONFIRMA_BASE_PATH}/invoice/distribution`, distributionReply],
  [`${CONFIRMA_BASE_PATH}/invoice/case`, (dataset, _today, query) => caseReply(dataset, query)],
]);

/**
 * Starts the Confirma Partner API simulator (read endpoints). Docs are silent on error bodies
 * (confirma.md §3.2); the simulator answers every error with `{"message": "..."}`.
 */
export async function startConfirmaSimulator(options: ConfirmaSimulatorOptions): Promise<RunningServer> {
  return startJsonServer((request, url) => answer(options, request, url), options);
}

function answer(options: ConfirmaSimulatorOptions, request: IncomingMessage, url: URL): JsonReply {
  // Authentication comes before routing, so an unauthenticated caller learns nothing about
  // which paths exist (docs: a missing or invalid token gives 401, confirma.md §2.1).
  if (request.headers['x-api-key'] !== options.apiKey) {
    return { status: 401, body: { message: 'Unauthorized' } };
  }
  const route = ROUTES.get(url.pathname);
  if (!route) return { status: 404, body: { message: `No route for ${url.pathname}` } };
  if (request.method !== 'GET') {
    return {
      status: 405,
      body: { message: `Method ${request.method ?? ''} not allowed` },
      headers: { allow: 'GET' },
    };
  }
  return route(options.dataset, options.today, url.searchParams);
}
