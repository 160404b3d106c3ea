import { z } from 'zod';
import { isRecord, lowerCaseKeys } from '../records.js';
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
 * `Message` may hold the token or words about it (`"Token renewed"`, `"Successful"`). It is read
 * as the token only when it looks like one: a single word with a digit, `-` or `_` in it, or too
 * long (20+) to be a word.
 */
const messageToken = tokenText.transform((word) =>
  word !== null && (/[\d_-]/.test(word) || word.length >= 20) ? word : null,
);

/**
 * GET /renew (§2.4): the docs show only `{ "Message": "string" }`. The new token is read from an
 * explicit token key when Confirma sends one (top level or one `data` level down), otherwise from
 * `Message` when it looks like one; a reply with neither carries no token, and the old one
 * is kept rather than replaced by a sentence.
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
