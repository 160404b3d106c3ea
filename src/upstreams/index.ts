import { createUpstreamHttp } from '../http/upstreamHttp.js';
import type { UpstreamHttp } from '../http/upstreamHttp.js';
import type { Config } from '../config.js';

/** One pool per upstream origin, shared by every request. */
export function createUpstreamPools(
  origins: { confirma: string; factorCloud: string },
  limits: Config['upstream'],
): { confirmaHttp: UpstreamHttp; factorCloudHttp: UpstreamHttp } {
  return {
    confirmaHttp: createUpstreamHttp({ upstream: 'confirma', origin: origins.confirma, ...limits }),
    factorCloudHttp: createUpstreamHttp({ upstream: 'factorcloud', origin: origins.factorCloud, ...limits }),
  };
}
