/**
 * A counting semaphore: at most `limit` holders at once, the rest wait in FIFO order.
 * Used to bound concurrent requests per upstream so one large query cannot flood an API.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Semaphore limit must be a positive integer, got ${limit}`);
    }
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `task` once a slot is free. When `signal` aborts while the task is still waiting, it
   * leaves the queue and rejects with the signal's reason, so a caller past its deadline never
   * takes a slot it can no longer use.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // A free slot is taken at once: the task starts in this tick, not after a queued one.
    if (this.active < this.limit) {
      this.active += 1;
      return this.holding(task);
    }
    return this.acquire(signal).then(() => this.holding(task));
  }

  /** Runs `task` in a slot already taken, and gives the slot back however the task ends. */
  private async holding<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // Hand the slot straight to the next waiter so `active` never dips and overshoots.
    if (next) next();
    else this.active -= 1;
  }
}
