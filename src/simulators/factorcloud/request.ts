import type { IncomingMessage } from 'node:http';

/**
 * Reading FactorCloud requests the lenient way the docs force (factorcloud.md §1.4, §6, §8):
 * case-insensitive call names and parameter names, an optional trailing slash, and an optional
 * `/<id>` or `/<id>.json` path suffix.
 */

export interface FactorCloudPath {
  /** Lower-cased call name, e.g. `get-invoice`. */
  call: string;
  /** The decoded path suffix without `.json`, if any. */
  pathId: string | undefined;
}

const PATH = /^\/api_factor\/([^/]+)(?:\/([^/]+))?\/?$/i;

/** `undefined` when the path is not under `/api_factor/` or its id is not decodable. */
export function parseFactorCloudPath(pathname: string): FactorCloudPath | undefined {
  const match = PATH.exec(pathname);
  const call = match?.[1];
  if (!call) return undefined;
  const rawId = match[2]?.replace(/\.json$/i, '');
  try {
    return { call: call.toLowerCase(), pathId: rawId ? decodeURIComponent(rawId) : undefined };
  } catch {
    return undefined;
  }
}

/**
 * The query string, with every `?` after the first read as `&`: the docs' own example for
 * get-client-debtor is `?clientkey=X?debtorkey=Y` (§5.7, §6.8). Docs are silent on how the server
 * reads it; the simulator accepts it. A literal `?` inside a value must then be percent-encoded,
 * which every URL encoder does anyway.
 */
export function lenientQuery(url: URL): URLSearchParams {
  return new URLSearchParams(url.search.slice(1).replace(/\?/g, '&'));
}

/** A query parameter by name, ignoring case (`InvoiceIntegrationId` = `InvoiceIntegrationID`). */
export function queryParam(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) {
    if (key.toLowerCase() === wanted && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** A header value (Node lower-cases names; repeated headers count as absent). */
export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * An identifier from wherever a client may have put it: the query (docs' curl example), a
 * header (the docs list it under "Header Information"), or the path suffix (get-docs style).
 * Docs are silent on precedence; the simulator takes the first found in that order.
 */
export function identifierFrom(
  request: IncomingMessage,
  query: URLSearchParams,
  path: FactorCloudPath,
  name: string,
): string | undefined {
  return queryParam(query, name) ?? headerValue(request, name) ?? path.pathId;
}
