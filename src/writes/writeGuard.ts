import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DuplicateWriteError, WriteGuardUnavailableError, duplicateMessage } from './duplicateWrite.js';
import type { DuplicateReason } from './duplicateWrite.js';
import { UpstreamError } from '../http/errors.js';
import { canonicalJson, hash, safeJson } from './fingerprint.js';
import type { GuardStore } from './guardStore.js';

export interface WriteGuardSettings {
  /** How long a result is kept for a replay with the same idempotency key. */
  idempotencyTtlSeconds: number;
  /** Without a key: how long an identical write stays refused after it was applied (or failed). */
  duplicateWindowSeconds: number;
  /** Prepended to every key (CACHE_KEY_PREFIX), so deployments can share one Redis. */
  keyPrefix: string;
}

/** One write to run at most once. */
export interface GuardedWrite<T> {
  tenant: string;
  mutation: string;
  /** The arguments without the idempotency key: what "identical" and "same input" compare. */
  input: unknown;
  idempotencyKey: string | undefined;
  /** Targets no two requests of the tenant may write at once (e.g. `invoice:123`). */
  locks: readonly string[];
  /** False when the result carries a credential: it is then never stored for a replay. */
  replayable: boolean;
  /** Whether the result changed anything upstream (a refusal with user errors did not). */
  applied(result: T): boolean;
  run(): Promise<T>;
}

/**
 * A claim lives at most this long while its write runs: longer than any request may take (the
 * upstream deadlines are seconds), short enough that a replica that died mid-write does not
 * block the key for long.
 */
const PENDING_TTL_MS = 5 * 60_000;

const recordSchema = z.object({
  state: z.enum(['pending', 'done', 'failed']),
  fingerprint: z.string(),
  token: z.string().optional(),
  result: z.string().optional(),
});
type GuardRecord = z.infer<typeof recordSchema>;

/**
 * The one duplicate guard of every write (one store, memory or Redis). With an idempotency key,
 * the first request's result is kept per tenant and mutation and replayed for the same key and
 * input; the same key with another input is refused. Without a key, an identical write (same
 * tenant, mutation and input) is refused while one runs and for a short window after it was
 * applied or failed. Locks keep two different requests from writing the same target at once.
 */
export class WriteGuard {
  constructor(
    private readonly store: GuardStore,
    readonly settings: WriteGuardSettings,
  ) {}

  get kind(): GuardStore['kind'] {
    return this.store.kind;
  }

  async run<T>(write: GuardedWrite<T>): Promise<T> {
    const base = `${this.settings.keyPrefix}write:${hash(write.tenant)}:${write.mutation}`;
    const fingerprint = hash(canonicalJson(write.input));
    const keyed = write.idempotencyKey !== undefined;
    const slot = keyed ? `${base}:key:${hash(write.idempotencyKey ?? '')}` : `${base}:same:${fingerprint}`;
    const token = randomUUID();
    const pending = JSON.stringify({ state: 'pending', fingerprint, token } satisfies GuardRecord);
    if (!(await this.guardCall(() => this.store.claim(slot, pending, PENDING_TTL_MS)))) {
      return this.answerTaken<T>(slot, write, fingerprint, keyed);
    }
    const held: string[] = [];
    for (const target of write.locks) {
      const lock = `${this.settings.keyPrefix}write:${hash(write.tenant)}:lock:${hash(target)}`;
      const free = await this.guardCall(() => this.store.claim(lock, token, PENDING_TTL_MS)).catch(
        async (error: unknown) => {
          await this.releaseAll(held, token, slot, pending);
          throw error;
        },
      );
      if (!free) {
        await this.releaseAll(held, token, slot, pending);
        throw this.refusal('RESOURCE_BUSY', write.mutation);
      }
      held.push(lock);
    }
    const window = this.settings.duplicateWindowSeconds * 1_000;
    const kept = keyed ? this.settings.idempotencyTtlSeconds * 1_000 : window;
    let result: T;
    try {
      result = await write.run();
    } catch (error) {
      // Refused with a 4xx (e.g. our credentials): nothing was applied, so nothing is held.
      if (refusedUpstream(error)) await this.store.release(slot, pending).catch(() => undefined);
      else await this.settle(slot, { state: 'failed', fingerprint }, kept);
      throw error;
    } finally {
      await this.releaseAll(held, token);
    }
    if (keyed) {
      const stored = write.replayable ? JSON.stringify(result) : undefined;
      await this.settle(slot, { state: 'done', fingerprint, ...(stored ? { result: stored } : {}) }, kept);
    } else if (write.applied(result)) {
      await this.settle(slot, { state: 'done', fingerprint }, window);
    } else {
      // Refused before anything changed: an identical, corrected retry is not a duplicate.
      await this.store.release(slot, pending).catch(() => undefined);
    }
    return result;
  }

