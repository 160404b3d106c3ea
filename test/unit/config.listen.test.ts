import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';

// Production refuses to start without the router secret or JWT verification.
const PRODUCTION_ROUTER_SECRET = 'a-router-secret-of-enough-length';
const REMOTE = {
  CONFIRMA_API_KEY: 'canary-confirma-key-9b1',
  FACTORCLOUD_FACTOR_ID: 'canary-factor-id-9b2',
  FACTORCLOUD_SYSTEM_KEY: 'canary-system-key-9b3',
  FACTORCLOUD_API_KEY: 'canary-fc-key-9b4',
  CONFIRMA_BASE_URL: 'https://staging-integrations.confirmafinance.com',
  FACTORCLOUD_BASE_URL: 'https://ws.factorcloud.com',
};

describe('listening interface (HOST)', () => {
  it('is loopback only in development unless HOST is set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('stays every interface in production, as containers need', () => {
    expect(
      loadConfig({ ...REMOTE, NODE_ENV: 'production', ROUTER_SECRET: PRODUCTION_ROUTER_SECRET }).host,
    ).toBeUndefined();
    expect(
      loadConfig({
        ...REMOTE,
        NODE_ENV: 'production',
        ROUTER_SECRET: PRODUCTION_ROUTER_SECRET,
        HOST: '10.0.0.5',
      }).host,
    ).toBe('10.0.0.5');
  });
});

describe('ADMIN_TOKEN', () => {
  it('is off by default and, when set, is a secret for log redaction', () => {
    expect(loadConfig({}).adminToken).toBeUndefined();
    const config = loadConfig({ ADMIN_TOKEN: 'admin-canary-0123456789' });
    expect(config.adminToken).toBe('admin-canary-0123456789');
    expect(secretsOf(config)).toContain('admin-canary-0123456789');
  });

  it('refuses a short token without echoing it', () => {
    let error: unknown;
    try {
      loadConfig({ ADMIN_TOKEN: 'short-9f' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof ConfigError ? error.message : '';
    expect(message).toContain('ADMIN_TOKEN');
    expect(message).not.toContain('short-9f');
  });
});
