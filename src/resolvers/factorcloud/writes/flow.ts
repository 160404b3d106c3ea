import type DataLoader from 'dataloader';
import type { z } from 'zod';
import type { WriteOutcome } from '../../../upstreams/writeOutcome.js';
import { refusalToUserError } from '../../../validation/factorcloudRefusals.js';
import type { RefusalTarget } from '../../../validation/factorcloudRefusals.js';
import { validateInput } from '../../../validation/userErrors.js';
import type { UserError } from '../../../validation/userErrors.js';

export type WriteResult<W, V> =
  { ok: true; write: W; value: V; status: number } | { ok: false; userErrors: UserError[] };

/**
 * The shape every FactorCloud mutation shares: validate the whole input first (nothing is sent
 * when anything is wrong), send once, and turn a refusal into a user error. Upstream failures
 * (5xx, timeouts, bad credentials) are not caught: they become this field's error.
 */
export async function validateAndSend<S extends z.ZodType, V>(
  schema: S,
  input: unknown,
  send: (write: z.output<S>) => Promise<WriteOutcome<V>>,
  target: RefusalTarget,
): Promise<WriteResult<z.output<S>, V>> {
  const checked = validateInput(schema, input, ['input']);
  if (!checked.ok) return { ok: false, userErrors: checked.userErrors };
  const outcome = await send(checked.value);
  if (!outcome.ok) return { ok: false, userErrors: [refusalToUserError(outcome, target)] };
  return { ok: true, write: checked.value, value: outcome.value, status: outcome.status };
}

/**
 * After a write, the request's cache holds what FactorCloud echoed; an unusable echo is replaced
 * by a fresh read (the old cached value, if any, is dropped either way).
 */
export async function echoOrReread<K, V>(
  loader: DataLoader<K, V | null, string>,
  key: K,
  echo: V | null,
): Promise<V | null> {
  loader.clear(key);
  if (echo === null) return loader.load(key);
  loader.prime(key, echo);
  return echo;
}
