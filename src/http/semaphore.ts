import type { DeadlineSignal } from './deadline.js';

/** One owner's waiters by priority: `lanes[p]` holds those of priority p, oldest first. */
type Lanes = Array<Array<() => void>>;

/** The owner of calls made on behalf of no request: they share one turn. */
const NO_OWNER = {};

/**
 * A counting semaphore: at most `limit` holders at once, shared fairly between owners (one
 * GraphQL request each). A freed slot goes to the owners with waiters in turn, round-robin, so
 * a request with thousands of calls queued cannot keep a slot from a request with one: the
 * newcomer's call is sent with the next slot that frees, ahead of the large request's rest.
 * A request alone still uses every slot (nothing is held back that nobody wants).
 *
 * Within one owner, waiters are served by priority, higher first, and in FIFO order within one
 * priority; the priority is the call's round in its request (callRounds.ts).
 *
 * Kept: at 50–150 ms upstream latency, a one-invoice query sent during a 200-invoice page answers
 * in ~210 ms, not ~1200 ms with undici's own queue (bench/machinery.ts).
 */
export class Semaphore {
  private active = 0;
  /** Waiting owners, in the order of their next turn. */
  private readonly turns: object[] = [];
  private readonly waiting = new Map<object, Lanes>();

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
    for (const lanes of this.waiting.values()) for (const lane of lanes) sum += lane?.length ?? 0;
    return sum;
  }

  /**
   * Runs `task` once a slot is free and it is `owner`'s turn. When `signal` aborts while the
   * task is still waiting, it leaves the queue and rejects with the signal's reason, so a caller
   * past its deadline never takes a slot it can no longer use. `priority` (default 1) counts
   * from 1 up to MAX_PRIORITY.
   */
  run<T>(
    task: () => Promise<T>,
    signal?: DeadlineSignal,
    priority = 1,
    owner: object = NO_OWNER,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    // A free slot is taken at once: the task starts in this tick, not after a queued one. A free
    // slot means nobody waits (a release hands its slot straight on), so this is fair too.
    if (this.active < this.limit) {
      this.active += 1;
      return this.holding(task);
    }
    return this.acquire(signal, laneOf(priority), owner).then(() => this.holding(task));
  }

  /** Runs `task` in a slot already taken, and gives the slot back however the task ends. */
  private async holding<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal: DeadlineSignal | undefined, lane: number, owner: object): Promise<void> {
    let lanes = this.waiting.get(owner);
    if (!lanes) {
      lanes = [];
      this.waiting.set(owner, lanes);
      this.turns.push(owner);
    }
    const queue = (lanes[lane] ??= []);
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

  /** The next owner in turn gives up its oldest waiter of the highest priority it has. */
  private nextWaiter(): (() => void) | undefined {
    for (let owner = this.turns.shift(); owner !== undefined; owner = this.turns.shift()) {
      const lanes = this.waiting.get(owner) ?? [];
      let next: (() => void) | undefined;
      for (let lane = lanes.length - 1; lane >= 0 && !next; lane -= 1) next = lanes[lane]?.shift();
      // Back to the end of the line while it has more to send.
      if (hasWaiters(lanes)) this.turns.push(owner);
      else this.waiting.delete(owner);
      if (next) return next;
    }
    return undefined;
  }

  /** An owner whose last waiter left (its deadline passed) gives up its turn. */
  private forgetIfDone(owner: object): void {
    const lanes = this.waiting.get(owner);
    if (!lanes || hasWaiters(lanes)) return;
    this.waiting.delete(owner);
    const index = this.turns.indexOf(owner);
    if (index >= 0) this.turns.splice(index, 1);
  }
}

function hasWaiters(lanes: Lanes): boolean {
  return lanes.some((lane) => lane !== undefined && lane.length > 0);
}

/** Past this many rounds every call is as far along as another; it bounds the lanes. */
const MAX_PRIORITY = 16;

function laneOf(priority: number): number {
  return Number.isFinite(priority) ? Math.min(Math.max(1, Math.floor(priority)), MAX_PRIORITY) : 1;
}
