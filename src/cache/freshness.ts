import type { IncomingHttpHeaders } from 'node:http';

/**
 * How one request uses the read cache, from its `Cache-Control` request header (RFC 9111 §5.2.1):
 * - `cached`: stored answers are served within their TTLs (no header, or any other directive);
 * - `fresh`: `no-cache` or `max-age=0`: every read goes upstream, and the answers replace the
 *   stored ones, so later requests see them too;
 * - `freshUnstored`: `no-store`: every read goes upstream, and nothing this request read is
 *   stored. RFC 9111 would still let a cache answer a `no-store` request from storage; a caller
 *   who forbids storing is taken to want no stored answer either.
 * `Pragma: no-cache` counts as `no-cache` when there is no `Cache-Control` (RFC 9111 §5.4).
 * Other `max-age` values are not honoured: entries carry no age, and their TTLs bound them.
 *
 * Either way each distinct read is sent at most once per request (loaders, then FreshReads),
 * and the operation limits, deadline and concurrency bounds apply as to any request.
 */
export type ReadFreshness = 'cached' | 'fresh' | 'freshUnstored';

export function readFreshness(headers: IncomingHttpHeaders): ReadFreshness {
  const cacheControl = headerText(headers['cache-control']);
  if (cacheControl === undefined) {
    return directivesOf(headerText(headers.pragma)).includes('no-cache') ? 'fresh' : 'cached';
  }
  const directives = directivesOf(cacheControl);
  if (directives.includes('no-store')) return 'freshUnstored';
  if (directives.includes('no-cache')) return 'fresh';
  return directives.some((d) => /^max-age="?0+"?$/.test(d)) ? 'fresh' : 'cached';
}

function directivesOf(text: string | undefined): string[] {
  return (text ?? '').split(',').map((directive) =>
    directive
      .trim()
      .toLowerCase()
      .replace(/\s*=\s*/, '='),
  );
}

function headerText(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}
