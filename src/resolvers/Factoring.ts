import type { ClientResolvers, FactoringInvoiceResolvers } from '../__generated__/resolvers-types.js';

export const FactoringInvoice: FactoringInvoiceResolvers = {
  client: (invoice, _args, { loaders }) =>
    invoice.clientKey ? loaders.clientByKey.load(invoice.clientKey) : null,
};

export const Client: ClientResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.clientByKey.load(reference.clientKey),
};
