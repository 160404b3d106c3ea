import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawConnection, trickle } from '../support/rawConnection.js';
import type { RawConnection } from '../support/rawConnection.js';
import { startSubgraphProcess } from '../support/subgraphProcess.js';
import type { SubgraphProcess } from '../support/subgraphProcess.js';

// Small bounds so the test runs in real time; what is asserted is that the server closes the
// connection within the bound plus a wide margin (Node checks on a timer, CI machines are slow).
const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 600;
const MAX_CONNECTIONS = 3;
const MAX_BODY_BYTES = 1_000;
const MARGIN_MS = 2_500;

describe('slow and greedy clients', () => {
  let subgraph: SubgraphProcess;

  beforeAll(async () => {
    subgraph = await startSubgraphProcess({
      NODE_ENV: 'development',
      CACHE_MODE: 'off',
      SERVER_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      SERVER_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      SERVER_KEEP_ALIVE_TIMEOUT_MS: '300',
      SERVER_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
      MAX_REQUEST_BODY_BYTES: String(MAX_BODY_BYTES),
    });
  });
  afterAll(() => {
    if (subgraph?.child.exitCode === null) subgraph.child.kill('SIGKILL');
  });

  const ordinaryRequest = async () => {
    const answer = await request(`${subgraph.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return { status: answer.statusCode, body: await answer.body.json() };
  };

  it('closes a connection that sends nothing, with a 408', async () => {
    const idle = rawConnection(subgraph.origin);
    await idle.opened;
    expect(await idle.closesWithin(HEADERS_TIMEOUT_MS + MARGIN_MS)).toBe('closed');
    expect(idle.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that trickles its headers', async () => {
    const slow = rawConnection(subgraph.origin);
    await slow.opened;
    slow.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let header = 0;
    trickle(slow, 50, () => `X-Slow-${(header += 1)}: a\r\n`);
    expect(await slow.closesWithin(HEADERS_TIMEOUT_MS + MARGIN_MS)).toBe('closed');
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that trickles its body', async () => {
    const slow = rawConnection(subgraph.origin);
    await slow.opened;
    slow.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n',
    );
    trickle(slow, 50, () => ' ');
    expect(await slow.closesWithin(REQUEST_TIMEOUT_MS + MARGIN_MS)).toBe('closed');
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('refuses a connection past the cap, and serves again once connections are free', async () => {
    const held: RawConnection[] = [];
    for (let i = 0; i < MAX_CONNECTIONS; i += 1) {
      const connection = rawConnection(subgraph.origin);
      await connection.opened;
      held.push(connection);
    }
    const extra = rawConnection(subgraph.origin);
    await extra.opened.catch(() => undefined);
    // Refused at once: well before the held ones reach their headers timeout.
    expect(await extra.closesWithin(HEADERS_TIMEOUT_MS / 3)).toBe('closed');
    expect(extra.received()).toBe('');
    expect(held.every((connection) => !connection.socket.destroyed)).toBe(true);

    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((connection) => connection.closed));
    // The server notices the closes asynchronously; a few attempts let it.
    let answer = await ordinaryRequest().catch(() => undefined);
    for (let attempt = 0; attempt < 20 && answer === undefined; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await ordinaryRequest().catch(() => undefined);
    }
    expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers an oversized chunked body with 413 and the limit, not a reset', async () => {
    const client = rawConnection(subgraph.origin);
    await client.opened;
    client.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n',
    );
    const chunk = 'x'.repeat(512);
    // Keeps sending past the limit, as a client streaming a big upload does.
    for (let i = 0; i < 40; i += 1) client.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await client.closesWithin(REQUEST_TIMEOUT_MS + MARGIN_MS);
    const [head = '', body = ''] = client.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expect(JSON.parse(body)).toMatchObject({
      errors: [
        {
          message: `Request body exceeds ${MAX_BODY_BYTES} bytes`,
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });
});
