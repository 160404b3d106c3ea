/**
 * Process-wide claims on keys: while one request is creating invoice 123, a second request for
 * the same number is refused instead of racing it to the upstream. Claims are released when the
 * work settles, whatever its outcome.
 */
export class Claims {
  private readonly held = new Set<string>();

  /** Runs `work` if `key` is free; returns `undefined` without running it when it is taken. */
  async withClaim<T>(key: string, work: () => Promise<T>): Promise<T | undefined> {
    if (this.held.has(key)) return undefined;
    this.held.add(key);
    try {
      return await work();
    } finally {
      this.held.delete(key);
    }
  }
}
