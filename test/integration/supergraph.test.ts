import { composeServices } from '@apollo/composition';
import type { CompositionResult } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/schema.js';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import { ORDERS_TYPE_DEFS, startOrdersSubgraph } from '../support/ordersSubgraph.js';
import type { OrderRow, OrdersSubgraph } from '../support/ordersSubgraph.js';

/** Invoices both Confirma and FactorCloud know, with the FactorCloud client that sold each. */
const KNOWN: Record<string, string> = { '260100001': 'CL-A', '260100002': 'CL-A', '260100003': 'CL-B' };
const UNKNOWN_INVOICE = '999999999';
const ORDERS: OrderRow[] = [
  { id: 'o-1', invoiceNumber: '260100001', clientKey: 'CL-A' },
  { id: 'o-2', invoiceNumber: '260100002', clientKey: 'CL-B' },
  { id: 'o-3', invoiceNumber: '260100001', clientKey: 'CL-A' },
  { id: 'o-4', invoiceNumber: UNKNOWN_INVOICE, clientKey: 'CL-C' },
  { id: 'o-5', invoiceNumber: '260100003', clientKey: 'CL-B' },
];
const unique = (values: string[]) => [...new Set(values)].sort();
const INVOICES = unique(ORDERS.map((o) => o.invoiceNumber));
const KNOWN_INVOICES = INVOICES.filter((n) => n in KNOWN);
const CUSTOMER_KEYS = unique(ORDERS.map((o) => o.clientKey));
const FACTORING_CLIENT_KEYS = unique(KNOWN_INVOICES.map((n) => KNOWN[n] ?? ''));
const caseIdOf = (invoiceNumber: string) => String(480000 + (Number(invoiceNumber) % 1000));

const FULL_QUERY = `{ orders { id
  invoice { invoiceNumber distribution { status } paymentControl { caseId case { stage } }
    factoring { status amount { amount currency } client { name } } }
  customer { name } } }`;

let h: Harness;
let orders: OrdersSubgraph;
let composed: CompositionResult;
let gatewayServer: ApolloServer;
let gatewayUrl: string;
/** Names of the subgraphs the gateway sent a request to, in order. */
const subgraphCalls: string[] = [];

async function queryGateway(query: string): Promise<GraphQLReply> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text) as GraphQLReply['body'],
    text,
  };
}

/** The `orders` list of a reply that must have no errors. */
function ordersOf(reply: GraphQLReply): Array<Record<string, unknown>> {
  expect(reply.status).toBe(200);
  expect(reply.body.errors).toBeUndefined();
  const list = reply.body.data?.orders;
  expect(Array.isArray(list)).toBe(true);
  return list as Array<Record<string, unknown>>;
}

const paramsOf = (requests: Array<{ query: Record<string, string> }>, name: string) =>
  requests.map((r) => r.query[name] ?? '').sort();

beforeAll(async () => {
  h = await startHarness();
  for (const [invoiceNumber, clientKey] of Object.entries(KNOWN)) {
    h.confirma.records.push(distributionRecord(Number(invoiceNumber)));
    h.confirma.cases.set(caseIdOf(invoiceNumber), caseReply(Number(caseIdOf(invoiceNumber))));
    h.factorCloud.invoices.set(invoiceNumber, factoringInvoice(invoiceNumber, clientKey));
  }
  for (const key of unique([...CUSTOMER_KEYS, ...FACTORING_CLIENT_KEYS]))
    h.factorCloud.clients.set(key, client(key));
  orders = await startOrdersSubgraph(ORDERS);

  composed = composeServices([
    { name: 'invoices', url: h.url, typeDefs: loadTypeDefs() },
    { name: 'orders', url: orders.url, typeDefs: ORDERS_TYPE_DEFS },
  ]);
  if (composed.errors)
    throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const urls: Record<string, string> = { invoices: h.url, orders: orders.url };
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ name }) => {
      const url = urls[name];
      if (url === undefined) throw new Error(`no URL for subgraph ${name}`);
      return new RemoteGraphQLDataSource({ url, willSendRequest: () => void subgraphCalls.push(name) });
    },
  });
  gatewayServer = new ApolloServer({ gateway });
  ({ url: gatewayUrl } = await startStandaloneServer(gatewayServer, {
    listen: { port: 0, host: '127.0.0.1' },
  }));
});

afterAll(async () => {
  await gatewayServer?.stop();
  await orders?.close();
  await h?.close();
});

beforeEach(() => {
  h.resetRequests();
  subgraphCalls.length = 0;
});

