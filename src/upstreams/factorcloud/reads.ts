import { parseReply } from '../parse.js';
import { CLIENT_KEYS, clientSchema } from './clientSchema.js';
import { DEBTOR_KEYS, debtorSchema } from './debtorSchema.js';
import { DOCUMENT_KEYS, documentSchema } from './documentSchema.js';
import { isRecord } from '../../lib/records.js';
import { hasNoValues, lowerCaseKeys } from './keys.js';
import type {
  BrokerScheduleRecord,
  ClientDebtorRecord,
  ClientRecord,
  DebtorRecord,
  DocumentRecord,
  FactoringInvoiceRecord,
  ScheduleRecord,
} from './records.js';
import { SCHEDULE_KEYS, brokerScheduleSchema, scheduleSchema } from './scheduleSchema.js';
import { INVOICE_KEYS, factoringInvoiceSchema } from './schemas.js';
import { idHeader } from './transport.js';
import type { FactorCloudGet, FactorCloudTransport } from './transport.js';

/** The read calls; each answers null when FactorCloud does not know the key. */
export interface FactorCloudReads {
  /** GET get-invoice/ (§5.12). */
  getInvoice(invoiceIntegrationId: string): Promise<FactoringInvoiceRecord | null>;
  /** GET get-client/ (§5.4). */
  getClient(clientKey: string): Promise<ClientRecord | null>;
  /** GET get-client-debtor/ (§5.7): one client's sub-debtor. */
  getClientDebtor(clientKey: string, debtorKey: string): Promise<ClientDebtorRecord | null>;
  /** GET get-debtor-master/ (§5.8): the master debtor (admin users only, per the docs). */
  getDebtorMaster(debtorKey: string): Promise<DebtorRecord | null>;
  /** GET get-sched/ (§5.11): a schedule with all its invoices. */
  getSchedule(integrationBatchId: string): Promise<ScheduleRecord | null>;
  /** GET get-broker-sched/ (§5.15, URI inferred): a broker schedule with its invoices. */
  getBrokerSchedule(integrationBatchId: string): Promise<BrokerScheduleRecord | null>;
  /** GET get-docs/<UUID>.json (§5.17), falling back to POST get-docs/ with `{"UUID": …}`. */
  getDocument(uuid: string): Promise<DocumentRecord | null>;
}

const FACTORCLOUD = 'factorcloud' as const;

/**
 * A get-sched reply "says nothing" when its schedule fields are empty and its InvoiceArray is
 * missing or empty; like the empty get-invoice example, that means "not known".
 */
function isEmptySchedule(body: unknown): boolean {
  const lowered = lowerCaseKeys(body);
  const invoices = isRecord(lowered) ? lowered.invoicearray : undefined;
  const noInvoices =
    invoices === undefined ||
    invoices === null ||
    invoices === '' ||
    (Array.isArray(invoices) && invoices.length === 0);
  return noInvoices && hasNoValues(body, SCHEDULE_KEYS);
}

