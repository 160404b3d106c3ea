import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type SimulatorDataset } from '../../src/simulators/dataset.js';
import { startFactorCloudSimulator, type RunningServer } from '../../src/simulators/index.js';
import {
  FC,
  FC_HEADERS,
  factoringInvoiceId,
  getJson,
  isJson,
  listOf,
  TODAY,
  type Json,
} from '../support/simulatorHttp.js';

/** create-sched, get-sched and their link to get-invoice, over real HTTP. */

async function send(url: string, body: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...FC_HEADERS, 'Content-Type': 'text/plain' },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!isJson(parsed)) throw new Error(`expected a JSON object, got ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

/** The docs' create-sched example (§5.10), with ids made unique per use and Amount set by the caller. */
function docsSchedule(batch: string, amount: string): Json {
  // One invoice per line, as in the docs' example.
  // prettier-ignore
  const invoices = [
    { DebtorKey: 'EXAMPLE_DEBTOR', InvoiceDate: '2020-01-01', InvoiceNumber: `${batch}_1`, RefNum: 'ExampleA', DueDate: '2020-01-30', InvoiceAr: '100', InvoiceIntegrationId: `${batch}-1`, DocBase64: 'JVBERi0xLjQK' },
    { DebtorKey: 'EXAMPLE_DEBTOR', InvoiceNumber: `${batch}_2`, InvoiceAr: '250', InvoiceIntegrationId: `${batch}-2` },
    { DebtorKey: 'EXAMPLE_DEBTOR2', InvoiceNumber: `${batch}_3`, InvoiceAr: 375, InvoiceIntegrationId: `${batch}-3` },
  ];
  return {
    ClientKey: 'EXAMPLE_CLIENT',
    Amount: amount,
    InvoiceArray: invoices,
    Label: 'Example Label',
    Notes: 'Example Notes',
    PaymentMethod: 'W',
    IntegrationBatchId: batch,
  };
}

async function startWithExampleParties(
  dataset: SimulatorDataset,
  options: { strictScheduleAmount?: boolean } = {},
): Promise<{ server: RunningServer; post: (call: string, body: unknown) => ReturnType<typeof send> }> {
  const server = await startFactorCloudSimulator({ dataset, ...FC, ...options });
  const post = (call: string, body: unknown) => send(`${server.url}/api_factor/${call}/`, body);
  await post('create-client', { ClientKey: 'EXAMPLE_CLIENT', Name: 'Example Carrier LLC', Type: '1' });
  for (const key of ['EXAMPLE_DEBTOR', 'EXAMPLE_DEBTOR2']) {
    await post('create-debtor', { ClientKey: 'EXAMPLE_CLIENT', DebtorKey: key, Name: `${key} Inc` });
  }
  return { server, post };
}

describe('FactorCloud simulator: schedules', () => {
  let dataset: SimulatorDataset;
  let server: RunningServer;
  let post: (call: string, body: unknown) => ReturnType<typeof send>;
  beforeAll(async () => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
    ({ server, post } = await startWithExampleParties(dataset));
  });
  afterAll(async () => {
    await server.close();
  });
  const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
    getJson(`${server.url}/api_factor/${pathAndQuery}`, { ...FC_HEADERS, ...headers });

  it('creates a schedule whose invoices get-sched lists and get-invoice finds', async () => {
    const created = await post('create-sched', docsSchedule('B-1', '725.00'));
    expect(created.status).toBe(201);
    const echoed = listOf(created.body.InvoiceArray);
    expect(echoed.map((invoice) => invoice.DocBase64)).toEqual([12, undefined, undefined]);
    expect(echoed[0]).toMatchObject({
      InvoiceDueDate: '2020-01-30',
      RefNumber: 'ExampleA',
      InvoiceStatus: 'P',
    });
    // Dates left out default to (simulated) today.
    expect(echoed[1]).toMatchObject({ InvoiceDate: TODAY, InvoiceDueDate: TODAY, RefNumber: null });

    const read = await get('get-sched/B-1.json');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      ClientKey: 'EXAMPLE_CLIENT',
      Amount: 725,
      Label: 'Example Label',
      PaymentMethod: 'W',
      IntegrationBatchId: 'B-1',
    });
    expect(read.text).toContain('"Amount":725.00');
    const invoices = listOf(read.body.InvoiceArray);
    expect(invoices.map((invoice) => invoice.InvoiceIntegrationId)).toEqual(['B-1-1', 'B-1-2', 'B-1-3']);
    expect(invoices.map((invoice) => invoice.InvoiceAmount)).toEqual([100, 250, 375]);
    expect(invoices.map(({ DocBase64: _, ...rest }) => rest)).toEqual(invoices);
    for (const invoice of invoices) {
      const { status, body } = await get(
        `get-invoice/?InvoiceIntegrationId=${String(invoice.InvoiceIntegrationId)}`,
      );
      expect(status).toBe(200);
      const { InvoiceIntegrationId: _, ...fields } = invoice;
      expect(body).toEqual(fields);
    }
    // The id also travels as a header or a query parameter, any casing.
    expect((await get('get-sched/', { IntegrationBatchID: 'B-1' })).body).toEqual(read.body);
    expect((await get('GET-SCHED?integrationbatchid=B-1')).body).toEqual(read.body);
  });

  it('rejects an Amount that is not the sum of InvoiceAr with 400, creating nothing', async () => {
    const before = dataset.factorCloudInvoices.size;
    const { status, body } = await post('create-sched', docsSchedule('B-2', '100'));
    expect(status).toBe(400);
    expect(body.message).toBe('Amount: must equal the sum of InvoiceAr (725.00)');
    expect(dataset.factorCloudInvoices.size).toBe(before);
    expect((await get('get-sched/B-2.json')).status).toBe(404);
  });

  it('answers 409 to a reused IntegrationBatchId or InvoiceIntegrationId', async () => {
    expect((await post('create-sched', docsSchedule('B-3', '725'))).status).toBe(201);
    const again = await post('create-sched', docsSchedule('B-3', '725'));
    expect(again).toEqual({
      status: 409,
      body: { message: 'IntegrationBatchId: schedule "B-3" already exists' },
    });
    const reusedInvoice = { ...docsSchedule('B-3', '725'), IntegrationBatchId: 'B-4' };
    expect((await post('create-sched', reusedInvoice)).body.message).toBe(
      'InvoiceIntegrationId: invoice "B-3-1" already exists',
    );
    expect(dataset.factorCloud.schedules.has('B-4')).toBe(false);
  });

  it('needs a known client (404) and debtors linked to it (400), and valid fields', async () => {
    const unknownClient = await post('create-sched', { ...docsSchedule('B-5', '725'), ClientKey: 'NOPE' });
    expect(unknownClient.status).toBe(404);
    const schedule = docsSchedule('B-6', '725');
    const invoices = listOf(schedule.InvoiceArray).map((invoice, i) =>
      i === 2 ? { ...invoice, DebtorKey: 'D-LOOSE' } : invoice,
    );
    const unlinked = await post('create-sched', { ...schedule, InvoiceArray: invoices });
    expect(unlinked).toEqual({
      status: 400,
      body: { message: 'InvoiceArray[2].DebtorKey: unknown debtor "D-LOOSE" for client' },
    });
    const broken = await post('create-sched', {
      ClientKey: 'EXAMPLE_CLIENT',
      Amount: '-1',
      PaymentMethod: 'X',
      InvoiceArray: [{ DebtorKey: 'EXAMPLE_DEBTOR', InvoiceAr: 0, InvoiceDate: '2020-13-01' }],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBe(
      'Amount: must be greater than 0; InvoiceArray[0].InvoiceDate: must be a date YYYY-MM-DD; ' +
        'InvoiceArray[0].InvoiceNumber: is required; InvoiceArray[0].InvoiceAr: must be greater than 0; ' +
        'InvoiceArray[0].InvoiceIntegrationId: is required; PaymentMethod: must be one of A, W, C; ' +
        'IntegrationBatchId: is required',
    );
  });

  it('answers 404 for an unknown schedule and 400 without an id', async () => {
    expect((await get('get-sched/NOPE.json')).body).toEqual({
      message: 'IntegrationBatchId: no schedule "NOPE"',
    });
    expect((await get('get-sched/')).status).toBe(400);
  });

  it("accepts the docs' own example (Amount 100 for 725) when strictScheduleAmount is off", async () => {
    const lenient = await startWithExampleParties(generateDataset({ today: TODAY, factoringInvoiceId }), {
      strictScheduleAmount: false,
    });
    try {
      const created = await lenient.post('create-sched', docsSchedule('Example1', '100'));
      expect(created.status).toBe(201);
      expect(created.body.Amount).toBe(100);
    } finally {
      await lenient.server.close();
    }
  });
});
