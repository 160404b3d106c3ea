import { isRealDate } from '../dataset/calendar.js';
import { centsToAmount } from '../dataset/money.js';
import type { Amount, IsoDate, TimestampWithoutZone } from '../dataset/types.js';
import { RawJsonNumber, type JsonValue } from '../http.js';
import { base64ByteLength, centsOf } from './values.js';

/**
 * Reads one JSON object of a request body the lenient way the docs force (factorcloud.md §1.3,
 * §6), collecting every problem as `<field>: <rule>` instead of stopping at the first:
 * - field names match ignoring case and spaces, which covers every alternate spelling the docs
 *   use (`Zipcode`/`ZipCode`, `McNumber`/`MCNumber`, `Client Key`/`ClientKey`, `…ID`/`…Id`);
 * - numbers may be numeric strings, and text may be sent as a number;
 * - `""` and `null` mean "no value" (the docs' examples write empty values as `""`).
 * Each reader returns `undefined` when the field is absent, `null` when it was sent empty, and
 * the parsed value otherwise. Unknown fields are ignored. Docs are silent on all of this.
 */

export type JsonObject = { [key: string]: JsonValue };
/** `undefined`: absent; `null`: sent as `""` or `null`. */
export type Sent<T> = T | null | undefined;

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawJsonNumber)
  );
}

const normalizeKey = (key: string): string => key.replace(/\s+/g, '').toLowerCase();

export class FieldReader {
  private readonly fields = new Map<string, JsonValue>();

  constructor(
    source: JsonObject,
    private readonly prefix = '',
    readonly problems: string[] = [],
  ) {
    // When two spellings of one field are sent, the first with a value wins.
    for (const [key, value] of Object.entries(source)) {
      const existing = this.fields.get(normalizeKey(key));
      if (existing === undefined || existing === null || existing === '')
        this.fields.set(normalizeKey(key), value);
    }
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  problem(name: string, rule: string): void {
    this.problems.push(`${this.prefix}${name}: ${rule}`);
  }

  /** The raw value; `null` for `""`, whitespace or `null`. */
  raw(name: string): JsonValue | undefined {
    const value = this.fields.get(normalizeKey(name));
    if (value === undefined) return undefined;
    if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
    return value;
  }

  /** Trimmed text; a JSON number counts as its decimal text. */
  text(name: string, required = false): Sent<string> {
    const value = this.raw(name);
    if (value === undefined || value === null) {
      if (required) this.problem(name, 'is required');
      return value;
    }
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number') return String(value);
    this.problem(name, 'must be a string');
    return undefined;
  }

  /** Text that must match `pattern`; `normalize` rewrites it for storage. */
  matching(name: string, pattern: RegExp, rule: string, normalize = (text: string) => text): Sent<string> {
    const value = this.text(name);
    if (value === undefined || value === null) return value;
    if (!pattern.test(value)) {
      this.problem(name, rule);
      return undefined;
    }
    return normalize(value);
  }

  /** One of `values`, matched ignoring case; returns the canonical spelling. */
  choice<T extends string>(name: string, values: readonly T[], required = false): Sent<T> {
    const value = this.text(name, required);
    if (value === undefined || value === null) return value;
    const found = values.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (found === undefined) this.problem(name, `must be one of ${values.join(', ')}`);
    return found;
  }

  /** Money with at most two decimals, exact (via integer cents); `positive` demands > 0. */
  amount(name: string, options: { required?: boolean; positive?: boolean } = {}): Sent<Amount> {
    const value = this.raw(name);
    if (value === undefined || value === null) {
      if (options.required) this.problem(name, 'is required');
      return value;
    }
    const cents = centsOf(value);
    if (cents === undefined) {
      this.problem(name, 'must be an amount with at most two decimals');
      return undefined;
    }
    if (options.positive ? cents <= 0 : cents < 0) {
      this.problem(name, options.positive ? 'must be greater than 0' : 'must not be negative');
      return undefined;
    }
    return centsToAmount(cents);
  }

  integer(name: string, min: number, max: number): Sent<number> {
    const value = this.text(name);
    if (value === undefined || value === null) return value;
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= min && number <= max)) {
      this.problem(name, `must be an integer from ${min} to ${max}`);
      return undefined;
    }
    return number;
  }

  boolean(name: string): Sent<boolean> {
    const value = this.raw(name);
    if (value === undefined || value === null || typeof value === 'boolean') return value;
    const text =
      typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
    if (['true', 't', '1', 'y', 'yes'].includes(text)) return true;
    if (['false', 'f', '0', 'n', 'no'].includes(text)) return false;
    this.problem(name, 'must be true or false');
    return undefined;
  }

  /** `YYYY-MM-DD`, a day that exists. */
  date(name: string): Sent<IsoDate> {
    const value = this.text(name);
    if (value === undefined || value === null) return value;
    if (!isRealDate(value)) {
      this.problem(name, 'must be a date YYYY-MM-DD');
      return undefined;
    }
    return value;
  }

  /** `YYYY-MM-DD` or `MM-DD-YY` (post-payments' example, §1.3); `YY` is 20YY. */
  paymentDate(name: string, required = false): Sent<IsoDate> {
    const value = this.text(name, required);
    if (value === undefined || value === null) return value;
    const us = /^(\d{2})-(\d{2})-(\d{2})$/.exec(value);
    const iso = us ? `20${us[3] ?? ''}-${us[1] ?? ''}-${us[2] ?? ''}` : value;
    if (!isRealDate(iso)) {
      this.problem(name, 'must be a date MM-DD-YY or YYYY-MM-DD');
      return undefined;
    }
    return iso;
  }

  /**
   * A "Timestamp Without Time Zone" (§5.3): `YYYY-MM-DD`, optionally followed by ` HH:MM[:SS]`
   * or `THH:MM[:SS]`; stored as `YYYY-MM-DD HH:MM:SS`. A zone designator is rejected, since
   * the column has none and dropping it would shift the moment silently.
   */
  timestamp(name: string): Sent<TimestampWithoutZone> {
    const value = this.text(name);
    if (value === undefined || value === null) return value;
    const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?)?$/.exec(value);
    const day = match?.[1];
    if (!match || day === undefined || !isRealDate(day)) {
      this.problem(name, 'must be a timestamp YYYY-MM-DD[ HH:MM:SS] without time zone');
      return undefined;
    }
    return `${day} ${match[2] ?? '00'}:${match[3] ?? '00'}:${match[4] ?? '00'}`;
  }

  /** Text that must be valid Base64 (whitespace ignored). */
  base64(name: string, required = false): Sent<string> {
    const value = this.text(name, required);
    if (value === undefined || value === null) return value;
    if (base64ByteLength(value) !== undefined) return value;
    this.problem(name, 'must be valid Base64');
    return undefined;
  }

  /** A non-empty array of objects, each read by its own reader (`Name[i].Field` in problems). */
  objects(name: string): FieldReader[] | undefined {
    const value = this.raw(name);
    if (!Array.isArray(value) || value.length === 0) {
      this.problem(name, value === undefined || value === null ? 'is required' : 'must be a non-empty array');
      return undefined;
    }
    const readers: FieldReader[] = [];
    value.forEach((item, index) => {
      if (isJsonObject(item))
        readers.push(new FieldReader(item, `${this.prefix}${name}[${index}].`, this.problems));
      else this.problem(`${name}[${index}]`, 'must be an object');
    });
    return readers;
  }
}
