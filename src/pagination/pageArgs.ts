import { badUserInput } from '../errors.js';
import { decodeCursor, type SortKey } from './cursor.js';

/** The Relay connection arguments as GraphQL passes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A connection's page sizes: what a page holds when neither `first` nor `last` is given, and the most it may hold. */
export interface PageSizes {
  defaultSize: number;
  maxSize: number;
}

/** Validated arguments: which end to count from, how many, and the cursor bounds as sort keys. */
export interface PageRequest {
  connection: string;
  direction: 'forward' | 'backward';
  count: number;
  afterKey: SortKey | undefined;
  beforeKey: SortKey | undefined;
}

function checkCount(argument: 'first' | 'last', value: number, sizes: PageSizes, connection: string): number {
  if (!Number.isInteger(value) || value < 0 || value > sizes.maxSize) {
    throw badUserInput(
      `${argument}: ${connection} pages hold from 0 to ${sizes.maxSize} records, got ${value}; ` +
        `page through with \`after: pageInfo.endCursor\` for more.`,
      argument,
    );
  }
  return value;
}

/**
 * Validates the arguments before any upstream call, so a bad page request costs nothing.
 * `first` and `last` together are refused: their combination has no useful meaning and Relay
 * discourages it.
 */
export function readPageArgs(connection: string, args: PageArgs, sizes: PageSizes): PageRequest {
  const { first, last, after, before } = args;
  if (first != null && last != null) {
    throw badUserInput(`first, last: give one of them, not both (${connection}).`, 'last');
  }
  const afterKey = after != null ? decodeCursor(connection, 'after', after) : undefined;
  const beforeKey = before != null ? decodeCursor(connection, 'before', before) : undefined;
  if (last != null) {
    return {
      connection,
      direction: 'backward',
      count: checkCount('last', last, sizes, connection),
      afterKey,
      beforeKey,
    };
  }
  const count = first != null ? checkCount('first', first, sizes, connection) : sizes.defaultSize;
  return { connection, direction: 'forward', count, afterKey, beforeKey };
}
