import { z } from 'zod';
import { text } from '../lenient.js';
import { coded } from './codes.js';
import { isRecord } from '../../lib/records.js';
import { isBlank, lowerCaseKeys } from './keys.js';

/** store-docs / get-docs (factorcloud.md §5.16, §5.17) and the test-post echo (§5.2). */

export const DOCUMENT_ENCODINGS = ['BINARY', 'BASE64', 'ENCRYPTED'] as const;
export type DocumentEncodingValue = (typeof DOCUMENT_ENCODINGS)[number];

/** `EncodingType` codes (§3): `B` binary, `S` Base64, `E` encrypted. */
export const ENCODING_CODES: Record<DocumentEncodingValue, 'B' | 'S' | 'E'> = {
  BINARY: 'B',
  BASE64: 'S',
  ENCRYPTED: 'E',
};
const ENCODING_BY_CODE: Record<string, DocumentEncodingValue> = { B: 'BINARY', S: 'BASE64', E: 'ENCRYPTED' };

/** `EncodingType` (§3); another value reads as UNKNOWN with its text kept. */
const encodingType = coded(ENCODING_BY_CODE);

export const DOCUMENT_KEYS = ['encodeddoc', 'encodingtype', 'contenttype', 'filename'] as const;

/** get-docs reply: `{EncodedDoc, EncodingType, ContentType, FileName}`. */
export const documentSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      encodeddoc: text,
      encodingtype: encodingType,
      contenttype: text,
      filename: text,
    })
    .transform((d) => ({
      encodedDoc: d.encodeddoc,
      encodingType: d.encodingtype.value,
      encodingTypeRaw: d.encodingtype.raw,
      contentType: d.contenttype,
      fileName: d.filename,
    })),
);
export type DocumentReply = z.output<typeof documentSchema>;

/** The canonical 8-4-4-4-12 hex form, whatever the key holding it is called. */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** Objects of a reply, breadth first (top level, then nested objects and arrays), a few levels deep. */
function objectsOf(body: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  let level: unknown[] = [body];
  for (let depth = 0; depth < 3 && level.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const value of level) {
      if (Array.isArray(value)) next.push(...value);
      else if (isRecord(value)) {
        found.push(value);
        next.push(...Object.values(value));
      }
    }
    level = next;
  }
  return found;
}

/**
 * The document UUID in a store-docs reply. The prose promises one, the example (`{"message":
 * "200"}`) has none, and neither its key nor its place is documented (§5.16), so the docs' advice
 * is to look for it anywhere in the body: first a key containing `uuid` in any case (`UUID`,
 * `uuid`, `DocumentUUID`…) at the top level or in a nested object (`{"data": {"UUID": …}}`),
 * then any value in the canonical UUID form under another key (`id`, `DocumentId`…); none → null.
 */
export function storedDocumentUuid(body: unknown): string | null {
  const objects = objectsOf(body);
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      const id = key.toLowerCase().includes('uuid') && !isBlank(value) ? idText(value) : null;
      if (id) return id;
    }
  }
  for (const object of objects) {
    for (const value of Object.values(object)) {
      if (typeof value === 'string' && UUID_SHAPE.test(value.trim())) return value.trim();
    }
  }
  return null;
}

/** test-post echo: `{"TestValue":"1","TestLabel":"Test"}`. */
export const testEchoSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({ testvalue: text, testlabel: text })
    .transform((e) => ({ testValue: e.testvalue, testLabel: e.testlabel })),
);
