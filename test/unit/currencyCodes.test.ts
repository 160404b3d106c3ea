import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildASTSchema, parse, isEnumType } from 'graphql';
import { CURRENCY_CODES } from '../../src/lib/currencyCodes.js';
import { loadConfig } from '../../src/config.js';
import { moneyOf } from '../../src/resolvers/money.js';
import { enumOrUnknown, rawText } from '../../src/resolvers/upstreamEnum.js';

const currencies = { confirma: 'EUR', factorCloud: 'USD' } as const;

describe('currencies', () => {
  it('lists the same ISO 4217 codes in the schema enum as in code, plus UNKNOWN', () => {
    const sdl = readFileSync('schema/money.graphql', 'utf8').replace(/@shareable/g, '');
    const type = buildASTSchema(parse(`scalar Decimal\n${sdl}`)).getType('CurrencyCode');
    if (!isEnumType(type)) throw new Error('CurrencyCode is not an enum');
    expect(type.getValues().map((v) => v.name)).toEqual([...CURRENCY_CODES, 'UNKNOWN']);
    expect(type.getValues().every((v) => Boolean(v.description))).toBe(true);
  });

  it('keeps the stated currency, falls back to the upstream setting, and never guesses', () => {
    expect(moneyOf('10.00', 'sek', 'confirma', currencies)).toEqual({
      amount: '10.00',
      currency: 'SEK',
      currencyRaw: 'sek',
    });
    expect(moneyOf('10.00', null, 'factorCloud', currencies)).toEqual({
      amount: '10.00',
      currency: 'USD',
      currencyRaw: null,
    });
    expect(moneyOf('10.00', 'string', 'confirma', currencies)).toMatchObject({ currency: 'UNKNOWN' });
    expect(moneyOf(null, 'EUR', 'confirma', currencies)).toBeNull();
  });

  it('reads CONFIRMA_CURRENCY and FACTORCLOUD_CURRENCY and refuses codes outside ISO 4217', () => {
    expect(loadConfig({}).currencies).toEqual({ confirma: 'EUR', factorCloud: 'USD' });
    expect(loadConfig({ FACTORCLOUD_CURRENCY: 'cad' }).currencies.factorCloud).toBe('CAD');
    expect(() => loadConfig({ CONFIRMA_CURRENCY: 'EURO' })).toThrow(/CONFIRMA_CURRENCY: must be an ISO 4217/);
  });
});

describe('upstream enums', () => {
  it('reads known codes in any case, unknown ones as UNKNOWN with the raw text kept', () => {
    const known = ['DELIVERED', 'FAILED'] as const;
    expect(enumOrUnknown(known, ' delivered ')).toBe('DELIVERED');
    expect(enumOrUnknown(known, 'BOUNCED')).toBe('UNKNOWN');
    expect(enumOrUnknown(known, null)).toBeNull();
    expect(rawText('BOUNCED')).toBe('BOUNCED');
    expect(rawText('')).toBeNull();
  });
});
