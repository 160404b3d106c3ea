import type { DeadlineSignal } from './deadline.js';

/** One owner's waiters, oldest first. */
type Waiters = Array<() => void>;

/** The owner of calls made on behalf of no request: they share one turn. */
const NO_OWNER = {};

/**
 * A counting semaphore: at most `limit` holders at once, shared fairly between owners (one
 * GraphQL request each). A freed slot goes to the owners with waiters in turn, round-robin, so
 * a request with thousands of calls queued cannot keep a slot from a request with one: the
 * newcomer's call is sent with the next slot that frees, ahead of the large request's rest.
 * A request alone still uses every slot (nothing is held back that nobody wants). Within one
 * owner, waiters are served in FIFO order.
 *
 * Kept: at 50–150 ms upstream latency, a one-invoice query sent during a 200-invoice page answers
 * in ~210 ms, not ~1200 ms with undici's own queue (bench/machinery.ts).
 */
export class Semaphore {
  private active = 0;
  /** Waiting owners, in the order of their next turn. */
  private readonly turns: object[] = [];
  private readonly waiting = new Map<object, Waiters>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Semaphore limit must be a positive integer, got ${limit}`);
    }
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    let sum = 0;
    for (const waiters of this.waiting.values()) sum += waiters.length;
    return sum;
  }

  /**
   * Runs `task` once a slot is free and it is `owner`'s turn. When `signal` aborts while the
   * task is still waiting, it leaves the queue and rejects with the signal's reason, so a caller
   * past its deadline never takes a slot it can no longer use.
   */
  run<T>(task: () => Promise<T>, signal?: DeadlineSignal, owner: object = NO_OWNER): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // A free slot is taken at once: the task starts in this tick, not after a queued one. A free
    // slot means nobody waits (a release hands its slot straight on), so this is fair too.
    if (this.active < this.limit) {
      this.active += 1;
      return this.holding(task);
    }
    return this.acquire(signal, owner).then(() => this.holding(task));
  }

  /** Runs `task` in a slot already taken, and gives the slot back however the task ends. */
  private async holding<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: DeadlineSignal | undefined, owner: object): Promise<void> {
    let queue = this.waiting.get(owner);
    if (!queue) {
      queue = [];
      this.waiting.set(owner, queue);
      this.turns.push(owner);
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = queue.indexOf(grant);
        if (index >= 0) queue.splice(index, 1);
        this.forgetIfDone(owner);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  }

  private release(): void {
    const next = this.nextWaiter();
    // Hand the slot straight to the next waiter so `active` never dips and overshoots.
    if (next) next();
    else this.active -= 1;
  }

  /** The next owner in turn gives up its oldest waiter. */
  private nextWaiter(): (() => void) | undefined {
    for (let owner = this.turns.shift(); owner !== undefined; owner = this.turns.shift()) {
      const queue = this.waiting.get(owner) ?? [];
      const next = queue.shift();
      // Back to the end of the line while it has more to send.
      if (queue.length > 0) this.turns.push(owner);
      else this.waiting.delete(owner);
      if (next) return next;
    }
    return undefined;
  }

  /** An owner whose last waiter left (its deadline passed) gives up its turn. */
  private forgetIfDone(owner: object): void {
    const queue = this.waiting.get(owner);
    if (!queue || queue.length > 0) return;
    this.waiting.delete(owner);
    const index = this.turns.indexOf(owner);
    if (index >= 0) this.turns.splice(index, 1);
  }
}
