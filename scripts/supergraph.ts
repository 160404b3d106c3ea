import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_URLS, composeSupergraph } from './supergraph/compose.js';

/**
 * `npm run supergraph [-- --invoices URL --orders URL --out FILE]`: composes this subgraph with
 * the example orders subgraph into a supergraph file that `npm run router` serves. Offline.
 */
const { values } = parseArgs({
  options: {
    invoices: { type: 'string', default: DEFAULT_URLS.invoices },
    orders: { type: 'string', default: DEFAULT_URLS.orders },
    out: { type: 'string', default: 'supergraph.graphql' },
  },
});

try {
  writeFileSync(values.out, composeSupergraph({ invoices: values.invoices, orders: values.orders }));
  console.log(`wrote ${values.out} (invoices: ${values.invoices}, orders: ${values.orders})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
