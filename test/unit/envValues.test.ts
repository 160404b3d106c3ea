import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  booleanFlag,
  flag,
  headerName,
  integer,
  list,
  optionalInteger,
  text,
  textOr,
} from '../../src/lib/envValues.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the environment readers (src/lib/envValues.ts)', () => {
  it('trims text and reads a blank value as unset', () => {
    expect(text.parse('  value \n')).toBe('value');
    expect(text.parse('   ')).toBeUndefined();
    expect(textOr('fallback').parse(' ')).toBe('fallback');
    expect(list(['a']).parse(' b, ,c ')).toEqual(['b', 'c']);
    expect(list(['a']).parse(undefined)).toEqual(['a']);
    expect(headerName('x-default').parse(' X-Tenant ')).toBe('x-tenant');
  });

  it('reads flags as true or false only, and says so otherwise', () => {
    expect(flag.parse(' true ')).toBe('true');
    expect(flag.parse('')).toBeUndefined();
    expect(booleanFlag(true).parse(undefined)).toBe(true);
    expect(booleanFlag(true).parse('false')).toBe(false);
    expect(booleanFlag(false).safeParse('yes').error?.issues[0]?.message).toBe('must be true or false');
  });

  it('reads integers in a range, names the range, and never echoes a value that is not a number', () => {
    const schema = z.object({ N: integer(5, 1, 10), O: optionalInteger(1, 10) });
    expect(schema.parse({})).toEqual({ N: 5, O: undefined });
    expect(schema.parse({ N: ' 7 ', O: '10' })).toEqual({ N: 7, O: 10 });
    const messages = schema.safeParse({ N: '11', O: 'secret-value' }).error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      'must be an integer from 1 to 10, got 11',
      'must be an integer from 1 to 10, got a value that is not a number',
    ]);
  });

  it('gives the same message for the same mistake in every part of the configuration', () => {
    const found = problems({
      PORT: '1.5',
      CACHE_TTL_PARTY_SECONDS: '1.5',
      UPSTREAM_MAX_CONCURRENCY: '1.5',
      SERVER_MAX_CONNECTIONS: '1.5',
      JWT_CLOCK_TOLERANCE_SECONDS: '1.5',
      CACHE_ENABLED: 'yes',
      METRICS_ENABLED: 'yes',
      INTROSPECTION: 'yes',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'PORT: must be an integer from 0 to 65535, got 1.5',
        'CACHE_TTL_PARTY_SECONDS: must be an integer from 0 to 604800, got 1.5',
        'UPSTREAM_MAX_CONCURRENCY: must be an integer from 1 to 256, got 1.5',
        'SERVER_MAX_CONNECTIONS: must be an integer from 1 to 100000, got 1.5',
        'JWT_CLOCK_TOLERANCE_SECONDS: must be an integer from 0 to 600, got 1.5',
        'CACHE_ENABLED: must be true or false',
        'METRICS_ENABLED: must be true or false',
        'INTROSPECTION: must be true or false',
      ]),
    );
  });
});
