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
