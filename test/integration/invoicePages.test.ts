import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { CachedSubgraph, TestCaching } from '../support/redisSubgraphs.js';

/**
 * `Query.invoices` as a cursor connection over real HTTP: Confirma lists a whole window (no
 * paging upstream), the graph cuts pages from it in invoice-number order.
 */

// Out of order, of different lengths, one sent as a string: the graph orders them as numbers.
const NUMBERS = [260100012, 9, 260100003, 100, 260100001, 12, 260100020, 77, 260100005, 1000, 3, 260100010];
const sortedNumbers = (numbers: number[]) => [...numbers].sort((a, b) => a - b).map(String);

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String) {
  invoices(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { invoiceNumber } }
    nodes { invoiceNumber }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { invoiceNumber: string } }[];
  nodes: { invoiceNumber: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

type Subgraph = Pick<Harness, 'query' | 'confirma'>;

const listCalls = (fake: ConfirmaFake) =>
  fake.requests.filter((r) => r.path === '/api/v1/partner/invoice/distribution').length;

async function page(h: Subgraph, variables: Record<string, unknown>): Promise<Page> {
  const { body } = await h.query(PAGE, variables);
  expect(body.errors).toBeUndefined();
  return (body.data as { invoices: Page }).invoices;
}

/** Every page forwards (or backwards) and the list calls each page made. */
async function pageThrough(h: Subgraph, size: number, direction: 'forward' | 'backward' = 'forward') {
  const seen: string[] = [];
  const callsPerPage: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const before = listCalls(h.confirma);
    const result: Page =
      direction === 'forward'
        ? await page(h, { first: size, after: cursor })
        : await page(h, { last: size, before: cursor });
    callsPerPage.push(listCalls(h.confirma) - before);
    expect(result.nodes.map((n) => n.invoiceNumber)).toEqual(result.edges.map((e) => e.node.invoiceNumber));
    const numbers = result.nodes.map((n) => n.invoiceNumber);
    if (direction === 'forward') seen.push(...numbers);
    else seen.unshift(...numbers);
    const more = direction === 'forward' ? result.pageInfo.hasNextPage : result.pageInfo.hasPreviousPage;
    if (!more) return { seen, callsPerPage };
    cursor = direction === 'forward' ? result.pageInfo.endCursor : result.pageInfo.startCursor;
  }
  throw new Error('paging did not end');
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.records.length = 0;
  NUMBERS.forEach((n, i) =>
    h.confirma.records.push(distributionRecord(n, i === 3 ? { invoiceNumber: '100' } : {})),
  );
});

describe('Query.invoices pages', () => {
  it.each([1, 2, 5, 7, 12, 50])(
    'pages through the window %i at a time: every invoice once, by invoice number, one list call per page',
    async (size) => {
      const forward = await pageThrough(h, size);
      expect(forward.seen).toEqual(sortedNumbers(NUMBERS));
      expect(forward.callsPerPage.every((calls) => calls === 1)).toBe(true);
      const backward = await pageThrough(h, size, 'backward');
      expect(backward.seen).toEqual(sortedNumbers(NUMBERS));
    },
  );

  it('holds 50 invoices when neither first nor last is given, and counts the whole window', async () => {
    h.confirma.records.length = 0;
    for (let n = 1; n <= 60; n++) h.confirma.records.push(distributionRecord(260200000 + n));
    const first = await page(h, {});
    expect(first.nodes).toHaveLength(50);
    expect(first.totalCount).toBe(60);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('neither skips nor repeats an invoice still there when invoices are added or removed between pages', async () => {
    const first = await page(h, { first: 4 });
    const shown = first.nodes.map((n) => n.invoiceNumber);
    expect(shown).toEqual(['3', '9', '12', '77']);
    const remove = (n: number) => {
      const at = h.confirma.records.findIndex((r) => String(r.invoiceNumber) === String(n));
      h.confirma.records.splice(at, 1);
    };
    remove(77); // the record the cursor points at
    remove(260100003); // one not yet shown
    h.confirma.records.push(distributionRecord(50)); // before the cursor: belongs to a page already read
    h.confirma.records.push(distributionRecord(260100004)); // ahead: must appear

    const rest: string[] = [];
    let cursor = first.pageInfo.endCursor;
    for (;;) {
      const next = await page(h, { first: 3, after: cursor });
      rest.push(...next.nodes.map((n) => n.invoiceNumber));
      if (!next.pageInfo.hasNextPage) break;
      cursor = next.pageInfo.endCursor;
    }
    const stillThere = h.confirma.records.map((r) => Number(r.invoiceNumber));
    const expected = sortedNumbers(stillThere).filter((n) => Number(n) > 77);
    expect(rest).toEqual(expected);
    expect(new Set([...shown, ...rest]).size).toBe(shown.length + rest.length);
  });

  it.each([
    ['first above 200', { first: 201 }, 'first'],
    ['a negative last', { last: -1 }, 'last'],
    ['first and last together', { first: 1, last: 1 }, 'last'],
    ['a cursor that is not one', { first: 1, after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT before any upstream call', async (_name, variables, argument) => {
    const { body } = await h.query(PAGE, variables);
    expect(body.data?.invoices).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(argument);
    expect(h.confirma.requests).toHaveLength(0);
  });

  it("makes per-invoice calls only for the page's invoices", async () => {
    for (const n of NUMBERS)
      h.confirma.cases.set(String(480000 + (n % 1000)), caseReply(480000 + (n % 1000)));
    const { body } = await h.query(
      `{ invoices(first: 3, after: null) { nodes { invoiceNumber paymentControl { case { caseId } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const caseCalls = h.confirma.requests.filter((r) => r.path === '/api/v1/partner/invoice/case');
    expect(caseCalls.map((r) => r.query.caseId).sort()).toEqual(['480003', '480009', '480012']);
    expect(listCalls(h.confirma)).toBe(1);
  });
});

describe('Query.invoices pages with the read cache on', () => {
  let confirma: ConfirmaFake;
  let factorCloud: FactorCloudFake;
  let caching: TestCaching;
  let cached: CachedSubgraph<ConfirmaFake, FactorCloudFake>;
  beforeAll(async () => {
    confirma = await startConfirmaFake();
    factorCloud = await startFactorCloudFake();
    caching = testCaching({ mode: 'memory' });
    cached = await startCachedSubgraph({ caching, confirma, factorCloud });
    for (const n of NUMBERS) confirma.records.push(distributionRecord(n));
  });
  afterAll(async () => {
    await cached?.close();
    await caching?.close();
    await Promise.all([confirma?.close(), factorCloud?.close()]);
  });

  it('serves the second page of the same window without a second list call', async () => {
    const first = await page(cached, { first: 5 });
    expect(listCalls(confirma)).toBe(1);
    const second = await page(cached, { first: 5, after: first.pageInfo.endCursor });
    expect(listCalls(confirma)).toBe(1);
    expect([...first.nodes, ...second.nodes].map((n) => n.invoiceNumber)).toEqual(
      sortedNumbers(NUMBERS).slice(0, 10),
    );
  });
});
