import type { IncomingMessage } from 'node:http';
import { readText } from '../lib/readText.js';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * Reads the request body as text, refusing more than `maxBytes`. Past the bound the rest of the
 * body is read and dropped rather than the socket destroyed: closing a socket with unread data
 * makes the kernel send a reset, and the client would lose the 413 that says why
 * (src/serve/oversizedBody.ts answers it).
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError();
  return readText(
    req,
    maxBytes,
    () => new BodyTooLargeError(),
    (stream) => stream.resume(),
  );
}

/** JSON media types per GraphQL over HTTP: application/json and any +json type. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}
