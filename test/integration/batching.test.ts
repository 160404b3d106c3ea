import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const NUMBERS = [101, 102, 103, 104, 105, 106];
const CLIENT_OF: Record<number, string> = {
  101: 'CL-1',
  102: 'CL-1',
  103: 'CL-2',
  104: 'CL-2',
  105: 'CL-3',
  106: 'CL-1',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxConcurrency: 3 });
  for (const n of NUMBERS) {
    h.confirma.records.push(distributionRecord(n));
    h.confirma.cases.set(String(480000 + n), caseReply(480000 + n));
    h.factorCloud.invoices.set(String(n), factoringInvoice(String(n), CLIENT_OF[n]));
  }
  for (const key of ['CL-1', 'CL-2', 'CL-3']) h.factorCloud.clients.set(key, client(key));
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

describe('lazy fields', () => {
  it('fetches FactorCloud only when factoring is selected', async () => {
    const reply = await h.query(
      '{ invoices { nodes { invoiceNumber distribution { status } paymentControl { caseId } } } }',
    );
    expect(reply.body.errors).toBeUndefined();
    expect(h.factorCloud.requests).toHaveLength(0);
    expect(h.confirma.requestsTo('/invoice/case')).toHaveLength(0);
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
  });

  it('fetches for a list only what the operation selects, through aliases, fragments and directives', async () => {
    const fragments: Record<string, string> = {
      F: 'fragment F on Invoice { f: factoring { amount { amount } } }',
      C: 'fragment C on PaymentControl { case { stage } }',
    };
    const list = (selection: string) =>
      [
        `query ($on: Boolean!) { invoices { nodes { ${selection} } } }`,
        ...Object.entries(fragments)
          .filter(([name]) => selection.includes(`...${name}`))
          .map(([, fragment]) => fragment),
      ].join('\n');
    const calls = async (selection: string, on: boolean) => {
      h.resetRequests();
      const reply = await h.query(list(selection), { on });
      expect(reply.body.errors).toBeUndefined();
      return [h.factorCloud.requestsTo('get-invoice').length, h.confirma.requestsTo('/invoice/case').length];
    };
    const all = NUMBERS.length;
    expect(
      await calls('factoring @skip(if: $on) { amount { amount } } paymentControl { caseId }', true),
    ).toEqual([0, 0]);
    expect(
      await calls(
        'factoring @include(if: $on) { amount { amount } } paymentControl { case @skip(if: $on) { stage } }',
        false,
      ),
    ).toEqual([0, all]);
    expect(await calls('...F @include(if: $on) ... on Invoice { paymentControl { ...C } }', true)).toEqual([
      all,
      all,
    ]);
    expect(await calls('...F @include(if: $on) paymentControl { ...C @skip(if: $on) }', false)).toEqual([
      0,
      all,
    ]);
    expect(await calls('...F @skip(if: $on) paymentControl { ...C @skip(if: $on) }', true)).toEqual([0, 0]);
  });

  it('fetches case details only when case is selected', async () => {
    await h.query('{ invoice(invoiceNumber: "101") { paymentControl { case { stage } } } }');
    expect(h.confirma.requestsTo('/invoice/case').map((r) => r.query.caseId)).toEqual(['480101']);
    expect(h.factorCloud.requests).toHaveLength(0);
  });
});

