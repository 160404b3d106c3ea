import type { FactorCloudClient, FactorCloudInvoice, FactorCloudReplyStyle } from '../dataset/types.js';
import { RawJsonNumber, type JsonValue } from '../http.js';

/**
 * Writes FactorCloud records in one of two styles (factorcloud.md §1.5, §8): `typed` (JSON
 * numbers, booleans, null) or `docs-faithful` (what the docs' examples show: every value a
 * string, `""` for null, and get-invoice's `InvoiceNumbe` key).
 */

export type FieldKind = 'text' | 'amount' | 'date' | 'timestamp' | 'boolean' | 'integer';
export type FieldSpec<T> = readonly [key: keyof T & string, kind: FieldKind];
export type JsonObject = { [key: string]: JsonValue };

/** get-invoice fields in the order of the docs' return table (factorcloud.md §4.1). */
export const INVOICE_FIELDS: readonly FieldSpec<FactorCloudInvoice>[] = [
  ['ClientKey', 'text'],
  ['DebtorKey', 'text'],
  ['InvoiceNumber', 'text'],
  ['InvoiceAmount', 'amount'],
  ['InvoiceDate', 'date'],
  ['InvoiceDueDate', 'date'],
  ['InvoiceStatus', 'text'],
  ['RefNumber', 'text'],
  ['InvoicePurchaseDate', 'date'],
  ['InvoiceFundDate', 'date'],
  ['EscrowReserveAmount', 'amount'],
  ['PaymentMade', 'text'],
  ['LastPaymentMadeOn', 'date'],
  ['PaidInFull', 'boolean'],
  ['PaidInFullOn', 'date'],
];

/** get-client fields in the order of the docs' list (factorcloud.md §4.3). */
const CLIENT_FIELDS: readonly FieldSpec<FactorCloudClient>[] = [
  ['UUID', 'text'],
  ['ClientKey', 'text'],
  ['Name', 'text'],
  ['CompCode', 'text'],
  ['Address1', 'text'],
  ['Address2', 'text'],
  ['City', 'text'],
  ['State', 'text'],
  ['ZipCode', 'text'],
  ['Country', 'text'],
  ['Phone', 'text'],
  ['PhoneAlt', 'text'],
  ['Fax', 'text'],
  ['Email', 'text'],
  ['UccDate', 'timestamp'],
  ['UccDate2', 'timestamp'],
  ['UccSignedDate', 'timestamp'],
  ['Type', 'text'],
  ['Industry', 'integer'],
  ['AltName', 'text'],
  ['EdiID', 'text'],
  ['FedTaxNum', 'text'],
  ['DunsNum', 'text'],
  ['MCNumber', 'text'],
  ['DOTNumber', 'text'],
  ['CreditLimit', 'amount'],
];

/** The docs' get-invoice example misspells this key (seed: factorcloud-get-invoice.txt). */
const DOCS_INVOICE_NUMBER_KEY = 'InvoiceNumbe';

export function invoiceJson(invoice: FactorCloudInvoice, style: FactorCloudReplyStyle): JsonValue {
  const rename = style.kind === 'docs-faithful' ? { InvoiceNumber: DOCS_INVOICE_NUMBER_KEY } : {};
  return render(invoice, INVOICE_FIELDS, style, rename);
}

export function clientJson(client: FactorCloudClient, style: FactorCloudReplyStyle): JsonValue {
  return render(client, CLIENT_FIELDS, style, {});
}

/**
 * The reply for an unknown InvoiceIntegrationId. Docs are silent on not-found; the simulator
 * returns the docs' own example body: 200, every key present with `""`, `InvoiceNumbe` misspelt.
 */
export function emptyInvoiceJson(): JsonValue {
  return Object.fromEntries(
    INVOICE_FIELDS.map(([key]) => [key === 'InvoiceNumber' ? DOCS_INVOICE_NUMBER_KEY : key, '']),
  );
}

/**
 * The reply for an unknown client key. Docs are silent on not-found; the simulator mirrors the
 * empty examples the docs show for debtors (factorcloud.md §4.2): 200, every key `""`.
 */
export function emptyClientJson(): JsonValue {
  return Object.fromEntries(CLIENT_FIELDS.map(([key]) => [key, '']));
}

/** Every key of `fields` with `""`: the docs' examples for records they do not know. */
export function emptyJson<T>(fields: readonly FieldSpec<T>[]): JsonObject {
  return Object.fromEntries(fields.map(([key]) => [key, '']));
}

export function render<T>(
  record: T,
  fields: readonly FieldSpec<T>[],
  style: FactorCloudReplyStyle,
  rename: Partial<Record<string, string>> = {},
): JsonObject {
  const out: JsonObject = {};
  for (const [key, kind] of fields) out[rename[key] ?? key] = styledValue(record[key], kind, style);
  return out;
}

/** One value in the reply style: typed JSON, or the docs' all-string form. */
export function styledValue(value: unknown, kind: FieldKind, style: FactorCloudReplyStyle): JsonValue {
  return style.kind === 'typed' ? typedValue(value, kind) : docsValue(value, kind, style);
}

function typedValue(value: unknown, kind: FieldKind): JsonValue {
  if (value === null || value === undefined) return null;
  if (kind === 'amount') return new RawJsonNumber(String(value));
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  return String(value);
}

function docsValue(
  value: unknown,
  kind: FieldKind,
  style: Extract<FactorCloudReplyStyle, { kind: 'docs-faithful' }>,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') {
    if (style.booleans === 'letters') return value ? 't' : 'f';
    return value ? 'true' : 'false';
  }
  const text = String(value);
  if (kind === 'amount' && style.amounts === 'trimmed') return text.replace(/\.?0+$/, '');
  if (kind === 'date' && style.dates === 'midnight-timestamp') return `${text} 00:00:00`;
  return text;
}
