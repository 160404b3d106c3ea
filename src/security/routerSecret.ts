import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** ROUTER_SECRET and the header the router sends it in (ROUTER_SECRET_HEADER). */
export interface RouterSecretConfig {
  /** Lower-case header name, e.g. `x-router-secret`. */
  header: string;
  value: string;
}

/**
 * True when the request carries the shared secret. Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the guess; a repeated
 * header is ambiguous and fails.
 */
export function hasRouterSecret(headers: IncomingHttpHeaders, secret: RouterSecretConfig): boolean {
  const sent = headers[secret.header];
  if (typeof sent !== 'string') return false;
  return timingSafeEqual(digest(sent), digest(secret.value));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
