export { factorCloudMutation } from './Mutation.js';
export { factorCloudQuery } from './Query.js';
export {
  BrokerInvoice,
  BrokerSchedule,
  Client,
  ClientDebtor,
  Debtor,
  FactorCloudConnectionCheck,
  FactoringInvoice,
  FactoringPayment,
  FactoringPaymentBatch,
  Schedule,
  StoreFactoringDocumentPayload,
} from './types.js';
