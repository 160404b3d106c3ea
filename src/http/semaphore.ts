import type { DeadlineSignal } from './deadline.js';

/**
 * A counting semaphore: at most `limit` holders at once. Waiters are served by priority, higher
 * first, and in FIFO order within one priority. Used to bound concurrent requests per upstream
 * so one large query cannot flood an API; the priority is the call's round (callRounds.ts).
 */
export class Semaphore {
  private active = 0;
  /** Waiters by priority: `lanes[p]` holds those of priority p, oldest first. */
  private readonly lanes: Array<Array<() => void>> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Semaphore limit must be a positive integer, got ${limit}`);
    }
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.lanes.reduce((sum, lane) => sum + lane.length, 0);
  }

  /**
   * Runs `task` once a slot is free. When `signal` aborts while the task is still waiting, it
   * leaves the queue and rejects with the signal's reason, so a caller past its deadline never
   * takes a slot it can no longer use. `priority` (default 1) counts from 1 up to MAX_PRIORITY.
   */
  run<T>(task: () => Promise<T>, signal?: DeadlineSignal, priority = 1): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // A free slot is taken at once: the task starts in this tick, not after a queued one.
    if (this.active < this.limit) {
      this.active += 1;
      return this.holding(task);
    }
    return this.acquire(signal, laneOf(priority)).then(() => this.holding(task));
  }

  /** Runs `task` in a slot already taken, and gives the slot back however the task ends. */
  private async holding<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: DeadlineSignal | undefined, lane: number): Promise<void> {
    const waiting = (this.lanes[lane] ??= []);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = waiting.indexOf(grant);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.nextWaiter();
    // Hand the slot straight to the next waiter so `active` never dips and overshoots.
    if (next) next();
    else this.active -= 1;
  }

  /** The oldest waiter of the highest priority that has one. */
  private nextWaiter(): (() => void) | undefined {
    for (let lane = this.lanes.length - 1; lane >= 0; lane -= 1) {
      const next = this.lanes[lane]?.shift();
      if (next) return next;
    }
    return undefined;
  }
}

/** Past this many rounds every call is as far along as another; it bounds the lanes. */
const MAX_PRIORITY = 16;

function laneOf(priority: number): number {
  return Number.isFinite(priority) ? Math.min(Math.max(1, Math.floor(priority)), MAX_PRIORITY) : 1;
}
