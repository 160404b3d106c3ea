import type { Endpoint, EndpointHead } from '../../endpoint.js';
import { parseReply } from '../../parse.js';
import type { WriteOutcome } from '../../writeOutcome.js';
import { foundAge } from '../answerAges.js';
import { documentBody } from '../bodies.js';
import { DOCUMENT_KEYS, documentSchema, storedDocumentUuid } from '../documentSchema.js';
import { hasNoValues } from '../keys.js';
import type { DocumentRecord, StoredDocumentRecord } from '../records.js';
import { NOT_KNOWN, WRITE_REFUSAL_STATUSES, where, writeReply } from '../replies.js';
import type { DocumentWrite } from '../writeTypes.js';
import { DOCUMENT, DOCUMENTS } from './places.js';

/** Stored documents (factorcloud.md §5.16, §5.17). */

const GET_DOCS = {
  name: 'get-docs',
  method: 'GET',
  path: 'get-docs',
  idempotent: true,
} as const satisfies EndpointHead;
/** The docs' second style reads by POST: safe to repeat, so it may be retried like a GET. */
const GET_DOCS_BY_POST = { ...GET_DOCS, method: 'POST' } as const satisfies EndpointHead;

/** GET get-docs/<UUID>.json (§5.17), falling back to POST get-docs/ with `{"UUID": …}`. */
export const documentByUuid = {
  ...GET_DOCS,
  async send(transport, uuid) {
    const read = (body: unknown): DocumentRecord | null =>
      hasNoValues(body, DOCUMENT_KEYS)
        ? null
        : { ...parseReply(documentSchema, body, where('get-docs')), uuid };
    // Style 1 of the docs: `GET get-docs/<UUID>.json`, the verified path-suffix form.
    const got = await transport(GET_DOCS, {
      suffix: `${encodeURIComponent(uuid)}.json`,
      accept: [400, 404, 405],
    });
    if (got.status < 300) return read(got.body);
    // Style 2 (the newer example): POST the UUID in a JSON body. Tried once when the GET form
    // is refused (400/404/405), since a server that only knows style 2 would answer that way.
    // An unknown UUID therefore costs two calls.
    const posted = await transport(GET_DOCS_BY_POST, { body: { UUID: uuid }, accept: NOT_KNOWN });
    return posted.status === 404 ? null : read(posted.body);
  },
  cache: {
    place: (uuid) => ({ resource: DOCUMENT, key: [uuid], scope: DOCUMENTS }),
    ttl: (found) => foundAge('document', found),
  },
  loader: { key: (uuid) => uuid },
} satisfies Endpoint<string, DocumentRecord | null>;

/**
 * POST store-docs/ (§5.16): 201 for a new document, 200 for an update.
 *
 * An update replaces a stored document; only the reply names which one, and the docs' own
 * example reply (`{"message":"200"}`) names none. Then, or when the outcome is unknown (the call
 * failed on its way), every stored document of the tenant is dropped. A refusal changed nothing,
 * and a document created (201) cannot be in the cache yet.
 */
export const storeDocument = {
  name: 'store-docs',
  method: 'POST',
  path: 'store-docs',
  idempotent: false,
  request: (write) => ({ body: documentBody(write), accept: WRITE_REFUSAL_STATUSES }),
  reply: writeReply((reply, _write, status): StoredDocumentRecord => ({
    uuid: storedDocumentUuid(reply),
    created: status === 201,
  })),
  invalidates: (_write, outcome) => {
    if (outcome?.ok === false) return {};
    const uuid = outcome?.value.uuid;
    if (uuid) return { answers: [{ resource: DOCUMENT, key: [uuid], scope: DOCUMENTS }] };
    return outcome?.value.created ? {} : { scopes: [DOCUMENTS] };
  },
} satisfies Endpoint<DocumentWrite, WriteOutcome<StoredDocumentRecord>>;

export const DOCUMENT_ENDPOINTS = { documentByUuid, storeDocument };
