import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Invoice { invoiceNumber distribution { status } factoring { amount { amount } } }
    ... on Client { clientKey name industry }
  }
}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(distributionRecord(501), distributionRecord(502));
  h.factorCloud.invoices.set('501', factoringInvoice('501', 'CL-5'));
  h.factorCloud.clients.set('CL-5', client('CL-5', 'Five Freight LLC'));
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

describe('_entities', () => {
  it('resolves Invoice representations through the loaders, once per unique invoice', async () => {
    const representations = ['501', '502', '501', '404404', '501'].map((invoiceNumber) => ({
      __typename: 'Invoice',
      invoiceNumber,
    }));
    const { body } = await h.query(ENTITIES, { representations });
    expect(body.errors).toBeUndefined();
    const one = {
      invoiceNumber: '501',
      distribution: { status: 'DELIVERED' },
      factoring: { amount: { amount: '1250.50' } },
    };
    expect(body.data?._entities).toEqual([
      one,
      { invoiceNumber: '502', distribution: { status: 'DELIVERED' }, factoring: null },
      one,
      null,
      one,
    ]);
    expect(
      h.confirma
        .requestsTo('/invoice/distribution')
        .map((r) => r.query.invoiceNumber)
        .sort(),
    ).toEqual(['404404', '501', '502']);
    expect(
      h.factorCloud
        .requestsTo('get-invoice')
        .map((r) => r.query.InvoiceIntegrationId)
        .sort(),
    ).toEqual(['501', '502']);
  });

  it('resolves Client representations with one get-client call per unique key', async () => {
    const representations = ['CL-5', 'CL-5', 'CL-unknown'].map((clientKey) => ({
      __typename: 'Client',
      clientKey,
    }));
    const { body } = await h.query(ENTITIES, { representations });
    expect(body.errors).toBeUndefined();
    const five = { clientKey: 'CL-5', name: 'Five Freight LLC', industry: 'TRANSPORTATION' };
    expect(body.data?._entities).toEqual([five, five, null]);
    expect(h.factorCloud.requestsTo('get-client')).toHaveLength(2);
  });

  it('shares loaders between _entities and fields in one operation', async () => {
    const { body } = await h.query(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Client { name } }
        invoice(invoiceNumber: "501") { factoring { client { name } } }
      }`,
      { representations: [{ __typename: 'Client', clientKey: 'CL-5' }] },
    );
    expect(body.errors).toBeUndefined();
    expect(h.factorCloud.requestsTo('get-client')).toHaveLength(1);
  });

  it('publishes the federation SDL with both entity keys', async () => {
    const { body } = await h.query('{ _service { sdl } }');
    const sdl = (body.data?._service as { sdl: string }).sdl;
    expect(sdl).toMatch(/type Invoice\s+@key\(fields: "invoiceNumber"\)/);
    expect(sdl).toMatch(/type Client\s+@key\(fields: "clientKey"\)/);
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2');
  });
});
