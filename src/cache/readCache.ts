import type { Logger } from '../logger.js';
import { deserializeAnswer, serializeAnswer } from './jsonValue.js';
import { entryKey, generationKey } from './keys.js';
import type { CacheStore } from './store.js';

export type CacheResult = 'hit' | 'miss';
/** Told about every cached read: `cache` is the resource (e.g. `confirma.case`). */
export type CacheEventListener = (cache: string, result: CacheResult) => void;
/** Told, for one request's read, that no call of its own was needed: stored, or joined in flight. */
export type CacheAnswerListener = (resource: string, answer: 'hit' | 'coalesced') => void;

export interface ReadCacheOptions {
  store: CacheStore;
  maxEntryBytes: number;
  logger: Logger;
  onCacheEvent?: CacheEventListener;
}

/** One cacheable read: which answer it is, how long it may be kept, and how to fetch it. */
export interface CachedRead<T> {
  /** Partition (tenant and credentials), from keys.ts's partitionKey. */
  partition: string;
  /** Resource name: part of the key and the metric's `cache` label. */
  resource: string;
  params: readonly unknown[];
  /** Lists carry their scope's generation in the key; bumping it invalidates them all. */
  scope?: string;
  /** TTL in seconds for this answer (it may depend on the answer's state); 0 = do not keep. */
  ttlSeconds(value: T): number;
  load(): Promise<T>;
}

type Outcome = { text: string } | { value: unknown };

/**
 * A request that asked for fresh data (`Cache-Control: no-cache`, see freshness.ts): its reads
 * skip stored answers and other requests' reads in flight, and go upstream once per distinct
 * read: `answers` holds this request's own, so no header can make one request send the same
 * read twice. `store` says whether the fresh answers replace the stored ones (not for `no-store`).
 */
export interface FreshReads {
  readonly answers: Map<string, Promise<Outcome>>;
  readonly store: boolean;
}

export function freshReads(store: boolean): FreshReads {
  return { answers: new Map(), store };
}

interface Flight {
  promise: Promise<Outcome>;
  /** `stale` is set when a write invalidated the key while the read was on its way: not stored. */
  state: { stale: boolean };
}

/**
 * The cross-request cache of upstream reads, shared by every request of the process.
 *
 * - Identical reads in flight at the same time (same key) share one upstream call.
 * - Answers are stored as JSON text and parsed afresh for every reader, so no two requests ever
 *   share (or mutate) one object.
 * - The store failing is never the request's problem: the read goes upstream uncached.
 */
export class ReadCache {
  private readonly inFlight = new Map<string, Flight>();
  /** Fresh reads on their way, by key, so a write can keep their answers out of the store. */
  private readonly freshInFlight = new Map<string, Set<Flight['state']>>();

  constructor(private readonly options: ReadCacheOptions) {}

  /** @internal the read itself, with the generation already resolved (undefined: not cacheable). */
  async read<T>(
    spec: CachedRead<T>,
    generation: number | null | undefined,
    onAnswer?: CacheAnswerListener,
    fresh?: FreshReads,
  ): Promise<T> {
    if (fresh) return this.readFresh(spec, generation, fresh, onAnswer);
    if (generation === null) {
      this.options.onCacheEvent?.(spec.resource, 'miss');
      return spec.load();
    }
    const key = entryKey(spec.partition, spec.resource, spec.params, generation);
    let flight = this.inFlight.get(key);
    if (flight) {
      this.options.onCacheEvent?.(spec.resource, 'hit');
      onAnswer?.(spec.resource, 'coalesced');
    } else {
      const state = { stale: false };
      const created: Flight = { state, promise: this.fetch(key, spec, state, onAnswer) };
      this.inFlight.set(key, created);
      const forget = () => {
        if (this.inFlight.get(key) === created) this.inFlight.delete(key);
      };
      created.promise.then(forget, forget);
      flight = created;
    }
    return answerOf<T>(await flight.promise);
  }

