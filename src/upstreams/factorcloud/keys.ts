/**
 * FactorCloud spells the same key several ways (`ZipCode`/`Zipcode`, `MCNumber`/`McNumber`,
 * `InvoiceIntegrationID`/`InvoiceIntegrationId`; factorcloud.md §6.2). Replies are read through
 * their lower-cased keys so every spelling lands on one field.
 */
export function lowerCaseKeys(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const lower = key.toLowerCase();
    // When two spellings are both present, the first non-empty one wins.
    if (isBlank(out[lower])) out[lower] = item;
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * FactorCloud's answer for an unknown id is undocumented; the docs' own example is a 200 with
 * every field `""`. A reply in which none of the given fields holds a value is "not known".
 */
export function hasNoValues(body: unknown, keys: readonly string[]): boolean {
  if (body === undefined || body === null) return true;
  const lowered = lowerCaseKeys(body);
  // An array or a bare string is not "empty": it is a reply the schema will refuse.
  if (!isRecord(lowered)) return false;
  return keys.every((key) => isBlank(lowered[key]));
}
