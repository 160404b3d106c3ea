import fc from 'fast-check';
import { parse as losslessParse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../src/http/json.js';

/** The reference: a JSON parser written for exactness, keeping the same number rule. */
function reference(text: string): unknown {
  return losslessParse(text, undefined, (source: string) => {
    if (/^-?\d+$/.test(source) && Number.isSafeInteger(Number(source))) return Number(source);
    return source;
  });
}

/** Number tokens as upstreams write them: money with trailing zeros, 64-bit ids, exponents. */
const numberToken = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc
    .tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 99 }))
    .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
);
/** Strings that look like numbers, escapes and quotes: the tokens a careless rewrite would break. */
const stringToken = fc
  .oneof(
    fc.string(),
    numberToken,
    // Look-alikes of a number in a value position, which the fast pass quotes and must give up on.
    fc.constantFrom(
      '1.5"',
      '\\"2.50\\"',
      'e',
      '12345678901234567',
      'x:1.50,y',
      '[2.5]',
      ', 3.25}',
      ':-0.5e3 ]',
    ),
  )
  .map((value) => JSON.stringify(value));

const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    numberToken,
    stringToken,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(fc.tuple(stringToken, tie('value')), { maxLength: 5 })
      .map((entries) => `{${entries.map(([key, value]) => `${key}:${value}`).join(',')}}`),
    // Pretty-printed: whitespace and newlines around values.
    fc
      .array(fc.tuple(stringToken, tie('value')), { maxLength: 3 })
      .map((entries) => `{\n  ${entries.map(([key, value]) => `${key} :\n ${value}\t`).join(',\n  ')}\n}`),
  ),
})).value;

describe('parseJsonExact', () => {
  it('agrees with an exact JSON parser on every value, string and number', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        let expected: unknown;
        try {
          expected = reference(text);
        } catch {
          // Duplicate keys: the reference refuses them, JSON.parse keeps the last one.
          return;
        }
        expect(parseJsonExact(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects what is not JSON, even where quoting a number would have made it parse', () => {
    for (const text of ['{"a":01.5}', '{"a":1.}', '{"a":.5}', '{"a":"1.5}', '[1.5abc]', '{"a":-}']) {
      expect(() => parseJsonExact(text), text).toThrow();
    }
  });
});
