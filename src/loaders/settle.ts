/**
 * Runs `load` for every key concurrently and returns results in key order, with an `Error` in
 * the place of a key that failed alone, as DataLoader's batch contract asks. The per-upstream
 * concurrency bound lives in the HTTP layer, so this does not need one of its own.
 */
export async function settleEach<K, V>(
  keys: readonly K[],
  load: (key: K) => Promise<V>,
): Promise<Array<V | Error>> {
  const settled = await Promise.allSettled(keys.map((key) => load(key)));
  return settled.map((result) => (result.status === 'fulfilled' ? result.value : asError(result.reason)));
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
