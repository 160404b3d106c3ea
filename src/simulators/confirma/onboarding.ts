import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JsonReply } from '../http.js';
import {
  businessCode,
  checkPostalCode,
  countryCode,
  email,
  languageCode,
  optionalText,
  parseRequest,
  text,
  website,
} from './requests.js';
import type { ConfirmaCall } from './state.js';

/**
 * Onboarding and token lifecycle (confirma.md §2, §4.1–4.3). Who may call what is decided in
 * server.ts: the partner provisioning token only reaches POST /client, client keys everything else.
 */

/**
 * Docs show only `LIFECYCLE` and name the services Lifecycle, Intermediation and Co-Op in prose
 * (§4.1); the simulator spells the other two `INTERMEDIATION` and `COOP`.
 */
const SERVICE_TYPES = ['LIFECYCLE', 'INTERMEDIATION', 'COOP'] as const;
/**
 * Docs' onboarding prose names primary, technical and accountant contacts, and the person who
 * finishes onboarding and receives the credentials (§2.5); the key and values are the simulator's.
 */
const CONTACT_TYPES = ['PRIMARY', 'TECHNICAL', 'ACCOUNTANT', 'ONBOARDING'] as const;

const phone = z.string().regex(/^(?:|\+?[0-9][0-9 ()-]{4,19})$/, 'must be a telephone number');

/**
 * Docs give no required flags (§4.1). The simulator requires what it cannot onboard without
 * (service type, name, business code, country, e-mail) and checks the rest when present.
 * Unknown fields are accepted and ignored, as the captured example is cut off mid-object.
 */
const createClientSchema = z.object({
  service: z.object({ type: z.enum(SERVICE_TYPES), partnerCode: optionalText }),
  client: z
    .object({
      name: text,
      businessCode,
      vatRegNbr: z
        .string()
        .regex(/^(?:|[A-Z]{2}[0-9A-Z]{2,13})$/, 'must be a VAT number like FI12345678')
        .nullish(),
      postalAddress: optionalText,
      postalCode: optionalText,
      postalDistrict: optionalText,
      countryCode,
      telephone: phone.nullish(),
      email,
      website: website.nullish(),
      languageCode: languageCode.nullish(),
    })
    .superRefine((client, ctx) =>
      checkPostalCode(ctx, ['postalCode'], client.countryCode, client.postalCode),
    ),
  contacts: z
    .array(z.object({ type: z.enum(CONTACT_TYPES).nullish(), name: text, email, telephone: phone.nullish() }))
    .nullish(),
});

/**
 * POST /client. Docs name four results without field names (§2.5); the simulator answers
 * 201 Created `{ clientId, customerCode, paymentReferencePrefix, accessToken }`:
 * - `clientId`: integer, counting from 10001 (ids elsewhere in the API are integers);
 * - `customerCode`: `CF` + six digits;
 * - `paymentReferencePrefix`: four digits, the start of the client's Finnish payment references;
 * - `accessToken`: a new client key, valid at once on every client endpoint.
 * A business code that is already onboarded is refused with 409 Conflict and no new key: the
 * request is well formed, and 402 stays reserved for rules about an existing object's state.
 */
export function createClient(call: ConfirmaCall): JsonReply {
  const parsed = parseRequest(createClientSchema, call.body);
  if (!parsed.ok) return parsed.reply;
  const { client } = parsed.value;
  const { state } = call;
  if (state.clients.has(client.businessCode)) {
    return {
      status: 409,
      body: { message: `A client with businessCode ${client.businessCode} is already onboarded` },
    };
  }
  const clientId = state.ids.nextClientId++;
  const onboarded = {
    clientId,
    customerCode: `CF${String(clientId).padStart(6, '0')}`,
    paymentReferencePrefix: String(2600 + state.clients.size + 1),
    businessCode: client.businessCode,
    name: client.name,
  };
  state.clients.set(client.businessCode, onboarded);
  const accessToken = newToken();
  state.clientKeys.add(accessToken);
  return {
    status: 201,
    body: {
      clientId,
      customerCode: onboarded.customerCode,
      paymentReferencePrefix: onboarded.paymentReferencePrefix,
      accessToken,
    },
  };
}

/**
 * GET /validate (§2.3). Only a valid client key gets this far; an unknown one is refused with
 * 401 before routing. Docs are silent on which of 401 or `isValid: false` a bad key gets; the
 * simulator chooses 401 so validate behaves like every other endpoint.
 */
export function validateToken(): JsonReply {
  return { status: 200, body: { isValid: true, message: 'Token is valid' } };
}

/**
 * GET /renew (§2.4): 200 `{ "Message": "<new token>" }` with the docs' capital M. The old key
 * stops working at once (401 afterwards) and the new one works immediately. Docs do not say
 * whether the old token survives; the simulator revokes it because the docs present renewal as
 * the answer to a leaked token.
 */
export function renewToken(call: ConfirmaCall): JsonReply {
  const token = newToken();
  call.state.clientKeys.delete(call.apiKey);
  call.state.clientKeys.add(token);
  return { status: 200, body: { Message: token } };
}

function newToken(): string {
  return `sim-confirma-${randomUUID()}`;
}
