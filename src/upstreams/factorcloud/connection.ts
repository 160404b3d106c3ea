import { UpstreamError } from '../../http/errors.js';
import { readEcho } from './echo.js';
import { testEchoSchema } from './documentSchema.js';
import type { ConnectionCheck } from './records.js';
import type { FactorCloudTransport } from './transport.js';
import type { TestPostWrite } from './writeTypes.js';

/**
 * The two connection tests (factorcloud.md §5.1, §5.2). Their whole purpose is to say whether
 * FactorCloud can be reached with our credentials, so a failure is their answer, not an
 * exception: it is reported with our own error code and message (never the upstream's body).
 */
export interface FactorCloudConnection {
  /** GET test-get/: the page is missing from the docs, so only the status is read (any 2xx is OK). */
  testGet(): Promise<ConnectionCheck>;
  /** POST test-post/: documented to answer 201 with the body echoed. */
  testPost(write: TestPostWrite): Promise<ConnectionCheck>;
}

async function check(
  endpoint: string,
  call: () => Promise<{ status: number; body: unknown }>,
  read: (body: unknown) => Partial<Extract<ConnectionCheck, { ok: true }>> = () => ({}),
): Promise<ConnectionCheck> {
  try {
    const { status, body } = await call();
    return { ok: true, endpoint, status, ...read(body) };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return { ok: false, endpoint, status: error.status ?? null, code: error.code, message: error.message };
  }
}

export function createConnectionChecks(t: FactorCloudTransport): FactorCloudConnection {
  return {
    testGet: () => check('test-get', () => t.get({ endpoint: 'test-get' })),
    testPost: (write) =>
      check(
        'test-post',
        () =>
          t.post({ endpoint: 'test-post', body: { TestValue: write.testValue, TestLabel: write.testLabel } }),
        (body) => {
          const echo = readEcho(testEchoSchema, body, ['testvalue', 'testlabel']);
          return echo ? { echo } : {};
        },
      ),
  };
}
