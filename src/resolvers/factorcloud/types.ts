import type {
  BrokerInvoiceResolvers,
  BrokerScheduleResolvers,
  ClientDebtorResolvers,
  ClientResolvers,
  DebtorResolvers,
  FactorCloudConnectionCheckResolvers,
  FactoringInvoiceResolvers,
  FactoringPaymentBatchResolvers,
  FactoringPaymentResolvers,
  ScheduleResolvers,
  StoreFactoringDocumentPayloadResolvers,
} from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { money } from './amounts.js';

/**
 * Joins between FactorCloud objects, amounts as Money, and the fields whose graph name differs
 * from the record's; every other field is read as it is named on the model.
 */

/** A client's sub-debtor, when both keys are known. */
function clientDebtor(owner: { clientKey: string | null; debtorKey: string | null }, { loaders }: Context) {
  const { clientKey, debtorKey } = owner;
  return clientKey && debtorKey
    ? loaders.factorCloud.clientDebtorByKeys.load({ clientKey, debtorKey })
    : null;
}

function client(owner: { clientKey: string | null }, { loaders }: Context) {
  return owner.clientKey ? loaders.factorCloud.clientByKey.load(owner.clientKey) : null;
}

export const FactoringInvoice: FactoringInvoiceResolvers = {
  integrationInvoiceId: (invoice) => invoice.integrationId,
  dueDate: (invoice) => invoice.invoiceDueDate,
  amount: money((invoice) => invoice.amount),
  escrowReserveAmount: money((invoice) => invoice.escrowReserveAmount),
  client: (invoice, _args, context) => client(invoice, context),
  clientDebtor: (invoice, _args, context) => clientDebtor(invoice, context),
};

export const Client: ClientResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.factorCloud.clientByKey.load(reference.clientKey),
  creditLimit: money((found) => found.creditLimit),
};

export const Debtor: DebtorResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.factorCloud.debtorByKey.load(reference.debtorKey),
  creditLimit: money((debtor) => debtor.creditLimit),
};

export const ClientDebtor: ClientDebtorResolvers = {
  creditLimit: money((link) => link.creditLimit),
  client: (link, _args, context) => client(link, context),
  debtor: (link, _args, { loaders }) => loaders.factorCloud.debtorByKey.load(link.debtorKey),
};

export const Schedule: ScheduleResolvers = {
  amount: money((schedule) => schedule.amount),
  client: (schedule, _args, context) => client(schedule, context),
};

export const BrokerSchedule: BrokerScheduleResolvers = {
  amount: money((schedule) => schedule.amount),
  // A broker invoice knows its client through its schedule (the invoice object has no ClientKey).
  invoices: (schedule) =>
    schedule.invoices.map((invoice) => ({ ...invoice, clientKey: invoice.clientKey ?? schedule.clientKey })),
  client: (schedule, _args, context) => client(schedule, context),
};

export const BrokerInvoice: BrokerInvoiceResolvers = {
  integrationInvoiceId: (invoice) => invoice.integrationId,
  dueDate: (invoice) => invoice.invoiceDueDate,
  amount: money((invoice) => invoice.amount),
  advanceAmount: money((invoice) => invoice.advanceAmount),
  escrowReserveAmount: money((invoice) => invoice.escrowReserveAmount),
  clientDebtor: (invoice, _args, context) => clientDebtor(invoice, context),
};

export const FactoringPaymentBatch: FactoringPaymentBatchResolvers = {
  batchTotal: money((batch) => batch.batchTotal),
};

export const FactoringPayment: FactoringPaymentResolvers = {
  amount: money((payment) => payment.amount),
};

export const FactorCloudConnectionCheck: FactorCloudConnectionCheckResolvers = {
  httpStatus: (check) => check.status,
  errorCode: (check) => (check.ok ? null : check.code),
  message: (check) => (check.ok ? null : check.message),
};

export const StoreFactoringDocumentPayload: StoreFactoringDocumentPayloadResolvers = {
  document: (payload, _args, { loaders }) =>
    payload.uuid ? loaders.factorCloud.documentByUuid.load(payload.uuid) : null,
};
