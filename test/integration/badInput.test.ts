import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(distributionRecord(301));
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

const BY_FILTER = 'query ($filter: InvoiceFilter) { invoices(filter: $filter) { totalCount } }';

async function expectBadInput(
  query: string,
  variables: Record<string, unknown> | undefined,
  ...mentions: string[]
) {
  const { body } = await h.query(query, variables);
  if (body.data) expect(Object.values(body.data).every((value) => value === null)).toBe(true);
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  for (const text of mentions) expect(body.errors?.[0]?.message).toContain(text);
  expect(h.confirma.requests).toHaveLength(0);
  expect(h.factorCloud.requests).toHaveLength(0);
}

describe('bad input is refused before any upstream call', () => {
  it('refuses an impossible date passed as a variable, naming the argument', async () => {
    await expectBadInput(BY_FILTER, { filter: { from: '2026-02-30' } }, 'filter.from', 'YYYY-MM-DD');
  });

  it('refuses an impossible date written in the query', async () => {
    await expectBadInput(
      '{ invoices(filter: { to: "2026-13-01" }) { totalCount } }',
      undefined,
      'filter.to',
      '2026-13-01',
      'YYYY-MM-DD',
    );
  });

  it('refuses a date that is not in YYYY-MM-DD form', async () => {
    await expectBadInput(BY_FILTER, { filter: { from: '01.11.2026' } }, 'YYYY-MM-DD');
  });

  it('refuses from after to', async () => {
    await expectBadInput(
      BY_FILTER,
      { filter: { from: '2026-11-02', to: '2026-11-01' } },
      'filter.from',
      'filter.to',
    );
  });

  it('refuses a window longer than a year', async () => {
    await expectBadInput(BY_FILTER, { filter: { from: '2025-01-01', to: '2026-01-02' } }, 'one year');
  });

  it('refuses an open-ended window that reaches back more than a year', async () => {
    await expectBadInput(BY_FILTER, { filter: { from: '2020-01-01' } }, 'one year');
  });

  it('refuses an empty invoice number', async () => {
    await expectBadInput('{ invoice(invoiceNumber: "  ") { invoiceNumber } }', undefined, 'invoiceNumber');
  });
});

describe('good input reaches Confirma as documented', () => {
  it('accepts exactly one year and passes the window as fromInvDate/toInvDate', async () => {
    const { body } = await h.query(BY_FILTER, { filter: { from: '2025-11-22', to: '2026-11-22' } });
    expect(body.errors).toBeUndefined();
    expect(h.confirma.requests[0]?.query).toEqual({ fromInvDate: '2025-11-22', toInvDate: '2026-11-22' });
  });

  it('sends no window at all when no filter is given, leaving Confirma its 30-day default', async () => {
    const { body } = await h.query('{ invoices { totalCount filtersApplied { defaultLast30DaysApplied } } }');
    expect(body.data).toEqual({
      invoices: { totalCount: 1, filtersApplied: { defaultLast30DaysApplied: true } },
    });
    expect(h.confirma.requests[0]?.query).toEqual({});
  });
});
