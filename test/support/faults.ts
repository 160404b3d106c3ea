import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { FakeReply, RecordedRequest } from './fakeUpstream.js';

/**
 * A fault schedule for a fake's `override`: the n-th request matching `match` gets `replies[n]`;
 * once the schedule is used up, matching requests get the fake's normal answer again. A schedule
 * entry of `'normal'` also means the normal answer, e.g. `[{ status: 503 }, 'normal']`.
 */
export function faultSchedule(
  match: (request: RecordedRequest) => boolean,
  replies: ReadonlyArray<FakeReply | 'normal'>,
): (request: RecordedRequest) => FakeReply | undefined {
  let next = 0;
  return (request) => {
    if (!match(request)) return undefined;
    const reply = replies[next];
    next += 1;
    return reply === undefined || reply === 'normal' ? undefined : reply;
  };
}

/** The same fault for every matching request. */
export function always(
  match: (request: RecordedRequest) => boolean,
  reply: FakeReply,
): (request: RecordedRequest) => FakeReply | undefined {
  return (request) => (match(request) ? reply : undefined);
}

export const pathEndsWith = (suffix: string) => (request: RecordedRequest) => request.path.endsWith(suffix);

/**
 * A TCP relay in front of a fake upstream that can stop listening, so connections to it are
 * refused by the operating system (ECONNREFUSED) the way a crashed upstream refuses them, and
 * start again on the same port.
 */
export interface TcpGate {
  url: string;
  /** Stop listening and cut every relayed connection. */
  refuse(): Promise<void>;
  /** Listen again on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpGate(targetUrl: string): Promise<TcpGate> {
  const target = new URL(targetUrl);
  const open = new Set<Socket>();
  let port = 0;
  let server: Server | undefined;

  const relay = (client: Socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
    client.pipe(upstream).pipe(client);
  };

  const listen = async () => {
    const next = createServer(relay);
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };

  const stop = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    for (const socket of open) socket.destroy();
    await closed;
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    refuse: stop,
    accept: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}
