import { amountToCents, centsToAmount, percentOf } from '../dataset/money.js';
import { linkKey, type FactorCloudInvoice, type FactorCloudSchedule } from '../dataset/types.js';
import type { JsonReply } from '../http.js';
import type { Call, CallContext } from './context.js';
import { FieldReader } from './fields.js';
import { badRequest, conflict, notFound, readBodyObject } from './replies.js';
import { styledValue, type JsonObject } from './replyStyle.js';
import { identifierFrom } from './request.js';
import { readSchedule, type ScheduleInput, type ScheduleInvoiceInput } from './scheduleInput.js';
import { scheduleJson } from './shapes.js';

/** create-sched (factorcloud.md §5.10), get-sched (§5.11), and what the broker variants share. */

/**
 * Escrow held on an invoice created already funded (`newInvoiceStatus: 'F'`). Docs: the share
 * depends on the client's terms (§4.1), which API-created clients do not carry; 10% is the
 * simulator's choice (the seeded clients use 5–15%).
 */
const ESCROW_PERCENT = 10;

/**
 * Creates a schedule and its invoices in one step, or changes nothing. Checks, in order:
 * the body (400), the client exists (404), `IntegrationBatchId` is new (409: docs are silent on
 * reuse; it is the caller's idempotency key, so a retry must not create a second schedule),
 * every `InvoiceIntegrationId` is new (409), no invoice number is already on file for the same
 * client and debtor (409: docs call InvoiceNumber unique, and factoring one invoice twice is the
 * fraud a factor guards against), and every debtor (and vendor) is linked to the client (400:
 * docs are silent; the simulator does not create links implicitly, create-debtor does that).
 * Reply: 201 with the in-system schedule in the get-sched shape, each invoice's `DocBase64`
 * replaced by the string's length (§5.10).
 */
export function createSchedule(context: CallContext, kind: 'standard' | 'broker'): JsonReply {
  const { dataset, behaviour, request, body } = context;
  const reader = readBodyObject(request, body);
  if (!(reader instanceof FieldReader)) return reader;
  const rules = { kind, today: dataset.today, strictAmount: behaviour.strictScheduleAmount };
  const input = readSchedule(reader, rules);
  if (!input) return badRequest(reader.problems);
  const { ClientKey, IntegrationBatchId } = input;
  if (!dataset.factorCloudClients.has(ClientKey)) return notFound('ClientKey', `no client "${ClientKey}"`);
  if (dataset.factorCloud.schedules.has(IntegrationBatchId)) {
    return conflict('IntegrationBatchId', `schedule "${IntegrationBatchId}" already exists`);
  }
  const rejection = conflictOf(context, input) ?? unlinkedParties(context, input);
  if (rejection) return rejection;

  const style = behaviour.newRecordReplyStyle;
  for (const invoice of input.invoices) {
    dataset.factorCloudInvoices.set(invoice.InvoiceIntegrationId, {
      invoiceIntegrationId: invoice.InvoiceIntegrationId,
      replyStyle: style,
      invoice: newInvoice(context, ClientKey, invoice),
    });
    if (invoice.broker) dataset.factorCloud.brokerTerms.set(invoice.InvoiceIntegrationId, invoice.broker);
  }
  const schedule: FactorCloudSchedule = {
    kind,
    IntegrationBatchId,
    ClientKey,
    Amount: input.Amount,
    Label: input.Label,
    Notes: input.Notes,
    PaymentMethod: input.PaymentMethod,
    invoiceIds: input.invoices.map((invoice) => invoice.InvoiceIntegrationId),
    replyStyle: style,
  };
  dataset.factorCloud.schedules.set(IntegrationBatchId, schedule);
  const docLengths = new Map(input.invoices.map((i) => [i.InvoiceIntegrationId, i.DocBase64Length]));
  const echo = scheduleJson(dataset, schedule, kind, (id): JsonObject => {
    const length = docLengths.get(id);
    return length === null || length === undefined
      ? {}
      : { DocBase64: styledValue(length, 'integer', style) };
  });
  return { status: 201, body: echo };
}

