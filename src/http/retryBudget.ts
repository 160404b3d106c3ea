export interface RetryBudgetPolicy {
  /** Retries allowed as a percentage of the calls made in the window (e.g. 20). */
  percent: number;
  /** Retries allowed in the window regardless of traffic, so a quiet upstream can still retry. */
  minRetries: number;
  /** How far back "recent" reaches. */
  windowMs: number;
}

const SLOTS = 10;

/**
 * Caps retries per upstream at `minRetries + percent% of recent calls`. Without it, three
 * attempts per call triple the load on an upstream that is already failing; with it, an outage
 * costs at most about `percent`% extra requests (the idea of Finagle's RetryBudget and of gRPC's
 * retry throttling).
 *
 * Counts are kept in ten slots covering the window, so old traffic ages out in steps of a tenth
 * of the window instead of all at once, and memory stays constant under any load.
 * Hand-written: neither cockatiel nor undici has a retry budget.
 */
export class RetryBudget {
  private readonly slotMs: number;
  private readonly epochs = new Array<number>(SLOTS).fill(-1);
  private readonly calls = new Array<number>(SLOTS).fill(0);
  private readonly retries = new Array<number>(SLOTS).fill(0);

  constructor(
    private readonly policy: RetryBudgetPolicy,
    private readonly now: () => number = Date.now,
  ) {
    if (!(policy.windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${policy.windowMs}`);
    this.slotMs = Math.max(1, Math.ceil(policy.windowMs / SLOTS));
  }

  /** Counts one call (its first attempt). */
  recordCall(): void {
    const slot = this.currentSlot();
    this.calls[slot] = (this.calls[slot] ?? 0) + 1;
  }

  /** Takes one retry from the budget; false (and nothing taken) when it is spent. */
  tryRetry(): boolean {
    const { calls, retries } = this.totals();
    if (retries >= this.policy.minRetries + (calls * this.policy.percent) / 100) return false;
    const slot = this.currentSlot();
    this.retries[slot] = (this.retries[slot] ?? 0) + 1;
    return true;
  }

  private currentSlot(): number {
    const epoch = Math.floor(this.now() / this.slotMs);
    const slot = epoch % SLOTS;
    if (this.epochs[slot] !== epoch) {
      this.epochs[slot] = epoch;
      this.calls[slot] = 0;
      this.retries[slot] = 0;
    }
    return slot;
  }

  private totals(): { calls: number; retries: number } {
    const oldest = Math.floor(this.now() / this.slotMs) - SLOTS + 1;
    let calls = 0;
    let retries = 0;
    for (let slot = 0; slot < SLOTS; slot += 1) {
      if ((this.epochs[slot] ?? -1) < oldest) continue;
      calls += this.calls[slot] ?? 0;
      retries += this.retries[slot] ?? 0;
    }
    return { calls, retries };
  }
}
