import { compareKeys, encodeCursor, type SortKey } from './cursor.js';
import type { PageRequest } from './pageArgs.js';

/** Relay `PageInfo`. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** What a connection type resolves from: the page's edges and nodes, where it sits, and the list's size. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * One page of `records` (the whole list, in any order): sorted by `keyOf`, cut after `afterKey`
 * and before `beforeKey` by key comparison (so a record removed since the cursor was issued does
 * not shift the page), then the first or last `count`. `totalCount` counts the whole list.
 * `hasNextPage` and `hasPreviousPage` are exact: the whole list is at hand.
 */
export function pageOf<T>(
  records: readonly T[],
  keyOf: (record: T) => SortKey,
  request: PageRequest,
): Connection<T> {
  const sorted = records
    .map((record) => ({ record, key: keyOf(record) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  let start = 0;
  let end = sorted.length;
  const { afterKey, beforeKey } = request;
  if (afterKey) while (start < end && compareKeys(sorted[start]!.key, afterKey) <= 0) start++;
  if (beforeKey) while (end > start && compareKeys(sorted[end - 1]!.key, beforeKey) >= 0) end--;
  if (request.direction === 'forward') end = Math.min(end, start + request.count);
  else start = Math.max(start, end - request.count);

  const slice = sorted.slice(start, end);
  const edges = slice.map(({ record, key }) => ({
    cursor: encodeCursor(request.connection, key),
    node: record,
  }));
  return {
    edges,
    nodes: slice.map(({ record }) => record),
    pageInfo: {
      hasNextPage: end < sorted.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: sorted.length,
  };
}
