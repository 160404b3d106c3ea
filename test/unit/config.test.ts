import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';

const CANARIES = {
  CONFIRMA_API_KEY: 'canary-confirma-key-7a1',
  FACTORCLOUD_FACTOR_ID: 'canary-factor-id-7a2',
  FACTORCLOUD_SYSTEM_KEY: 'canary-system-key-7a3',
  FACTORCLOUD_API_KEY: 'canary-fc-key-7a4',
};

const REMOTE = {
  ...CANARIES,
  CONFIRMA_BASE_URL: 'https://staging-integrations.confirmafinance.com',
  FACTORCLOUD_BASE_URL: 'https://ws.factorcloud.com',
};

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

function expectNoCanary(error: ConfigError): void {
  const text = `${error.message}\n${error.problems.join('\n')}`;
  for (const secret of Object.values(CANARIES)) expect(text).not.toContain(secret);
  expect(text).not.toContain('canary');
}

describe('loadConfig defaults', () => {
  it('uses PORT 4000, the {invoiceNumber} template and simulators when nothing is set', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(4000);
    expect(config.invoiceIdTemplate).toBe('{invoiceNumber}');
    expect(config.confirma.mode).toBe('simulator');
    expect(config.factorCloud.mode).toBe('simulator');
    expect(config.upstream.maxConcurrency).toBeGreaterThanOrEqual(8);
  });

  it('uses remote upstreams, reduced to their origin, when base URLs and credentials are set', () => {
    const config = loadConfig({ ...REMOTE, FACTORCLOUD_BASE_URL: 'https://ws.factorcloud.com/' });
    expect(config.confirma).toEqual({
      mode: 'remote',
      baseUrl: 'https://staging-integrations.confirmafinance.com',
      credentials: { apiKey: CANARIES.CONFIRMA_API_KEY },
    });
    expect(config.factorCloud.mode === 'remote' && config.factorCloud.baseUrl).toBe(
      'https://ws.factorcloud.com',
    );
    expect(secretsOf(config)).toEqual(expect.arrayContaining(Object.values(CANARIES)));
  });

  it('accepts production when both base URLs and credentials are set', () => {
    const secret = { ROUTER_SECRET: 'router-secret-0123456789' };
    expect(loadConfig({ ...REMOTE, ...secret, NODE_ENV: 'production', PORT: '8080' }).port).toBe(8080);
  });

  it('keeps a template that contains {invoiceNumber}', () => {
    expect(loadConfig({ FACTORCLOUD_INVOICE_ID_TEMPLATE: 'CF-{invoiceNumber}' }).invoiceIdTemplate).toBe(
      'CF-{invoiceNumber}',
    );
  });
});

