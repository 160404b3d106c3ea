/**
 * Prometheus keeps one time series per label combination, so a label fed from outside (an
 * operation name) or from a growing set must stay bounded: values that are not plain names are
 * replaced, and once `limit` distinct values were seen every new one is counted as `other`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly pattern: RegExp = /^[A-Za-z_][\w/.-]{0,63}$/,
  ) {}

  value(raw: string): string {
    // A value seen before passed the pattern then: one set lookup on the hot path.
    if (this.seen.has(raw)) return raw;
    if (!this.pattern.test(raw)) return 'invalid';
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

/** Operation names the metrics keep apart; a client inventing names cannot grow the series. */
export const OPERATION_NAME_LIMIT = 200;
/** Endpoint labels are fixed names in the upstream clients; the bound is a safety net. */
export const ENDPOINT_LIMIT = 100;
/** Loader and cache names are fixed in code. */
export const NAME_LIMIT = 50;

/** An HTTP status is a small closed range; anything else (or none) is `none`. */
export function statusLabel(status: number | undefined): string {
  return status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599
    ? String(status)
    : 'none';
}