export function createFactorCloudReads(t: FactorCloudTransport): FactorCloudReads {
  /** Unknown keys are undocumented: a 404, or a 200 that says nothing, means "not known". */
  async function getOne<T>(
    request: FactorCloudGet,
    isEmpty: (body: unknown) => boolean,
    read: (body: unknown) => T,
  ): Promise<T | null> {
    const { status, body } = await t.get({ ...request, acceptStatuses: [404] });
    if (status === 404 || isEmpty(body)) return null;
    return read(body);
  }
  const where = (endpoint: string) => ({ upstream: FACTORCLOUD, endpoint });

  /**
   * get-sched and get-broker-sched list `IntegrationBatchID` under "Header Information" and the
   * example that would show where it goes is cut off (§5.11). The docs' advice for a client is to
   * use the path suffix, by analogy with get-docs (`get-sched/<id>.json`), and also send an
   * `IntegrationBatchID` header; the id goes in the `IntegrationBatchId` query parameter as well,
   * as get-invoice's seed curl does with its id. One request, three places: a server that reads
   * any one of them finds the same value, and none of them needs a second call.
   */
  function bySchedule(endpoint: string, integrationBatchId: string): FactorCloudGet {
    return {
      endpoint,
      suffix: `${encodeURIComponent(integrationBatchId)}.json`,
      query: { IntegrationBatchId: integrationBatchId },
      headers: idHeader('IntegrationBatchID', integrationBatchId),
    };
  }

  return {
    getInvoice(invoiceIntegrationId) {
      return getOne(
        {
          endpoint: 'get-invoice',
          // The seed's curl sends the id as a query parameter; the docs' prose lists it under
          // "Header Information". Sending both satisfies either reading of the docs.
          query: { InvoiceIntegrationId: invoiceIntegrationId },
          headers: idHeader('InvoiceIntegrationID', invoiceIntegrationId),
        },
        (body) => hasNoValues(body, INVOICE_KEYS),
        (body) => ({
          ...parseReply(factoringInvoiceSchema, body, where('get-invoice')),
          integrationId: invoiceIntegrationId,
        }),
      );
    },

    getClient(clientKey) {
      return getOne(
        { endpoint: 'get-client', query: { clientkey: clientKey } },
        (body) => hasNoValues(body, CLIENT_KEYS),
        (body) => {
          const reply = parseReply(clientSchema, body, where('get-client'));
          return { ...reply, clientKey: reply.clientKey ?? clientKey };
        },
      );
    },

    getClientDebtor(clientKey, debtorKey) {
      // The docs' example separates the two with a second `?` (§5.7), a typo; `&` is sent.
      return getOne(
        { endpoint: 'get-client-debtor', query: { clientkey: clientKey, debtorkey: debtorKey } },
        (body) => hasNoValues(body, DEBTOR_KEYS),
        (body) => {
          const reply = parseReply(debtorSchema, body, where('get-client-debtor'));
          return {
            ...reply,
            clientKey: reply.clientKey ?? clientKey,
            debtorKey: reply.debtorKey ?? debtorKey,
          };
        },
      );
    },

    getDebtorMaster(debtorKey) {
      // Documented as `?clientkey=<DEBTOR key>` (§5.8); `debtorkey` is sent too, with the same
      // value, so a server that reads the sensible name finds it as well.
      return getOne(
        { endpoint: 'get-debtor-master', query: { clientkey: debtorKey, debtorkey: debtorKey } },
        (body) => hasNoValues(body, DEBTOR_KEYS),
        (body) => {
          const { clientKey: _clientKey, ...reply } = parseReply(
            debtorSchema,
            body,
            where('get-debtor-master'),
          );
          return { ...reply, debtorKey: reply.debtorKey ?? debtorKey };
        },
      );
    },

    getSchedule(integrationBatchId) {
      return getOne(bySchedule('get-sched', integrationBatchId), isEmptySchedule, (body) => {
        const reply = parseReply(scheduleSchema, body, where('get-sched'));
        return { ...reply, integrationBatchId: reply.integrationBatchId ?? integrationBatchId };
      });
    },

    getBrokerSchedule(integrationBatchId) {
      // Only the page's tables survive (§5.15): URI, method and identifier are inferred from the
      // page name (Get-Broker-Sched.html) and from get-sched, whose request this mirrors.
      return getOne(bySchedule('get-broker-sched', integrationBatchId), isEmptySchedule, (body) => {
        const reply = parseReply(brokerScheduleSchema, body, where('get-broker-sched'));
        return { ...reply, integrationBatchId: reply.integrationBatchId ?? integrationBatchId };
      });
    },

    async getDocument(uuid) {
      const read = (body: unknown): DocumentRecord | null =>
        hasNoValues(body, DOCUMENT_KEYS)
          ? null
          : { ...parseReply(documentSchema, body, where('get-docs')), uuid };
      // Style 1 of the docs (§5.17): `GET get-docs/<UUID>.json`, the verified path-suffix form.
      const got = await t.get({
        endpoint: 'get-docs',
        suffix: `${encodeURIComponent(uuid)}.json`,
        acceptStatuses: [400, 404, 405],
      });
      if (got.status < 300) return read(got.body);
      // Style 2 (the newer example): POST the UUID in a JSON body. Tried once when the GET form
      // is refused (400/404/405), since a server that only knows style 2 would answer that way.
      // It reads, so repeating it is safe; an unknown UUID therefore costs two calls.
      const posted = await t.post({ endpoint: 'get-docs', body: { UUID: uuid }, acceptStatuses: [404] });
      return posted.status === 404 ? null : read(posted.body);
    },
  };
}