describe('supergraph with an orders subgraph, through a real gateway', () => {
  it('composes our subgraph with an orders subgraph that references Invoice and Client', () => {
    expect(composed.errors).toBeUndefined();
    const sdl = composed.supergraphSdl ?? '';
    expect(sdl).toContain('@join__type(graph: INVOICES, key: "invoiceNumber")');
    expect(sdl).toContain('@join__type(graph: ORDERS, key: "invoiceNumber", resolvable: false)');
    expect(sdl).toContain('@join__type(graph: INVOICES, key: "clientKey")');
    expect(sdl).toContain('@join__type(graph: ORDERS, key: "clientKey", resolvable: false)');
  });

  it("resolves Invoice and Client entities for the orders subgraph with the upstreams' values", async () => {
    const result = ordersOf(await queryGateway(FULL_QUERY));
    expect(result.map((o) => o.id)).toEqual(ORDERS.map((o) => o.id));
    for (const [index, order] of ORDERS.entries()) {
      const got = result[index];
      expect(got?.customer).toEqual({ name: `Client ${order.clientKey}` });
      const clientKey = KNOWN[order.invoiceNumber];
      if (clientKey === undefined) continue;
      expect(got?.invoice).toEqual({
        invoiceNumber: order.invoiceNumber,
        distribution: { status: 'DELIVERED' },
        paymentControl: { caseId: caseIdOf(order.invoiceNumber), case: { stage: 'REMINDER' } },
        // Decimal travels as a string with two fraction digits, never as a float.
        factoring: {
          status: 'FUNDED',
          amount: { amount: '1250.50', currency: 'USD' },
          client: { name: `Client ${clientKey}` },
        },
      });
    }
  });

  it('answers an invoice Confirma does not know with a null entity and no error', async () => {
    const direct = await h.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { invoiceNumber } } }',
      { r: [{ __typename: 'Invoice', invoiceNumber: UNKNOWN_INVOICE }] },
    );
    expect(direct.body).toEqual({ data: { _entities: [null] } });

    // The gateway merges a null entity as "nothing": the orders subgraph's key stays and every
    // field of ours is null (apollographql/federation#2374), still without an error.
    const result = ordersOf(await queryGateway(FULL_QUERY));
    const unknown = result[ORDERS.findIndex((o) => o.invoiceNumber === UNKNOWN_INVOICE)];
    expect(unknown?.invoice).toEqual({
      invoiceNumber: UNKNOWN_INVOICE,
      distribution: null,
      paymentControl: null,
      factoring: null,
    });
    expect(unknown?.customer).toEqual({ name: 'Client CL-C' });
  });

  it('resolves Invoice entities for another subgraph with one upstream call per unique resource', async () => {
    ordersOf(await queryGateway(FULL_QUERY));
    expect(paramsOf(h.confirma.requestsTo('/invoice/distribution'), 'invoiceNumber')).toEqual(INVOICES);
    expect(paramsOf(h.confirma.requestsTo('/invoice/case'), 'caseId')).toEqual(
      KNOWN_INVOICES.map(caseIdOf).sort(),
    );
    expect(paramsOf(h.factorCloud.requestsTo('get-invoice'), 'InvoiceIntegrationId')).toEqual(KNOWN_INVOICES);
    // The plan fetches `invoice` and `customer` entities in two requests to our subgraph, and
    // loaders live for one request: each fetch asks FactorCloud once per key it needs.
    expect(subgraphCalls.filter((name) => name === 'invoices')).toHaveLength(2);
    expect(paramsOf(h.factorCloud.requestsTo('get-client'), 'clientkey')).toEqual(
      [...CUSTOMER_KEYS, ...FACTORING_CLIENT_KEYS].sort(),
    );
  });

  it('fetches each customer once however many orders share it', async () => {
    const result = ordersOf(await queryGateway('{ orders { customer { clientKey name } } }'));
    expect(result.map((o) => o.customer)).toEqual(
      ORDERS.map((o) => ({ clientKey: o.clientKey, name: `Client ${o.clientKey}` })),
    );
    expect(paramsOf(h.factorCloud.requestsTo('get-client'), 'clientkey')).toEqual(CUSTOMER_KEYS);
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(0);
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('calls neither FactorCloud nor case details when only distribution is selected', async () => {
    ordersOf(await queryGateway('{ orders { invoice { invoiceNumber distribution { status } } } }'));
    expect(paramsOf(h.confirma.requestsTo('/invoice/distribution'), 'invoiceNumber')).toEqual(INVOICES);
    expect(h.confirma.requestsTo('/invoice/case')).toHaveLength(0);
    expect(h.factorCloud.requests).toHaveLength(0);
  });

  it('answers invoice { invoiceNumber } from the orders subgraph without calling ours', async () => {
    const result = ordersOf(await queryGateway('{ orders { invoice { invoiceNumber } } }'));
    expect(result.map((o) => o.invoice)).toEqual(ORDERS.map((o) => ({ invoiceNumber: o.invoiceNumber })));
    expect(subgraphCalls).toEqual(['orders']);
    expect(h.confirma.requests).toHaveLength(0);
    expect(h.factorCloud.requests).toHaveLength(0);
  });
});
