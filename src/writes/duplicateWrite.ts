/**
 * Why a write was refused as a duplicate. Surfaces as a GraphQL error with
 * `extensions.code: CONFLICT` and `extensions.reason` (src/errors.ts); nothing was sent upstream.
 */
export type DuplicateReason =
  /** An identical write (same tenant, mutation and input, no key) is being sent right now. */
  | 'IN_FLIGHT'
  /** An identical write without a key was applied within the duplicate window. */
  | 'RECENTLY_APPLIED'
  /** An identical write without a key failed within the window and may have been applied. */
  | 'RECENTLY_FAILED'
  /** The idempotency key was used before with a different input. */
  | 'KEY_REUSED'
  /** The first request with this idempotency key is still running. */
  | 'KEY_IN_FLIGHT'
  /** The first request with this key failed upstream; it may or may not have been applied. */
  | 'OUTCOME_UNKNOWN'
  /** Applied before with this key, and its result (a credential shown once) is not kept. */
  | 'NOT_REPLAYABLE'
  /** Another request is writing the same thing (e.g. the same invoice number) right now. */
  | 'RESOURCE_BUSY';

export class DuplicateWriteError extends Error {
  override readonly name = 'DuplicateWriteError';
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    readonly reason: DuplicateReason,
    readonly mutation: string,
    /** Seconds after which the same request may be accepted, when that is known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The guard store (Redis) could not be reached: the write was refused, not sent unguarded. */
export class WriteGuardUnavailableError extends Error {
  override readonly name = 'WriteGuardUnavailableError';
  readonly code = 'WRITE_GUARD_UNAVAILABLE';
}

export function duplicateMessage(reason: DuplicateReason, mutation: string, windowSeconds: number): string {
  const none = 'nothing was sent again';
  switch (reason) {
    case 'IN_FLIGHT':
      return `An identical ${mutation} is being sent right now; ${none}. Wait for it to finish and read the result.`;
    case 'RECENTLY_APPLIED':
      return `An identical ${mutation} was applied less than ${windowSeconds} s ago; ${none}. To do it a second time on purpose, send it with a new idempotencyKey, or wait ${windowSeconds} s.`;
    case 'RECENTLY_FAILED':
      return `An identical ${mutation} failed upstream less than ${windowSeconds} s ago and may have been applied; ${none}. Check the upstream state, then retry after ${windowSeconds} s or with a new idempotencyKey.`;
    case 'KEY_REUSED':
      return `This idempotencyKey was already used for ${mutation} with a different input; nothing was sent. Use a new idempotencyKey for a different request.`;
    case 'KEY_IN_FLIGHT':
      return `The ${mutation} sent with this idempotencyKey is still running; ${none}. Wait, then retry with the same key to get its result.`;
    case 'OUTCOME_UNKNOWN':
      return `The ${mutation} sent with this idempotencyKey failed upstream and may have been applied; ${none}. Check the upstream state, then use a new idempotencyKey.`;
    case 'NOT_REPLAYABLE':
      return `The ${mutation} sent with this idempotencyKey was already applied; its result was shown once and is not replayed; ${none}.`;
    case 'RESOURCE_BUSY':
      return `${mutation}: the same target is being written by another request right now; nothing was sent. Wait for it to finish, then read it.`;
  }
}
