import { afterEach, describe, expect, it } from 'vitest';
import { classifyFailure } from '../../src/http/classify.js';
import { UpstreamError } from '../../src/http/errors.js';
import type { UpstreamAttempt, UpstreamObserver } from '../../src/http/observer.js';
import { Semaphore } from '../../src/http/semaphore.js';
import { createUpstreamHttp } from '../../src/http/upstreamHttp.js';
import type { UpstreamHttp, UpstreamHttpOptions } from '../../src/http/upstreamHttp.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeReply, FakeUpstream } from '../support/fakeUpstream.js';

const where = { upstream: 'factorcloud', endpoint: 'get-client' } as const;
const READ = { method: 'GET', path: '/read', endpoint: 'get-client', idempotent: true } as const;

let fake: FakeUpstream | undefined;
let http: UpstreamHttp | undefined;
afterEach(async () => {
  await http?.close();
  await fake?.close();
  http = undefined;
  fake = undefined;
});

/** A fake answering with `replies` in turn (the last one repeats) and a client in front of it. */
async function start(replies: FakeReply[], options: Partial<UpstreamHttpOptions> = {}) {
  let served = 0;
  fake = await startFakeUpstream(() => replies[Math.min(served++, replies.length - 1)] ?? {});
  http = createUpstreamHttp({
    upstream: 'factorcloud',
    origin: fake.url,
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    totalTimeoutMs: 10_000,
    maxConcurrency: 2,
    retry: {
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 5,
      budget: { percent: 20, minRetries: 10, windowMs: 60_000 },
    },
    ...options,
  });
  return { fake, http };
}

function recordingObserver() {
  const events: Array<[string, unknown]> = [];
  const observer: UpstreamObserver = {
    onAttempt: ({ durationMs: _durationMs, ...attempt }: UpstreamAttempt) =>
      events.push(['attempt', attempt]),
    onRetry: ({ delayMs: _delayMs, ...retry }) => events.push(['retry', retry]),
    onBreakerState: (change) => events.push(['breaker', change]),
  };
  return { events, observer };
}

describe('the observer', () => {
  it('hears every attempt with its outcome, every retry and every breaker change', async () => {
    const { events, observer } = recordingObserver();
    const { http } = await start([{ status: 503, json: {} }, { status: 502 }, { json: { ok: true } }], {
      observer,
      breaker: { failureThreshold: 2, cooldownMs: 60_000 },
    });
    await expect(http.request(READ)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502 });
    const base = { upstream: 'factorcloud', endpoint: 'get-client', method: 'GET' };
    expect(events).toEqual([
      ['attempt', { ...base, attempt: 1, status: 503, errorCode: 'UPSTREAM_UNAVAILABLE' }],
      ['retry', { upstream: 'factorcloud', endpoint: 'get-client', attempt: 1 }],
      ['breaker', { upstream: 'factorcloud', state: 'open' }],
      ['attempt', { ...base, attempt: 2, status: 502, errorCode: 'UPSTREAM_UNAVAILABLE' }],
    ]);
    expect(http.breakerState()).toBe('open');
  });

  it('cannot break a request by throwing', async () => {
    const throwing: UpstreamObserver = {
      onAttempt: () => {
        throw new Error('metrics backend down');
      },
    };
    const { http } = await start([{ json: { ok: true } }], { observer: throwing });
    await expect(http.request(READ)).resolves.toEqual({ status: 200, body: { ok: true } });
  });
});

describe('the reply size cap', () => {
  it('refuses a reply over maxBodyBytes with a coded error, sends it once and keeps the breaker closed', async () => {
    const big = 'x'.repeat(64 * 1024);
    const { fake, http } = await start([{ json: { big } }, { json: { ok: true } }], {
      maxBodyBytes: 16 * 1024,
      breaker: { failureThreshold: 1, cooldownMs: 60_000 },
    });
    await expect(http.request(READ)).rejects.toMatchObject({
      name: 'UpstreamError',
      code: 'UPSTREAM_BAD_RESPONSE',
      message: `FactorCloud sent more than ${16 * 1024} bytes for get-client`,
    });
    expect(fake.requests).toHaveLength(1);
    expect(http.breakerState()).toBe('closed');
    await expect(http.request(READ)).resolves.toEqual({ status: 200, body: { ok: true } });
  });

  it('takes a reply of exactly maxBodyBytes', async () => {
    const body = JSON.stringify({ pad: '' });
    const exact = JSON.stringify({ pad: 'y'.repeat(1024 - body.length) });
    const { http } = await start([{ raw: exact, headers: { 'content-type': 'application/json' } }], {
      maxBodyBytes: 1024,
    });
    await expect(http.request(READ)).resolves.toMatchObject({ status: 200 });
  });
});