describe('loadConfig problems', () => {
  it('reports every problem at once', () => {
    const error = configError({
      PORT: 'abc',
      CONFIRMA_BASE_URL: 'https://staging-integrations.confirmafinance.com/api/v1',
      CONFIRMA_API_KEY: CANARIES.CONFIRMA_API_KEY,
      FACTORCLOUD_BASE_URL: 'https://ws.factorcloud.com',
    });
    expect(error.problems).toHaveLength(5);
    const byVariable = error.problems.map((problem) => problem.split(':')[0]);
    expect(byVariable).toEqual(
      expect.arrayContaining([
        'PORT',
        'CONFIRMA_BASE_URL',
        'FACTORCLOUD_FACTOR_ID',
        'FACTORCLOUD_SYSTEM_KEY',
        'FACTORCLOUD_API_KEY',
      ]),
    );
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it.each([
    ['a path', 'https://api.example.com/api/v1'],
    ['a query', 'https://api.example.com?x=1'],
    ['another scheme', 'ftp://api.example.com'],
    ['not a URL', 'api.example.com'],
  ])('refuses a base URL with %s', (_label, url) => {
    const error = configError({ CONFIRMA_BASE_URL: url, CONFIRMA_API_KEY: CANARIES.CONFIRMA_API_KEY });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^CONFIRMA_BASE_URL: /);
  });

  it('refuses credentials in a base URL without echoing them', () => {
    const error = configError({
      ...REMOTE,
      FACTORCLOUD_BASE_URL: 'https://admin:canary-url-pass@ws.factorcloud.com',
    });
    expect(error.problems).toEqual([expect.stringMatching(/^FACTORCLOUD_BASE_URL: .*credentials/)]);
    expect(error.message).not.toContain('canary-url-pass');
  });

  it('refuses production without base URLs, naming both variables', () => {
    const error = configError({ NODE_ENV: 'production', ROUTER_SECRET: 'router-secret-0123456789' });
    expect(error.message).toContain('CONFIRMA_BASE_URL');
    expect(error.message).toContain('FACTORCLOUD_BASE_URL');
    expect(error.problems).toHaveLength(2);
  });

  it('refuses a template without {invoiceNumber}', () => {
    const error = configError({ FACTORCLOUD_INVOICE_ID_TEMPLATE: 'INV-{number}' });
    expect(error.problems).toEqual([
      expect.stringMatching(/^FACTORCLOUD_INVOICE_ID_TEMPLATE: .*\{invoiceNumber\}/),
    ]);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['UPSTREAM_MAX_CONCURRENCY', '0'],
    ['NODE_ENV', 'prod'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%s', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.problems).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
  });

  it('never puts a secret value in a ConfigError', () => {
    const errors = [
      configError({ ...CANARIES, PORT: 'x', NODE_ENV: 'production' }),
      configError({ ...REMOTE, CONFIRMA_BASE_URL: 'https://x.example.com/p', LOG_LEVEL: 'loud' }),
      configError({
        ...CANARIES,
        FACTORCLOUD_BASE_URL: 'https://ws.factorcloud.com',
        FACTORCLOUD_API_KEY: ' ',
      }),
    ];
    for (const error of errors) expectNoCanary(error);
    expect(errors[2]?.problems).toEqual([
      'FACTORCLOUD_API_KEY: is required when FACTORCLOUD_BASE_URL is set',
    ]);
  });
});

describe('range and credential problems', () => {
  it('says the allowed range and the value given, in the same words for every setting', () => {
    expect(configError({ PORT: '70000' }).problems).toEqual([
      'PORT: must be an integer from 0 to 65535, got 70000',
    ]);
    expect(configError({ PORT: '80.5' }).problems).toEqual([
      'PORT: must be an integer from 0 to 65535, got 80.5',
    ]);
    expect(
      configError({
        UPSTREAM_TOTAL_TIMEOUT_MS: '0',
        CONFIRMA_MAX_CONCURRENCY: '1000',
        CACHE_REDIS_COMMAND_TIMEOUT_MS: '5',
        JWT_CLOCK_TOLERANCE_SECONDS: '601',
        OPERATION_MAX_DEPTH: '1',
      }).problems,
    ).toEqual([
      'UPSTREAM_TOTAL_TIMEOUT_MS: must be an integer from 1 to 600000, got 0',
      'CONFIRMA_MAX_CONCURRENCY: must be an integer from 1 to 256, got 1000',
      'JWT_CLOCK_TOLERANCE_SECONDS: must be an integer from 0 to 600, got 601',
      'OPERATION_MAX_DEPTH: must be an integer from 2 to 100, got 1',
      'CACHE_REDIS_COMMAND_TIMEOUT_MS: must be an integer from 10 to 60000, got 5',
    ]);
  });

  it('does not echo a value that is not a number (it may be a secret in the wrong variable)', () => {
    expect(configError({ PORT: 'canary-secret-7a9' }).problems).toEqual([
      'PORT: must be an integer from 0 to 65535, got a value that is not a number',
    ]);
  });

  it.each([
    ['CONFIRMA_API_KEY', 'canary-key\r\nX-Injected: 1'],
    ['CONFIRMA_PROVISIONING_TOKEN', 'canary-token\nX-Injected: 1'],
    ['FACTORCLOUD_API_KEY', 'canary-key\rmore'],
    ['FACTORCLOUD_SYSTEM_KEY', 'canary\n1'],
    ['FACTORCLOUD_FACTOR_ID', 'canary\r\n2'],
    ['ROUTER_SECRET', 'canary-router-secret\r\n-0123456789'],
  ])('refuses %s with a line break inside, without echoing it', (name, value) => {
    const error = configError({ ...REMOTE, [name]: value });
    expect(error.problems).toContain(
      `${name}: must not contain a line break (CR or LF); it is sent as an HTTP header`,
    );
    expect(error.message).not.toContain('canary');
  });

  it('takes a credential whose only line break is a trailing one (trimmed, as a mounted secret file has)', () => {
    const config = loadConfig({ ...REMOTE, CONFIRMA_API_KEY: `${CANARIES.CONFIRMA_API_KEY}\n` });
    expect(config.confirma.credentials.apiKey).toBe(CANARIES.CONFIRMA_API_KEY);
  });

  it('refuses a HOST that is neither an IP address nor a host name', () => {
    for (const bad of ['http://0.0.0.0', 'bad host', 'host:4000', '-leading.example']) {
      expect(configError({ HOST: bad }).problems).toEqual([
        'HOST: must be an IP address or a host name, such as 0.0.0.0, 127.0.0.1, :: or localhost',
      ]);
    }
    for (const good of ['0.0.0.0', '::', '127.0.0.1', 'localhost', 'api.internal.example']) {
      expect(loadConfig({ HOST: good }).host).toBe(good);
    }
  });
});

describe('server limits', () => {
  it('defaults, and a shutdown deadline past the longest upstream call budget unless set', () => {
    expect(loadConfig({}).server).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
      shutdownTimeoutMs: 20_000,
    });
    expect(loadConfig({ CONFIRMA_TOTAL_TIMEOUT_MS: '40000' }).server.shutdownTimeoutMs).toBe(45_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '3000' }).server.shutdownTimeoutMs).toBe(3_000);
  });

  it('refuses a headers timeout longer than the request timeout, and out-of-range values', () => {
    expect(
      configError({ SERVER_HEADERS_TIMEOUT_MS: '20000', SERVER_REQUEST_TIMEOUT_MS: '10000' }).problems,
    ).toEqual([
      'SERVER_HEADERS_TIMEOUT_MS: must not be longer than SERVER_REQUEST_TIMEOUT_MS (10000), got 20000',
    ]);
    expect(configError({ SERVER_MAX_CONNECTIONS: '0' }).problems).toEqual([
      'SERVER_MAX_CONNECTIONS: must be an integer from 1 to 100000, got 0',
    ]);
  });
});
