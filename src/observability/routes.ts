import type { ServerResponse } from 'node:http';
import type { Observability } from './observability.js';
import type { Readiness } from './readiness.js';

export const METRICS_PATH = '/metrics';
export const READINESS_PATH = '/readyz';

/**
 * Serves /readyz and (unless disabled) /metrics; returns false for any other path. Both answer
 * without authentication, like /healthz: probes and scrapers carry no credentials, and neither
 * response holds a secret or a per-request value.
 */
export async function serveOperationalRoute(
  pathname: string,
  res: ServerResponse,
  options: { observability: Observability; readiness: () => Readiness },
): Promise<boolean> {
  if (pathname === READINESS_PATH) {
    const readiness = options.readiness();
    res
      .writeHead(readiness.status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      })
      .end(JSON.stringify(readiness.body));
    return true;
  }
  if (pathname === METRICS_PATH && options.observability.metricsEnabled) {
    const { contentType, body } = await options.observability.metrics.render();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    return true;
  }
  return false;
}
