import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsPolicy {
  /** Exact origins allowed to call from a browser (Apollo's hosted Sandbox by default). */
  origins: readonly string[];
  /** Outside production, any http://localhost or 127.0.0.1 page may call too. */
  allowLocalhost: boolean;
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function isAllowedOrigin(origin: string, policy: CorsPolicy): boolean {
  return policy.origins.includes(origin) || (policy.allowLocalhost && LOCAL_ORIGIN.test(origin));
}

/**
 * Applies CORS headers; answers preflight requests itself. Returns true when the request has
 * been fully answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): boolean {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const allowed = typeof origin === 'string' && isAllowedOrigin(origin, policy);
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    // Sandbox's "include cookies" setting sends credentials.
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    const requested = req.headers['access-control-request-headers'];
    res.setHeader(
      'Access-Control-Allow-Headers',
      typeof requested === 'string' ? requested : 'content-type, apollo-require-preflight',
    );
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = 204;
  res.end();
  return true;
}
