import { FACTORCLOUD_ENCODING_TYPES, type FactorCloudDocument } from '../dataset/types.js';
import type { Call } from './context.js';
import { FieldReader } from './fields.js';
import { base64ByteLength } from './values.js';
import { badRequest, notFound, readBodyObject } from './replies.js';
import { identifierFrom } from './request.js';

/** store-docs (factorcloud.md §5.16) and get-docs (§5.17): PDFs kept by UUID. */

/**
 * store-docs. Docs: all four fields required, `EncodingType` B/S/E, only `application/pdf`;
 * 201 for a new document, 200 for an update; example reply `{"message": "200"}` with the string
 * "200" (sent for both statuses, as in the example). Docs promise the UUID, file name and byte
 * length in prose without naming them; the simulator adds `UUID`, `FileName` and `Length`
 * (simulator-defined names). Docs are silent on what makes an upload an update; the simulator
 * treats the same `FileName` (exact match) as the same document: its content is replaced and its
 * UUID kept. `Length` is the decoded size for Base64 (`S`), otherwise the UTF-8 size of the text
 * as sent (binary and encrypted content cannot be decoded here). The content is not checked to
 * be a PDF.
 */
const storeDocs: Call = {
  methods: ['POST'],
  handle({ dataset, behaviour, request, body }) {
    const reader = readBodyObject(request, body);
    if (!(reader instanceof FieldReader)) return reader;
    // Kept exactly as sent (not trimmed): it is the document.
    const sentDoc = reader.raw('EncodedDoc');
    const EncodedDoc = typeof sentDoc === 'string' ? sentDoc : reader.text('EncodedDoc', true);
    const EncodingType = reader.choice('EncodingType', FACTORCLOUD_ENCODING_TYPES, true);
    const ContentType = reader.choice('ContentType', ['application/pdf'] as const, true);
    const FileName = reader.text('FileName', true);
    const decoded = EncodedDoc && EncodingType === 'S' ? base64ByteLength(EncodedDoc) : undefined;
    if (EncodedDoc && EncodingType === 'S' && decoded === undefined) {
      reader.problem('EncodedDoc', 'must be valid Base64 when EncodingType is S');
    }
    if (reader.failed || !EncodedDoc || !EncodingType || !ContentType || !FileName) {
      return badRequest(reader.problems);
    }
    const documents = dataset.factorCloud.documents;
    const existing = [...documents.values()].find((document) => document.FileName === FileName);
    const stored: FactorCloudDocument = {
      UUID: existing?.UUID ?? behaviour.newUuid(),
      EncodedDoc,
      EncodingType,
      ContentType,
      FileName,
      Length: decoded ?? Buffer.byteLength(EncodedDoc, 'utf8'),
    };
    documents.set(stored.UUID, stored);
    return {
      status: existing ? 200 : 201,
      body: { message: '200', UUID: stored.UUID, FileName, Length: stored.Length },
    };
  },
};

/**
 * get-docs. Docs show `GET get-docs/<UUID>.json` and `POST GET-Docs/` with `{"UUID": "…"}`
 * (§5.17); the simulator also takes the UUID from the query or a `UUID` header, and from a body
 * sent with GET. Docs are silent on an unknown UUID; the simulator answers 404 (a document has no
 * empty form in the docs).
 */
const getDocs: Call = {
  methods: ['GET', 'POST'],
  handle({ dataset, request, query, path, body }) {
    let uuid = identifierFrom(request, query, path, 'UUID');
    if (uuid === undefined && body.trim() !== '') {
      const reader = readBodyObject(request, body);
      if (!(reader instanceof FieldReader)) return reader;
      uuid = reader.text('UUID') ?? undefined;
    }
    if (uuid === undefined) return badRequest(['UUID: is required']);
    const document = dataset.factorCloud.documents.get(uuid);
    if (!document) return notFound('UUID', `no document "${uuid}"`);
    const { EncodedDoc, EncodingType, ContentType, FileName } = document;
    return { status: 200, body: { EncodedDoc, EncodingType, ContentType, FileName } };
  },
};

export const DOCUMENT_CALLS: ReadonlyMap<string, Call> = new Map([
  ['store-docs', storeDocs],
  ['get-docs', getDocs],
]);
