import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { checkKey } from './args.js';

/** FactorCloud lookups: each is one loader call, so repeats and `_entities` share the fetch. */
export const factorCloudQuery: QueryResolvers = {
  factorCloudConnectionCheck: (_root, _args, { upstreams }) => upstreams.factorCloud.testGet(),

  client: (_root, { clientKey }, { loaders }) => loaders.clientByKey.load(checkKey(clientKey, 'clientKey')),

  debtor: (_root, { debtorKey }, { loaders }) => loaders.debtorByKey.load(checkKey(debtorKey, 'debtorKey')),

  clientDebtor: (_root, args, { loaders }) =>
    loaders.clientDebtorByKeys.load({
      clientKey: checkKey(args.clientKey, 'clientKey'),
      debtorKey: checkKey(args.debtorKey, 'debtorKey'),
    }),

  factoringSchedule: (_root, { integrationBatchId }, { loaders }) =>
    loaders.scheduleByBatchId.load(checkKey(integrationBatchId, 'integrationBatchId')),

  brokerSchedule: (_root, { integrationBatchId }, { loaders }) =>
    loaders.brokerScheduleByBatchId.load(checkKey(integrationBatchId, 'integrationBatchId')),

  factoringInvoice: (_root, { integrationInvoiceId }, { loaders }) =>
    loaders.factoringInvoiceById.load(checkKey(integrationInvoiceId, 'integrationInvoiceId')),

  factoringDocument: (_root, { uuid }, { loaders }) => loaders.documentByUuid.load(checkKey(uuid, 'uuid')),
};