function conflictOf({ dataset }: CallContext, input: ScheduleInput): JsonReply | undefined {
  const taken = input.invoices.find((invoice) =>
    dataset.factorCloudInvoices.has(invoice.InvoiceIntegrationId),
  );
  if (taken) {
    return conflict('InvoiceIntegrationId', `invoice "${taken.InvoiceIntegrationId}" already exists`);
  }
  const onFile = new Set(
    [...dataset.factorCloudInvoices.values()].map(({ invoice }) =>
      JSON.stringify([invoice.ClientKey, invoice.DebtorKey, invoice.InvoiceNumber]),
    ),
  );
  for (const invoice of input.invoices) {
    const key = JSON.stringify([input.ClientKey, invoice.DebtorKey, invoice.InvoiceNumber]);
    if (onFile.has(key)) {
      return conflict(
        'InvoiceNumber',
        `"${invoice.InvoiceNumber}" is already on file for debtor "${invoice.DebtorKey}"`,
      );
    }
    onFile.add(key);
  }
  return undefined;
}

function unlinkedParties({ dataset }: CallContext, input: ScheduleInput): JsonReply | undefined {
  const { subDebtors, subVendors } = dataset.factorCloud;
  const problems: string[] = [];
  input.invoices.forEach((invoice, index) => {
    if (!subDebtors.has(linkKey(input.ClientKey, invoice.DebtorKey))) {
      problems.push(`InvoiceArray[${index}].DebtorKey: unknown debtor "${invoice.DebtorKey}" for client`);
    }
    const vendor = invoice.broker?.VendorKey;
    if (vendor !== undefined && !subVendors.has(linkKey(input.ClientKey, vendor))) {
      problems.push(`InvoiceArray[${index}].VendorKey: unknown vendor "${vendor}" for client`);
    }
  });
  return problems.length > 0 ? badRequest(problems) : undefined;
}

/** A new invoice: status per `newInvoiceStatus` (default `P`), nothing paid yet. */
function newInvoice(
  { dataset, behaviour }: CallContext,
  clientKey: string,
  sent: ScheduleInvoiceInput,
): FactorCloudInvoice {
  const funded = behaviour.newInvoiceStatus === 'F';
  return {
    ClientKey: clientKey,
    DebtorKey: sent.DebtorKey,
    InvoiceNumber: sent.InvoiceNumber,
    InvoiceAmount: sent.InvoiceAr,
    InvoiceDate: sent.InvoiceDate,
    InvoiceDueDate: sent.DueDate,
    InvoiceStatus: behaviour.newInvoiceStatus,
    RefNumber: sent.RefNum,
    InvoicePurchaseDate: funded ? dataset.today : null,
    InvoiceFundDate: funded ? dataset.today : null,
    EscrowReserveAmount: centsToAmount(funded ? percentOf(amountToCents(sent.InvoiceAr), ESCROW_PERCENT) : 0),
    PaymentMade: 'N',
    LastPaymentMadeOn: null,
    PaidInFull: false,
    PaidInFullOn: null,
  };
}

/**
 * get-sched / get-broker-sched: one schedule by IntegrationBatchId, from the query, an
 * `IntegrationBatchID` header or a `/<id>.json` path suffix, names matched ignoring case (§5.11:
 * the docs list it under "Header Information" and cut the example off). Docs are silent on an
 * unknown id; the simulator answers 404, since a schedule has no empty form in the docs.
 * get-sched serves broker schedules too, with the standard invoice objects; get-broker-sched
 * serves only broker schedules (a standard schedule has no vendor or advance to show).
 */
export function getSchedule(
  { dataset, request, query, path }: CallContext,
  kind: 'standard' | 'broker',
): JsonReply {
  const id = identifierFrom(request, query, path, 'IntegrationBatchId');
  if (id === undefined) return badRequest(['IntegrationBatchId: is required']);
  const schedule = dataset.factorCloud.schedules.get(id);
  if (!schedule || (kind === 'broker' && schedule.kind !== 'broker')) {
    return notFound('IntegrationBatchId', `no ${kind === 'broker' ? 'broker ' : ''}schedule "${id}"`);
  }
  return { status: 200, body: scheduleJson(dataset, schedule, kind) };
}

export const SCHEDULE_CALLS: ReadonlyMap<string, Call> = new Map<string, Call>([
  ['create-sched', { methods: ['POST'], handle: (context) => createSchedule(context, 'standard') }],
  ['get-sched', { methods: ['GET'], handle: (context) => getSchedule(context, 'standard') }],
]);
