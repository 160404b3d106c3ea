import type { ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { RequestLedger } from './requestLedger.js';

/** Paths polled by probes and scrapers: logged at debug, so they do not drown the requests. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One structured line per HTTP request, written when the response has been sent: what ran, how
 * it ended and what it cost upstream. No headers, variables, documents or bodies: only labels,
 * counts and the request id.
 */
export function logWhenDone(
  logger: Logger,
  res: ServerResponse,
  request: { method: string | undefined; path: string; requestId: string; ledger: RequestLedger },
): void {
  const started = performance.now();
  res.once('close', () => {
    const { ledger } = request;
    const line = {
      requestId: request.requestId,
      method: request.method,
      path: request.path,
      status: res.statusCode,
      // Closed before the whole response went out: the caller hung up or the socket failed.
      ...(res.writableFinished ? {} : { aborted: true }),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      operationType: ledger.operationType ?? null,
      operationName: ledger.operationName ?? null,
      errorCodes: [...ledger.errorCodes],
      upstreamCalls: ledger.upstreamCalls,
      cacheHits: ledger.cacheHits,
      tenant: ledger.tenant ?? null,
    };
    if (QUIET_PATHS.has(request.path)) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}
