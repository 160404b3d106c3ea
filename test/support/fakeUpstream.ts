import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake upstream received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeReply {
  status?: number;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** Wait before answering, to exercise timeouts. */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  drop?: boolean;
}

export type FakeRoute = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose path contains `fragment`. */
  requestsTo(fragment: string): RecordedRequest[];
  /** Highest number of requests that were in flight at the same time. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers through `route`. */
export async function startFakeUpstream(route: FakeRoute): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake.invalid');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(route(recorded)).then(async (reply) => {
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        inFlight -= 1;
        if (reply.drop) {
          req.socket.destroy();
          return;
        }
        const body = reply.raw ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (fragment) => requests.filter((r) => r.path.includes(fragment)),
    maxInFlight: () => peak,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
