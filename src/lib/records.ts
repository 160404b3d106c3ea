/** Whether a value is a plain JSON-like object (not null, not an array): the first check on unknown JSON. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
