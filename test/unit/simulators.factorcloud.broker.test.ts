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

/** create-vendor, create-sched-broker and get-broker-sched, over real HTTP. */

async function send(
  url: string,
  body: unknown,
  contentType = 'text/plain',
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...FC_HEADERS, 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!isJson(parsed)) throw new Error(`expected a JSON object, got ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

describe('FactorCloud simulator: broker schedules', () => {
  let dataset: SimulatorDataset;
  let server: RunningServer;
  beforeAll(async () => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
    server = await startFactorCloudSimulator({ dataset, ...FC });
    await post('create-client', { ClientKey: 'EXAMPLE_CLIENT', Name: 'Example Broker LLC', Type: '1' });
    await post('create-debtor', {
      ClientKey: 'EXAMPLE_CLIENT',
      DebtorKey: 'EXAMPLE_DEBTOR',
      Name: 'Example Debtor Inc',
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = (call: string, body: unknown, contentType?: string) =>
    send(`${server.url}/api_factor/${call}/`, body, contentType);
  const get = (pathAndQuery: string) => getJson(`${server.url}/api_factor/${pathAndQuery}`, FC_HEADERS);

  it('creates a broker schedule with vendors and advances, read back by get-broker-sched', async () => {
    await post('create-vendor', {
      ClientKey: 'EXAMPLE_CLIENT',
      DebtorKey: 'VEN-1',
      Name: 'Owner Operator LLC',
    });
    const invoice = {
      DebtorKey: 'EXAMPLE_DEBTOR',
      VendorKey: 'VEN-1',
      InvoiceNumber: 'BR-1',
      InvoiceAr: '1000.00',
      AdvanceAmount: '900',
      VendorInvoiceNumber: 'V-77',
      InvoiceIntegrationId: 'BR-1-1',
    };
    const schedule = {
      ClientKey: 'EXAMPLE_CLIENT',
      Amount: '1000',
      PaymentMethod: 'A',
      IntegrationBatchId: 'BR-1',
      InvoiceArray: [invoice],
    };
    const tooMuch = await post('create-sched-broker', {
      ...schedule,
      InvoiceArray: [{ ...invoice, AdvanceAmount: '1000.01' }],
    });
    expect(tooMuch.body.message).toBe('InvoiceArray[0].AdvanceAmount: must not exceed InvoiceAr (1000.00)');
    const noVendor = await post('create-sched-broker', {
      ...schedule,
      InvoiceArray: [{ ...invoice, VendorKey: 'VEN-404' }],
    });
    expect(noVendor.body.message).toBe('InvoiceArray[0].VendorKey: unknown vendor "VEN-404" for client');
    const missing = await post('create-sched-broker', {
      ...schedule,
      InvoiceArray: [{ ...invoice, VendorKey: '' }],
    });
    expect(missing.body.message).toBe('InvoiceArray[0].VendorKey: is required');

    const created = await post('create-sched-broker', schedule);
    expect(created.status).toBe(201);
    const read = await get('get-broker-sched/BR-1.json');
    expect(read.body).toEqual(created.body);
    const [brokerInvoice] = listOf(read.body.InvoiceArray);
    expect(brokerInvoice).toMatchObject({
      VendorKey: 'VEN-1',
      AdvanceAmount: 900,
      VendorInvoiceNumber: 'V-77',
      InvoiceIntegrationId: 'BR-1-1',
    });
    expect(brokerInvoice && 'ClientKey' in brokerInvoice).toBe(false);
    const standard = await get('get-sched/BR-1.json');
    expect(listOf(standard.body.InvoiceArray)[0]).toMatchObject({
      ClientKey: 'EXAMPLE_CLIENT',
      InvoiceAmount: 1000,
    });
    expect((await get('get-broker-sched/SCHED-CL-1001-1.json')).status).toBe(404);
    expect((await get('get-invoice/BR-1-1.json')).body.InvoiceNumber).toBe('BR-1');
  });
});
