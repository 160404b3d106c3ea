import { isRecord } from '../../lib/records.js';
import { isBlank, lowerCaseKeys } from '../records.js';

/**
 * FactorCloud spells the same key several ways (`ZipCode`/`Zipcode`, `MCNumber`/`McNumber`,
 * `InvoiceIntegrationID`/`InvoiceIntegrationId`; factorcloud.md §6.2). Replies are read through
 * their lower-cased keys (../records.ts) so every spelling lands on one field.
 */
export { isBlank, lowerCaseKeys };

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
