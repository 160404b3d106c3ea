import { compCodeFor } from '../dataset/factorCloudDebtors.js';
import type { FactorCloudClient, FactorCloudClientEntry } from '../dataset/types.js';
import type { Call } from './context.js';
import { FieldReader, type Sent } from './fields.js';
import { badRequest, readBodyObject } from './replies.js';
import { clientJson, emptyClientJson } from './replyStyle.js';
import { identifierFrom } from './request.js';

/** create-client (factorcloud.md §5.3) and get-client (§5.4). */

const INDUSTRIES = [1, 2, 3, 4, 5] as const;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const upper = (text: string): string => text.toUpperCase();

/** An optional column: absent keeps the stored value, `""`/`null` clears it, a value replaces it. */
export function merged<T>(sent: Sent<T>, current: T | null): T | null {
  return sent === undefined ? current : sent;
}

/** Every create-client field; fields past `FedTaxNum` are cut off in the docs and read as in get-client. */
function readClient(r: FieldReader) {
  return {
    ClientKey: r.text('ClientKey', true),
    Name: r.text('Name', true),
    CompCode: r.text('CompCode'),
    Address1: r.text('Address1'),
    Address2: r.text('Address2'),
    City: r.text('City'),
    State: r.matching('State', /^[A-Za-z]{2}$/, 'must be a two-letter state code', upper),
    // Docs allow non-US postal codes for clients (§4.3) and give no format: not checked.
    ZipCode: r.text('ZipCode'),
    Country: r.text('Country'),
    Phone: r.text('Phone'),
    PhoneAlt: r.text('PhoneAlt'),
    Fax: r.text('Fax'),
    Email: r.matching('Email', EMAIL, 'must be an email address'),
    UccDate: r.timestamp('UccDate'),
    UccDate2: r.timestamp('UccDate2'),
    UccSignedDate: r.timestamp('UccSignedDate'),
    Type: r.choice('Type', ['0', '1'] as const),
    Industry: industryOf(r.integer('Industry', 1, 5)),
    AltName: r.text('AltName'),
    EdiID: r.text('EdiID'),
    FedTaxNum: r.text('FedTaxNum'),
    DunsNum: r.text('DunsNum'),
    MCNumber: r.text('MCNumber'),
    DOTNumber: r.text('DOTNumber'),
    CreditLimit: r.amount('CreditLimit'),
  };
}

function industryOf(sent: Sent<number>): Sent<FactorCloudClient['Industry']> {
  return sent === undefined || sent === null ? sent : INDUSTRIES.find((industry) => industry === sent);
}

/**
 * create-client: an upsert on `ClientKey` (§5.3). Docs are silent on the reply; the simulator
 * answers with the in-system client in the get-client shape, 201 when it created the client and
 * 200 when it updated one (the statuses store-docs uses for new/updated, §5.16). On update,
 * absent fields keep their value and `""` clears an optional one. `CompCode` is generated when
 * missing or used by another client, as the docs say for debtors (§2); an update keeps the
 * client's current code instead.
 */
const createClient: Call = {
  methods: ['POST'],
  handle({ dataset, behaviour, request, body }) {
    const reader = readBodyObject(request, body);
    if (!(reader instanceof FieldReader)) return reader;
    const sent = readClient(reader);
    const { ClientKey, Name } = sent;
    if (reader.failed || !ClientKey || !Name) return badRequest(reader.problems);
    const clients = dataset.factorCloudClients;
    const existing = clients.get(ClientKey);
    const current = existing?.client;
    const taken = (code: string): boolean =>
      [...clients.values()].some(({ client }) => client.CompCode === code && client.ClientKey !== ClientKey);
    const compCode =
      sent.CompCode && !taken(sent.CompCode)
        ? sent.CompCode
        : (current?.CompCode ?? compCodeFor(Name, taken));
    const client: FactorCloudClient = {
      UUID: current?.UUID ?? behaviour.newUuid(),
      ClientKey,
      Name,
      CompCode: compCode,
      Address1: merged(sent.Address1, current?.Address1 ?? null),
      Address2: merged(sent.Address2, current?.Address2 ?? null),
      City: merged(sent.City, current?.City ?? null),
      State: merged(sent.State, current?.State ?? null),
      ZipCode: merged(sent.ZipCode, current?.ZipCode ?? null),
      Country: merged(sent.Country, current?.Country ?? null),
      Phone: merged(sent.Phone, current?.Phone ?? null),
      PhoneAlt: merged(sent.PhoneAlt, current?.PhoneAlt ?? null),
      Fax: merged(sent.Fax, current?.Fax ?? null),
      Email: merged(sent.Email, current?.Email ?? null),
      UccDate: merged(sent.UccDate, current?.UccDate ?? null),
      UccDate2: merged(sent.UccDate2, current?.UccDate2 ?? null),
      UccSignedDate: merged(sent.UccSignedDate, current?.UccSignedDate ?? null),
      Type: merged(sent.Type, current?.Type ?? null),
      Industry: merged(sent.Industry, current?.Industry ?? null),
      AltName: merged(sent.AltName, current?.AltName ?? null),
      EdiID: merged(sent.EdiID, current?.EdiID ?? null),
      FedTaxNum: merged(sent.FedTaxNum, current?.FedTaxNum ?? null),
      DunsNum: merged(sent.DunsNum, current?.DunsNum ?? null),
      MCNumber: merged(sent.MCNumber, current?.MCNumber ?? null),
      DOTNumber: merged(sent.DOTNumber, current?.DOTNumber ?? null),
      CreditLimit: merged(sent.CreditLimit, current?.CreditLimit ?? null),
    };
    const entry: FactorCloudClientEntry = {
      replyStyle: existing?.replyStyle ?? behaviour.newRecordReplyStyle,
      client,
    };
    clients.set(ClientKey, entry);
    return { status: existing ? 200 : 201, body: clientJson(client, entry.replyStyle) };
  },
};

/**
 * get-client: one client by `clientkey` (§5.4). Docs are silent on an unknown key; the simulator
 * mirrors the empty examples the docs show for debtors (§4.2): 200, every key `""`.
 */
const getClient: Call = {
  methods: ['GET'],
  handle({ dataset, request, query, path }) {
    const key = identifierFrom(request, query, path, 'clientkey');
    if (key === undefined) return badRequest(['clientkey: is required']);
    const entry = dataset.factorCloudClients.get(key);
    if (!entry) return { status: 200, body: emptyClientJson() };
    return { status: 200, body: clientJson(entry.client, entry.replyStyle) };
  },
};

export const CLIENT_CALLS: ReadonlyMap<string, Call> = new Map([
  ['create-client', createClient],
  ['get-client', getClient],
]);
