import type { IncomingMessage } from 'node:http';
import type { SimulatorDataset } from '../dataset/types.js';
import { startJsonServer, type JsonReply, type RequestRecorder, type RunningServer } from '../http.js';
import { CALLS } from './calls.js';
import { headerValue, parseFactorCloudPath } from './request.js';

export interface FactorCloudSimulatorOptions {
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
}

/**
 * Starts the FactorCloud `/api_factor/` simulator (read calls plus the two connection tests).
 * Docs are silent on every error (factorcloud.md §7); the simulator answers errors with
 * `{"message": "..."}` and standard status codes.
 */
export async function startFactorCloudSimulator(
  options: FactorCloudSimulatorOptions,
): Promise<RunningServer> {
  return startJsonServer((request, url, body) => answer(options, request, url, body), options);
}

function answer(
  options: FactorCloudSimulatorOptions,
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
  if (request.method !== call.method) {
    return {
      status: 405,
      body: { message: `Method ${request.method ?? ''} not allowed` },
      headers: { allow: call.method },
    };
  }
  return call.handle({ dataset: options.dataset, request, query: url.searchParams, path, body });
}

function isAuthorized(options: FactorCloudSimulatorOptions, request: IncomingMessage): boolean {
  return (
    headerValue(request, 'Auth-FactorID') === options.factorId &&
    headerValue(request, 'Auth-SystemKey') === options.systemKey &&
    headerValue(request, 'Auth-APIKey') === options.apiKey
  );
}
