import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { todayIsoDate } from '../../src/lib/dates.js';
import { startSimulatorHarness } from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * Every operation in operations/ (the README's examples) runs as a newcomer would run it: on a
 * fresh pair of embedded simulators set up as `npm start` sets them up (today's date, the default
 * seed and invoice id template), with the variables in the `.json` beside it.
 */

const DIR = new URL('../../operations/', import.meta.url);
const OPERATIONS = readdirSync(DIR)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => file.slice(0, -'.graphql'.length))
  .sort();

/** Paths of lists that are not inside another list (bar `userErrors`): the ones an example must fill. */
function outerLists(value: unknown, path: string, found: Array<[string, number]>): void {
  if (Array.isArray(value)) {
    found.push([path, value.length]);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'userErrors') outerLists(child, `${path}.${key}`, found);
    }
  }
}

/** Every `userErrors` list in the reply, wherever it is, with its path. */
function userErrorsIn(value: unknown, path: string, found: Array<[string, unknown]>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => userErrorsIn(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'userErrors' && Array.isArray(child) && child.length > 0) found.push([path, child]);
      else userErrorsIn(child, `${path}.${key}`, found);
    }
  }
}

let h: SimulatorHarness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the example operations in operations/', () => {
  it('has at least a query and a mutation, each with a variables file', () => {
    const sources = OPERATIONS.map((name) => readFileSync(new URL(`${name}.graphql`, DIR), 'utf8'));
    expect(sources.some((source) => /^\s*query\s/m.test(source))).toBe(true);
    expect(sources.some((source) => /^\s*mutation\s/m.test(source))).toBe(true);
    for (const name of OPERATIONS)
      expect(() => readFileSync(new URL(`${name}.json`, DIR), 'utf8')).not.toThrow();
  });

  it('are each named in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of OPERATIONS) expect(readme).toContain(`operations/${name}.graphql`);
  });

  it.each(OPERATIONS)(
    '%s runs on fresh simulators without errors, userErrors or empty lists',
    async (name) => {
      const config = loadConfig({});
      h = await startSimulatorHarness({
        today: todayIsoDate(),
        seed: config.simulatorSeed,
        invoiceIdTemplate: config.invoiceIdTemplate,
      });
      const query = readFileSync(new URL(`${name}.graphql`, DIR), 'utf8');
      const variables = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as Record<
        string,
        unknown
      >;
      const reply = await h.query(query, variables);

      expect(reply.body.errors, reply.text).toBeUndefined();
      const data = reply.body.data ?? {};
      expect(
        Object.values(data).every((field) => field !== null),
        reply.text,
      ).toBe(true);
      const userErrors: Array<[string, unknown]> = [];
      userErrorsIn(data, 'data', userErrors);
      expect(userErrors).toEqual([]);
      const lists: Array<[string, number]> = [];
      outerLists(data, 'data', lists);
      expect(lists.filter(([, length]) => length === 0)).toEqual([]);
    },
  );

  it("InvoicePage's endCursor brings the next page, with no invoice twice", async () => {
    const config = loadConfig({});
    h = await startSimulatorHarness({
      today: todayIsoDate(),
      seed: config.simulatorSeed,
      invoiceIdTemplate: config.invoiceIdTemplate,
    });
    const query = readFileSync(new URL('InvoicePage.graphql', DIR), 'utf8');
    type Page = {
      invoices: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { invoiceNumber: string }[];
      };
    };
    const pageAfter = async (after: string | null) => {
      const reply = await h!.query(query, { first: 3, after });
      expect(reply.body.errors, reply.text).toBeUndefined();
      return (reply.body.data as Page).invoices;
    };
    const first = await pageAfter(null);
    expect(first.totalCount).toBeGreaterThan(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await pageAfter(first.pageInfo.endCursor);
    const numbers = [...first.nodes, ...second.nodes].map((node) => BigInt(node.invoiceNumber));
    expect(numbers).toHaveLength(6);
    expect([...numbers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(numbers);
    expect(new Set(numbers).size).toBe(6);
  });
});

describe('operations/InvoiceMismatches.graphql', () => {
  it('lists, on fresh simulators, only invoices with a mismatch, in invoice-number order', async () => {
    const config = loadConfig({});
    h = await startSimulatorHarness({
      today: todayIsoDate(),
      seed: config.simulatorSeed,
      invoiceIdTemplate: config.invoiceIdTemplate,
    });
    const query = readFileSync(new URL('InvoiceMismatches.graphql', DIR), 'utf8');
    const variables = JSON.parse(readFileSync(new URL('InvoiceMismatches.json', DIR), 'utf8')) as Record<
      string,
      unknown
    >;
    const reply = await h.query(query, variables);
    expect(reply.body.errors, reply.text).toBeUndefined();
    const { nodes } = (
      reply.body.data as {
        invoiceMismatches: { nodes: Array<{ invoiceNumber: string; status: string; mismatches: unknown[] }> };
      }
    ).invoiceMismatches;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.status === 'MISMATCHED' && node.mismatches.length > 0)).toBe(true);
    const numbers = nodes.map((node) => Number(node.invoiceNumber));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});
