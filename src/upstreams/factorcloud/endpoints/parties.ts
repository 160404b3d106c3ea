import type { Endpoint } from '../../endpoint.js';
import { parseReply } from '../../parse.js';
import type { WriteOutcome } from '../../writeOutcome.js';
import { foundAge } from '../answerAges.js';
import { clientBody, debtorBody, vendorBody } from '../bodies.js';
import { CLIENT_KEYS, clientSchema } from '../clientSchema.js';
import { DEBTOR_KEYS, debtorSchema, vendorSchema } from '../debtorSchema.js';
import { hasNoValues } from '../keys.js';
import type { ClientDebtorRecord, ClientRecord, DebtorRecord, VendorRecord } from '../records.js';
import { NOT_KNOWN, WRITE_REFUSAL_STATUSES, knownOrNull, readEcho, where, writeReply } from '../replies.js';
import type { ClientWrite, DebtorWrite, VendorWrite } from '../writeTypes.js';
import { CLIENT, CLIENT_DEBTOR, DEBTOR } from './places.js';

/**
 * Clients, debtors and vendors (factorcloud.md §5.3–§5.9, §5.13). Reads answer null when
 * FactorCloud does not know the key. Writes are upserts that answer with the parsed echo, or null
 * when the echo is unusable (replies.ts); keys missing from an echo fall back to the keys sent.
 * The list calls whose URIs the docs do not give (all clients, all master debtors, a client's
 * sub-debtors; §5.5, §5.9) are deliberately absent.
 */

export interface ClientDebtorKeys {
  clientKey: string;
  debtorKey: string;
}

/** GET get-client/ (§5.4). */
export const clientByKey = {
  name: 'get-client',
  method: 'GET',
  path: 'get-client',
  idempotent: true,
  request: (clientKey) => ({ query: { clientkey: clientKey }, accept: NOT_KNOWN }),
  reply: knownOrNull(
    (body) => hasNoValues(body, CLIENT_KEYS),
    (body, clientKey: string): ClientRecord => {
      const reply = parseReply(clientSchema, body, where('get-client'));
      return { ...reply, clientKey: reply.clientKey ?? clientKey };
    },
  ),
  cache: { place: (key) => ({ resource: CLIENT, key: [key] }), ttl: (found) => foundAge('party', found) },
  loader: { key: (key) => key },
} satisfies Endpoint<string, ClientRecord | null>;

/** GET get-client-debtor/ (§5.7): one client's sub-debtor, the link to a master debtor. */
export const clientDebtorByKeys = {
  name: 'get-client-debtor',
  method: 'GET',
  path: 'get-client-debtor',
  idempotent: true,
  // The docs' example separates the two with a second `?` (§5.7), a typo; `&` is sent.
  request: ({ clientKey, debtorKey }) => ({
    query: { clientkey: clientKey, debtorkey: debtorKey },
    accept: NOT_KNOWN,
  }),
  reply: knownOrNull(
    (body) => hasNoValues(body, DEBTOR_KEYS),
    (body, keys: ClientDebtorKeys): ClientDebtorRecord => {
      const reply = parseReply(debtorSchema, body, where('get-client-debtor'));
      return {
        ...reply,
        clientKey: reply.clientKey ?? keys.clientKey,
        debtorKey: reply.debtorKey ?? keys.debtorKey,
      };
    },
  ),
  cache: {
    place: ({ clientKey, debtorKey }) => ({ resource: CLIENT_DEBTOR, key: [clientKey, debtorKey] }),
    ttl: (found) => foundAge('party', found),
  },
  // JSON of the pair: no separator character a key could contain can make two pairs collide.
  loader: { key: ({ clientKey, debtorKey }) => JSON.stringify([clientKey, debtorKey]) },
} satisfies Endpoint<ClientDebtorKeys, ClientDebtorRecord | null>;

