import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** A raw TCP connection to the subgraph, for clients that misbehave below HTTP. */
export interface RawConnection {
  socket: Socket;
  /** Everything the server wrote so far. */
  received(): string;
  /** Resolves once the connection opened (rejects if it could not). */
  opened: Promise<void>;
  /** Resolves once the server closed (or reset) the connection. */
  closed: Promise<void>;
  /** 'closed' if the connection closed within `ms`, else 'open' (and leaves it open). */
  closesWithin(ms: number): Promise<'closed' | 'open'>;
}

export function rawConnection(origin: string): RawConnection {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    data += chunk;
  });
  // A reset is one of the ways the server may close; the test looks at what was received.
  socket.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    received: () => data,
    opened,
    closed,
    closesWithin: (ms) =>
      Promise.race([
        closed.then(() => 'closed' as const),
        new Promise<'open'>((resolve) => setTimeout(resolve, ms, 'open')),
      ]),
  };
}

/** Writes `write()` every `everyMs` until the connection closes. */
export function trickle(connection: RawConnection, everyMs: number, write: () => string): void {
  const timer = setInterval(() => {
    if (connection.socket.destroyed || !connection.socket.writable) clearInterval(timer);
    else connection.socket.write(write());
  }, everyMs);
  void connection.closed.then(() => clearInterval(timer));
}
