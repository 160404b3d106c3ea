import { parseReply } from '../parse.js';
import type { ConfirmaCall, ConfirmaCredentials, WriteResult } from './call.js';
import { WRITE_REFUSALS } from './call.js';

/**
 * These calls are about a credential, so a refused credential (401/403) is their answer, not a
 * failure of the subgraph: it comes back as a typed refusal the resolver turns into a user error.
 */
const CREDENTIAL_REFUSALS = [...WRITE_REFUSALS, 401, 403];
import { onboardReplySchema, renewReplySchema, validateReplySchema } from './onboardingSchemas.js';
import type { OnboardedClient } from './onboardingSchemas.js';

export interface AccessTokenStatus {
  valid: boolean;
  message: string | null;
}

export interface ConfirmaOnboarding {
  /** POST /client with the partner provisioning token (§4.1). Never retried. */
  onboardClient(body: unknown): Promise<WriteResult<OnboardedClient>>;
  /** GET /validate (§2.3): a refused token is an answer here, not an error. */
  validateToken(): Promise<AccessTokenStatus>;
  /**
   * GET /renew (§2.4). On success the old token stops working, so the shared credentials switch
   * to the new one before it is returned.
   */
  renewToken(): Promise<WriteResult<string>>;
}

export function createConfirmaOnboarding(
  call: ConfirmaCall,
  credentials: ConfirmaCredentials,
): ConfirmaOnboarding {
  return {
    async onboardClient(body) {
      const endpoint = 'client';
      const token = credentials.provisioningToken;
      if (!token) return { ok: false, status: 401 };
      const reply = await call({
        method: 'POST',
        path: '/client',
        endpoint,
        json: body,
        token,
        acceptStatuses: CREDENTIAL_REFUSALS,
      });
      if (reply.status >= 300) return { ok: false, status: reply.status };
      return {
        ok: true,
        value: parseReply(onboardReplySchema, reply.body ?? {}, { upstream: 'confirma', endpoint }),
      };
    },

    async validateToken() {
      const reply = await call({
        method: 'GET',
        path: '/validate',
        endpoint: 'validate',
        acceptStatuses: [400, 401, 403],
      });
      if (reply.status >= 300) {
        return { valid: false, message: `Confirma refused the access token (HTTP ${reply.status})` };
      }
      const parsed = parseReply(validateReplySchema, reply.body, {
        upstream: 'confirma',
        endpoint: 'validate',
      });
      return { valid: parsed.isValid ?? false, message: parsed.message };
    },

    async renewToken() {
      const reply = await call({
        method: 'GET',
        path: '/renew',
        endpoint: 'renew',
        acceptStatuses: CREDENTIAL_REFUSALS,
      });
      if (reply.status >= 300) return { ok: false, status: reply.status };
      const token = parseReply(renewReplySchema, reply.body, { upstream: 'confirma', endpoint: 'renew' });
      credentials.apiKey = token;
      return { ok: true, value: token };
    },
  };
}
