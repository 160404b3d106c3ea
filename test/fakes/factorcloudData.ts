/**
 * Read-shaped FactorCloud objects for the fake (factorcloud.md §4): what get-client-debtor,
 * get-debtor-master, get-sched and get-docs answer. Values are strings, as in the docs' examples.
 */

export type Json = Record<string, unknown>;

/** A sub-debtor or master debtor read object (§4.2). */
export function debtor(debtorKey: string, clientKey = '', overrides: Json = {}): Json {
  return {
    ClientKey: clientKey,
    DebtorKey: debtorKey,
    CompCode: `C-${debtorKey}`,
    Name: `Debtor ${debtorKey}`,
    Address1: '9 Dock Rd',
    Address2: '',
    City: 'Lexington',
    State: 'KY',
    ZipCode: '40507',
    Country: 'USA',
    Phone: '859-555-0100',
    Fax: '',
    Email: `ap@${debtorKey.toLowerCase()}.test`,
    MCNumber: '',
    DOTNumber: '',
    Notes: '',
    CreditLimit: '25000.00',
    BuyStatus: 'f',
    ...overrides,
  };
}

/** A get-sched InvoiceArray element (§4.1), with the InvoiceIntegrationId the simulator adds. */
export function scheduleInvoice(
  integrationId: string | undefined,
  invoiceNumber: string,
  amount: string,
): Json {
  return {
    ...(integrationId === undefined ? {} : { InvoiceIntegrationId: integrationId }),
    ClientKey: 'CL-1',
    DebtorKey: 'DB-1',
    InvoiceNumber: invoiceNumber,
    InvoiceAmount: amount,
    InvoiceDate: '2026-11-01',
    InvoiceDueDate: '2026-12-01',
    InvoiceStatus: 'P',
    RefNumber: `BOL-${invoiceNumber}`,
    InvoicePurchaseDate: '',
    InvoiceFundDate: '',
    EscrowReserveAmount: '',
    PaymentMade: 'N',
    LastPaymentMadeOn: '',
    PaidInFull: 'f',
    PaidInFullOn: '',
  };
}

/** A get-sched reply (§5.11). */
export function schedule(integrationBatchId: string, invoices: Json[], overrides: Json = {}): Json {
  return {
    ClientKey: 'CL-1',
    Amount: '0',
    InvoiceArray: invoices,
    Label: `Batch ${integrationBatchId}`,
    Notes: '',
    PaymentMethod: 'A',
    IntegrationBatchId: integrationBatchId,
    ...overrides,
  };
}

/** get-sched's answer for an unknown batch in the fake: 200 with every field empty. */
export const EMPTY_SCHEDULE: Json = schedule('', [], {
  ClientKey: '',
  Amount: '',
  Label: '',
  PaymentMethod: '',
});

/** get-client-debtor / get-debtor-master for an unknown key: the docs' empty-valued example. */
export const EMPTY_DEBTOR: Json = Object.fromEntries(Object.keys(debtor('X')).map((key) => [key, '']));

/** The request names of create-sched invoices become the read names (§6.3). */
export function readInvoiceOf(sent: Json, clientKey: unknown): Json {
  const { InvoiceAr, RefNum, DueDate, DocBase64, ...rest } = sent;
  return {
    ClientKey: clientKey,
    ...rest,
    InvoiceAmount: InvoiceAr,
    RefNumber: RefNum ?? '',
    InvoiceDueDate: DueDate ?? '',
    InvoiceStatus: 'P',
    // The echo gives DocBase64 back as its length (§5.10).
    ...(typeof DocBase64 === 'string' ? { DocBase64: String(DocBase64.length) } : {}),
  };
}

/** create-debtor / create-vendor input names → read names (`Zipcode` → `ZipCode`, `McNumber` → `MCNumber`). */
export function readDebtorOf(sent: Json): Json {
  const { Zipcode, McNumber, ...rest } = sent;
  return {
    ...rest,
    ...(Zipcode === undefined ? {} : { ZipCode: Zipcode }),
    ...(McNumber === undefined ? {} : { MCNumber: McNumber }),
  };
}
