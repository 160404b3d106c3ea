/**
 * What may be cached: plain JSON data only, so that what a later request (or another instance,
 * through Redis) reads back is exactly what the upstream client returned. The clients keep money
 * and 64-bit ids as strings and integers as safe integers, so JSON text round-trips them exactly;
 * anything else (an Error kept for one broken record, a bigint, a Date, a class instance) makes
 * the answer uncacheable rather than silently changed.
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value))
        return value.every((item) => item !== undefined && isPlainJson(item, depth + 1));
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      // `undefined` members are dropped by JSON and read back as absent: the same to every reader.
      return Object.values(value).every((item) => item === undefined || isPlainJson(item, depth + 1));
    }
    default:
      return false;
  }
}

/** JSON text of a cacheable answer, or undefined when the answer is not plain JSON. */
export function serializeAnswer(value: unknown): string | undefined {
  return isPlainJson(value) ? JSON.stringify(value) : undefined;
}

/** A fresh copy for each reader: cached answers are never shared objects between requests. */
export function deserializeAnswer<T>(text: string): T {
  return JSON.parse(text) as T;
}
