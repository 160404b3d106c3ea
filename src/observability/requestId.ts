import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A parsed W3C `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header). */
export interface TraceParent {
  traceId: string;
  spanId: string;
  /** Only the `sampled` bit is defined; the rest are kept as received. */
  flags: number;
}

export interface RequestIdentity {
  requestId: string;
  /** The caller's trace context, when it sent a valid one. */
  traceparent: TraceParent | undefined;
  /** The caller's `tracestate`, forwarded unchanged alongside its trace (bounded, ASCII). */
  tracestate: string | undefined;
}

/**
 * Bounded length and a safe charset: the id is echoed in headers, logs and error extensions,
 * so anything that could split a header, a log line or a label is refused, not escaped.
 */
const REQUEST_ID = /^[\w.:-]{1,128}$/;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
// W3C allows 32 list members of up to 256 characters; 512 is what vendors are asked to keep.
const TRACESTATE = /^[\x20-\x7e]{1,512}$/;

/**
 * The request id the router gave us (`x-request-id`) when it is well-formed, else the trace id
 * of a valid `traceparent` (so logs join the trace), else a fresh UUID.
 */
export function resolveRequestIdentity(headers: IncomingHttpHeaders): RequestIdentity {
  const traceparent = parseTraceparent(single(headers.traceparent));
  const incomingId = single(headers['x-request-id']);
  const tracestate = single(headers.tracestate);
  return {
    requestId:
      incomingId !== undefined && REQUEST_ID.test(incomingId)
        ? incomingId
        : (traceparent?.traceId ?? randomUUID()),
    traceparent,
    tracestate: traceparent && tracestate && TRACESTATE.test(tracestate) ? tracestate : undefined,
  };
}

/**
 * Version 00 exactly as specified; a higher version is read by its 00 prefix, as the spec asks
 * of a version-00 parser. Version ff and all-zero ids are invalid.
 */
export function parseTraceparent(value: string | undefined): TraceParent | undefined {
  const match = value === undefined ? null : TRACEPARENT.exec(value.trim().toLowerCase());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  if (version === undefined || traceId === undefined || spanId === undefined || flags === undefined) {
    return undefined;
  }
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, flags: Number.parseInt(flags, 16) };
}

/** The version-00 header for `parent`, as sent to the upstreams. */
export function formatTraceparent(parent: TraceParent): string {
  return `00-${parent.traceId}-${parent.spanId}-${parent.flags.toString(16).padStart(2, '0')}`;
}

/** A repeated header is ambiguous; it is treated as absent rather than guessed at. */
function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
