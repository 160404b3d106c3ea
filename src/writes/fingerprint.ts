import { createHash } from 'node:crypto';

/** Keys and fingerprints of the write guard: fixed-length, and no caller text in a Redis key. */
export function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** A stored record's text as JSON; undefined when it is not JSON (then it is treated as absent). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** JSON with object keys sorted, so the same input always has the same fingerprint. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
