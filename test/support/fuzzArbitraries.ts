import fc from 'fast-check';

/**
 * Generators of hostile or merely odd GraphQL requests: documents built from the schema's own
 * vocabulary (so many of them parse and validate and some reach the resolvers), garbage text,
 * and variables of every JSON shape, huge numbers and deep nesting included.
 */

const FIELDS = [
  'invoices',
  'invoice',
  'nodes',
  'totalCount',
  'invoiceNumber',
  'distribution',
  'errors',
  'status',
  'paymentControl',
  'case',
  'balance',
  'totalAmount',
  'factoring',
  'amount',
  'client',
  'name',
  'debtor',
  'collectionCase',
  'payments',
  'settlements',
  'settlementAllocations',
  'breakdown',
  'factoringSchedule',
  'factoringInvoice',
  'factorCloudConnectionCheck',
  'accessTokenStatus',
  '_entities',
  '_service',
  'sdl',
  '__typename',
  '__schema',
  'types',
  'unknownField',
] as const;

const ARGUMENT_NAMES = [
  'invoiceNumber',
  'filter',
  'caseId',
  'clientKey',
  'integrationInvoiceId',
  'representations',
  'from',
  'first',
  'input',
];

/** Argument values in GraphQL literal syntax, from plausible to absurd. */
const literal: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
  fc.constantFrom(
    '99999999999999999999999999999',
    '-0',
    '1e400',
    'null',
    'true',
    '"2026-02-30"',
    '"2026-11-22"',
    '{ from: "2026-01-01", to: "2026-12-31" }',
    '{ invoiceNumber: "1", from: 3 }',
    '[{ __typename: "Invoice", invoiceNumber: "1" }]',
    '[]',
    '$v',
    '$missing',
    'ENUM_VALUE',
  ),
);

const argumentsList = fc
  .array(fc.tuple(fc.constantFrom(...ARGUMENT_NAMES), literal), { maxLength: 3 })
  .map((args) => (args.length ? `(${args.map(([name, value]) => `${name}: ${value}`).join(', ')})` : ''));

const alias = fc.option(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { nil: undefined });

const { selectionSet } = fc.letrec<{ selectionSet: string; selection: string }>((tie) => ({
  selectionSet: fc
    .array(tie('selection'), { minLength: 1, maxLength: 4 })
    .map((selections) => `{ ${selections.join(' ')} }`),
  selection: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    fc
      .tuple(alias, fc.constantFrom(...FIELDS), argumentsList)
      .map(([a, field, args]) => `${a ? `${a}: ` : ''}${field}${args}`),
    fc
      .tuple(alias, fc.constantFrom(...FIELDS), argumentsList, tie('selectionSet'))
      .map(([a, field, args, set]) => `${a ? `${a}: ` : ''}${field}${args} ${set}`),
    fc
      .tuple(fc.constantFrom('Invoice', 'Client', 'Query', 'Nope'), tie('selectionSet'))
      .map(([type, set]) => `... on ${type} ${set}`),
  ),
}));

/** A document: mostly well-formed operations, sometimes cut short or salted with garbage. */
export const document: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', 'query', 'query Q($v: ID)', 'mutation', 'subscription', 'query ($v: [_Any!]!)'),
      selectionSet,
    )
    .map(([head, set]) => `${head} ${set}`),
  fc
    .tuple(selectionSet, fc.nat(), fc.string({ unit: 'binary', maxLength: 8 }))
    .map(([text, cut, salt]) => text.slice(0, cut % (text.length + 1)) + salt),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '}',
    '{ invoices { nodes { invoiceNumber } }',
    'fragment F on Invoice { ...F } { invoice(invoiceNumber: "1") { ...F } }',
  ),
);

/** Variables: any JSON, or none, or a non-object where an object is expected. */
export const variables: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom('v', 'missing', 'r', 'x'), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Raw JSON texts no JSON.stringify would write: huge numbers, deep nesting, duplicate keys. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(document, fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '0.1e-400', '-0'))
    .map(
      ([query, number]) => `{"query":${JSON.stringify(query)},"variables":{"v":${number},"r":[${number}]}}`,
    ),
  fc.tuple(fc.integer({ min: 1, max: 3_000 }), fc.constantFrom('[', '{"v":')).map(([depth, open]) => {
    const close = open === '[' ? ']' : '}';
    return `{"query":"query($v: ID) { invoice(invoiceNumber: $v) { invoiceNumber } }","variables":{"v":${open.repeat(depth)}1${close.repeat(depth)}}}`;
  }),
  fc.constantFrom(
    '{"query":"{ __typename }","query":"{ invoices { totalCount } }"}',
    '{"query":null}',
    '{"query":["{ __typename }"]}',
    '{"query":"{ __typename }","variables":"not an object"}',
    '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}',
    '{"query":"{ __typename }","operationName":{"a":1}}',
    '[]',
    'null',
    '"just a string"',
    '',
  ),
);
