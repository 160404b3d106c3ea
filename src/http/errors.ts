/**
 * The error family raised by the HTTP layer. Every instance carries a stable `code` from a
 * closed set, the upstream's name and the endpoint label, and never the upstream's body:
 * bodies can echo credentials or personal data, so they stay out of messages and logs.
 */
export type UpstreamErrorCode =
  'UPSTREAM_UNAUTHORIZED' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_BAD_RESPONSE';

export type UpstreamName = 'confirma' | 'factorcloud';

export interface UpstreamErrorDetails {
  upstream: UpstreamName;
  endpoint: string;
  status?: number;
  /** Seconds the upstream (or our own breaker) asked us to wait, when known. */
  retryAfterSeconds?: number;
}

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: UpstreamErrorCode;
  readonly upstream: UpstreamName;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: UpstreamErrorCode, message: string, details: UpstreamErrorDetails) {
    super(message);
    this.code = code;
    this.upstream = details.upstream;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

const DISPLAY_NAMES: Record<UpstreamName, string> = {
  confirma: 'Confirma',
  factorcloud: 'FactorCloud',
};

export function upstreamDisplayName(upstream: UpstreamName): string {
  return DISPLAY_NAMES[upstream];
}
