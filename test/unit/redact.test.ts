import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/lib/redact.js';

const SECRETS = ['canary-api-key-1', 'canary-system-2'];

describe('redactSecrets', () => {
  it('scrubs every occurrence in a string', () => {
    expect(redactSecrets('key canary-api-key-1 and again canary-api-key-1', SECRETS)).toBe(
      'key [REDACTED] and again [REDACTED]',
    );
  });

  it('scrubs strings nested in objects and arrays and leaves other values alone', () => {
    const input = {
      request: { headers: { 'Auth-ApiKey': 'canary-api-key-1', 'Auth-SystemKey': 'canary-system-2' } },
      attempts: 3,
      ok: false,
      notes: ['first', 'sent canary-system-2 twice'],
      none: null,
    };
    expect(redactSecrets(input, SECRETS)).toEqual({
      request: { headers: { 'Auth-ApiKey': '[REDACTED]', 'Auth-SystemKey': '[REDACTED]' } },
      attempts: 3,
      ok: false,
      notes: ['first', 'sent [REDACTED] twice'],
      none: null,
    });
  });

  it('scrubs Error messages, also inside objects', () => {
    const error = new Error('upstream echoed canary-api-key-1');
    expect(redactSecrets(error, SECRETS)).toEqual({ name: 'Error', message: 'upstream echoed [REDACTED]' });
    const wrapped = redactSecrets({ err: new TypeError('bad canary-system-2') }, SECRETS);
    expect(wrapped).toEqual({ err: { name: 'TypeError', message: 'bad [REDACTED]' } });
  });

  it('does not change the input', () => {
    const input = { key: 'canary-api-key-1' };
    redactSecrets(input, SECRETS);
    expect(input.key).toBe('canary-api-key-1');
  });

  it('returns the value as is when there are no secrets', () => {
    const input = { key: 'canary-api-key-1' };
    expect(redactSecrets(input, [])).toBe(input);
  });

  it('leaves no secret in the serialized output of a deep structure', () => {
    const input = { a: { b: { c: { d: [{ e: 'canary-api-key-1' }] } } } };
    expect(JSON.stringify(redactSecrets(input, SECRETS))).not.toContain('canary');
  });
});
