import { isRecord } from '../lib/records.js';

/** Small helpers for reading loosely shaped upstream JSON objects. */


export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads an object through its lower-cased keys so every spelling of a key lands on one field
 * (FactorCloud: `ZipCode`/`Zipcode`; Confirma: `Message`/`message`). When two spellings are
 * both present, the first non-empty one wins.
 */
export function lowerCaseKeys(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  // Own keys only (parsed JSON has no others); no [key, value] pair per key: this runs on
  // every FactorCloud reply and schedule row.
  for (const key of Object.keys(value)) {
    const lower = key.toLowerCase();
    if (isBlank(out[lower])) out[lower] = value[key];
  }
  return out;
}
