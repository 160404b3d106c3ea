import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Tenant } from './tenants.js';

/**
 * The tenant registry (TENANTS_FILE or TENANTS_JSON): tenant id → upstream credentials.
 *
 * ```json
 * {
 *   "acme": {
 *     "confirma": { "apiKey": "…", "provisioningToken": "…" },
 *     "factorCloud": { "factorId": "…", "systemKey": "…", "apiKey": "…" }
 *   }
 * }
 * ```
 * Objects are strict: a misspelt key (`apikey`) is reported rather than silently ignored.
 */

/** Ids travel in a JWT claim or a header and end up in logs and cache keys: keep them plain. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

// Header values: visible ASCII only, or undici refuses to send them (and a stray newline in a
// copied key would otherwise surface as a failed upstream call on the first request).
const credential = z
  .string({ error: 'must be a string' })
  .trim()
  .regex(/^[\x21-\x7e]+$/, { error: 'must be non-empty visible ASCII (it is sent as an HTTP header)' });

const tenantSchema = z.strictObject({
  confirma: z.strictObject({
    apiKey: credential,
    provisioningToken: credential.optional(),
  }),
  factorCloud: z.strictObject({
    factorId: credential,
    systemKey: credential,
    apiKey: credential,
  }),
});

const registrySchema = z.record(z.string(), tenantSchema).superRefine((tenants, ctx) => {
  const ids = Object.keys(tenants);
  if (ids.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one tenant' });
  for (const id of ids.filter((candidate) => !TENANT_ID.test(candidate))) {
    ctx.addIssue({
      code: 'custom',
      path: [id],
      message: 'tenant ids are 1-64 letters, digits, `_`, `.` or `-`',
    });
  }
});

export type TenantSource = { kind: 'file'; path: string } | { kind: 'json'; text: string };

export type TenantsResult = { ok: true; tenants: Tenant[] } | { ok: false; problems: string[] };

/**
 * Reads and validates the registry. Problems name the JSON path, never a value: the text is
 * full of secrets, so neither it nor the JSON parser's message (which quotes it) is repeated.
 */
export function readTenants(source: TenantSource): TenantsResult {
  let text: string;
  if (source.kind === 'file') {
    try {
      text = readFileSync(source.path, 'utf8');
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      return { ok: false, problems: [`cannot read ${source.path} (${code})`] };
    }
  } else {
    text = source.text;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['is not valid JSON (an object of tenant id → credentials)'] };
  }
  const parsed = registrySchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      ),
    };
  }
  return {
    ok: true,
    tenants: Object.entries(parsed.data).map(([id, tenant]) => ({
      id,
      confirma: { apiKey: tenant.confirma.apiKey, provisioningToken: tenant.confirma.provisioningToken },
      factorCloud: { ...tenant.factorCloud },
    })),
  };
}
