import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { simulatorFaultsFromEnv } from '../../src/lib/simulatorFaultsEnv.js';

describe('simulator fault settings from the environment', () => {
  it('reads every variable with the prefix', () => {
    const env = {
      SIMULATOR_CONFIRMA_LATENCY_MS: '20',
      SIMULATOR_CONFIRMA_LATENCY_JITTER_MS: '10',
      SIMULATOR_CONFIRMA_ERROR_RATE: '0.05',
      SIMULATOR_CONFIRMA_RATE_LIMIT_EVERY: '100',
      SIMULATOR_CONFIRMA_RATE_LIMIT_LENGTH: '5',
      SIMULATOR_CONFIRMA_RATE_LIMIT_RETRY_AFTER_S: '2',
      SIMULATOR_CONFIRMA_MALFORMED_RATE: '0.01',
      SIMULATOR_CONFIRMA_DROP_RATE: '0.01',
      SIMULATOR_CONFIRMA_SLOW_BODY_RATE: '0.01',
      SIMULATOR_CONFIRMA_SLOW_BODY_MS: '1500',
      SIMULATOR_CONFIRMA_FAULT_SEED: '7',
      SIMULATOR_FACTORCLOUD_ERROR_RATE: '0.9',
    };
    expect(simulatorFaultsFromEnv(env, 'SIMULATOR_CONFIRMA_')).toEqual({
      latencyMs: 20,
      latencyJitterMs: 10,
      errorRate: 0.05,
      rateLimit: { burstEvery: 100, burstLength: 5, retryAfterSeconds: 2 },
      malformedRate: 0.01,
      dropRate: 0.01,
      slowBodyRate: 0.01,
      slowBodyMs: 1500,
      seed: 7,
    });
    expect(simulatorFaultsFromEnv(env, 'SIMULATOR_FACTORCLOUD_')).toEqual({ errorRate: 0.9 });
    expect(simulatorFaultsFromEnv({}, 'SIMULATOR_CONFIRMA_')).toBeUndefined();
  });

  it('names every bad variable in one configuration error', () => {
    expect(() =>
      loadConfig({
        SIMULATOR_CONFIRMA_ERROR_RATE: 'often',
        SIMULATOR_FACTORCLOUD_DROP_RATE: '1.5',
        SIMULATOR_FACTORCLOUD_RATE_LIMIT_LENGTH: '3',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          'SIMULATOR_CONFIRMA_ERROR_RATE: must be a number, got "often"',
          'SIMULATOR_FACTORCLOUD_DROP_RATE: must be between 0 and 1, got "1.5"',
        ]),
      }),
    );
    expect(() => loadConfig({ SIMULATOR_FACTORCLOUD_RATE_LIMIT_LENGTH: '3' })).toThrow(
      /SIMULATOR_FACTORCLOUD_RATE_LIMIT_EVERY: is required/,
    );
  });

  it('passes the faults to the configuration, none by default', () => {
    expect(loadConfig({}).simulatorFaults).toEqual({ confirma: undefined, factorCloud: undefined });
    expect(loadConfig({ SIMULATOR_FACTORCLOUD_LATENCY_MS: '15' }).simulatorFaults).toEqual({
      confirma: undefined,
      factorCloud: { latencyMs: 15 },
    });
  });
});
