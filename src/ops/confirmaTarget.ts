import type { Config } from '../config.js';
import { budgetFor } from '../http/resilienceConfig.js';
import { createUpstreamHttp } from '../http/upstreamHttp.js';
import type { UpstreamHttp } from '../http/upstreamHttp.js';
import { createConfirmaClient } from '../upstreams/confirma/client.js';
import type { ConfirmaClient, ConfirmaCredentials } from '../upstreams/confirma/client.js';

/** Where an operator command writes: the secret on stdout alone, everything else on stderr. */
export interface CommandOutput {
  /** The one line a pipe into a secret store should receive. */
  secret(line: string): void;
  /** Progress, instructions and errors for the operator. */
  say(line: string): void;
}

/** Confirma as an operator command reaches it: the real API and one credential set. */
export interface ConfirmaTarget {
  client: ConfirmaClient;
  credentials: ConfirmaCredentials;
  /** Where this credential set is configured, e.g. `CONFIRMA_API_KEY`. */
  apiKeySetting: string;
  http: UpstreamHttp;
}

/**
 * The Confirma origin and credentials the subgraph itself would use, with the same transport and
 * client code. Only the real API: the embedded simulator lives inside the running subgraph.
 * With a tenant registry, `--tenant <id>` names whose credentials to use.
 */
export function confirmaTarget(
  config: Config,
  args: readonly string[],
): { ok: true; target: ConfirmaTarget } | { ok: false; problem: string } {
  if (config.confirma.mode !== 'remote') {
    return {
      ok: false,
      problem:
        'CONFIRMA_BASE_URL is not set: this command talks to the real Confirma API (set CONFIRMA_BASE_URL and its credentials as the subgraph has them)',
    };
  }
  const flag = args.indexOf('--tenant');
  const tenantId = flag === -1 ? undefined : args[flag + 1];
  let credentials: ConfirmaCredentials = config.confirma.credentials;
  let apiKeySetting = 'CONFIRMA_API_KEY';
  if (config.security.tenants) {
    const tenant = config.security.tenants.find((candidate) => candidate.id === tenantId);
    if (!tenant) {
      return {
        ok: false,
        problem: `--tenant: name one of the tenants in TENANTS_FILE/TENANTS_JSON (${config.security.tenants.map((t) => t.id).join(', ')})`,
      };
    }
    credentials = tenant.confirma;
    apiKeySetting = `the tenant registry (TENANTS_FILE or TENANTS_JSON) at "${tenant.id}".confirma.apiKey`;
  } else if (tenantId !== undefined) {
    return { ok: false, problem: '--tenant: no tenant registry is configured (TENANTS_FILE/TENANTS_JSON)' };
  }
  const http = createUpstreamHttp({
    upstream: 'confirma',
    origin: config.confirma.baseUrl,
    ...budgetFor(config.upstream, 'confirma'),
  });
  // A copy: the command may replace the key in it, never in the configuration it was given.
  const own = { ...credentials };
  return {
    ok: true,
    target: { client: createConfirmaClient(http, own), credentials: own, apiKeySetting, http },
  };
}
