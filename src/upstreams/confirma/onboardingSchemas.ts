import { z } from 'zod';
import { isRecord, lowerCaseKeys } from '../records.js';
import { boolean, identifier, text } from '../lenient.js';

/** GET /validate (confirma.md §2.3): `{ "isValid": true, "message": "Token is valid" }`. */
export const validateReplySchema = z.object({ isValid: boolean, message: text });

/**
 * GET /renew (§2.4): the docs show only `{ "Message": "string" }`. The new token is read from an
 * explicit token key when Confirma sends one, otherwise from `Message`.
 */
export const renewReplySchema = z
  .preprocess(lowerCaseKeys, z.object({ accesstoken: text, token: text, apikey: text, message: text }))
  .transform((r) => r.accesstoken ?? r.token ?? r.apikey ?? r.message)
  .pipe(z.string({ error: 'carries no token' }).min(8, 'carries no token'));

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