describe('closing', () => {
  it('lets a request in flight finish', async () => {
    const { http } = await start([{ json: { ok: true }, delayMs: 200 }]);
    const pending = http.request(READ);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([http.close(), expect(pending).resolves.toEqual({ status: 200, body: { ok: true } })]);
  });

  it('ends a retry that is waiting with the failure it had, instead of sending it', async () => {
    const { fake, http } = await start([{ status: 503, headers: { 'retry-after': '5' }, json: {} }]);
    const pending = http.request(READ);
    await expect.poll(() => fake.requests.length).toBe(1);
    const outcome = expect(pending).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 503,
      retryAfterSeconds: 5,
    });
    await http.close();
    await outcome;
    expect(fake.requests).toHaveLength(1);
  });
});

describe('classifyFailure', () => {
  const sent = { deadlinePassed: false, sent: true, hadFullTime: true };
  const systemError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.5:443`), { code });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('retries %s and counts it against the upstream', (code) => {
    const verdict = classifyFailure(systemError(code), where, sent);
    expect(verdict).toMatchObject({ retryable: true, health: 'failure' });
    expect(verdict.error.message).not.toContain('10.0.0.5');
  });

  it('does not retry the whole-call deadline, which still counts against the upstream', () => {
    const timeout = new DOMException('The operation timed out', 'TimeoutError');
    const verdict = classifyFailure(timeout, where, { deadlinePassed: true, sent: true, hadFullTime: true });
    expect(verdict).toMatchObject({
      retryable: false,
      health: 'failure',
      error: { code: 'UPSTREAM_TIMEOUT' },
    });
  });

  it('does not blame the upstream for time spent waiting for one of our own slots', () => {
    const timeout = new DOMException('The operation timed out', 'TimeoutError');
    expect(
      classifyFailure(timeout, where, { deadlinePassed: true, sent: false, hadFullTime: false }),
    ).toMatchObject({ retryable: false, health: 'neutral' });
  });

  it('does not blame the upstream for a deadline that left a sent attempt less than its full time', () => {
    const timeout = new DOMException('The operation timed out', 'TimeoutError');
    expect(
      classifyFailure(timeout, where, { deadlinePassed: true, sent: true, hadFullTime: false }),
    ).toMatchObject({ retryable: false, health: 'neutral', error: { code: 'UPSTREAM_TIMEOUT' } });
  });

  it.each([
    [429, true, 'success'],
    [502, true, 'failure'],
    [503, true, 'failure'],
    [504, true, 'failure'],
    [500, false, 'failure'],
    [400, false, 'success'],
    [401, false, 'success'],
    [408, false, 'success'],
  ])('sorts HTTP %i: retryable %s, health %s', (status, retryable, health) => {
    const error = new UpstreamError('UPSTREAM_UNAVAILABLE', 'x', { ...where, status });
    expect(classifyFailure(error, where, sent)).toMatchObject({ retryable, health });
  });

  it('neither retries nor blames a complete reply that is not JSON', () => {
    const error = new UpstreamError('UPSTREAM_BAD_RESPONSE', 'not JSON', { ...where, status: 200 });
    expect(classifyFailure(error, where, sent)).toMatchObject({ retryable: false, health: 'success' });
  });
});

describe('Semaphore with a deadline', () => {
  it('takes a waiting task out of the queue when its signal aborts', async () => {
    const semaphore = new Semaphore(1);
    let release = () => {};
    const holder = semaphore.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    let ran = false;
    const waiting = semaphore.run(async () => {
      ran = true;
    }, controller.signal);
    expect(semaphore.queued).toBe(1);
    controller.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(semaphore.queued).toBe(0);
    release();
    await holder;
    expect(ran).toBe(false);
    expect(semaphore.inUse).toBe(0);
  });
});
