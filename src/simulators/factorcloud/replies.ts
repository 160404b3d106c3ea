import type { IncomingMessage } from 'node:http';
import { jsonValueOf, type JsonReply } from '../http.js';
import { FieldReader, isJsonObject } from './fields.js';
import { headerValue } from './request.js';

/**
 * Error replies. Docs are silent on errors (factorcloud.md §1.5, §7); the simulator answers
 * `{"message": "<field>: <rule>"}` with a standard status. When a request has several problems,
 * the message lists them all, separated by `; `, in the order the fields were read.
 */

export function badRequest(problems: readonly string[]): JsonReply {
  return { status: 400, body: { message: problems.join('; ') } };
}

export function notFound(field: string, rule: string): JsonReply {
  return { status: 404, body: { message: `${field}: ${rule}` } };
}

export function conflict(field: string, rule: string): JsonReply {
  return { status: 409, body: { message: `${field}: ${rule}` } };
}

/**
 * The request body as a field reader, or a 400. The body is read as JSON whatever the
 * Content-Type (§1.3): the docs' examples send raw JSON as `text/plain` and, via curl's
 * `--data`, as `application/x-www-form-urlencoded`. Docs are silent on a client that really
 * form-encodes the JSON; the simulator also accepts the JSON as the only form key (what encoding
 * `{"a":1}` as a form field name gives) or as the only form value.
 */
export function readBodyObject(request: IncomingMessage, body: string): FieldReader | JsonReply {
  const parsed = jsonValueOf(body) ?? (isForm(request) ? jsonFromForm(body) : undefined);
  if (parsed === undefined) return badRequest(['body: must be a JSON object']);
  if (!isJsonObject(parsed)) return badRequest(['body: must be a JSON object, not an array or a scalar']);
  return new FieldReader(parsed);
}

function isForm(request: IncomingMessage): boolean {
  return (headerValue(request, 'content-type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}

function jsonFromForm(body: string): ReturnType<typeof jsonValueOf> {
  const entries = [...new URLSearchParams(body)];
  const only = entries.length === 1 ? entries[0] : undefined;
  if (!only) return undefined;
  const [key, value] = only;
  return value === '' ? jsonValueOf(key) : jsonValueOf(value);
}
