import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { budgetFor, DEFAULT_BREAKER_POLICY, DEFAULT_RETRY_POLICY } from '../../src/http/resilienceConfig.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('upstream resilience settings', () => {
  it('defaults to three attempts, a 20 % retry budget and a breaker after five failures', () => {
    const { upstream } = loadConfig({});
    expect(upstream.retry).toEqual(DEFAULT_RETRY_POLICY);
    expect(upstream.breaker).toEqual(DEFAULT_BREAKER_POLICY);
    expect(upstream.retry).toMatchObject({ maxAttempts: 3, budget: { percent: 20 } });
    expect(upstream.breaker.failureThreshold).toBe(5);
    expect(upstream.overrides).toEqual({ confirma: {}, factorCloud: {} });
  });

  it('gives each upstream the shared budgets with its own overrides on top', () => {
    const { upstream } = loadConfig({
      UPSTREAM_TOTAL_TIMEOUT_MS: '20000',
      UPSTREAM_HEADERS_TIMEOUT_MS: '8000',
      FACTORCLOUD_TOTAL_TIMEOUT_MS: '30000',
      FACTORCLOUD_MAX_CONCURRENCY: '4',
      CONFIRMA_CONNECT_TIMEOUT_MS: '1500',
      UPSTREAM_RETRY_MAX_ATTEMPTS: '2',
      UPSTREAM_BREAKER_COOLDOWN_MS: '5000',
    });
    expect(budgetFor(upstream, 'factorCloud')).toMatchObject({
      totalTimeoutMs: 30_000,
      headersTimeoutMs: 8_000,
      maxConcurrency: 4,
      retry: { maxAttempts: 2 },
      breaker: { cooldownMs: 5_000 },
    });
    expect(budgetFor(upstream, 'confirma')).toMatchObject({
      totalTimeoutMs: 20_000,
      connectTimeoutMs: 1_500,
      maxConcurrency: 16,
    });
    expect(budgetFor(upstream, 'confirma')).not.toHaveProperty('overrides');
  });

  it('names every variable that is out of range, at once', () => {
    expect(
      problemsOf({
        UPSTREAM_RETRY_MAX_ATTEMPTS: '0',
        UPSTREAM_RETRY_BUDGET_PERCENT: '150',
        UPSTREAM_BREAKER_FAILURE_THRESHOLD: 'many',
        CONFIRMA_TOTAL_TIMEOUT_MS: '2.5',
      }).map((problem) => problem.split(':')[0]),
    ).toEqual([
      'UPSTREAM_RETRY_MAX_ATTEMPTS',
      'UPSTREAM_RETRY_BUDGET_PERCENT',
      'UPSTREAM_BREAKER_FAILURE_THRESHOLD',
      'CONFIRMA_TOTAL_TIMEOUT_MS',
    ]);
  });
});
