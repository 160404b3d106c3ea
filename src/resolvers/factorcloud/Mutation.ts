import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import {
  postFactoringPayments,
  storeFactoringDocument,
  testFactorCloudConnection,
} from './writes/documents.js';
import { upsertClient, upsertDebtor, upsertVendor } from './writes/parties.js';
import { createBrokerSchedule, createFactoringSchedule } from './writes/schedules.js';

/** FactorCloud writes; each validates, sends once and maps refusals (see writes/flow.ts). */
export const factorCloudMutation: MutationResolvers = {
  testFactorCloudConnection: (_root, { input }, context) => testFactorCloudConnection(input, context),
  upsertClient: (_root, { input }, context) => upsertClient(input, context),
  upsertDebtor: (_root, { input }, context) => upsertDebtor(input, context),
  upsertVendor: (_root, { input }, context) => upsertVendor(input, context),
  createFactoringSchedule: (_root, { input }, context) => createFactoringSchedule(input, context),
  createBrokerSchedule: (_root, { input }, context) => createBrokerSchedule(input, context),
  storeFactoringDocument: (_root, { input }, context) => storeFactoringDocument(input, context),
  postFactoringPayments: (_root, { input }, context) => postFactoringPayments(input, context),
};
