/**
 * Security settings that only make sense together, checked on the raw environment values so
 * they are reported with every other configuration problem at once (as config.ts does).
 */

const UPSTREAM_CREDENTIALS = [
  'CONFIRMA_API_KEY',
  'CONFIRMA_PROVISIONING_TOKEN',
  'FACTORCLOUD_FACTOR_ID',
  'FACTORCLOUD_SYSTEM_KEY',
  'FACTORCLOUD_API_KEY',
];

export function hasTenantRegistry(env: Record<string, string | undefined>): boolean {
  return Boolean(env.TENANTS_FILE?.trim() || env.TENANTS_JSON?.trim());
}

/** Every problem found, each prefixed with the variable to change. */
export function securityProblems(env: Record<string, string | undefined>): string[] {
  const has = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  const jwtKeys = has('JWT_JWKS_URL') || has('JWT_PUBLIC_KEY');
  if (has('JWT_JWKS_URL') && has('JWT_PUBLIC_KEY')) {
    problems.push('JWT_PUBLIC_KEY: set either JWT_JWKS_URL or JWT_PUBLIC_KEY, not both');
  }
  // Without an expected issuer and audience any token signed by the key would do.
  for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE']) {
    if (jwtKeys && !has(name)) problems.push(`${name}: is required when JWT verification is configured`);
  }
  if (!jwtKeys && (has('JWT_ISSUER') || has('JWT_AUDIENCE'))) {
    problems.push(
      'JWT_JWKS_URL: JWT_ISSUER/JWT_AUDIENCE are set but no key source (JWT_JWKS_URL or JWT_PUBLIC_KEY)',
    );
  }
  if (env.NODE_ENV?.trim() === 'production' && env.JWT_JWKS_URL?.trim().startsWith('http:')) {
    problems.push('JWT_JWKS_URL: must be https in production (keys fetched in the clear can be swapped)');
  }
  // Without either, every caller could read the whole schema through `_service { sdl }` (and
  // call every field): production answers only the router (ROUTER_SECRET) or verified callers.
  if (env.NODE_ENV?.trim() === 'production' && !jwtKeys && !has('ROUTER_SECRET')) {
    problems.push(
      'ROUTER_SECRET: is required with NODE_ENV=production unless JWT verification is configured (JWT_JWKS_URL or JWT_PUBLIC_KEY): without either, any caller can read the full schema through _service and call every field',
    );
  }
  if (!hasTenantRegistry(env)) return problems;

  const source = has('TENANTS_FILE') ? 'TENANTS_FILE' : 'TENANTS_JSON';
  if (has('TENANTS_FILE') && has('TENANTS_JSON')) {
    problems.push('TENANTS_JSON: set either TENANTS_FILE or TENANTS_JSON, not both');
  }
  if (!jwtKeys && !has('ROUTER_SECRET')) {
    problems.push(
      `${source}: needs JWT verification or ROUTER_SECRET: without them nothing trustworthy says which tenant a request is for`,
    );
  }
  for (const name of UPSTREAM_CREDENTIALS) {
    if (has(name)) problems.push(`${name}: is not used with a tenant registry; put it in ${source}`);
  }
  for (const base of ['CONFIRMA_BASE_URL', 'FACTORCLOUD_BASE_URL']) {
    if (!has(base)) {
      problems.push(
        `${base}: is required with ${source} (the embedded simulators accept only their own credentials)`,
      );
    }
  }
  return problems;
}
