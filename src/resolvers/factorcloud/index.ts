export { factorCloudMutation } from './Mutation.js';
export { factorCloudQuery } from './Query.js';
export {
  BrokerInvoice,
  BrokerSchedule,
  Client,
  ClientDebtor,
  Debtor,
  FactorCloudConnection,
  FactoringInvoice,
  Schedule,
  StoreFactoringDocumentPayload,
} from './types.js';
