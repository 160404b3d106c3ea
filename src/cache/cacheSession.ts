import { entryKey } from './keys.js';
import type { ReadFreshness } from './freshness.js';
import { freshReads } from './readCache.js';
import type { CacheAnswerListener, CachedRead, FreshReads, ReadCache } from './readCache.js';

/**
 * Per-request view: generations are read once per request and scope, and updated on a bump. A
 * request that asked for fresh data reads past the stored answers (readCache.ts's FreshReads).
 */
export class CacheSession {
  private readonly generations = new Map<string, Promise<number | null>>();
  private readonly fresh: FreshReads | undefined;

  constructor(
    private readonly cache: ReadCache,
    private readonly onAnswer?: CacheAnswerListener,
    freshness: ReadFreshness = 'cached',
  ) {
    this.fresh = freshness === 'cached' ? undefined : freshReads(freshness === 'fresh');
  }

  read<T>(spec: CachedRead<T>): Promise<T> {
    if (spec.scope === undefined) return this.cache.read(spec, undefined, this.onAnswer, this.fresh);
    const scope = spec.scope;
    return this.generationOf(spec.partition, scope).then((generation) =>
      this.cache.read(spec, generation, this.onAnswer, this.fresh),
    );
  }

  /** Keys of single answers (no scope), to drop after a write. */
  keyOf(partition: string, resource: string, params: readonly unknown[]): string {
    return entryKey(partition, resource, params);
  }

  invalidate(keys: readonly string[]): Promise<void> {
    // This request's own fresh answers predate the write: its later reads go upstream again.
    this.fresh?.answers.clear();
    return keys.length ? this.cache.invalidate(keys) : Promise.resolve();
  }

  /**
   * Drops single answers that live under a scope's generation. The generation is read afresh
   * (not this request's remembered one): entries written since another request's bump count too.
   */
  async invalidateScoped(
    partition: string,
    scope: string,
    entries: ReadonlyArray<readonly [resource: string, params: readonly unknown[]]>,
  ): Promise<void> {
    const generation = await this.cache.generation(partition, scope);
    if (generation === null) return; // The store is down: nothing can be dropped, TTLs bound it.
    await this.invalidate(
      entries.map(([resource, params]) => entryKey(partition, resource, params, generation)),
    );
  }

  /** Invalidates every list of `scope` in the partition, for every instance sharing the store. */
  async bump(partition: string, scope: string): Promise<void> {
    this.fresh?.answers.clear();
    const next = this.cache.bump(partition, scope);
    this.generations.set(`${partition}\n${scope}`, next);
    await next;
  }

  private generationOf(partition: string, scope: string): Promise<number | null> {
    const id = `${partition}\n${scope}`;
    let generation = this.generations.get(id);
    if (!generation) {
      generation = this.cache.generation(partition, scope);
      this.generations.set(id, generation);
    }
    return generation;
  }
}
