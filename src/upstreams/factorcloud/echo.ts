import type { z } from 'zod';
import { hasNoValues } from './keys.js';
import { WRITE_REFUSAL_STATUSES, isSuccess, refusalOf } from './outcome.js';
import type { WriteOutcome } from './outcome.js';
import type { FactorCloudTransport } from './transport.js';

/**
 * The create calls answer with "an echo JSON object with the in-system information", which "may
 * be different" from what was sent (factorcloud.md §1.5); no example of it survived. An echo that
 * is empty, says nothing, or does not fit the read object is therefore not a contract breach: it
 * reads as `null`, and the caller re-reads the record (or, without a read call, keeps what it sent).
 */
export function readEcho<S extends z.ZodType>(
  schema: S,
  body: unknown,
  keys: readonly string[],
): z.output<S> | null {
  if (hasNoValues(body, keys)) return null;
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/**
 * POSTs one write. A refused write (4xx, see outcome.ts) is an outcome, not an exception; 5xx,
 * timeouts and credential refusals stay UpstreamErrors. The reply body of a refusal is never read.
 */
export async function postWrite<T>(
  t: FactorCloudTransport,
  endpoint: string,
  body: unknown,
  read: (reply: unknown, status: number) => T,
): Promise<WriteOutcome<T>> {
  const reply = await t.post({ endpoint, body, acceptStatuses: WRITE_REFUSAL_STATUSES });
  if (!isSuccess(reply.status)) return refusalOf(reply.status);
  return { ok: true, status: reply.status, value: read(reply.body, reply.status) };
}
