import type {
  BrokerInvoiceResolvers,
  BrokerScheduleResolvers,
  ClientDebtorResolvers,
  ClientResolvers,
  DebtorResolvers,
  FactorCloudConnectionResolvers,
  FactoringInvoiceResolvers,
  ScheduleResolvers,
  StoreFactoringDocumentPayloadResolvers,
} from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';

/** Joins between FactorCloud objects; every other field is read as it is named on the model. */

/** A client's sub-debtor, when both keys are known. */
function clientDebtor(owner: { clientKey: string | null; debtorKey: string | null }, { loaders }: Context) {
  const { clientKey, debtorKey } = owner;
  return clientKey && debtorKey ? loaders.clientDebtorByKeys.load({ clientKey, debtorKey }) : null;
}

function client(owner: { clientKey: string | null }, { loaders }: Context) {
  return owner.clientKey ? loaders.clientByKey.load(owner.clientKey) : null;
}

export const FactoringInvoice: FactoringInvoiceResolvers = {
  client: (invoice, _args, context) => client(invoice, context),
  debtor: (invoice, _args, context) => clientDebtor(invoice, context),
};

export const Client: ClientResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.clientByKey.load(reference.clientKey),
};

export const Debtor: DebtorResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.debtorByKey.load(reference.debtorKey),
};

export const ClientDebtor: ClientDebtorResolvers = {
  client: (link, _args, context) => client(link, context),
  debtor: (link, _args, { loaders }) => loaders.debtorByKey.load(link.debtorKey),
};

export const Schedule: ScheduleResolvers = {
  client: (schedule, _args, context) => client(schedule, context),
};

export const BrokerSchedule: BrokerScheduleResolvers = {
  client: (schedule, _args, context) => client(schedule, context),
};

export const BrokerInvoice: BrokerInvoiceResolvers = {
  debtor: (invoice, _args, context) => clientDebtor(invoice, context),
};

export const FactorCloudConnection: FactorCloudConnectionResolvers = {
  httpStatus: (check) => check.status,
  errorCode: (check) => (check.ok ? null : check.code),
  message: (check) => (check.ok ? null : check.message),
};

export const StoreFactoringDocumentPayload: StoreFactoringDocumentPayloadResolvers = {
  document: (payload, _args, { loaders }) =>
    payload.uuid ? loaders.documentByUuid.load(payload.uuid) : null,
};