  private async readFresh<T>(
    spec: CachedRead<T>,
    generation: number | null | undefined,
    fresh: FreshReads,
    onAnswer: CacheAnswerListener | undefined,
  ): Promise<T> {
    // With the generation unknown (store down) the answer is not stored: it could be a stale list's.
    const key = entryKey(spec.partition, spec.resource, spec.params, generation ?? undefined);
    let answer = fresh.answers.get(key);
    if (answer) {
      onAnswer?.(spec.resource, 'coalesced');
    } else {
      this.options.onCacheEvent?.(spec.resource, 'miss');
      answer = this.fetchFresh(key, spec, fresh.store && generation !== null);
      fresh.answers.set(key, answer);
    }
    return answerOf<T>(await answer);
  }

  private async fetchFresh<T>(key: string, spec: CachedRead<T>, store: boolean): Promise<Outcome> {
    const state = { stale: false };
    let flights = this.freshInFlight.get(key);
    if (!flights) this.freshInFlight.set(key, (flights = new Set()));
    flights.add(state);
    try {
      const value = await spec.load();
      const text = serializeAnswer(value);
      if (text === undefined) return { value };
      if (store && !state.stale) await this.keep(key, text, spec.ttlSeconds(value));
      return { text };
    } finally {
      flights.delete(state);
      if (flights.size === 0 && this.freshInFlight.get(key) === flights) this.freshInFlight.delete(key);
    }
  }

  private async keep(key: string, text: string, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0 || Buffer.byteLength(text) > this.options.maxEntryBytes) return;
    await this.options.store.set(key, text, ttlSeconds * 1_000).catch(() => undefined);
  }

  private async fetch<T>(
    key: string,
    spec: CachedRead<T>,
    flight: Flight['state'],
    onAnswer: CacheAnswerListener | undefined,
  ): Promise<Outcome> {
    const { store, onCacheEvent } = this.options;
    let storeWorks = true;
    try {
      const cached = await store.get(key);
      if (cached !== undefined) {
        onCacheEvent?.(spec.resource, 'hit');
        onAnswer?.(spec.resource, 'hit');
        return { text: cached };
      }
    } catch {
      storeWorks = false; // Logged once per outage by the store.
    }
    onCacheEvent?.(spec.resource, 'miss');
    const value = await spec.load();
    const text = serializeAnswer(value);
    if (text === undefined) return { value };
    if (storeWorks && !flight.stale) await this.keep(key, text, spec.ttlSeconds(value));
    return { text };
  }

  /** Drops answers after a write; reads of them already in flight are not stored. */
  async invalidate(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const flight = this.inFlight.get(key);
      if (flight) {
        flight.state.stale = true;
        this.inFlight.delete(key);
      }
      for (const state of this.freshInFlight.get(key) ?? []) state.stale = true;
    }
    await this.options.store.delete(keys).catch((error: unknown) => this.lost(error, keys.length));
  }

  /** @internal */
  async generation(partition: string, scope: string): Promise<number | null> {
    try {
      return await this.options.store.counter(generationKey(partition, scope));
    } catch {
      return null; // Unknown generation: read uncached rather than risk a stale list.
    }
  }

  /** @internal */
  async bump(partition: string, scope: string): Promise<number | null> {
    try {
      return await this.options.store.increment(generationKey(partition, scope));
    } catch (error) {
      this.lost(error, 1);
      return null;
    }
  }

  private lost(error: unknown, count: number): void {
    // The entries then live out their TTL; say so, since it is the one way a write is not seen.
    this.options.logger.warn(
      { err: error, count },
      'cache invalidation failed: entries expire by their TTL instead',
    );
  }
}

/** Uncacheable answers (see jsonValue.ts) are handed to joined readers as they are. */
function answerOf<T>(outcome: Outcome): T {
  return 'text' in outcome ? deserializeAnswer<T>(outcome.text) : (outcome.value as T);
}
