import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';
import { withUpstreamOffsets } from './scalars/dateTimeOffsets.js';
import { DEFAULT_TTLS } from './cache/cacheConfig.js';
import type { TtlTable } from './cache/cacheConfig.js';
import { withFreshnessDescriptions } from './schemaFreshness.js';

/** The SDL files, in order; listed rather than discovered so the schema is explicit. */
export const SCHEMA_FILES = [
  'base.graphql',
  'money.graphql',
  'pagination.graphql',
  'iso-codes.graphql',
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
  'reconciliation.graphql',
] as const;

/** What the schema's descriptions state: the read cache's TTLs, undefined when it is off. */
export interface SchemaOptions {
  readCacheTtls: TtlTable | undefined;
}

/** The default deployment's, as the printed schema.graphql states them. */
const DEFAULT_OPTIONS: SchemaOptions = { readCacheTtls: DEFAULT_TTLS };

/**
 * The subgraph's SDL, resolved from this module's location (never from the working directory),
 * with each cached type's freshness in its description (schemaFreshness.ts).
 */
export function loadTypeDefs({ readCacheTtls }: SchemaOptions = DEFAULT_OPTIONS): DocumentNode {
  const sources = SCHEMA_FILES.map((file) =>
    readFileSync(new URL(`../schema/${file}`, import.meta.url), 'utf8'),
  );
  return withFreshnessDescriptions(parse(sources.join('\n')), readCacheTtls);
}

export function buildSchema(options: SchemaOptions = DEFAULT_OPTIONS): GraphQLSchema {
  // Codegen's `useIndexSignature` makes its Resolvers type fit the subgraph resolver map.
  return withUpstreamOffsets(buildSubgraphSchema({ typeDefs: loadTypeDefs(options), resolvers }));
}
