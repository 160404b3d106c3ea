import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';
import { withUpstreamOffsets } from './scalars/dateTimeOffsets.js';

/** The SDL files, in order; listed rather than discovered so the schema is explicit. */
const SCHEMA_FILES = [
  'base.graphql',
  'money.graphql',
  'invoice.graphql',
  'factoring.graphql',
  'factorcloud-debtors.graphql',
  'factorcloud-schedules.graphql',
  'factorcloud-documents.graphql',
  'factorcloud-queries.graphql',
  'factorcloud-party-inputs.graphql',
  'factorcloud-inputs.graphql',
  'factorcloud-mutations.graphql',
  'mutations.graphql',
  'confirma-onboarding.graphql',
  'confirma-invoicing.graphql',
  'confirma-cases.graphql',
  'confirma-money.graphql',
  'confirma-accounting.graphql',
] as const;

/** The subgraph's SDL, resolved from this module's location (never from the working directory). */
export function loadTypeDefs(): DocumentNode {
  const sources = SCHEMA_FILES.map((file) =>
    readFileSync(new URL(`../schema/${file}`, import.meta.url), 'utf8'),
  );
  return parse(sources.join('\n'));
}

export function buildSchema(): GraphQLSchema {
  // Codegen's `useIndexSignature` makes its Resolvers type fit the subgraph resolver map.
  return withUpstreamOffsets(buildSubgraphSchema({ typeDefs: loadTypeDefs(), resolvers }));
}
