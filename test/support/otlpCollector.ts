import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/** A span as an OTLP/HTTP JSON export carries it, attributes flattened to a record. */
export interface CollectedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OTLP SpanKind: 2 server, 3 client. */
  kind: number;
  attributes: Record<string, string | number | boolean>;
  statusCode: number;
  events: string[];
  serviceName: string | undefined;
}

const anyValue = z.object({
  stringValue: z.string().optional(),
  intValue: z.union([z.string(), z.number()]).optional(),
  doubleValue: z.number().optional(),
  boolValue: z.boolean().optional(),
});
const keyValues = z.array(z.object({ key: z.string(), value: anyValue })).default([]);
const exportRequest = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: keyValues }).optional(),
      scopeSpans: z.array(
        z.object({
          spans: z.array(
            z.object({
              traceId: z.string(),
              spanId: z.string(),
              parentSpanId: z.string().optional(),
              name: z.string(),
              kind: z.number(),
              attributes: keyValues,
              status: z.object({ code: z.number().optional() }).optional(),
              events: z.array(z.object({ name: z.string() })).default([]),
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface OtlpCollector {
  /** Base URL; traces are accepted at `${url}/v1/traces`. */
  url: string;
  spans: CollectedSpan[];
  /** Raw request bodies as received (decompressed), for leak checks. */
  bodies: string[];
  close(): Promise<void>;
}

/** A minimal OTLP/HTTP JSON trace receiver on 127.0.0.1 that keeps what it was sent. */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: CollectedSpan[] = [];
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      bodies.push(text);
      if (req.url !== '/v1/traces' || !req.headers['content-type']?.startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      spans.push(...flatten(exportRequest.parse(JSON.parse(text))));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function flatten(request: z.output<typeof exportRequest>): CollectedSpan[] {
  return request.resourceSpans.flatMap((resource) => {
    const serviceName = attributesOf(resource.resource?.attributes ?? [])['service.name'];
    return resource.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        kind: span.kind,
        attributes: attributesOf(span.attributes),
        statusCode: span.status?.code ?? 0,
        events: span.events.map((event) => event.name),
        serviceName: typeof serviceName === 'string' ? serviceName : undefined,
      })),
    );
  });
}

function attributesOf(pairs: z.output<typeof keyValues>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of pairs) {
    const v = value.stringValue ?? value.boolValue ?? value.doubleValue ?? value.intValue;
    if (v !== undefined) out[key] = typeof value.intValue === 'string' ? Number(value.intValue) : v;
  }
  return out;
}
