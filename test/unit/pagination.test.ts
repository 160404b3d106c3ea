import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { pageOf } from '../../src/pagination/connection.js';
import { encodeCursor } from '../../src/pagination/cursor.js';
import { readPageArgs, type PageArgs } from '../../src/pagination/pageArgs.js';

const sizes = { defaultSize: 3, maxSize: 5 };
const keyOf = (n: number) => [n % 2, String(n).padStart(3, '0')];
const page = (records: number[], args: PageArgs) =>
  pageOf(records, keyOf, readPageArgs('things', args, sizes));

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions['code'] : 'not a GraphQL error';
  }
  return 'no error';
}

describe('cursor connections', () => {
  const records = [5, 1, 4, 2, 3, 6, 8, 7];

  it('pages forward through every record once, in key order, whatever the page size', () => {
    for (const first of [1, 2, 3, 5]) {
      const seen: number[] = [];
      let after: string | null = null;
      for (;;) {
        const result = page(records, { first, after });
        seen.push(...result.nodes);
        expect(result.totalCount).toBe(8);
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor;
      }
      expect(seen).toEqual([2, 4, 6, 8, 1, 3, 5, 7]);
    }
  });

  it('pages backward with last/before and reports both ends exactly', () => {
    const tail = page(records, { last: 3 });
    expect(tail.nodes).toEqual([3, 5, 7]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = page(records, { last: 3, before: tail.pageInfo.startCursor });
    expect(before.nodes).toEqual([6, 8, 1]);
    const head = page(records, { first: 2 });
    expect(head.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(head.edges.map((edge) => edge.node)).toEqual(head.nodes);
  });

  it('resumes after the same record when records were removed or added between pages', () => {
    const first = page(records, { first: 3 });
    expect(first.nodes).toEqual([2, 4, 6]);
    // 6 (the cursor's own record) and 2 are gone, 5.5-like newcomer 0 sorts before: no skip, no repeat.
    const changed = [5, 1, 4, 3, 8, 7, 0, 10];
    const next = page(changed, { first: 3, after: first.pageInfo.endCursor });
    expect(next.nodes).toEqual([8, 10, 1]);
  });

  it('uses the default page size and refuses sizes above the maximum or below zero', () => {
    expect(page(records, {}).nodes).toHaveLength(3);
    expect(page(records, { first: 0 }).nodes).toEqual([]);
    expect(codeOf(() => page(records, { first: 6 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => page(records, { last: -1 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => page(records, { first: 1, last: 1 }))).toBe('BAD_USER_INPUT');
  });

  it("refuses a cursor that is not this connection's", () => {
    expect(codeOf(() => page(records, { after: 'garbage!' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => page(records, { after: encodeCursor('others', [0, '002']) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => page(records, { before: Buffer.from('[1,2]').toString('base64url') }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
