import { createHash } from 'node:crypto';

/**
 * Cache keys. Every key starts with the deployment's prefix, the record format, the tenant and a
 * hash of the credentials in use, so one tenant's answers are never served to another, and a
 * renewed or replaced credential starts from an empty partition. The hash is a truncated
 * SHA-256: it tells credentials apart without putting a secret (or something reversible) in Redis.
 */

/**
 * The shape of what is stored. Bump it when the upstream record types change, so a new release
 * never reads entries an older one wrote (they then simply expire).
 */
export const RECORD_FORMAT = 'r2';

const LONGEST_PLAIN_PARAMS = 200;

export function shortHash(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Credentials are hashed as given; their order is part of the caller's contract. */
export function credentialHash(parts: readonly string[]): string {
  return shortHash(JSON.stringify(parts));
}

/** `prefix` + format + tenant + credential hash; what every key of that partition starts with. */
export function partitionKey(prefix: string, tenantId: string, credentials: string): string {
  return `${prefix}${RECORD_FORMAT}:${encodeURIComponent(tenantId)}:${credentials}`;
}

/**
 * One answer's key. Parameters are JSON-encoded (unambiguous whatever they contain) and hashed
 * when long, so a caller-supplied id cannot make keys arbitrarily large.
 */
export function entryKey(
  partition: string,
  resource: string,
  params: readonly unknown[],
  generation?: number,
): string {
  const encoded = JSON.stringify(params.map((p) => (p === undefined ? null : p)));
  const shown = encoded.length > LONGEST_PLAIN_PARAMS ? `#${shortHash(encoded, 32)}` : encoded;
  return `${partition}:${resource}${generation === undefined ? '' : `@${generation}`}:${shown}`;
}

/** The counter that invalidates every list of `scope` in a partition at once. */
export function generationKey(partition: string, scope: string): string {
  return `${partition}:gen:${scope}`;
}
