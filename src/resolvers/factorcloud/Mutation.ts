import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import {
  postFactoringPayments,
  storeFactoringDocument,
  testFactorCloudConnection,
} from './writes/documents.js';
import { upsertClient, upsertDebtor, upsertVendor } from './writes/parties.js';
import { createBrokerSchedule, createFactoringSchedule } from './writes/schedules.js';
import { guardedWrite, target } from '../guardedWrite.js';

/**
 * FactorCloud writes; each validates, sends once and maps refusals (see writes/flow.ts). All but
 * test-post (which changes nothing upstream) run through the duplicate guard (guardedWrite.ts).
 */
export const factorCloudMutation: MutationResolvers = {
  testFactorCloudConnection: (_root, { input }, context) => testFactorCloudConnection(input, context),
  upsertClient: guardedWrite('upsertClient', {}, ({ input }, context) => upsertClient(input, context)),
  upsertDebtor: guardedWrite('upsertDebtor', {}, ({ input }, context) => upsertDebtor(input, context)),
  upsertVendor: guardedWrite('upsertVendor', {}, ({ input }, context) => upsertVendor(input, context)),
  createFactoringSchedule: guardedWrite(
    'createFactoringSchedule',
    { locks: ({ input }) => target('schedule', input.integrationBatchId) },
    ({ input }, context) => createFactoringSchedule(input, context),
  ),
  createBrokerSchedule: guardedWrite(
    'createBrokerSchedule',
    { locks: ({ input }) => target('schedule', input.integrationBatchId) },
    ({ input }, context) => createBrokerSchedule(input, context),
  ),
  storeFactoringDocument: guardedWrite(
    'storeFactoringDocument',
    { locks: ({ input }) => target('document', input.fileName) },
    ({ input }, context) => storeFactoringDocument(input, context),
  ),
  postFactoringPayments: guardedWrite(
    'postFactoringPayments',
    { locks: ({ input }) => target('payment-batch', input.batchReference) },
    ({ input }, context) => postFactoringPayments(input, context),
  ),
};
