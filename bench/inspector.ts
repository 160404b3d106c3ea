import { once } from 'node:events';
import { WebSocket, request } from 'undici';
import { z } from 'zod';

/**
 * A minimal Chrome DevTools Protocol client for a child started with `--inspect=127.0.0.1:PORT`:
 * enough to force a full garbage collection and read the heap from outside the process, so
 * memory growth can be told apart from garbage the collector has not got round to yet.
 */

const targetsSchema = z.array(z.object({ webSocketDebuggerUrl: z.string() })).min(1);
const replySchema = z.object({
  id: z.number(),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ message: z.string() }).optional(),
});
const heapUsageSchema = z.object({ usedSize: z.number(), totalSize: z.number() });

export interface HeapAfterGc {
  /** V8 heap in use (live objects and garbage) before the collection, MB. */
  heapBeforeGcMb: number;
  /** V8 heap in use after a full collection, MB. */
  heapAfterGcMb: number;
}

/** Forces a full GC in the inspected process and reads its heap usage. */
export async function collectGarbage(inspectorPort: number): Promise<HeapAfterGc> {
  const list = await request(`http://127.0.0.1:${inspectorPort}/json/list`);
  const [target] = targetsSchema.parse(await list.body.json());
  if (!target) throw new Error('the inspector lists no target');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await once(socket, 'open');
  let nextId = 0;
  const call = async (method: string): Promise<Record<string, unknown>> => {
    const id = (nextId += 1);
    const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (event: { data: unknown }) => {
        const message = replySchema.safeParse(JSON.parse(String(event.data)));
        if (!message.success || message.data.id !== id) return;
        socket.removeEventListener('message', onMessage);
        if (message.data.error) reject(new Error(`${method}: ${message.data.error.message}`));
        else resolve(message.data.result ?? {});
      };
      socket.addEventListener('message', onMessage);
    });
    socket.send(JSON.stringify({ id, method }));
    return reply;
  };
  try {
    const before = heapUsageSchema.parse(await call('Runtime.getHeapUsage'));
    await call('HeapProfiler.collectGarbage');
    const after = heapUsageSchema.parse(await call('Runtime.getHeapUsage'));
    return { heapBeforeGcMb: before.usedSize / 1024 ** 2, heapAfterGcMb: after.usedSize / 1024 ** 2 };
  } finally {
    socket.close();
  }
}
