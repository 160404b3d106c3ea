import type { z } from 'zod';
import { integer } from '../../lib/envValues.js';

/**
 * Bounds on what one GraphQL request may ask for, checked before anything runs. The defaults
 * leave room for the documented use (a page of 200 invoices with distribution, payment-control
 * case and factoring with client costs 3,401; with every per-invoice list as well, about 34,000:
 * see measure.ts) and refuse what only a runaway client or an attacker would send.
 */
export interface OperationLimits {
  /** Deepest field nesting, fragments expanded (the README's invoice page is 6). */
  maxDepth: number;
  /** Aliased fields per operation, fragments expanded: aliases repeat work under other names. */
  maxAliases: number;
  /** Lexical tokens per document; the parser stops counting there (graphql `maxTokens`). */
  maxTokens: number;
  /** Estimated cost (listSizes.ts): objects returned, list fields multiplied by their size. */
  maxCost: number;
  /**
   * Upstream calls one `_entities` request may cause: each distinct representation's lookup plus
   * the fields selected on it (measure.ts). Its own cap, well under `maxCost`, because the
   * router sends these in bulk: the default fits a page of 1,000 invoices fetched from another
   * subgraph with distribution, payment-control case and factoring with client (6 each).
   */
  maxEntityCalls: number;
  /** Assumed length of a small list without a size argument (a distribution's errors). */
  listSize: number;
  /** Assumed length of a list the upstream pages out in full (a window of invoices). */
  pageSize: number;
  /** Operations in one HTTP request (a JSON array body); 1 turns batching off. */
  maxBatchOperations: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 50,
  maxTokens: 5_000,
  maxCost: 50_000,
  maxEntityCalls: 10_000,
  listSize: 10,
  pageSize: 200,
  maxBatchOperations: 1,
};

const d = DEFAULT_OPERATION_LIMITS;

/** The limits' environment variables, spread into config.ts's schema. */
export const limitsEnv = {
  OPERATION_MAX_DEPTH: integer(d.maxDepth, 2, 100),
  OPERATION_MAX_ALIASES: integer(d.maxAliases, 0, 10_000),
  OPERATION_MAX_TOKENS: integer(d.maxTokens, 100, 1_000_000),
  OPERATION_MAX_COST: integer(d.maxCost, 1, 1_000_000_000),
  OPERATION_MAX_ENTITY_CALLS: integer(d.maxEntityCalls, 1, 1_000_000_000),
  OPERATION_LIST_SIZE: integer(d.listSize, 1, 10_000),
  OPERATION_PAGE_SIZE: integer(d.pageSize, 1, 100_000),
  MAX_BATCH_OPERATIONS: integer(d.maxBatchOperations, 1, 100),
};

type LimitsEnv = z.output<z.ZodObject<typeof limitsEnv>>;

export function operationLimits(env: LimitsEnv): OperationLimits {
  return {
    maxDepth: env.OPERATION_MAX_DEPTH,
    maxAliases: env.OPERATION_MAX_ALIASES,
    maxTokens: env.OPERATION_MAX_TOKENS,
    maxCost: env.OPERATION_MAX_COST,
    maxEntityCalls: env.OPERATION_MAX_ENTITY_CALLS,
    listSize: env.OPERATION_LIST_SIZE,
    pageSize: env.OPERATION_PAGE_SIZE,
    maxBatchOperations: env.MAX_BATCH_OPERATIONS,
  };
}
