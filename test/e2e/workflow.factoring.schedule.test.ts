import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORCLOUD_PATH, bodyOf, dataOf, startSimulatorHarness } from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * Selling invoices to the factor on the FactorCloud simulator: a schedule for a client and
 * debtor set up through the graph, then read back with its invoices and their parties, checking
 * that the schedule's own reply answers for its invoices (no get-invoice calls).
 */

const CLIENT = 'E2E-CL-2';
const DEBTOR = 'E2E-DB-2';
const BATCH = 'E2E-BATCH-1';

const CREATE_SCHEDULE = `mutation ($input: CreateFactoringScheduleInput!) {
  createFactoringSchedule(input: $input) {
    schedule { integrationBatchId clientKey amount { amount } paymentMethod invoices { integrationInvoiceId amount { amount } } }
    userErrors { field code message }
  }
}`;
const INVOICE_FIELDS =
  'integrationInvoiceId invoiceNumber status amount { amount } invoiceDate dueDate refNumber clientKey debtorKey';

const calls = (h: SimulatorHarness): string[] =>
  h.requestsTo(FACTORCLOUD_PATH).map((r) => `${r.method} ${r.path.slice(FACTORCLOUD_PATH.length)}`);

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
  // The parties the schedule needs, created the way workflow.factoring checks in detail.
  const setup = await h.query(
    `mutation ($client: UpsertClientInput!, $debtor: UpsertDebtorInput!) {
      upsertClient(input: $client) { userErrors { message } }
      upsertDebtor(input: $debtor) { userErrors { message } }
    }`,
    {
      client: { clientKey: CLIENT, name: 'Workflow Freight Holdings LLC', type: 'CARRIER' },
      debtor: { clientKey: CLIENT, debtorKey: DEBTOR, name: 'Acme Receiving Inc', country: 'USA' },
    },
  );
  expect(dataOf(setup)).toEqual({ upsertClient: { userErrors: [] }, upsertDebtor: { userErrors: [] } });
});
afterAll(() => h.close());

describe('FactorCloud schedules on the simulator', () => {
  it('sells a schedule whose amount is the sum of its invoices', async () => {
    const invoice = { debtorKey: DEBTOR, invoiceDate: '2026-11-18', dueDate: '2026-12-18' };
    h.resetRequests();
    const { createFactoringSchedule } = dataOf<{ createFactoringSchedule: Record<string, unknown> }>(
      await h.query(CREATE_SCHEDULE, {
        input: {
          integrationBatchId: BATCH,
          clientKey: CLIENT,
          paymentMethod: 'ACH',
          amount: '1750.25',
          label: 'November loads',
          invoices: [
            {
              ...invoice,
              integrationInvoiceId: 'E2E-INV-1',
              invoiceNumber: 'E2E-1001',
              amount: '1000.00',
              refNumber: 'BOL-1',
            },
            {
              ...invoice,
              integrationInvoiceId: 'E2E-INV-2',
              invoiceNumber: 'E2E-1002',
              amount: '750.25',
              refNumber: 'BOL-2',
            },
          ],
        },
      }),
    );
    expect(createFactoringSchedule).toEqual({
      schedule: {
        integrationBatchId: BATCH,
        clientKey: CLIENT,
        amount: { amount: '1750.25' },
        paymentMethod: 'ACH',
        invoices: [
          { integrationInvoiceId: 'E2E-INV-1', amount: { amount: '1000.00' } },
          { integrationInvoiceId: 'E2E-INV-2', amount: { amount: '750.25' } },
        ],
      },
      userErrors: [],
    });
    // A duplicate check first (get-sched), then the one write; amounts travel as the docs' strings.
    expect(calls(h)).toEqual([`GET /get-sched/${BATCH}.json`, 'POST /create-sched/']);
    expect(bodyOf(h.requestsTo(`${FACTORCLOUD_PATH}/create-sched/`)[0])).toMatchObject({
      IntegrationBatchId: BATCH,
      ClientKey: CLIENT,
      PaymentMethod: 'A',
      Amount: '1750.25',
      InvoiceArray: [
        { InvoiceIntegrationId: 'E2E-INV-1', InvoiceAr: '1000.00', DueDate: '2026-12-18', RefNum: 'BOL-1' },
        { InvoiceIntegrationId: 'E2E-INV-2', InvoiceAr: '750.25' },
      ],
    });
    expect(h.dataset.factorCloud.schedules.get(BATCH)?.invoiceIds).toEqual(['E2E-INV-1', 'E2E-INV-2']);
  });

  it('reads the schedule with its invoices from get-sched alone, and joins client and debtor once', async () => {
    h.resetRequests();
    const data = dataOf<{
      factoringSchedule: { amount: unknown; invoices: Array<Record<string, unknown>> };
      factoringInvoice: unknown;
    }>(
      await h.query(
        `query ($b: ID!) {
          factoringSchedule(integrationBatchId: $b) {
            amount { amount } label invoices { ${INVOICE_FIELDS} client { name } clientDebtor { name creditLimit { amount currency } } }
          }
          factoringInvoice(integrationInvoiceId: "E2E-INV-2") { integrationInvoiceId amount { amount } status }
        }`,
        { b: BATCH },
      ),
    );
    const { invoices } = data.factoringSchedule;
    expect(
      invoices.map((i) => [i.integrationInvoiceId, i.invoiceNumber, i.status, i.amount, i.refNumber]),
    ).toEqual([
      ['E2E-INV-1', 'E2E-1001', 'PENDING', { amount: '1000.00' }, 'BOL-1'],
      ['E2E-INV-2', 'E2E-1002', 'PENDING', { amount: '750.25' }, 'BOL-2'],
    ]);
    expect(invoices[0]).toMatchObject({
      invoiceDate: '2026-11-18',
      dueDate: '2026-12-18',
      clientKey: CLIENT,
      debtorKey: DEBTOR,
      client: { name: 'Workflow Freight Holdings LLC' },
      clientDebtor: { name: 'Acme Receiving Inc' },
    });
    expect(data.factoringInvoice).toEqual({
      integrationInvoiceId: 'E2E-INV-2',
      amount: { amount: '750.25' },
      status: 'PENDING',
    });
    // The root invoice came from the schedule's reply: no get-invoice call at all.
    expect(calls(h).sort()).toEqual([
      'GET /get-client-debtor/',
      'GET /get-client/',
      `GET /get-sched/${BATCH}.json`,
    ]);
  });
});
