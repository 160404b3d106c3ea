import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';

/** How one mutation is guarded against duplicates (src/writes/writeGuard.ts does the guarding). */
export interface WritePolicy<A> {
  /** Targets two different requests must not write at once, e.g. `invoice:123`. */
  locks?(args: A): string[];
  /** False: the result carries a credential and is never kept for a replay. Default true. */
  replayable?: boolean;
}

const MAX_KEY_LENGTH = 200;

/**
 * Wraps a mutation's resolver in the one duplicate guard of writes: `idempotencyKey` is taken
 * out of the arguments, the rest is what "identical" compares, per tenant. A result with user
 * errors changed nothing upstream (every write here is all-or-nothing), so without a key it
 * does not block a corrected retry.
 */
export function guardedWrite<A extends { idempotencyKey?: string | null | undefined }, R>(
  mutation: string,
  policy: WritePolicy<A>,
  resolve: (args: A, context: Context) => Promise<R>,
): (root: unknown, args: A, context: Context) => Promise<R> {
  return (_root, args, context) => {
    const { idempotencyKey, ...input } = args;
    const key = idempotencyKey ?? undefined;
    if (key !== undefined && (key.trim().length === 0 || key.length > MAX_KEY_LENGTH)) {
      throw badUserInput(
        `idempotencyKey: must be 1 to ${MAX_KEY_LENGTH} characters (e.g. a UUID), got ${key.length}`,
        'idempotencyKey',
      );
    }
    return context.writes.run({
      tenant: context.tenant.id,
      mutation,
      input,
      idempotencyKey: key,
      locks: policy.locks?.(args) ?? [],
      replayable: policy.replayable ?? true,
      applied: (result) => !hasUserErrors(result),
      run: () => resolve(args, context),
    });
  };
}

function hasUserErrors(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || !('userErrors' in result)) return false;
  return Array.isArray(result.userErrors) && result.userErrors.length > 0;
}

/** A lock on a value the caller typed: trimmed, so `" 12"` and `"12"` are the same target. */
export function target(kind: string, value: unknown): string[] {
  return typeof value === 'string' && value.trim() ? [`${kind}:${value.trim()}`] : [];
}
