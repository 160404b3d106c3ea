import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { DecimalScalar } from '../../src/scalars/index.js';
import { exactVariablesPlugin } from '../../src/scalars/exactVariables.js';
import { parseRequestJson } from '../../src/serve/requestJson.js';

const typeDefs = `#graphql
  scalar Decimal
  input Amounts { d: Decimal, f: Float, list: [Decimal!] }
  type Query { echo(i: Int, f: Float, d: Decimal, amounts: Amounts): String }
`;

const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Decimal: DecimalScalar,
    Query: { echo: (_root: unknown, args: unknown) => JSON.stringify(args) },
  },
  plugins: [exactVariablesPlugin()],
});

/** Runs a request body exactly as the HTTP handler reads it. */
async function run(body: string): Promise<unknown> {
  const parsed = parseRequestJson(body) as { query: string; variables: Record<string, unknown> };
  await server.start().catch(() => undefined);
  const response = await server.executeOperation(parsed);
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  expect(errors).toBeUndefined();
  return JSON.parse(String((data as { echo: string }).echo));
}

const QUERY =
  'query ($i: Int, $f: Float, $d: Decimal, $a: Amounts) { echo(i: $i, f: $f, d: $d, amounts: $a) }';

describe('request bodies read exactly', () => {
  it('keeps every digit of a Decimal and gives Int and Float what JSON.parse would', async () => {
    const body = `{"query":${JSON.stringify(QUERY)},"variables":{"i":2.0000000000000001,"f":0.30000000000000001,"d":12345678901234567.89,"a":{"d":1e-10,"f":1e400,"list":[99999999999999999999.5]}}}`;
    expect(await run(body.replace('1e400', '1.5'))).toEqual({
      i: 2,
      f: 0.3,
      d: '12345678901234567.89',
      amounts: { d: '0.0000000001', f: 1.5, list: ['99999999999999999999.50'] },
    });
  });

  it('leaves bodies of plain numbers to JSON.parse unchanged', () => {
    expect(parseRequestJson('{"a":[1,2.5,"1e3"],"b":{"c":-0.1}}')).toEqual({
      a: [1, 2.5, '1e3'],
      b: { c: -0.1 },
    });
  });
});
