import { compCodeFor } from '../dataset/factorCloudDebtors.js';
import { linkKey, type FactorCloudDebtor, type FactorCloudDebtorEntry } from '../dataset/types.js';
import type { JsonReply } from '../http.js';
import { EMAIL, merged } from './clients.js';
import type { CallContext } from './context.js';
import { FieldReader } from './fields.js';
import { badRequest, notFound, readBodyObject } from './replies.js';
import { debtorJson } from './shapes.js';

/**
 * The upsert shared by create-debtor (factorcloud.md §5.6) and create-vendor (§5.13): a master
 * record per key, linked to clients by sub-records. Vendors send their key as `DebtorKey`.
 */

export interface PartyStores {
  masters: Map<string, FactorCloudDebtorEntry>;
  links: Map<string, FactorCloudDebtorEntry>;
}

const PHONE = /^(?:\d{3}-\d{3}-\d{4}|\d{10}|\(\d{3}\) \d{3}-\d{4})$/;
const ZIP: Record<string, RegExp> = {
  USA: /^\d{5}(?:-\d{4})?$/,
  MEX: /^\d{5}$/,
  CAN: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
};
const ANY_ZIP = /^(?:\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d)$/;

/**
 * Phones are stored as `###-###-####` whichever of the three accepted formats (§3) was sent; the
 * docs warn the echo reflects formatting applied on insert (§1.5).
 */
const phoneOf = (text: string): string =>
  text.replace(/\D/g, '').replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3');
const zipOf = (text: string): string =>
  /^[A-Za-z]/.test(text) ? text.toUpperCase().replace(/^(\w{3}) ?(\w{3})$/, '$1 $2') : text;

function readParty(r: FieldReader) {
  const sent = {
    ClientKey: r.text('ClientKey', true),
    DebtorKey: r.text('DebtorKey', true),
    CompCode: r.text('CompCode'),
    Name: r.text('Name', true),
    Address1: r.text('Address1'),
    Address2: r.text('Address2'),
    City: r.text('City'),
    State: r.matching('State', /^[A-Za-z]{2}$/, 'must be a two-letter state or province code', (s) =>
      s.toUpperCase(),
    ),
    ZipCode: r.matching('Zipcode', ANY_ZIP, 'must be a US, Mexican or Canadian postal code', zipOf),
    Country: r.choice('Country', ['USA', 'MEX', 'CAN'] as const),
    Phone: r.matching('Phone', PHONE, 'must be ###-###-####, ########## or (###) ###-####', phoneOf),
    Fax: r.matching('Fax', PHONE, 'must be ###-###-####, ########## or (###) ###-####', phoneOf),
    Email: r.matching('Email', EMAIL, 'must be an email address'),
    MCNumber: r.text('McNumber'),
    DOTNumber: r.text('DOTNumber'),
    Notes: r.text('Notes'),
    // Not in the docs' visible input table, but in the read object (§4.2); accepted so a caller
    // can set what it reads back. Docs are silent; absent means no limit and buying allowed.
    CreditLimit: r.amount('CreditLimit'),
    BuyStatus: r.boolean('BuyStatus'),
  };
  const zipRule = sent.Country ? ZIP[sent.Country] : undefined;
  if (sent.ZipCode && zipRule && !zipRule.test(sent.ZipCode)) {
    r.problem('Zipcode', `must be a postal code of ${sent.Country ?? ''}`);
  }
  return sent;
}

/**
 * The three documented cases (§5.6), applied with the request's fields:
 * 1. the client already has this key → its sub-record is updated (200); the master is untouched,
 *    since the docs say only the sub-debtor is updated;
 * 2. the key is new → a master and a sub-record are created from the request (201);
 * 3. the master exists but is not linked to this client → a sub-record is created (201), starting
 *    from the master's data with the request's fields on top.
 * Docs are silent on the reply; it is the sub-record in the §4.2 read shape. An unknown
 * `ClientKey` is 404: a link needs a client, and the docs never create clients implicitly.
 * `CompCode` is generated when missing or used by another key (§2); an existing record keeps its
 * code instead. Absent fields keep their value, `""` clears an optional one.
 */
export function upsertParty(context: CallContext, stores: PartyStores): JsonReply {
  const { dataset, behaviour, request, body } = context;
  const reader = readBodyObject(request, body);
  if (!(reader instanceof FieldReader)) return reader;
  const sent = readParty(reader);
  const { ClientKey, DebtorKey: key, Name } = sent;
  if (reader.failed || !ClientKey || !key || !Name) return badRequest(reader.problems);
  if (!dataset.factorCloudClients.has(ClientKey)) return notFound('ClientKey', `no client "${ClientKey}"`);

  const link = stores.links.get(linkKey(ClientKey, key));
  const master = stores.masters.get(key);
  const base = link?.debtor ?? master?.debtor;
  const taken = (code: string): boolean =>
    [...stores.masters.values(), ...stores.links.values()].some(
      ({ debtor }) => debtor.CompCode === code && debtor.DebtorKey !== key,
    );
  const record: FactorCloudDebtor = {
    ClientKey,
    DebtorKey: key,
    CompCode:
      sent.CompCode && !taken(sent.CompCode) ? sent.CompCode : (base?.CompCode ?? compCodeFor(Name, taken)),
    Name,
    Address1: merged(sent.Address1, base?.Address1 ?? null),
    Address2: merged(sent.Address2, base?.Address2 ?? null),
    City: merged(sent.City, base?.City ?? null),
    State: merged(sent.State, base?.State ?? null),
    ZipCode: merged(sent.ZipCode, base?.ZipCode ?? null),
    Country: merged(sent.Country, base?.Country ?? null),
    Phone: merged(sent.Phone, base?.Phone ?? null),
    Fax: merged(sent.Fax, base?.Fax ?? null),
    Email: merged(sent.Email, base?.Email ?? null),
    MCNumber: merged(sent.MCNumber, base?.MCNumber ?? null),
    DOTNumber: merged(sent.DOTNumber, base?.DOTNumber ?? null),
    Notes: merged(sent.Notes, base?.Notes ?? null),
    CreditLimit: merged(sent.CreditLimit, base?.CreditLimit ?? null),
    BuyStatus: merged(sent.BuyStatus, base?.BuyStatus ?? null) ?? false,
  };
  const style = link?.replyStyle ?? behaviour.newRecordReplyStyle;
  if (!master) stores.masters.set(key, { replyStyle: style, debtor: { ...record, ClientKey: null } });
  stores.links.set(linkKey(ClientKey, key), { replyStyle: style, debtor: record });
  return { status: link ? 200 : 201, body: debtorJson(record, style) };
}