/** GET get-debtor-master/ (§5.8): the master debtor (admin users only, per the docs). */
export const debtorByKey = {
  name: 'get-debtor-master',
  method: 'GET',
  path: 'get-debtor-master',
  idempotent: true,
  // Documented as `?clientkey=<DEBTOR key>` (§5.8); `debtorkey` is sent too, with the same
  // value, so a server that reads the sensible name finds it as well.
  request: (debtorKey) => ({ query: { clientkey: debtorKey, debtorkey: debtorKey }, accept: NOT_KNOWN }),
  reply: knownOrNull(
    (body) => hasNoValues(body, DEBTOR_KEYS),
    (body, debtorKey: string): DebtorRecord => {
      const { clientKey: _clientKey, ...reply } = parseReply(debtorSchema, body, where('get-debtor-master'));
      return { ...reply, debtorKey: reply.debtorKey ?? debtorKey };
    },
  ),
  cache: { place: (key) => ({ resource: DEBTOR, key: [key] }), ttl: (found) => foundAge('party', found) },
  loader: { key: (key) => key },
} satisfies Endpoint<string, DebtorRecord | null>;

/** POST create-client/ (§5.3): upsert on ClientKey. */
export const createClient = {
  name: 'create-client',
  method: 'POST',
  path: 'create-client',
  idempotent: false,
  request: (write) => ({ body: clientBody(write), accept: WRITE_REFUSAL_STATUSES }),
  reply: writeReply((reply, write: ClientWrite): ClientRecord | null => {
    const echo = readEcho(clientSchema, reply, CLIENT_KEYS);
    return echo && { ...echo, clientKey: echo.clientKey ?? write.clientKey };
  }),
  invalidates: (write) => ({ answers: [{ resource: CLIENT, key: [write.clientKey] }] }),
} satisfies Endpoint<ClientWrite, WriteOutcome<ClientRecord | null>>;

/**
 * POST create-debtor/ (§5.6). FactorCloud decides which of the three documented cases applies:
 * update the existing sub-debtor; create a master debtor and its sub-debtor; or link an existing
 * master debtor to the client. Either read may show the change.
 */
export const createDebtor = {
  name: 'create-debtor',
  method: 'POST',
  path: 'create-debtor',
  idempotent: false,
  request: (write) => ({ body: debtorBody(write), accept: WRITE_REFUSAL_STATUSES }),
  reply: writeReply((reply, write: DebtorWrite): ClientDebtorRecord | null => {
    const echo = readEcho(debtorSchema, reply, DEBTOR_KEYS);
    return (
      echo && {
        ...echo,
        clientKey: echo.clientKey ?? write.clientKey,
        debtorKey: echo.debtorKey ?? write.debtorKey,
      }
    );
  }),
  invalidates: (write) => ({
    answers: [
      { resource: CLIENT_DEBTOR, key: [write.clientKey, write.debtorKey] },
      { resource: DEBTOR, key: [write.debtorKey] },
    ],
  }),
} satisfies Endpoint<DebtorWrite, WriteOutcome<ClientDebtorRecord | null>>;

/**
 * POST create-vendor/ (§5.13): the same upsert for a broker's vendor. A vendor travels as a
 * debtor key, so the same two reads may show it.
 */
export const createVendor = {
  name: 'create-vendor',
  method: 'POST',
  path: 'create-vendor',
  idempotent: false,
  request: (write) => ({ body: vendorBody(write), accept: WRITE_REFUSAL_STATUSES }),
  reply: writeReply((reply, write: VendorWrite): VendorRecord | null => {
    const echo = readEcho(vendorSchema, reply, DEBTOR_KEYS);
    return (
      echo && {
        ...echo,
        clientKey: echo.clientKey ?? write.clientKey,
        vendorKey: echo.vendorKey ?? write.vendorKey,
      }
    );
  }),
  invalidates: (write) => ({
    answers: [
      { resource: CLIENT_DEBTOR, key: [write.clientKey, write.vendorKey] },
      { resource: DEBTOR, key: [write.vendorKey] },
    ],
  }),
} satisfies Endpoint<VendorWrite, WriteOutcome<VendorRecord | null>>;

export const PARTY_ENDPOINTS = {
  clientByKey,
  clientDebtorByKeys,
  debtorByKey,
  createClient,
  createDebtor,
  createVendor,
};
