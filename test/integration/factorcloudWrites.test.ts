import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, debtor, linkKey } from '../fakes/factorcloud.js';
import { sentBody as sent } from '../fakes/factorcloudInputs.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const sentBody = (call: string) => sent(h.factorCloud, call);

const UPSERT_CLIENT = `mutation ($input: UpsertClientInput!) {
  upsertClient(input: $input) { client { clientKey name type industry creditLimit { amount } state } userErrors { field code } } }`;

describe('upsertClient (create-client)', () => {
  it('sends the docs field names with numbers as strings and returns the echo', async () => {
    const input = {
      clientKey: 'CL-7',
      name: ' Acme Trucking LLC ',
      compCode: 'ACME',
      state: 'ky',
      zipCode: '40202',
      phone: '(502) 555-0100',
      email: 'ap@acme.test',
      uccDate: '2024-01-15',
      type: 'BROKER',
      industry: 'STAFFING',
      fedTaxNum: '12-3456789',
      creditLimit: '50000',
    };
    const { body } = await h.query(UPSERT_CLIENT, { input });
    expect(body.errors).toBeUndefined();
    expect(body.data?.upsertClient).toEqual({
      client: {
        clientKey: 'CL-7',
        name: 'Acme Trucking LLC',
        type: 'BROKER',
        industry: 'STAFFING',
        creditLimit: { amount: '50000.00' },
        state: 'KY',
      },
      userErrors: [],
    });
    expect(sentBody('create-client')).toEqual({
      ClientKey: 'CL-7',
      Name: 'Acme Trucking LLC',
      CompCode: 'ACME',
      State: 'KY',
      ZipCode: '40202',
      Phone: '(502) 555-0100',
      Email: 'ap@acme.test',
      UccDate: '2024-01-15',
      Type: '1',
      Industry: '3',
      FedTaxNum: '12-3456789',
      CreditLimit: '50000.00',
    });
    // The echo was usable: no re-read.
    expect(h.factorCloud.requestsTo('get-client')).toHaveLength(0);
  });

  it('re-reads the client through get-client when the echo says nothing', async () => {
    h.factorCloud.override = (r) =>
      r.path.includes('create-client') ? { json: { message: 'OK' } } : undefined;
    const { body } = await h.query(UPSERT_CLIENT, { input: { clientKey: 'CL-1', name: 'Client CL-1' } });
    expect(body.data?.upsertClient).toMatchObject({
      client: { clientKey: 'CL-1', industry: 'TRANSPORTATION' },
    });
    expect(h.factorCloud.requestsTo('get-client').map((r) => r.query.clientkey)).toEqual(['CL-1']);
  });
});

const UPSERT_DEBTOR = `mutation ($input: UpsertDebtorInput!) {
  upsertDebtor(input: $input) { clientDebtor { clientKey debtorKey name zipCode mcNumber creditLimit { amount } } userErrors { field code } } }`;

describe('upsertDebtor (create-debtor)', () => {
  const input = {
    clientKey: 'CL-1',
    debtorKey: 'DB-50',
    name: 'Big Box Retail',
    compCode: 'BBR',
    address1: '1 Market St',
    city: 'Toronto',
    state: 'on',
    zipCode: 'M5H 2N2',
    country: 'CAN',
    phone: '4165550100',
    fax: '416-555-0101',
    email: 'ap@bigbox.test',
    mcNumber: 'MC-1',
    dotNumber: 'DOT-2',
    notes: 'Lien on file',
  };

  it('sends create-debtor with its input spellings (Zipcode, McNumber)', async () => {
    const { body } = await h.query(UPSERT_DEBTOR, { input });
    expect(body.errors).toBeUndefined();
    expect(sentBody('create-debtor')).toEqual({
      ClientKey: 'CL-1',
      DebtorKey: 'DB-50',
      CompCode: 'BBR',
      Name: 'Big Box Retail',
      Address1: '1 Market St',
      City: 'Toronto',
      State: 'ON',
      Zipcode: 'M5H 2N2',
      Country: 'CAN',
      Phone: '4165550100',
      Fax: '416-555-0101',
      Email: 'ap@bigbox.test',
      McNumber: 'MC-1',
      DOTNumber: 'DOT-2',
      Notes: 'Lien on file',
    });
    expect(body.data?.upsertDebtor).toEqual({
      clientDebtor: {
        clientKey: 'CL-1',
        debtorKey: 'DB-50',
        name: 'Big Box Retail',
        zipCode: 'M5H 2N2',
        mcNumber: 'MC-1',
        creditLimit: null,
      },
      userErrors: [],
    });
    // Case 2: neither existed, so the master debtor and the link were both created.
    expect(h.factorCloud.masterDebtors.has('DB-50')).toBe(true);
  });

  it('links an existing master debtor (case 3) and updates an existing link (case 1)', async () => {
    h.factorCloud.clients.set('CL-2', client('CL-2'));
    h.factorCloud.masterDebtors.set('DB-60', debtor('DB-60', '', { CreditLimit: '9000.00' }));
    const linked = await h.query(UPSERT_DEBTOR, {
      input: { clientKey: 'CL-2', debtorKey: 'DB-60', name: 'Sixty' },
    });
    expect(linked.body.data?.upsertDebtor).toMatchObject({
      clientDebtor: {
        clientKey: 'CL-2',
        debtorKey: 'DB-60',
        name: 'Sixty',
        creditLimit: { amount: '9000.00' },
      },
    });
    h.factorCloud.clientDebtors.set(
      linkKey('CL-2', 'DB-61'),
      debtor('DB-61', 'CL-2', { CreditLimit: '1.00' }),
    );
    const updated = await h.query(UPSERT_DEBTOR, {
      input: { clientKey: 'CL-2', debtorKey: 'DB-61', name: 'Renamed' },
    });
    expect(updated.body.data?.upsertDebtor).toMatchObject({
      clientDebtor: { debtorKey: 'DB-61', name: 'Renamed', creditLimit: { amount: '1.00' } },
    });
  });
});

describe('upsertVendor (create-vendor)', () => {
  it('sends the vendor key as DebtorKey and reads it back as vendorKey', async () => {
    const { body } = await h.query(
      `mutation ($input: UpsertVendorInput!) { upsertVendor(input: $input) {
        vendor { clientKey vendorKey name zipCode country } userErrors { code } } }`,
      {
        input: { clientKey: 'CL-1', vendorKey: 'VN-1', name: 'Carrier Co', zipCode: '64101', country: 'USA' },
      },
    );
    expect(body.data?.upsertVendor).toEqual({
      vendor: { clientKey: 'CL-1', vendorKey: 'VN-1', name: 'Carrier Co', zipCode: '64101', country: 'USA' },
      userErrors: [],
    });
    expect(sentBody('create-vendor')).toEqual({
      ClientKey: 'CL-1',
      DebtorKey: 'VN-1',
      Name: 'Carrier Co',
      Zipcode: '64101',
      Country: 'USA',
    });
  });
});
