import type { QueryResolvers } from '../../__generated__/resolvers-types.js';
import { checkKey } from './args.js';

/** FactorCloud lookups: each is one loader call, so repeats and `_entities` share the fetch. */
export const factorCloudQuery: QueryResolvers = {
  factorCloudConnectionCheck: (_root, _args, { upstreams }) => upstreams.factorCloud.testGet(),

  client: (_root, { clientKey }, { loaders }) =>
    loaders.factorCloud.clientByKey.load(checkKey(clientKey, 'clientKey')),

  debtor: (_root, { debtorKey }, { loaders }) =>
    loaders.factorCloud.debtorByKey.load(checkKey(debtorKey, 'debtorKey')),

  clientDebtor: (_root, args, { loaders }) =>
    loaders.factorCloud.clientDebtorByKeys.load({
      clientKey: checkKey(args.clientKey, 'clientKey'),
      debtorKey: checkKey(args.debtorKey, 'debtorKey'),
    }),

  factoringSchedule: (_root, { integrationBatchId }, { loaders }) =>
    loaders.factorCloud.scheduleByBatchId.load(checkKey(integrationBatchId, 'integrationBatchId')),

  brokerSchedule: (_root, { integrationBatchId }, { loaders }) =>
    loaders.factorCloud.brokerScheduleByBatchId.load(checkKey(integrationBatchId, 'integrationBatchId')),

  factoringInvoice: (_root, { integrationInvoiceId }, { loaders }) =>
    loaders.factorCloud.factoringInvoiceById.load(checkKey(integrationInvoiceId, 'integrationInvoiceId')),

  factoringDocument: (_root, { uuid }, { loaders }) =>
    loaders.factorCloud.documentByUuid.load(checkKey(uuid, 'uuid')),
};
