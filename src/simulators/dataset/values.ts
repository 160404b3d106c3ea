/** The value types every simulator record is made of (a leaf: it imports nothing). */

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 date-time with milliseconds and `Z`, e.g. `2026-10-01T08:15:22.123Z`. */
export type IsoDateTime = string;
/**
 * Money as exact decimal text with two fraction digits (`"1240.50"`). Generated from integer
 * cents and never stored as a binary float; the servers emit it as a JSON number literal.
 */
export type Amount = string;

/**
 * How FactorCloud's reply for one record is written. `typed`: JSON numbers, booleans, `null`.
 * `docs-faithful`: what the docs' examples show (every value a string, `""` for null, and
 * `InvoiceNumbe` in get-invoice), with the variations a loosely typed PHP backend produces.
 */
export type FactorCloudReplyStyle =
  | { kind: 'typed' }
  | {
      kind: 'docs-faithful';
      /** `"1250.5"` (trailing zeros trimmed) or `"1250.50"`. */
      amounts: 'trimmed' | 'two-decimals';
      /** `"true"`/`"false"` or Postgres-style `"t"`/`"f"`. */
      booleans: 'words' | 'letters';
      /** `"2026-10-01"` or `"2026-10-01 00:00:00"`. */
      dates: 'date' | 'midnight-timestamp';
    };
