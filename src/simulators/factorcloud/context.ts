import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FactorCloudInvoiceStatus, FactorCloudReplyStyle, SimulatorDataset } from '../dataset/types.js';
import type { JsonReply } from '../http.js';
import type { FactorCloudPath } from './request.js';

/** What the FactorCloud calls share: the handler contract and the switches tests can turn. */

/**
 * Behaviour the docs leave open (factorcloud.md §7), as options of the simulator. Every one has
 * a default, chosen as a careful API would and written next to the code that uses it.
 */
export interface FactorCloudBehaviour {
  /**
   * create-sched(-broker): reject a schedule whose `Amount` differs from the sum of its
   * `InvoiceAr` (400). Default true. The docs' own example (Amount 100, invoices 725) would fail;
   * turn this off to replay it (§5.10).
   */
  strictScheduleAmount: boolean;
  /** post-payments: reject a batch whose `BatchTotal` differs from the sum of its items. Default true. */
  strictBatchTotal: boolean;
  /** Status of invoices created by create-sched(-broker). Default `P` (pending, §8). */
  newInvoiceStatus: FactorCloudInvoiceStatus;
  /** Reply style of records created through the API. Default `typed`. */
  newRecordReplyStyle: FactorCloudReplyStyle;
  /** UUIDs for new clients and documents. Default `crypto.randomUUID`. */
  newUuid: () => string;
}

export const DEFAULT_BEHAVIOUR: FactorCloudBehaviour = {
  strictScheduleAmount: true,
  strictBatchTotal: true,
  newInvoiceStatus: 'P',
  newRecordReplyStyle: { kind: 'typed' },
  newUuid: randomUUID,
};

/** What a call handler gets; `body` is the raw request text. */
export interface CallContext {
  dataset: SimulatorDataset;
  behaviour: FactorCloudBehaviour;
  request: IncomingMessage;
  /** Read leniently: `?a=1?b=2` counts as `?a=1&b=2` (see `lenientQuery`). */
  query: URLSearchParams;
  path: FactorCloudPath;
  body: string;
}

export type CallMethod = 'GET' | 'POST';

export interface Call {
  methods: readonly CallMethod[];
  handle(context: CallContext): JsonReply;
}
