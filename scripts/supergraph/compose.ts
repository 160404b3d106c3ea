import { composeServices } from '@apollo/composition';
import { ORDERS_TYPE_DEFS } from '../../examples/orders-subgraph/ordersSubgraph.js';
import { loadTypeDefs } from '../../src/schema.js';

/** Where the router reaches each subgraph. */
export interface SubgraphUrls {
  invoices: string;
  orders: string;
}

export const DEFAULT_URLS: SubgraphUrls = {
  invoices: 'http://localhost:4000/graphql',
  orders: 'http://localhost:4002/graphql',
};

/**
 * The supergraph SDL of invoice-graph with the example orders subgraph, composed offline with
 * `@apollo/composition` (the version the tests use). Throws with every composition error.
 */
export function composeSupergraph(urls: SubgraphUrls = DEFAULT_URLS): string {
  const result = composeServices([
    { name: 'invoices', url: urls.invoices, typeDefs: loadTypeDefs() },
    { name: 'orders', url: urls.orders, typeDefs: ORDERS_TYPE_DEFS },
  ]);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
