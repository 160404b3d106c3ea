import type { IncomingHttpHeaders } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWTPayload, JWTVerifyGetKey, KeyObject } from 'jose';

/** Where the verification keys come from (JWT_JWKS_URL or JWT_PUBLIC_KEY). */
export type JwtKeys =
  | { kind: 'remote'; url: string; timeoutMs: number }
  | { kind: 'set'; jwks: JSONWebKeySet }
  | { kind: 'key'; key: KeyObject | CryptoKey };

export interface JwtConfig {
  issuer: string;
  /** Accepted audiences; the token's `aud` must contain one of them. */
  audience: string[];
  /** Allow-list of JWS algorithms; anything else is refused before a key is looked up. */
  algorithms: string[];
  clockToleranceSeconds: number;
  /** Claim naming the tenant (JWT_TENANT_CLAIM, default `tenant`). */
  tenantClaim: string;
  keys: JwtKeys;
}

export type TokenCheck =
  | { ok: true; claims: JWTPayload }
  /** 401: the caller's token is missing or bad; 503: our key source is down. */
  | { ok: false; status: 401 | 503; reason: string };

export type JwtVerifier = (headers: IncomingHttpHeaders) => Promise<TokenCheck>;

/** Compact JWS: three base64url parts; bounded so a huge header costs nothing to refuse. */
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const MAX_TOKEN_LENGTH = 16_384;

/** Our key source failed (JWKS endpoint down, slow or garbled); not the caller's fault. */
class KeysUnavailable extends Error {
  override readonly name = 'KeysUnavailable';
}

/**
 * Verifies `Authorization: Bearer <JWT>` (RFC 6750) with jose: signature by an allowed
 * algorithm, `iss`, `aud`, and `exp` (required, so no token is valid forever) with the clock
 * tolerance. Reasons say which check failed, never a claim's value.
 */
export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const key = keyResolver(config.keys);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ['exp'],
  };
  return async (headers) => {
    const token = bearerToken(headers.authorization);
    if (token === undefined) {
      return { ok: false, status: 401, reason: 'Send a JWT as `Authorization: Bearer <token>`' };
    }
    try {
      const { payload } = await jwtVerify(token, key, options);
      return { ok: true, claims: payload };
    } catch (error) {
      if (error instanceof KeysUnavailable) {
        return {
          ok: false,
          status: 503,
          reason: 'The token could not be checked: signing keys are unavailable',
        };
      }
      return { ok: false, status: 401, reason: `Invalid token: ${reasonOf(error)}` };
    }
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer +(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_LENGTH && COMPACT_JWS.test(token)
    ? token
    : undefined;
}

function keyResolver(keys: JwtKeys): JWTVerifyGetKey | KeyObject | CryptoKey {
  if (keys.kind === 'key') return keys.key;
  if (keys.kind === 'set') return createLocalJWKSet(keys.jwks);
  // jose caches the set, refetches on an unknown `kid` (at most every 30 s) and every 10 min.
  const remote = createRemoteJWKSet(new URL(keys.url), { timeoutDuration: keys.timeoutMs });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // These come from a set we did get: the token names a key or algorithm we do not have.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new KeysUnavailable('JWKS fetch failed', { cause: error });
    }
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the \`${error.claim}\` claim is missing`;
    switch (error.claim) {
      case 'iss':
        return 'it was not issued by the expected issuer';
      case 'aud':
        return 'it is not meant for this audience';
      case 'nbf':
      case 'iat':
        return 'it is not valid yet';
      default:
        return `the \`${error.claim}\` claim is not acceptable`;
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its signing algorithm is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no known key matches it (`kid`)';
  if (error instanceof errors.JWKSMultipleMatchingKeys) return 'several keys match it; set `kid`';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'it is malformed';
  // Unsupported algorithm, or a key of another type than the algorithm needs.
  return 'it cannot be verified with the configured keys';
}
