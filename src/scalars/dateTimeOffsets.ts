import { defaultFieldResolver } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { withOffset } from '../lib/timeZones.js';
import type { TimeZones } from '../lib/timeZoneSettings.js';

type Upstream = Exclude<keyof TimeZones, 'business'>;

/**
 * The upstream each object type with DateTime fields is read from: its timestamps without an
 * offset are wall times in that upstream's zone (CONFIRMA_TIME_ZONE, FACTORCLOUD_TIME_ZONE).
 * Every DateTime field must be listed, or the schema does not build.
 */
export const DATE_TIME_UPSTREAMS: Readonly<Record<string, Upstream>> = {
  Distribution: 'confirma',
  PaymentControl: 'confirma',
  CollectionCase: 'confirma',
  CaseEvent: 'confirma',
  CaseAction: 'confirma',
  SettlementConnection: 'confirma',
  NewSettlements: 'confirma',
  Settlement: 'confirma',
};

/**
 * Wraps the resolver of every DateTime field so its value leaves the graph as RFC 3339 with an
 * offset (lib/timeZones.ts `withOffset`). Done once on the built schema, so no resolver can
 * forget it; a bare day becomes midnight in the upstream's zone.
 */
export function withUpstreamOffsets(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || !('getInterfaces' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      // Wrapping types print as `[Name!]!`; the named type is what is left without brackets and bangs.
      if (String(field.type).replace(/[[\]!]/g, '') !== 'DateTime') continue;
      const upstream = DATE_TIME_UPSTREAMS[type.name];
      if (!upstream) throw new Error(`${type.name}.${field.name} is a DateTime with no upstream time zone`);
      field.resolve = offsetting(field.resolve ?? defaultFieldResolver, upstream);
    }
  }
  return schema;
}

function offsetting(
  resolve: GraphQLFieldResolver<unknown, Context>,
  upstream: Upstream,
): GraphQLFieldResolver<unknown, Context> {
  return (source, args, context, info) => {
    const zone = context.timeZones[upstream];
    const apply = (value: unknown): unknown =>
      typeof value === 'string' ? withOffset(value, zone) : Array.isArray(value) ? value.map(apply) : value;
    const value: unknown = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(apply) : apply(value);
  };
}
