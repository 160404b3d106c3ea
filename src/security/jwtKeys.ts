import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import type { JwtKeys } from './jwt.js';

/**
 * A public JWK. Private (`d`) and symmetric (`oct`) keys are refused: the subgraph only ever
 * verifies, and a shared secret in its configuration would let it mint tokens too.
 */
const publicJwk = z
  .looseObject({ kty: z.enum(['RSA', 'EC', 'OKP'], { error: 'kty must be RSA, EC or OKP (a public key)' }) })
  .refine((jwk) => !('d' in jwk), { error: 'is a private key; give the public key only' });

const jwkSet = z.object({ keys: z.array(publicJwk).min(1, { error: 'keys must not be empty' }) });

export type KeysResult = { ok: true; keys: JwtKeys } | { ok: false; problem: string };

/**
 * JWT_PUBLIC_KEY: a PEM public key (SPKI, `-----BEGIN PUBLIC KEY-----`), one JWK, or a JWKS
 * (`{"keys":[…]}`). Literal `\n` sequences are read as newlines, so a PEM fits on one line of an
 * env file. Problems never quote the value.
 */
export function parsePublicKeys(text: string): KeysResult {
  const value = text.replaceAll('\\n', '\n').trim();
  if (value.startsWith('-----BEGIN')) return fromPem(value);
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, problem: 'must be a PEM public key, a JWK or a JWKS (JSON)' };
  }
  if (typeof json === 'object' && json !== null && 'keys' in json) {
    const set = jwkSet.safeParse(json);
    if (!set.success) return { ok: false, problem: `JWKS: ${firstIssue(set.error)}` };
    return { ok: true, keys: { kind: 'set', jwks: set.data } };
  }
  const jwk = publicJwk.safeParse(json);
  if (!jwk.success) return { ok: false, problem: `JWK: ${firstIssue(jwk.error)}` };
  try {
    return { ok: true, keys: { kind: 'key', key: createPublicKey({ key: jwk.data, format: 'jwk' }) } };
  } catch {
    return { ok: false, problem: 'JWK: is not a usable public key' };
  }
}

function fromPem(pem: string): KeysResult {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return { ok: false, problem: 'is a private key; give the public key only' };
  }
  try {
    return { ok: true, keys: { kind: 'key', key: createPublicKey(pem) } };
  } catch {
    return { ok: false, problem: 'is not a readable PEM public key (expected -----BEGIN PUBLIC KEY-----)' };
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
