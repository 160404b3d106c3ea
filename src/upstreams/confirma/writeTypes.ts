/**
 * What each Confirma write takes, in the graph's own field names (the entries build the docs'
 * wire bodies from these: invoiceBodies.ts, accountingBodies.ts). src/validation/ turns
 * GraphQL input into these types; amounts and ids are exact decimal text.
 */

interface Address {
  street: string;
  street2: string | null;
  street3: string | null;
  postalCode: string;
  postalDistrict: string;
  countryCode: string;
  countryName: string | null;
}

interface Contact {
  contactPerson: { name: string | null; email: string | null } | null;
  email: string | null;
  phone: string | null;
}

/** POST /invoice (§4.4, §5). */
export interface CreateInvoiceInput {
  distribution: { method: string; enabled?: boolean | null | undefined };
  invoice: {
    header: {
      invoiceNumber: string;
      type: string;
      date: string;
      dueDate: string;
      description: string | null;
      additionalInformation: string | null;
      currency: string;
      languageCode: string;
    };
    parties: {
      sellerParty: {
        businessId: string;
        name: string;
        vatCode: string | null;
        address: Address;
        contact: Contact | null;
        paymentDetails: {
          iban: string | null;
          bic: string | null;
          bankgiro: string | null;
          postgiro: string | null;
        } | null;
      };
      buyerParty: {
        entityType: string;
        name: string;
        customerAccountId: string;
        personalIdentityNumber: string | null;
        businessId: string | null;
        vatCode: string | null;
        electronicInvoiceAccount: string | null;
        electronicRoutingAddress: string | null;
        glnNumber: string | null;
        languageCode: string | null;
        disableCollection: boolean;
        address: Address;
        contact: Contact | null;
      };
      invoiceRecipientParty?:
        | {
            name: string | null;
            businessId: string | null;
            vatCode: string | null;
            electronicInvoiceAccount: string | null;
            electronicRoutingAddress: string | null;
            glnNumber: string | null;
            email: string | null;
            languageCode: string | null;
            address: { [K in keyof Address]: string | null };
          }
        | null
        | undefined;
    };
    references?:
      | {
          sales: string | null;
          buyer: string | null;
          orderNumber: string | null;
          agreement: string | null;
          electronicPaymentCode: string | null;
          invoiceCopyUrl: string | null;
          orderDate?: string | null | undefined;
          payment?: string | null | undefined;
          creditedInvoiceNumber?: string | null | undefined;
        }
      | null
      | undefined;
    rows?:
      | Array<{
          productCode: string | null;
          description: string;
          quantity: string;
          unit: string | null;
          unitPrice: string;
          vatPercentage: string;
          netAmount: string;
          vatAmount: string;
          grossAmount: string;
        }>
      | null
      | undefined;
    amounts?: { netAmount: string; vatAmount: string; grossAmount: string } | null | undefined;
  };
  processing?:
    | {
        paymentControlEnabled?: boolean | null | undefined;
        manualApprovalEnabled?: boolean | null | undefined;
        accountingInvoiceEnabled?: boolean | null | undefined;
        showProductCodeEnabled?: boolean | null | undefined;
      }
    | null
    | undefined;
}

/** The seven documented action codes (§4.5). */
export type ActionCode =
  'COMMENT' | 'WITHDRAW' | 'DUEDATE' | 'PAYMENTPLAN' | 'OBJECTION' | 'PAUSE' | 'DIRECTPAYMENT';

/**
 * One action of POST /invoice/action (§4.5): the case it addresses, and the members its code
 * carries besides (a due date; a direct payment's amounts, exact decimal text).
 */
export interface ValidAction {
  kind: 'comment' | 'withdraw' | 'dueDate' | 'paymentPlan' | 'objection' | 'pause' | 'directPayment';
  code: ActionCode;
  data: {
    invoiceNumber: string;
    caseId: string;
    comment: string | null;
    [member: string]: string | null;
  };
}

/** POST /client (§2.2): the provisioning of a new creditor. */
export interface OnboardClientInput {
  service: { type: 'LIFECYCLE' | 'INTERMEDIATION' | 'COOP'; partnerCode: string | null };
  client: {
    name: string;
    businessCode: string;
    vatRegNbr: string | null;
    postalAddress: string | null;
    postalCode: string | null;
    postalDistrict: string | null;
    countryCode: string;
    telephone: string | null;
    email: string | null;
    website: string | null;
    languageCode: string | null;
  };
  contacts: Array<{ role: string; name: string; email: string; phone: string | null }>;
}

/** POST /accounting/ledger (§4.12): one complete ledger document. */
export interface SubmitLedgerInput {
  ledgerIdentifier: string;
  companyIdentifier: string;
  documentType: string;
  documentName: string;
  documentDate: string;
  documentDescription: string | null;
  calculationMode: string;
  ledgerRows: Array<{
    bookingDate: string;
    accountNumber: string;
    vatAccountNumber: string | null;
    vatType: string | null;
    vatCode: string | null;
    amount: string;
    projectNumber: string | null;
    transactionType: string | null;
    transactionDescription: string | null;
    ledgerDimensions: Array<{ dimensionType: string; dimensionValue: string }>;
    vatPercentage?: string | null | undefined;
    netAmount?: string | null | undefined;
    isVatRow?: boolean | null | undefined;
  }>;
}

/** POST /accounting/payment (§4.14). */
export interface SubmitPaymentsInput {
  payments: Array<{
    paymentIdentifier: string;
    invoiceNumber: string;
    paymentDate: string;
    bookingDate: string | null;
    amount: string;
    currency: string;
    paymentReference: string | null;
    sourceName: string | null;
    targetIdentifier?: 'INVOICE_NUMBER' | 'PAYMENT_REFERENCE' | null | undefined;
  }>;
}
