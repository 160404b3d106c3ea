import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, printedSchema } from './printed.js';

/** `npm run schema:print`: writes the subgraph SDL to schema.graphql (commit it). */
writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE}`);
