import { UpstreamError } from '../../../http/errors.js';
import type { UpstreamResponse } from '../../../http/upstreamTypes.js';
import type { Endpoint, EndpointHead, Transport } from '../../endpoint.js';
import { testEchoSchema } from '../documentSchema.js';
import type { ConnectionCheck } from '../records.js';
import { readEcho } from '../replies.js';
import type { TestPostWrite } from '../writeTypes.js';

/**
 * The two connection tests (factorcloud.md §5.1, §5.2). Their whole purpose is to say whether
 * FactorCloud can be reached with our credentials, so a failure is their answer, not an
 * exception: it is reported with our own error code and message (never the upstream's body).
 * They are never cached: each must reach FactorCloud.
 */

const TEST_GET = {
  name: 'test-get',
  method: 'GET',
  path: 'test-get',
  idempotent: true,
} as const satisfies EndpointHead;
/** A POST like the writes: the docs do not say it is safe to repeat, so it is sent once. */
const TEST_POST = {
  name: 'test-post',
  method: 'POST',
  path: 'test-post',
  idempotent: false,
} as const satisfies EndpointHead;

type CheckPassed = Extract<ConnectionCheck, { ok: true }>;

async function check(
  endpoint: string,
  call: () => Promise<UpstreamResponse>,
  read: (body: unknown) => Partial<CheckPassed> = () => ({}),
): Promise<ConnectionCheck> {
  try {
    const { status, body } = await call();
    return { ok: true, endpoint, status, ...read(body) };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return { ok: false, endpoint, status: error.status ?? null, code: error.code, message: error.message };
  }
}

/** GET test-get/: the page is missing from the docs, so only the status is read (any 2xx is OK). */
export const testGet = {
  ...TEST_GET,
  send: (transport: Transport, _params: void) => check(TEST_GET.name, () => transport(TEST_GET, {})),
} satisfies Endpoint<void, ConnectionCheck>;

/** POST test-post/: documented to answer 201 with the body echoed. */
export const testPost = {
  ...TEST_POST,
  send: (transport, write) =>
    check(
      TEST_POST.name,
      () => transport(TEST_POST, { body: { TestValue: write.testValue, TestLabel: write.testLabel } }),
      (body) => {
        const echo = readEcho(testEchoSchema, body, ['testvalue', 'testlabel']);
        return echo ? { echo } : {};
      },
    ),
} satisfies Endpoint<TestPostWrite, ConnectionCheck>;

export const CONNECTION_ENDPOINTS = { testGet, testPost };
