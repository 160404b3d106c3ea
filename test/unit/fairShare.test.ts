import { afterEach, describe, expect, it } from 'vitest';
import { RequestCalls } from '../../src/http/requestCalls.js';
import { Semaphore } from '../../src/http/semaphore.js';
import { createUpstreamHttp } from '../../src/http/upstreamHttp.js';
import type { UpstreamHttp } from '../../src/http/upstreamHttp.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeUpstream } from '../support/fakeUpstream.js';

describe('Semaphore shared between owners', () => {
  it('hands freed slots to the waiting owners in turn, each its own calls by priority', async () => {
    const semaphore = new Semaphore(1);
    const large = {};
    const small = {};
    const started: string[] = [];
    let release!: () => void;
    const holder = semaphore.run(
      () => new Promise<void>((resolve) => (release = resolve)),
      undefined,
      1,
      large,
    );
    const task = (name: string) => async () => {
      started.push(name);
    };
    const waiting = [
      ...[1, 2, 3].map((i) => semaphore.run(task(`large ${i}`), undefined, 1, large)),
      semaphore.run(task('small 1'), undefined, 1, small),
      semaphore.run(task('large round 2'), undefined, 2, large),
      semaphore.run(task('small 2'), undefined, 1, small),
    ];
    expect(semaphore.queued).toBe(6);
    release();
    await Promise.all([holder, ...waiting]);
    expect(started).toEqual(['large round 2', 'small 1', 'large 1', 'small 2', 'large 2', 'large 3']);
    expect(semaphore.inUse).toBe(0);
    expect(semaphore.queued).toBe(0);
  });

  it('lets one owner use every slot while nobody else waits', async () => {
    const semaphore = new Semaphore(3);
    const owner = {};
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 9 }, () =>
        semaphore.run(
          async () => {
            running += 1;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setImmediate(resolve));
            running -= 1;
          },
          undefined,
          1,
          owner,
        ),
      ),
    );
    expect(peak).toBe(3);
  });
});

describe("a call after its request's deadline", () => {
  let fake: FakeUpstream | undefined;
  let http: UpstreamHttp | undefined;
  afterEach(async () => {
    await http?.close();
    await fake?.close();
  });

  it('is not sent, and fails with UPSTREAM_TIMEOUT', async () => {
    fake = await startFakeUpstream(() => ({ json: {} }));
    http = createUpstreamHttp({
      upstream: 'confirma',
      origin: fake.url,
      connectTimeoutMs: 1_000,
      headersTimeoutMs: 1_000,
      bodyTimeoutMs: 1_000,
      totalTimeoutMs: 1_000,
      maxConcurrency: 2,
    });
    const read = { method: 'GET', path: '/read', endpoint: 'distribution', idempotent: true } as const;
    await expect(http.request({ ...read, caller: new RequestCalls(10_000) })).resolves.toMatchObject({
      status: 200,
    });
    const spent = new RequestCalls(0);
    await expect(http.request({ ...read, caller: spent })).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      message: expect.stringContaining('UPSTREAM_REQUEST_TIMEOUT_MS'),
    });
    expect(fake.requests).toHaveLength(1);
    expect(http.breakerState()).toBe('closed');
  });
});