  /** A small record per tenant that outlives requests (e.g. a stored document's checksum). */
  async recall(tenant: string, name: string): Promise<string | undefined> {
    return this.guardCall(() => this.store.get(this.recordKey(tenant, name)));
  }

  async remember(tenant: string, name: string, value: string, ttlSeconds: number): Promise<void> {
    await this.store.put(this.recordKey(tenant, name), value, ttlSeconds * 1_000).catch(() => undefined);
  }

  private recordKey(tenant: string, name: string): string {
    return `${this.settings.keyPrefix}write:${hash(tenant)}:record:${hash(name)}`;
  }

  private async answerTaken<T>(
    slot: string,
    write: GuardedWrite<T>,
    fingerprint: string,
    keyed: boolean,
  ): Promise<T> {
    const text = await this.guardCall(() => this.store.get(slot));
    const parsed = text === undefined ? undefined : recordSchema.safeParse(safeJson(text));
    const record = parsed?.success ? parsed.data : undefined;
    const reason = ((): DuplicateReason => {
      if (!keyed) {
        if (record?.state === 'done') return 'RECENTLY_APPLIED';
        return record?.state === 'failed' ? 'RECENTLY_FAILED' : 'IN_FLIGHT';
      }
      if (record && record.fingerprint !== fingerprint) return 'KEY_REUSED';
      if (record?.state === 'failed') return 'OUTCOME_UNKNOWN';
      if (record?.state === 'done') return 'NOT_REPLAYABLE';
      return 'KEY_IN_FLIGHT';
    })();
    if (
      keyed &&
      record?.state === 'done' &&
      record.fingerprint === fingerprint &&
      record.result !== undefined
    ) {
      // Our own record, written by run() from a result of this same mutation.
      return JSON.parse(record.result) as T;
    }
    throw this.refusal(reason, write.mutation);
  }

  private refusal(reason: DuplicateReason, mutation: string): DuplicateWriteError {
    const window = this.settings.duplicateWindowSeconds;
    const retryAfter = reason === 'RECENTLY_APPLIED' || reason === 'RECENTLY_FAILED' ? window : undefined;
    return new DuplicateWriteError(duplicateMessage(reason, mutation, window), reason, mutation, retryAfter);
  }

  /**
   * After the write ran, its record is best effort: the answer must reach the caller even when
   * the store has just gone away (the write happened; refusing now would invite a resend).
   */
  private async settle(slot: string, record: GuardRecord, ttlMs: number): Promise<void> {
    await this.store.put(slot, JSON.stringify(record), ttlMs).catch(() => undefined);
  }

  private async releaseAll(locks: readonly string[], token: string, slot?: string, pending?: string) {
    await Promise.all([
      ...locks.map((lock) => this.store.release(lock, token).catch(() => undefined)),
      slot && pending ? this.store.release(slot, pending).catch(() => undefined) : undefined,
    ]);
  }

  /** Before a write is sent the guard must answer: an unreachable store refuses the write. */
  private async guardCall<R>(call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch {
      throw new WriteGuardUnavailableError(
        'The duplicate guard of writes (Redis) is unreachable, so the write was not sent; retry shortly.',
      );
    }
  }
}

/** A timeout, 5xx or lost connection may have been applied upstream; a 4xx answer was not. */
function refusedUpstream(error: unknown): boolean {
  return (
    error instanceof UpstreamError && error.status !== undefined && error.status >= 400 && error.status < 500
  );
}
