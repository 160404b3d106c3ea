import { CLIENT_KEYS, clientSchema } from './clientSchema.js';
import { debtorBody, clientBody, documentBody, paymentBatchBody, vendorBody } from './bodies.js';
import { DEBTOR_KEYS, debtorSchema, vendorSchema } from './debtorSchema.js';
import { storedDocumentUuid } from './documentSchema.js';
import { postWrite, readEcho } from './echo.js';
import type { WriteOutcome } from './outcome.js';
import { PAYMENT_BATCH_KEYS, paymentBatchSchema } from './paymentSchema.js';
import type {
  ClientDebtorRecord,
  ClientRecord,
  PaymentBatchRecord,
  StoredDocumentRecord,
  VendorRecord,
} from './records.js';
import type { FactorCloudTransport } from './transport.js';
import type {
  ClientWrite,
  DebtorWrite,
  DocumentWrite,
  PaymentBatchWrite,
  VendorWrite,
} from './writeTypes.js';

/**
 * The create/upsert calls other than schedules. Each returns the parsed echo, or `null` when the
 * echo is unusable (see echo.ts); keys missing from an echo fall back to the keys that were sent.
 */
export interface FactorCloudWrites {
  /** POST create-client/ (§5.3): upsert on ClientKey. */
  createClient(write: ClientWrite): Promise<WriteOutcome<ClientRecord | null>>;
  /**
   * POST create-debtor/ (§5.6). FactorCloud decides which of the three documented cases applies:
   * update the existing sub-debtor; create a master debtor and its sub-debtor; or link an existing
   * master debtor to the client.
   */
  createDebtor(write: DebtorWrite): Promise<WriteOutcome<ClientDebtorRecord | null>>;
  /** POST create-vendor/ (§5.13): the same upsert for a broker's vendor. */
  createVendor(write: VendorWrite): Promise<WriteOutcome<VendorRecord | null>>;
  /** POST store-docs/ (§5.16): 201 for a new document, 200 for an update. */
  storeDocument(write: DocumentWrite): Promise<WriteOutcome<StoredDocumentRecord>>;
  /** POST post-payments/ (§5.18). */
  postPayments(write: PaymentBatchWrite): Promise<WriteOutcome<PaymentBatchRecord | null>>;
}

export function createFactorCloudWrites(t: FactorCloudTransport): FactorCloudWrites {
  return {
    createClient(write) {
      return postWrite(t, 'create-client', clientBody(write), (reply) => {
        const echo = readEcho(clientSchema, reply, CLIENT_KEYS);
        return echo && { ...echo, clientKey: echo.clientKey ?? write.clientKey };
      });
    },

    createDebtor(write) {
      return postWrite(t, 'create-debtor', debtorBody(write), (reply) => {
        const echo = readEcho(debtorSchema, reply, DEBTOR_KEYS);
        return (
          echo && {
            ...echo,
            clientKey: echo.clientKey ?? write.clientKey,
            debtorKey: echo.debtorKey ?? write.debtorKey,
          }
        );
      });
    },

    createVendor(write) {
      return postWrite(t, 'create-vendor', vendorBody(write), (reply) => {
        const echo = readEcho(vendorSchema, reply, DEBTOR_KEYS);
        return (
          echo && {
            ...echo,
            clientKey: echo.clientKey ?? write.clientKey,
            vendorKey: echo.vendorKey ?? write.vendorKey,
          }
        );
      });
    },

    storeDocument(write) {
      return postWrite(t, 'store-docs', documentBody(write), (reply, status) => ({
        uuid: storedDocumentUuid(reply),
        created: status === 201,
      }));
    },

    postPayments(write) {
      return postWrite(t, 'post-payments', paymentBatchBody(write), (reply) =>
        readEcho(paymentBatchSchema, reply, PAYMENT_BATCH_KEYS),
      );
    },
  };
}
