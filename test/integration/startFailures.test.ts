import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFailingStart } from '../support/subgraphProcess.js';

/** The process refuses to start with one line on stderr, no stack frames, and exit code 1. */
function expectOneLineRefusal(result: { code: number | null; stderr: string }, says: RegExp): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^invoice-graph cannot start: /);
  expect(lines[0]).toMatch(says);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('a start that cannot listen or is misconfigured', () => {
  let occupier: Server;
  let busyPort: number;

  beforeAll(async () => {
    occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    const address = occupier.address();
    busyPort = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => occupier.close(() => resolve()));
  });

  it('says the port is in use', async () => {
    const result = await runFailingStart({ PORT: String(busyPort), CACHE_MODE: 'off' });
    expectOneLineRefusal(result, new RegExp(`port ${busyPort} is already in use .*set PORT to a free port`));
  });

  it('says HOST is not an address of this machine', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a local interface.
    const result = await runFailingStart({ HOST: '192.0.2.1', CACHE_MODE: 'off' });
    expectOneLineRefusal(result, /HOST=192\.0\.2\.1 is not an address of this machine/);
  });

  it('says what HOST must be when it is neither an address nor a host name', async () => {
    const result = await runFailingStart({ HOST: 'http://0.0.0.0', CACHE_MODE: 'off' });
    expectOneLineRefusal(result, /HOST: must be an IP address or a host name/);
  });

  it('says the allowed range of PORT', async () => {
    const result = await runFailingStart({ PORT: '70000', CACHE_MODE: 'off' });
    expectOneLineRefusal(result, /PORT: must be an integer from 0 to 65535, got 70000/);
  });
});
