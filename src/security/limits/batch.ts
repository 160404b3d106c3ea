/**
 * Apollo reads a JSON array body as a batch of operations when `allowBatchedHttpRequests` is on
 * (it is off by default and refuses arrays then). The bound is made explicit here so a batch
 * cannot multiply the per-operation limits: MAX_BATCH_OPERATIONS=1 (default) accepts no arrays.
 */
export function batchRefusal(body: unknown, maxOperations: number): string | undefined {
  if (!Array.isArray(body)) return undefined;
  if (maxOperations <= 1) {
    return 'Batched requests are not accepted: send one operation per request (a JSON object, not an array)';
  }
  if (body.length > maxOperations) {
    return `The request holds ${body.length} operations; at most ${maxOperations} per request are allowed`;
  }
  return undefined;
}
