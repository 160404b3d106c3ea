import { parseReply } from '../parse.js';
import { NOTHING_FOUND, foundNothing } from './call.js';
import type { ConfirmaCall } from './call.js';
import { paymentsReplySchema, settlementsReplySchema } from './moneySchemas.js';
import type { PaymentRecord, SettlementsReply } from './moneySchemas.js';

/** A date window; absent bounds are left to Confirma (its default is the last 30 days). */
export interface DateWindow {
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

export interface SettlementQuery extends DateWindow {
  /** Only settlements this integration has not fetched before (incremental sync, §4.10). */
  unfetchedOnly?: boolean | undefined;
}

export interface ConfirmaMoney {
  /** GET /payments (§4.9): provisional allocations; settlements are the source of truth. */
  listPayments(window: DateWindow): Promise<PaymentRecord[]>;
  /** GET /settlements (§4.10). With `unfetchedOnly`, Confirma marks what it returns as fetched. */
  listSettlements(query: SettlementQuery): Promise<SettlementsReply>;
}

export function createConfirmaMoney(call: ConfirmaCall): ConfirmaMoney {
  return {
    async listPayments(window) {
      // Parameter names follow the docs' prose "Use the fromDate - toDate interval".
      const reply = await call({
        method: 'GET',
        path: '/payments',
        endpoint: 'payments',
        query: { ...window },
        acceptStatuses: NOTHING_FOUND,
      });
      // Settlements document only `200 OK (Results found)` (§4.10), which implies another answer
      // when nothing is found: read as an empty list, for payments too.
      if (foundNothing(reply)) return [];
      return parseReply(paymentsReplySchema, reply.body, { upstream: 'confirma', endpoint: 'payments' });
    },

    async listSettlements({ unfetchedOnly, ...window }) {
      // Period names are not captured in the docs; `fromDate`/`toDate` as for payments (inferred).
      const query = {
        ...window,
        unfetchedOnly: unfetchedOnly === undefined ? undefined : String(unfetchedOnly),
      };
      const reply = await call({
        method: 'GET',
        path: '/settlements',
        endpoint: 'settlements',
        query,
        acceptStatuses: NOTHING_FOUND,
        // Confirma marks what this read returns as fetched: if the reply were lost and the read
        // sent again, those settlements would never be seen. The caller retries knowingly.
        consumes: unfetchedOnly === true,
      });
      if (foundNothing(reply)) return { createdAt: null, settlements: [] };
      return parseReply(settlementsReplySchema, reply.body, {
        upstream: 'confirma',
        endpoint: 'settlements',
      });
    },
  };
}
