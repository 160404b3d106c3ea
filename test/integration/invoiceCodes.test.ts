import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Codes and dates of invoices as they leave the graph: documented (or known) codes as enum
 * values, anything else as UNKNOWN with Confirma's text beside it; calendar days as `YYYY-MM-DD`
 * and timestamps as RFC 3339 with an offset, whatever form Confirma sent them in.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.records.length = 0;
  h.confirma.override = undefined;
});

const CODES = `{ invoices {
  nodes {
    invoiceNumber
    distribution { status statusRaw method methodRaw }
    paymentControl { status statusRaw }
  }
} }`;

describe('invoice codes', () => {
  it('reads a code the graph does not know as UNKNOWN with the raw text, without an error', async () => {
    h.confirma.records.push(
      distributionRecord(260100001, {
        distributionStatus: 'RETURNED_TO_SENDER',
        distributionMethod: 'Fax',
        paymentControl: { enabled: true, agency: 'CASH-IN', status: 'Written off', caseId: 480001 },
      }),
      distributionRecord(260100002, {
        distributionStatus: ' delivered ',
        distributionMethod: 'einvoice',
        paymentControl: { enabled: true, agency: 'CASH-IN', status: 'COLLECTION', caseId: 480002 },
      }),
      distributionRecord(260100003, { distributionMethod: null, paymentControl: null }),
    );
    const { body } = await h.query(CODES);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      invoices: {
        nodes: [
          {
            invoiceNumber: '260100001',
            distribution: {
              status: 'UNKNOWN',
              statusRaw: 'RETURNED_TO_SENDER',
              method: 'UNKNOWN',
              methodRaw: 'Fax',
            },
            paymentControl: { status: 'UNKNOWN', statusRaw: 'Written off' },
          },
          {
            invoiceNumber: '260100002',
            distribution: {
              status: 'DELIVERED',
              statusRaw: ' delivered ',
              method: 'EINVOICE',
              methodRaw: 'einvoice',
            },
            paymentControl: { status: 'COLLECTION', statusRaw: 'COLLECTION' },
          },
          {
            invoiceNumber: '260100003',
            distribution: { status: 'DELIVERED', statusRaw: 'DELIVERED', method: null, methodRaw: null },
            paymentControl: null,
          },
        ],
      },
    });
  });
});

/** RFC 3339 `full-date` and `date-time` (with a mandatory offset), nothing else. */
const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

describe('invoice dates', () => {
  it('sends calendar days as YYYY-MM-DD and timestamps as RFC 3339 with an offset', async () => {
    h.confirma.records.push(
      distributionRecord(260100001, {
        dates: {
          createdAt: '2026-11-01T08:15:22',
          printedAt: '2026-11-01 09:00:00.5',
          distributedAt: '2026-11-01T09:05:00+0200',
          paymentControlActivatedAt: '2026-11-02',
        },
      }),
    );
    // Confirma's echo of the window as timestamps: the graph still answers days.
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/distribution')
        ? {
            json: {
              metaData: {
                totalCount: 1,
                filtersApplied: {
                  invoiceNumber: null,
                  fromInvDate: '2026-10-23T00:00:00Z',
                  toInvDate: '2026-11-22T00:00:00.000+02:00',
                  fetchType: null,
                  defaultLast30DaysApplied: true,
                },
              },
              invoices: h.confirma.records,
            },
          }
        : undefined;
    const { body } = await h.query(`{ invoices {
      filtersApplied { from to }
      nodes { distribution { createdAt printedAt distributedAt } paymentControl { activatedAt } }
    } }`);
    expect(body.errors).toBeUndefined();
    const { invoices } = body.data as {
      invoices: {
        filtersApplied: { from: string; to: string };
        nodes: { distribution: Record<string, string>; paymentControl: { activatedAt: string } }[];
      };
    };
    expect(invoices.filtersApplied).toEqual({ from: '2026-10-23', to: '2026-11-22' });
    for (const day of Object.values(invoices.filtersApplied)) expect(day).toMatch(FULL_DATE);
    const [node] = invoices.nodes;
    const stamps = [...Object.values(node!.distribution), node!.paymentControl.activatedAt];
    expect(stamps).toHaveLength(4);
    for (const stamp of stamps) expect(stamp).toMatch(DATE_TIME);
  });
});
