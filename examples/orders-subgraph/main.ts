import { startOrdersSubgraph } from './ordersSubgraph.js';
import type { OrderRow } from './ordersSubgraph.js';

/**
 * Runs the example orders subgraph: `npm run example:orders [port]` (default 4002). Its orders
 * point at invoices and clients the embedded simulators always have with the default
 * SIMULATOR_SEED (invoice numbers and client keys do not move with today).
 */
const SAMPLE_ORDERS: OrderRow[] = [
  { id: 'order-1', invoiceNumber: '260100001', clientKey: 'CL-1003' },
  { id: 'order-2', invoiceNumber: '260100002', clientKey: 'CL-1001' },
  { id: 'order-3', invoiceNumber: '260100004', clientKey: 'CL-1008' },
];

const DEFAULT_PORT = 4002;
const argument = process.argv[2];
const port = argument === undefined ? DEFAULT_PORT : Number(argument);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`expected a port number (0-65535) as the only argument, got "${argument}"`);
  process.exit(2);
}

const orders = await startOrdersSubgraph(SAMPLE_ORDERS, port);
console.log(`orders subgraph ready at ${orders.url}`);
const stop = () => void orders.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
