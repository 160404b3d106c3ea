import { z } from 'zod';
import { startSimulators } from '../src/simulators/index.js';
import { CONFIRMA, FACTORCLOUD, SEED, TODAY, factoringInvoiceId } from './config.js';
import type { SimulatorMessage } from './simulatorMessages.js';

/**
 * Child-process entry: both simulators in a process of their own, so serving upstream calls
 * does not share an event loop with the subgraph or the load generator. Options arrive as JSON
 * in argv[2]; the parent asks over IPC for the request counts (by path) and resets them.
 */

const optionsSchema = z.object({
  invoiceCount: z.number().int().positive(),
  latencyMs: z.number().int().nonnegative(),
  /** Uniform extra latency per call in [0, latencyJitterMs] (bench/machinery.ts). */
  latencyJitterMs: z.number().int().nonnegative().optional(),
});
const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('counts') }),
  z.object({ type: z.literal('reset') }),
]);

const options = optionsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const counts = new Map<string, number>();
const faults =
  options.latencyMs > 0 || options.latencyJitterMs
    ? { latencyMs: options.latencyMs, latencyJitterMs: options.latencyJitterMs ?? 0 }
    : undefined;

const simulators = await startSimulators({
  today: TODAY,
  seed: SEED,
  invoiceCount: options.invoiceCount,
  factoringInvoiceId,
  host: '127.0.0.1',
  confirma: { ...CONFIRMA, port: 0, faults },
  factorCloud: { ...FACTORCLOUD, port: 0, faults },
  onRequest: (request) => counts.set(request.path, (counts.get(request.path) ?? 0) + 1),
});

function send(message: SimulatorMessage): void {
  process.send?.(message);
}

process.on('message', (raw) => {
  const request = requestSchema.parse(raw);
  if (request.type === 'reset') counts.clear();
  send({ type: 'counts', counts: Object.fromEntries(counts) });
});
process.on('disconnect', () => {
  void simulators.close().finally(() => process.exit(0));
});

send({ type: 'ready', confirmaUrl: simulators.confirmaUrl, factorCloudUrl: simulators.factorCloudUrl });
