import type { OnboardClientInput } from '../writeTypes.js';
import type { Endpoint } from '../../endpoint.js';
import { parseReply } from '../../parse.js';
import { isSuccess, refusalOf } from '../../writeOutcome.js';
import type { WriteOutcome } from '../../writeOutcome.js';
import { onboardReplySchema, renewReplySchema, validateReplySchema } from '../onboardingSchemas.js';
import type { OnboardedClient } from '../onboardingSchemas.js';
import { WRITE_REFUSALS, where } from '../transport.js';

/**
 * These calls are about a credential, so a refused credential (401/403) is their answer, not a
 * failure of the subgraph: it comes back as a typed refusal.
 */
const CREDENTIAL_REFUSALS = [...WRITE_REFUSALS, 401, 403];

export interface AccessTokenStatus {
  valid: boolean;
  message: string | null;
}

/** A client to onboard, sent with the partner provisioning token: the one credential POST /client takes. */
export interface ClientOnboarding {
  client: OnboardClientInput;
  provisioningToken: string;
}

/**
 * Credential calls (confirma.md §2.3–2.4, §4.1). None is cached: a token check's point is a live
 * answer, and onboarding and renewal are operator commands' writes.
 */
export const ONBOARDING_ENDPOINTS = {
  /** POST /client (§4.1), sent once. The reply holds the new client's first access token. */
  onboardClient: {
    name: 'client',
    method: 'POST',
    path: '/client',
    idempotent: false,
    request: ({ client, provisioningToken }) => ({
      body: onboardClientBody(client),
      token: provisioningToken,
      accept: CREDENTIAL_REFUSALS,
    }),
    reply({ status, body }) {
      if (!isSuccess(status)) return refusalOf(status);
      return { ok: true, status, value: parseReply(onboardReplySchema, body ?? {}, where('client')) };
    },
  } satisfies Endpoint<ClientOnboarding, WriteOutcome<OnboardedClient>>,

  /** GET /validate (§2.3): a refused token is an answer here, not an error. */
  validateToken: {
    name: 'validate',
    method: 'GET',
    path: '/validate',
    idempotent: true,
    request: (_none: void) => ({ accept: [400, 401, 403] }),
    reply({ status, body }) {
      if (!isSuccess(status))
        return { valid: false, message: `Confirma refused the access token (HTTP ${status})` };
      const parsed = parseReply(validateReplySchema, body, where('validate'));
      return { valid: parsed.isValid ?? false, message: parsed.message };
    },
  } satisfies Endpoint<void, AccessTokenStatus>,

  /**
   * GET /renew (§2.4): a write by GET, sent once. On success Confirma has revoked the old key:
   * the caller switches to the returned one (src/ops/renewConfirmaToken.ts).
   */
  renewToken: {
    name: 'renew',
    method: 'GET',
    path: '/renew',
    idempotent: false,
    request: (_none: void) => ({ accept: CREDENTIAL_REFUSALS }),
    reply({ status, body }) {
      if (!isSuccess(status)) return refusalOf(status);
      return { ok: true, status, value: parseReply(renewReplySchema, body, where('renew')) };
    },
  } satisfies Endpoint<void, WriteOutcome<string>>,
};

/**
 * POST /client body. The docs do not show `contacts`; our choice: the role goes as `type`, and the
 * phone as `telephone`, the name the docs' `client` block uses for it.
 */
function onboardClientBody(input: OnboardClientInput) {
  return {
    service: { type: input.service.type, partnerCode: input.service.partnerCode },
    client: { ...input.client, telephone: input.client.telephone ?? '', website: input.client.website ?? '' },
    contacts: input.contacts.map((c) => ({ type: c.role, name: c.name, email: c.email, telephone: c.phone })),
  };
}
