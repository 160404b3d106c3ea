import { CallRounds } from './callRounds.js';

/**
 * What the upstream calls of one GraphQL request share, across both upstreams: their rounds
 * (callRounds.ts), one deadline that bounds them all, and the identity by which the
 * concurrency bound shares slots fairly between requests (semaphore.ts).
 *
 * The deadline is a point in time, not a timer: each call's own deadline (deadline.ts) is cut to
 * it, so a call in flight is aborted when the request's time is up, and a call that would start
 * after it is not sent. Nothing has to be released when the request ends.
 */
export class RequestCalls {
  readonly rounds = new CallRounds();
  readonly #endsAt: number;

  /** `budgetMs`: the request's whole time for upstream calls, from now. */
  constructor(readonly budgetMs: number) {
    this.#endsAt = performance.now() + budgetMs;
  }

  /** Milliseconds left before the request's deadline (zero or negative once past). */
  remainingMs(): number {
    return this.#endsAt - performance.now();
  }
}
