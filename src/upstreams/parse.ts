import type { z } from 'zod';
import { UpstreamError, upstreamDisplayName } from '../http/errors.js';
import type { UpstreamName } from '../http/errors.js';

/**
 * Parses an upstream reply with a zod schema. A reply that breaks the contract becomes an
 * `UPSTREAM_BAD_RESPONSE` naming the paths and rules that failed, never the values (they may be
 * personal data or echo a credential).
 */
export function parseReply<T extends z.ZodType>(
  schema: T,
  body: unknown,
  where: { upstream: UpstreamName; endpoint: string },
): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw contractBreach(result.error, where);
}

export function contractBreach(
  error: z.ZodError,
  where: { upstream: UpstreamName; endpoint: string },
): UpstreamError {
  const problems = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
  return new UpstreamError(
    'UPSTREAM_BAD_RESPONSE',
    `${upstreamDisplayName(where.upstream)} sent a ${where.endpoint} reply that breaks the contract (${problems})`,
    where,
  );
}
