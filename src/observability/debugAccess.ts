import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Asks for `extensions.upstreamCalls` on the response. */
export const DEBUG_UPSTREAM_CALLS_HEADER = 'x-debug-upstream-calls';
/** Carries the admin token that production requires for the above. */
export const ADMIN_TOKEN_HEADER = 'x-admin-token';

export interface DebugAccess {
  /** Development: the header alone is enough. Production: it also needs the admin token. */
  openToAll: boolean;
  /** Unset: nobody may have call details where `openToAll` is false. */
  adminToken: string | undefined;
}

/** Whether this request asked for, and may have, the list of its upstream calls. */
export function wantsUpstreamCalls(headers: IncomingHttpHeaders, access: DebugAccess): boolean {
  if (headers[DEBUG_UPSTREAM_CALLS_HEADER] !== '1') return false;
  if (access.openToAll) return true;
  const given = headers[ADMIN_TOKEN_HEADER];
  if (access.adminToken === undefined || typeof given !== 'string') return false;
  return sameSecret(given, access.adminToken);
}

/** Compared as digests, so neither the length nor any prefix of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