describe('batching and de-duplication', () => {
  it('makes one upstream call per unique resource for a list page with every join', async () => {
    const reply = await h.query(`{
      invoices { nodes { invoiceNumber
        distribution { status } paymentControl { case { stage balance { totalAmount { amount } } } }
        factoring { status amount { amount } client { name } } } }
    }`);
    expect(reply.body.errors).toBeUndefined();
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
    expect(h.confirma.requestsTo('/invoice/case')).toHaveLength(NUMBERS.length);
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(NUMBERS.length);
    expect(
      h.factorCloud
        .requestsTo('get-client')
        .map((r) => r.query.clientkey)
        .sort(),
    ).toEqual(['CL-1', 'CL-2', 'CL-3']);
  });

  it('fetches a resource once however many aliases ask for it', async () => {
    const reply = await h.query(`{
      a: invoice(invoiceNumber: "101") { factoring { amount { amount } client { name } } }
      b: invoice(invoiceNumber: "101") { factoring { status client { email } } paymentControl { case { stage } } }
      c: invoice(invoiceNumber: "0101") { paymentControl { case { status } } }
      d: invoices(filter: { invoiceNumber: "101" }) { nodes { factoring { amount { amount } } } }
    }`);
    expect(reply.body.errors).toBeUndefined();
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
    expect(h.confirma.requestsTo('/invoice/case')).toHaveLength(1);
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(1);
    expect(h.factorCloud.requestsTo('get-client')).toHaveLength(1);
  });

  it('does not look up an invoice again when the list already brought it', async () => {
    await h.query('{ invoices { nodes { distribution { status } paymentControl { enabled } } } }');
    expect(h.confirma.requests).toHaveLength(1);
  });

  it('runs requests to one upstream concurrently, up to the configured bound', async () => {
    h.factorCloud.override = (request) =>
      request.path.includes('get-invoice')
        ? { json: factoringInvoice(request.query.InvoiceIntegrationId ?? '', 'CL-1'), delayMs: 40 }
        : undefined;
    try {
      await h.query('{ invoices { nodes { factoring { amount { amount } } } } }');
    } finally {
      h.factorCloud.override = undefined;
    }
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(NUMBERS.length);
    expect(h.factorCloud.maxInFlight()).toBe(3);
  });

  it('looks up the client of an invoice that is in while another get-invoice of its batch is still out', async () => {
    // get-invoice 105 is held until the client of 101 is asked for. Were each key held until
    // the whole batch ends, no get-client could be sent first: the hold then ends on its own
    // after a second and the order below comes out the other way round.
    const seen: string[] = [];
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const fallback = setTimeout(releaseHeld, 1000);
    h.factorCloud.override = (request) => {
      if (request.path.includes('get-client') && request.query.clientkey === 'CL-1') {
        seen.push('get-client CL-1');
        releaseHeld();
      }
      if (!request.path.includes('get-invoice') || request.query.InvoiceIntegrationId !== '105')
        return undefined;
      return held.then(() => {
        seen.push('get-invoice 105 answered');
        return { json: factoringInvoice('105', CLIENT_OF[105]) };
      });
    };
    try {
      const reply = await h.query('{ invoices { nodes { invoiceNumber factoring { client { name } } } } }');
      expect(reply.body.errors).toBeUndefined();
    } finally {
      clearTimeout(fallback);
      h.factorCloud.override = undefined;
    }
    expect(seen).toEqual(['get-client CL-1', 'get-invoice 105 answered']);
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(NUMBERS.length);
    expect(h.factorCloud.requestsTo('get-client')).toHaveLength(3);
  });
});

describe('the order of waiting calls', () => {
  it('sends the client of an invoice already in before get-invoice calls still waiting for a slot', async () => {
    // One FactorCloud call at a time: six get-invoice calls queue up at once. In arrival order,
    // the get-client calls their replies lead to would wait behind every one of them.
    const narrow = await startHarness({ maxConcurrency: 1 });
    try {
      for (const n of NUMBERS) {
        narrow.confirma.records.push(distributionRecord(n));
        narrow.factorCloud.invoices.set(String(n), factoringInvoice(String(n), CLIENT_OF[n]));
      }
      for (const key of ['CL-1', 'CL-2', 'CL-3']) narrow.factorCloud.clients.set(key, client(key));
      const reply = await narrow.query('{ invoices { nodes { factoring { client { name } } } } }');
      expect(reply.body.errors).toBeUndefined();
      const sent = narrow.factorCloud.requests.map((r) => r.path.split('/')[2]);
      expect(sent.filter((call) => call === 'get-invoice')).toHaveLength(NUMBERS.length);
      expect(sent.filter((call) => call === 'get-client')).toHaveLength(3);
      expect(sent.indexOf('get-client')).toBeLessThan(sent.lastIndexOf('get-invoice'));
    } finally {
      await narrow.close();
    }
  });
});

describe('upstream requests', () => {
  it('sends the documented auth headers and the invoice id as a query parameter', async () => {
    await h.query('{ invoice(invoiceNumber: "103") { factoring { client { name } } } }');
    const [distribution] = h.confirma.requestsTo('/invoice/distribution');
    expect(distribution?.headers['x-api-key']).toBeDefined();
    expect(distribution?.query).toEqual({ invoiceNumber: '103' });
    const [invoice] = h.factorCloud.requestsTo('/api_factor/get-invoice/');
    expect(invoice?.method).toBe('GET');
    expect(invoice?.query).toEqual({ InvoiceIntegrationId: '103' });
    for (const header of ['auth-factorid', 'auth-systemkey', 'auth-apikey'])
      expect(invoice?.headers[header]).toBeTruthy();
    const [clientRequest] = h.factorCloud.requestsTo('/api_factor/get-client/');
    expect(clientRequest?.query).toEqual({ clientkey: 'CL-2' });
  });
});

describe('FACTORCLOUD_INVOICE_ID_TEMPLATE', () => {
  it('builds the FactorCloud InvoiceIntegrationId from the Confirma invoice number', async () => {
    const templated = await startHarness({ invoiceIdTemplate: 'CF-{invoiceNumber}' });
    try {
      templated.confirma.records.push(distributionRecord(777));
      templated.factorCloud.invoices.set('CF-777', factoringInvoice('777'));
      const reply = await templated.query(
        '{ invoice(invoiceNumber: "777") { factoring { invoiceNumber integrationInvoiceId } } }',
      );
      expect(reply.body.data).toEqual({
        invoice: { factoring: { invoiceNumber: '777', integrationInvoiceId: 'CF-777' } },
      });
      expect(
        templated.factorCloud.requestsTo('get-invoice').map((r) => r.query.InvoiceIntegrationId),
      ).toEqual(['CF-777']);
    } finally {
      await templated.close();
    }
  });
});
