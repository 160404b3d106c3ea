import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type SimulatorDataset } from '../../src/simulators/dataset.js';
import { startFactorCloudSimulator, type RunningServer } from '../../src/simulators/index.js';
import {
  FC,
  FC_HEADERS,
  factoringInvoiceId,
  getJson,
  isJson,
  TODAY,
  type Json,
} from '../support/simulatorHttp.js';

/** create-debtor, get-client-debtor, get-debtor-master and create-vendor, over real HTTP. */

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

describe('FactorCloud simulator: debtors and vendors', () => {
  let dataset: SimulatorDataset;
  let server: RunningServer;
  beforeAll(async () => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
    server = await startFactorCloudSimulator({ dataset, ...FC });
    await post('create-client', { ClientKey: 'C-001', Name: 'Acme Trucking LLC' });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = (call: string, body: unknown, contentType?: string) =>
    send(`${server.url}/api_factor/${call}/`, body, contentType);
  const get = (pathAndQuery: string) => getJson(`${server.url}/api_factor/${pathAndQuery}`, FC_HEADERS);

  it('implements the three create-debtor cases and reads them back', async () => {
    await post('create-client', { ClientKey: 'C-010', Name: 'Second Carrier LLC' });
    await post('create-client', { ClientKey: 'C-011', Name: 'Third Carrier LLC' });
    // Case 2: a new key creates a master debtor and the client's sub-debtor.
    const created = await post('create-debtor', {
      'Client Key': 'C-010',
      'Debtor Key': 'D-900',
      Name: 'Big Box Retail Inc',
      Zipcode: '40202',
      Country: 'usa',
      Phone: '(502) 555-0100',
      McNumber: 'MC-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ClientKey: 'C-010',
      DebtorKey: 'D-900',
      CompCode: 'BIGB01',
      ZipCode: '40202',
      Country: 'USA',
      Phone: '502-555-0100',
      MCNumber: 'MC-1',
      BuyStatus: false,
    });
    expect(Object.keys(created.body)).toHaveLength(18);
    // Case 1: the same pair again updates that sub-debtor only.
    const updated = await post('create-debtor', {
      ClientKey: 'C-010',
      DebtorKey: 'D-900',
      Name: 'Big Box Retail',
      Notes: 'Pays net 45',
    });
    expect(updated).toMatchObject({
      status: 200,
      body: { Name: 'Big Box Retail', Notes: 'Pays net 45', CompCode: 'BIGB01' },
    });
    // Case 3: the existing master linked to another client; a duplicate CompCode is replaced.
    const linked = await post('create-debtor', {
      ClientKey: 'C-011',
      DebtorKey: 'D-900',
      Name: 'Big Box (C-011)',
      CompCode: 'MIDW01',
    });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ ClientKey: 'C-011', CompCode: 'BIGB01', Phone: '502-555-0100' });

    const master = await get('get-debtor-master/?clientkey=D-900');
    expect(master.body).toMatchObject({
      ClientKey: null,
      DebtorKey: 'D-900',
      Name: 'Big Box Retail Inc',
      Notes: null,
    });
    expect((await get('get-debtor-master/?debtorkey=D-900')).body).toEqual(master.body);
    expect(dataset.factorCloud.masterDebtors.size).toBe(19);
    const sub = await get('get-client-debtor/?clientkey=C-010&debtorkey=D-900');
    expect(sub.body).toEqual(updated.body);
  });

  it('answers get-client-debtor for the docs\' malformed "?clientkey=X?debtorkey=Y" query', async () => {
    await post('create-client', { ClientKey: 'C-020', Name: 'Query Test Carrier' });
    await post('create-debtor', { ClientKey: 'C-020', DebtorKey: 'D-920', Name: 'Odd Query Buyer' });
    const { status, body } = await get('get-client-debtor/?clientkey=C-020?debtorkey=D-920');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ClientKey: 'C-020', DebtorKey: 'D-920', Name: 'Odd Query Buyer' });
    const unknown = await get('get-client-debtor/?clientkey=C-020?debtorkey=D-404');
    expect(unknown.status).toBe(200);
    expect(Object.keys(unknown.body)).toEqual(Object.keys(body));
    expect(Object.values(unknown.body).every((value) => value === '')).toBe(true);
    expect((await get('get-client-debtor/?clientkey=C-020')).status).toBe(400);
  });

  it('validates debtors: unknown client 404, country, phone and postal code formats 400', async () => {
    const orphan = await post('create-debtor', { ClientKey: 'NOPE', DebtorKey: 'D-1', Name: 'X' });
    expect(orphan).toEqual({ status: 404, body: { message: 'ClientKey: no client "NOPE"' } });
    const bad = await post('create-debtor', {
      ClientKey: 'C-001',
      DebtorKey: 'D-2',
      Name: 'X',
      Country: 'GER',
      Phone: '555-0100',
      Zipcode: 'K1A 0B1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('Country: must be one of USA, MEX, CAN');
    expect(bad.body.message).toContain('Phone: must be ###-###-####, ########## or (###) ###-####');
    const canada = await post('create-debtor', {
      ClientKey: 'C-001',
      DebtorKey: 'D-3',
      Name: 'Maple Foods',
      Zipcode: 'k1a0b1',
      Country: 'CAN',
    });
    expect(canada.body.ZipCode).toBe('K1A 0B1');
    const mismatch = await post('create-debtor', {
      ClientKey: 'C-001',
      DebtorKey: 'D-4',
      Name: 'Y',
      Zipcode: 'K1A 0B1',
      Country: 'USA',
    });
    expect(mismatch.body.message).toBe('Zipcode: must be a postal code of USA');
  });

  it('creates vendors under the key sent as DebtorKey, with the same upsert', async () => {
    const created = await post('create-vendor', {
      ClientKey: 'C-001',
      DebtorKey: 'V-1',
      Name: 'Owner Operator LLC',
    });
    expect(created).toMatchObject({ status: 201, body: { ClientKey: 'C-001', DebtorKey: 'V-1' } });
    expect(
      (await post('create-vendor', { ClientKey: 'C-001', DebtorKey: 'V-1', Name: 'Owner Op LLC' })).status,
    ).toBe(200);
    expect(dataset.factorCloud.masterVendors.has('V-1')).toBe(true);
    expect(dataset.factorCloud.masterDebtors.has('V-1')).toBe(false);
  });
});
