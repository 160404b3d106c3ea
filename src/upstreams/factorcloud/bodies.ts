import { CLIENT_TYPE_CODES, INDUSTRIES } from './clientSchema.js';
import { ENCODING_CODES } from './documentSchema.js';
import { PAYMENT_METHOD_CODES } from './scheduleSchema.js';
import type {
  BrokerScheduleWrite,
  ClientWrite,
  ContactWrite,
  DebtorWrite,
  DocumentWrite,
  PaymentBatchWrite,
  ScheduleInvoiceWrite,
  ScheduleWrite,
  VendorWrite,
} from './writeTypes.js';

/**
 * Request bodies with the docs' field names, in the order of the docs' tables (factorcloud.md §5).
 * Every number travels as a string (`"Amount":"1500.00"`, `"Industry":"1"`), as in every example
 * the docs show (§1.3); amounts carry exactly two decimals. Fields left undefined are not sent:
 * the docs do not say whether an upsert clears a field it is sent empty.
 */

type Body = Record<string, unknown>;

/** Drops undefined members so the JSON holds only what the caller gave. */
function compact(entries: Body): Body {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/** Address and contact block (after CompCode and Name); `zipKey` is `ZipCode` for clients, `Zipcode` for debtors/vendors. */
function contact(c: ContactWrite, zipKey: 'ZipCode' | 'Zipcode'): Body {
  return {
    Address1: c.address1,
    Address2: c.address2,
    City: c.city,
    State: c.state,
    [zipKey]: c.zipCode,
    Country: c.country,
    Phone: c.phone,
    Fax: c.fax,
    Email: c.email,
  };
}

/** create-client (§5.3). `DunsNum` … `CreditLimit` are inferred inputs (they follow in get-client). */
export function clientBody(c: ClientWrite): Body {
  const { Phone, Fax, Email, ...address } = contact(c, 'ZipCode');
  return compact({
    ClientKey: c.clientKey,
    Name: c.name,
    CompCode: c.compCode,
    ...address,
    Phone,
    PhoneAlt: c.phoneAlt,
    Fax,
    Email,
    UccDate: c.uccDate,
    UccDate2: c.uccDate2,
    UccSignedDate: c.uccSignedDate,
    Type: c.type === undefined ? undefined : CLIENT_TYPE_CODES[c.type],
    Industry: c.industry === undefined ? undefined : String(INDUSTRIES.indexOf(c.industry) + 1),
    AltName: c.altName,
    EdiID: c.ediId,
    FedTaxNum: c.fedTaxNum,
    DunsNum: c.dunsNum,
    MCNumber: c.mcNumber,
    DOTNumber: c.dotNumber,
    CreditLimit: c.creditLimit,
  });
}

/**
 * create-debtor (§5.6). The table writes "Client Key" and "Debtor Key" with a space; the JSON
 * names are sent without one, as the index prose and every other call spell them (§6.4).
 * `Zipcode` and `McNumber` use the input spellings of this table (§6.2).
 */
export function debtorBody(d: DebtorWrite): Body {
  return compact({
    ClientKey: d.clientKey,
    DebtorKey: d.debtorKey,
    CompCode: d.compCode,
    Name: d.name,
    ...contact(d, 'Zipcode'),
    McNumber: d.mcNumber,
    DOTNumber: d.dotNumber,
    Notes: d.notes,
  });
}

/** create-vendor (§5.13): the vendor's key goes in `DebtorKey`; McNumber … Notes are inferred. */
export function vendorBody(v: VendorWrite): Body {
  return compact({
    ClientKey: v.clientKey,
    DebtorKey: v.vendorKey,
    CompCode: v.compCode,
    Name: v.name,
    ...contact(v, 'Zipcode'),
    McNumber: v.mcNumber,
    DOTNumber: v.dotNumber,
    Notes: v.notes,
  });
}

function invoiceBody(
  i: Omit<ScheduleInvoiceWrite, 'integrationId'> & { integrationId?: string | undefined },
) {
  return {
    DebtorKey: i.debtorKey,
    InvoiceDate: i.invoiceDate,
    InvoiceNumber: i.invoiceNumber,
    RefNum: i.refNumber,
    DueDate: i.dueDate,
    InvoiceAr: i.amount,
    InvoiceIntegrationId: i.integrationId,
    DocBase64: i.documentBase64,
  };
}

function scheduleHead(s: ScheduleWrite | BrokerScheduleWrite, invoices: Body[]): Body {
  return compact({
    ClientKey: s.clientKey,
    Amount: s.amount,
    InvoiceArray: invoices,
    Label: s.label,
    Notes: s.notes,
    PaymentMethod: PAYMENT_METHOD_CODES[s.paymentMethod],
    IntegrationBatchId: s.integrationBatchId,
  });
}

/** create-sched (§5.10): the field order of the docs' example. */
export function scheduleBody(s: ScheduleWrite): Body {
  return scheduleHead(
    s,
    s.invoices.map((i) => compact(invoiceBody(i))),
  );
}

/** create-sched-broker (§5.14): create-sched's invoice plus vendor, advance and vendor reference. */
export function brokerScheduleBody(s: BrokerScheduleWrite): Body {
  return scheduleHead(
    s,
    s.invoices.map((i) => {
      const { DebtorKey, ...rest } = invoiceBody(i);
      return compact({
        DebtorKey,
        VendorKey: i.vendorKey,
        ...rest,
        AdvanceAmount: i.advanceAmount,
        VendorInvoiceNumber: i.vendorInvoiceNumber,
      });
    }),
  );
}

/** store-docs (§5.16). */
export function documentBody(d: DocumentWrite): Body {
  return {
    EncodedDoc: d.encodedDoc,
    EncodingType: ENCODING_CODES[d.encodingType],
    ContentType: d.contentType,
    FileName: d.fileName,
  };
}

/**
 * post-payments (§5.18). `PaymentDate` is sent as `YYYY-MM-DD`, not the example's `03-31-21`:
 * ISO dates read the same under any server date style, a two-digit year does not.
 */
export function paymentBatchBody(b: PaymentBatchWrite): Body {
  return {
    BatchReference: b.batchReference,
    BatchTotal: b.batchTotal,
    AccountNumber: b.accountNumber,
    PaymentDetails: b.payments.map((p) =>
      compact({
        PaymentDate: p.paymentDate,
        BankBatchItem: p.bankBatchItem,
        PaymentType: p.paymentType,
        Amount: p.amount,
        BankRefNumber: p.bankRefNumber,
        AccountNumber: p.accountNumber,
        TransactionNumber: p.transactionNumber,
        RemitterName: p.remitterName,
        MemoLine: p.memoLine,
        InvoiceRefNumber: p.invoiceRefNumber,
        ClientCode: p.clientCode,
        FinancialDocs: p.financialDocsBase64,
      }),
    ),
  };
}
