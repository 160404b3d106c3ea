import { Pool } from 'undici';
import { FACTORCLOUD_HEADERS } from './config.js';
import { median } from './stats.js';

/**
 * The time one upstream call really takes here: the simulator's injected latency plus HTTP on
 * loopback and the simulator's own work, measured with a bare undici client, one call after
 * another on a kept-alive connection. Waves × this is the floor the machine itself sets; the
 * gap between it and the nominal bound is not the subgraph's doing.
 */
export async function measureCallLatency(
  factorCloudUrl: string,
  invoiceIntegrationId: string,
): Promise<number> {
  const pool = new Pool(factorCloudUrl, { connections: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < 21; i += 1) {
      const started = performance.now();
      const response = await pool.request({
        method: 'GET',
        path: `/api_factor/get-invoice/?InvoiceIntegrationId=${encodeURIComponent(invoiceIntegrationId)}`,
        headers: FACTORCLOUD_HEADERS,
      });
      await response.body.text();
      if (response.statusCode !== 200) throw new Error(`get-invoice answered ${response.statusCode}`);
      // The first call opens the connection; it is not what a wave costs.
      if (i > 0) times.push(performance.now() - started);
    }
  } finally {
    await pool.close();
  }
  return median(times);
}
