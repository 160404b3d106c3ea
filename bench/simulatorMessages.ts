import { z } from 'zod';

/** What the simulator child process tells the parent over IPC. */
export const simulatorMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), confirmaUrl: z.string(), factorCloudUrl: z.string() }),
  /** Requests received since the last reset, by path (query strings left out). */
  z.object({ type: z.literal('counts'), counts: z.record(z.string(), z.number()) }),
]);

export type SimulatorMessage = z.infer<typeof simulatorMessageSchema>;
