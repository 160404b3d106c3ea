import { textOr } from './envValues.js';
import { isTimeZone } from './timeZones.js';

/** The zones the graph reads and writes dates in. */
export interface TimeZones {
  /** Whose calendar "today" is: date-window defaults and their not-after-today rule. */
  business: string;
  /** Confirma timestamps sent without an offset are wall times in this zone. */
  confirma: string;
  /** FactorCloud timestamps sent without an offset are wall times in this zone. */
  factorCloud: string;
}

/**
 * Defaults, where the upstream docs are silent on zones:
 * - Business and Confirma: Europe/Helsinki. Confirma Finance is Finnish (confirma.md: Confirma
 *   Finland, FI business ids, addresses in Vaasa and Helsinki), so its business days and any
 *   wall time it sends without an offset are Finnish. Its documented timestamps carry `Z` and
 *   are unaffected.
 * - FactorCloud: UTC. Its timestamps are Postgres "timestamp without time zone" columns
 *   (factorcloud.md §5) whose zone the docs never name; its customers span USA, MEX and CAN, so
 *   no one local zone is implied, and UTC is the usual zone of a hosted Postgres server.
 */
export const DEFAULT_TIME_ZONES: TimeZones = {
  business: 'Europe/Helsinki',
  confirma: 'Europe/Helsinki',
  factorCloud: 'UTC',
};

const zone = (fallback: string) =>
  textOr(fallback).refine(isTimeZone, {
    message: 'must be an IANA time zone name such as Europe/Helsinki or UTC',
  });

/** The time zone environment variables, spread into config.ts's schema. */
export const timeZoneEnv = {
  BUSINESS_TIME_ZONE: zone(DEFAULT_TIME_ZONES.business),
  CONFIRMA_TIME_ZONE: zone(DEFAULT_TIME_ZONES.confirma),
  FACTORCLOUD_TIME_ZONE: zone(DEFAULT_TIME_ZONES.factorCloud),
};

export function timeZoneSettings(e: {
  BUSINESS_TIME_ZONE: string;
  CONFIRMA_TIME_ZONE: string;
  FACTORCLOUD_TIME_ZONE: string;
}): TimeZones {
  return {
    business: e.BUSINESS_TIME_ZONE,
    confirma: e.CONFIRMA_TIME_ZONE,
    factorCloud: e.FACTORCLOUD_TIME_ZONE,
  };
}
