import type { RequestListener, Server, ServerResponse } from 'node:http';

export interface Drainable {
  /** Pass to `createServer`: serves with `handler` and keeps count of the responses in flight. */
  listener: RequestListener;
  /** Stops accepting, lets every response in flight finish, resolves once all connections closed. */
  drain(server: Server): Promise<void>;
}

/**
 * Graceful close of a node:http server. `server.close()` stops accepting connections, but a
 * kept-alive connection goes on delivering requests after it: a router that holds a pool of
 * connections to this subgraph and keeps sending would keep the process serving until the
 * shutdown deadline cut it off mid-response. So while draining, every response not yet under
 * way says `Connection: close` (Node closes its connection once it is sent), and connections
 * that fall idle are closed at once instead of after the keep-alive timeout.
 *
 * Not Apollo's ApolloServerPluginDrainHttpServer: it ends sockets once their responses finish but
 * never says `Connection: close`, so a router may send its next request into a closing socket; and
 * at its grace period it destroys connections, where runShutdown first aborts the upstream calls so
 * that every request is still answered with a coded error.
 */
export function drainable(handler: RequestListener): Drainable {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  return {
    listener(req, res) {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
      // A request that arrived on a kept-alive connection after the drain began.
      if (draining) res.setHeader('connection', 'close');
      handler(req, res);
    },
    drain(server) {
      draining = true;
      for (const res of inFlight) {
        if (!res.headersSent) res.setHeader('connection', 'close');
        // Headers already sent (incremental delivery): once done, its connection is idle.
        else res.once('finish', () => setImmediate(() => server.closeIdleConnections()));
      }
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
