import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How long the rest of a refused body is read and dropped after the 413 is written (as nginx's
 * lingering close does). Closing at once, with the client still sending, resets the connection
 * and the client would read the reset instead of the answer; a client that keeps sending past
 * this is cut off.
 */
const LINGER_MS = 2_000;

/**
 * Answers 413 with `body` (the JSON error saying the limit) and closes the connection once the
 * client has stopped sending, or after LINGER_MS. The whole answer goes out at once with its
 * Content-Length, so the client can read it while it is still sending; only the end of the
 * response, after which Node closes the socket, waits.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    connection: 'close',
  });
  res.write(text);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(linger);
    res.end();
  };
  const linger = setTimeout(end, LINGER_MS);
  if (req.complete) return end();
  req.once('end', end);
  req.once('close', end);
  // Flowing with no 'data' listener: what still arrives is dropped.
  req.resume();
}
