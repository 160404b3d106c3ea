const MASK = '[REDACTED]';

/**
 * Replaces every occurrence of a secret value in strings found anywhere inside `value`.
 * A last line of defence: code should not put secrets in messages in the first place.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return scrub(value, secrets, 0) as T;
}

function scrub(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') {
    return secrets.reduce((text, secret) => text.split(secret).join(MASK), value);
  }
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  if (value instanceof Error) {
    // Only name and message: stacks and attached upstream payloads are not for logs.
    return { name: value.name, message: scrub(value.message, secrets, depth + 1) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrub(item, secrets, depth + 1);
  return out;
}
