import { z } from 'zod';
import { isRecord } from '../../lib/records.js';
import { lowerCaseKeys } from '../records.js';
import { boolean, identifier, text } from '../lenient.js';

/**
 * GET /validate (confirma.md §2.3): `{ "isValid": true, "message": "Token is valid" }`. Read
 * through lower-cased keys, as every Confirma reply whose casing the docs show only once
 * (`/renew` writes `Message`).
 */
export const validateReplySchema = z
  .preprocess(lowerCaseKeys, z.object({ isvalid: boolean, valid: boolean, message: text }))
  .transform((r) => ({ isValid: r.isvalid ?? r.valid, message: r.message }));

/** A value under a token key: one word of at least 8 characters (a sentence is not a token). */
const tokenText = text.transform((value) => {
  const word = value?.trim() ?? '';
  return /^\S{8,}$/.test(word) ? word : null;
});

/**
 * Plain status words a 200 might carry in `Message` instead of the token (compared lower-cased,
 * trailing `.`/`!` ignored). Our list: the docs show only `"string"` (§2.4).
 */
const STATUS_WORDS = new Set(['ok', 'success', 'successful', 'renewed', 'done', 'true', 'valid', 'updated']);

/**
 * The docs say the 200 carries the new token in `Message` (§2.4, §7), and by then the old token is
 * revoked, so any single word (at least 8 characters, as under every token key) is taken as the
 * token, plain letters included, except a status word. A sentence (`"Token renewed"`) has
 * whitespace and is never a token.
 */
const messageToken = tokenText.transform((word) =>
  word !== null && !STATUS_WORDS.has(word.toLowerCase().replace(/[.!]+$/, '')) ? word : null,
);

/**
 * GET /renew (§2.4): the docs show only `{ "Message": "string" }`. The new token is read from an
 * explicit token key when Confirma sends one (top level or one `data` level down), otherwise from
 * `Message` unless that is a sentence or a status word; a reply with neither carries no token, and
 * the old one is kept rather than replaced by a sentence.
 */
export const renewReplySchema = z
  .preprocess(
    (body) => lowerCaseKeys(flattenOneLevel(body)),
    z.object({
      accesstoken: tokenText,
      newaccesstoken: tokenText,
      newtoken: tokenText,
      token: tokenText,
      apikey: tokenText,
      newapikey: tokenText,
      message: messageToken,
    }),
  )
  .transform(
    (r) => r.newaccesstoken ?? r.accesstoken ?? r.newtoken ?? r.token ?? r.newapikey ?? r.apikey ?? r.message,
  )
  .pipe(z.string({ error: 'carries no token' }));

/**
 * POST /client (§4.1): the prose promises a client identifier, a customer code, a payment
 * reference prefix and the first access token; the JSON names are undocumented. Keys are read
 * case-insensitively under the likely names, from the top level or one `client`/`data` level down.
 */
export const onboardReplySchema = z
  .preprocess(
    (body) => lowerCaseKeys(flattenOneLevel(body)),
    z.object({
      clientid: identifier,
      clientidentifier: identifier,
      id: identifier,
      customercode: text,
      customernumber: text,
      paymentreferenceprefix: text,
      referenceprefix: text,
      accesstoken: text,
      token: text,
      apikey: text,
    }),
  )
  .transform((r) => ({
    clientId: r.clientid ?? r.clientidentifier ?? r.id,
    customerCode: r.customercode ?? r.customernumber,
    paymentReferencePrefix: r.paymentreferenceprefix ?? r.referenceprefix,
    accessToken: r.accesstoken ?? r.token ?? r.apikey,
  }));

export type OnboardedClient = z.output<typeof onboardReplySchema>;

function flattenOneLevel(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const nested = [body.client, body.data].filter(isRecord);
  return Object.assign({}, ...nested, body);
}
