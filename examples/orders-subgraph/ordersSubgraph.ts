import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';

/** One order as the orders subgraph stores it: it only knows the keys of our entities. */
export interface OrderRow {
  id: string;
  invoiceNumber: string;
  clientKey: string;
}

/**
 * A small Federation 2 "orders" subgraph: it extends our `Invoice` and `Client` entities by
 * `@key` only (resolvable: false), so a router fetches every other field of theirs from
 * invoice-graph. `main.ts` runs it; the supergraph test and `npm run supergraph` reuse it.
 */
export const ORDERS_TYPE_DEFS: DocumentNode = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Order @key(fields: "id") {
    id: ID!
    invoice: Invoice
    customer: Client
  }

  type Invoice @key(fields: "invoiceNumber", resolvable: false) {
    invoiceNumber: ID!
  }

  type Client @key(fields: "clientKey", resolvable: false) {
    clientKey: ID!
  }

  type Query {
    orders: [Order!]!
  }
`);

export interface OrdersSubgraph {
  url: string;
  close(): Promise<void>;
}

/** Serves the orders subgraph on 127.0.0.1 (`port` 0: any free one), answering `orders` with `rows`. */
export async function startOrdersSubgraph(rows: readonly OrderRow[], port = 0): Promise<OrdersSubgraph> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: ORDERS_TYPE_DEFS,
      resolvers: {
        Query: { orders: () => rows },
        Order: {
          __resolveReference: (reference: { id: string }) => byId.get(reference.id) ?? null,
          invoice: (order: OrderRow) => ({ __typename: 'Invoice', invoiceNumber: order.invoiceNumber }),
          customer: (order: OrderRow) => ({ __typename: 'Client', clientKey: order.clientKey }),
        },
      },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}
