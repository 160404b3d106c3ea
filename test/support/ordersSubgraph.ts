/** The example orders subgraph (examples/orders-subgraph), which the supergraph tests compose with ours. */
export * from '../../examples/orders-subgraph/ordersSubgraph.js';
