import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeReply, FakeUpstream, RecordedRequest } from '../support/fakeUpstream.js';
import { runScript } from '../support/opsCommand.js';

/**
 * `npm run confirma:renew-token` against a fake Confirma over HTTP: the script as an operator runs
 * it (its own process, the subgraph's environment), using the subgraph's upstream client code.
 */
const OLD_KEY = 'confirma-old-key-canary-3c1d';
const NEW_KEY = 'confirma-new-key-canary-9e42';

let confirma: FakeUpstream;
let answer: (request: RecordedRequest) => FakeReply;
beforeAll(async () => {
  confirma = await startFakeUpstream((request) => answer(request));
});
afterAll(() => confirma.close());
beforeEach(() => {
  confirma.requests.length = 0;
});

const env = () => ({ CONFIRMA_BASE_URL: confirma.url, CONFIRMA_API_KEY: OLD_KEY });

describe('npm run confirma:renew-token', () => {
  it('renews with the configured key once, prints only the new key on stdout and where to store it', async () => {
    answer = (request) =>
      request.path === '/api/v1/partner/renew' && request.headers['x-api-key'] === OLD_KEY
        ? { json: { Message: NEW_KEY } }
        : { status: 401, json: {} };
    const run = await runScript('confirma-renew-token.ts', env());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${NEW_KEY}\n`);
    expect(run.stderr).toContain('Store it now in CONFIRMA_API_KEY');
    expect(run.stderr).toContain('every replica');
    expect(run.stderr).not.toContain(NEW_KEY);
    expect(run.stderr).not.toContain(OLD_KEY);
    expect(confirma.requests.map((r) => `${r.method} ${r.path} ${r.headers['x-api-key']}`)).toEqual([
      `GET /api/v1/partner/renew ${OLD_KEY}`,
    ]);
  });

  it('sends /renew once on a 503 (a second one would revoke the key the first returned) and prints no key', async () => {
    answer = () => ({ status: 503, json: { message: 'busy' } });
    const run = await runScript('confirma-renew-token.ts', env());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('may or may not have been renewed');
    expect(confirma.requestsTo('/renew')).toHaveLength(1);
  });

  it('reports a refused renewal and keeps the key', async () => {
    answer = () => ({ status: 401, json: {} });
    const run = await runScript('confirma-renew-token.ts', env());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Confirma refused the renewal (HTTP 401)');
  });

  it('refuses to run without CONFIRMA_BASE_URL, calling nothing', async () => {
    const run = await runScript('confirma-renew-token.ts', {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CONFIRMA_BASE_URL is not set');
    expect(confirma.requests).toHaveLength(0);
  });
});
