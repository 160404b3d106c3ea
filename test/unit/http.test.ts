import { afterEach, describe, expect, it, vi } from 'vitest';
import { errors as undiciErrors } from 'undici';
import { UpstreamError } from '../../src/http/errors.js';
import { parseRetryAfter, statusFailure, transportFailure } from '../../src/http/failures.js';
import { Semaphore } from '../../src/http/semaphore.js';

const where = { upstream: 'confirma', endpoint: 'distribution' } as const;
const NOW = Date.UTC(2026, 2, 28, 12, 0, 0);

describe('statusFailure', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    [401, 'UPSTREAM_UNAUTHORIZED'],
    [403, 'UPSTREAM_UNAUTHORIZED'],
    [408, 'UPSTREAM_TIMEOUT'],
    [504, 'UPSTREAM_TIMEOUT'],
    [429, 'UPSTREAM_UNAVAILABLE'],
    [500, 'UPSTREAM_UNAVAILABLE'],
    [502, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [400, 'UPSTREAM_BAD_RESPONSE'],
    [404, 'UPSTREAM_BAD_RESPONSE'],
    [422, 'UPSTREAM_BAD_RESPONSE'],
  ])('maps HTTP %i to %s', (status, code) => {
    const error = statusFailure(status, undefined, where);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.upstream).toBe('confirma');
    expect(error.endpoint).toBe('distribution');
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it.each([429, 500, 503])('reads a Retry-After of seconds on HTTP %i', (status) => {
    expect(statusFailure(status, '120', where).retryAfterSeconds).toBe(120);
  });

  it('reads a Retry-After given as an HTTP date', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const error = statusFailure(503, 'Sat, 28 Mar 2026 12:01:30 GMT', where);
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.retryAfterSeconds).toBe(90);
  });

  it('ignores Retry-After on statuses that are not about availability', () => {
    expect(statusFailure(401, '120', where).retryAfterSeconds).toBeUndefined();
    expect(statusFailure(504, '120', where).retryAfterSeconds).toBeUndefined();
    expect(statusFailure(400, '120', where).retryAfterSeconds).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 30 ', NOW)).toBe(30);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an HTTP date as seconds from now, rounding up', () => {
    expect(parseRetryAfter('Sat, 28 Mar 2026 12:02:00 GMT', NOW)).toBe(120);
    expect(parseRetryAfter('Sat, 28 Mar 2026 12:02:00 GMT', NOW + 500)).toBe(120);
  });

  it('reads an HTTP date in the past as zero', () => {
    expect(parseRetryAfter('Sat, 28 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('returns undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('12abc', NOW)).toBeUndefined();
  });

  it('returns undefined for numbers that are not delay-seconds (RFC 9110: 1*DIGIT)', () => {
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
  });
});

describe('transportFailure', () => {
  it('maps timeouts to UPSTREAM_TIMEOUT', () => {
    const abort = new DOMException('The operation timed out', 'TimeoutError');
    expect(transportFailure(abort, where).code).toBe('UPSTREAM_TIMEOUT');
    expect(transportFailure(new undiciErrors.HeadersTimeoutError(), where).code).toBe('UPSTREAM_TIMEOUT');
  });

  it('maps other transport errors to UPSTREAM_UNAVAILABLE without their message', () => {
    const error = transportFailure(new Error('connect ECONNREFUSED 10.0.0.5:443'), where);
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).not.toContain('10.0.0.5');
  });

  it('passes an UpstreamError through unchanged', () => {
    const original = statusFailure(401, undefined, where);
    expect(transportFailure(original, where)).toBe(original);
  });
});

describe('Semaphore', () => {
  it('never lets more than limit tasks run at once, and runs them all', async () => {
    const semaphore = new Semaphore(3);
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 20 }, (_, i) =>
      semaphore.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, (i % 4) + 1));
        running -= 1;
        return i;
      }),
    );
    const results = await Promise.all(tasks);
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(semaphore.inUse).toBe(0);
    expect(semaphore.queued).toBe(0);
  });

  it('starts waiting tasks in FIFO order', async () => {
    const semaphore = new Semaphore(1);
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        semaphore.run(async () => {
          started.push(i);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }),
      ),
    );
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('serves a waiting task of a higher priority first, and FIFO within one priority', async () => {
    const semaphore = new Semaphore(1);
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    await Promise.all([
      semaphore.run(task('holder')),
      semaphore.run(task('round 2, first'), undefined, 2),
      semaphore.run(task('round 2, second'), undefined, 2),
      semaphore.run(task('round 3'), undefined, 3),
      semaphore.run(task('no round')),
      // Out of range: counted as the nearest priority there is.
      semaphore.run(task('round 99'), undefined, 99),
      semaphore.run(task('round -5'), undefined, -5),
    ]);
    expect(started).toEqual([
      'holder',
      'round 99',
      'round 3',
      'round 2, first',
      'round 2, second',
      'no round',
      'round -5',
    ]);
    expect(semaphore.queued).toBe(0);
  });

  it('takes an aborted waiter out of its priority without disturbing the others', async () => {
    const semaphore = new Semaphore(1);
    const started: string[] = [];
    let releaseHolder!: () => void;
    const holder = semaphore.run(() => new Promise<void>((resolve) => (releaseHolder = resolve)));
    const abort = new AbortController();
    const task = (name: string) => () => {
      started.push(name);
      return Promise.resolve();
    };
    const aborted = semaphore.run(task('aborted'), abort.signal, 2);
    const kept = semaphore.run(task('kept'), undefined, 2);
    expect(semaphore.queued).toBe(2);
    abort.abort(new Error('deadline passed'));
    await expect(aborted).rejects.toThrow('deadline passed');
    expect(semaphore.queued).toBe(1);
    releaseHolder();
    await Promise.all([holder, kept]);
    expect(started).toEqual(['kept']);
    expect(semaphore.inUse).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(semaphore.inUse).toBe(0);
    await expect(semaphore.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });
});
