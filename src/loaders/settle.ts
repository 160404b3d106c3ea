/**
 * Starts `load` for every key at once and gives DataLoader one promise per key, so each key
 * settles when its own call does; a key that fails alone rejects with an `Error` of its own.
 * The per-upstream concurrency bound lives in the HTTP layer, so this needs none of its own.
 *
 * Why not await the batch: awaiting every call before answering held each key until the
 * slowest call of its batch had returned. On a page of 50 invoices no get-client could start
 * until the last of the 50 get-invoice calls was in, which added a whole upstream round to the
 * page. DataLoader hands each entry of the array to the `resolve` of that key's promise, and a
 * promise given to `resolve` is adopted, so `load()` settles with the key's own call.
 */
export function settleEach<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<V[]> {
  const pending = keys.map((key) => started(() => load(key)));
  // Typed as values for DataLoader's batch contract; each is a promise that DataLoader adopts.
  return Promise.resolve(pending as unknown as V[]);
}

function started<V>(load: () => Promise<V>): Promise<V> {
  try {
    return load().catch((reason: unknown) => Promise.reject(asError(reason)));
  } catch (thrown) {
    return Promise.reject(asError(thrown));
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
