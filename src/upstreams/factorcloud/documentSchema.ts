import { z } from 'zod';
import { text } from '../lenient.js';
import { isBlank, isRecord, lowerCaseKeys } from './keys.js';

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

const encodingType = text.transform((value, ctx): DocumentEncodingValue | null => {
  if (value === null) return null;
  const encoding = ENCODING_BY_CODE[value.trim().toUpperCase()];
  if (encoding) return encoding;
  ctx.addIssue({ code: 'custom', message: 'expected an EncodingType B, S or E' });
  return z.NEVER;
});

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
      encodingType: d.encodingtype,
      contentType: d.contenttype,
      fileName: d.filename,
    })),
);
export type DocumentReply = z.output<typeof documentSchema>;

/**
 * The document UUID in a store-docs reply. The prose promises one, the example (`{"message":
 * "200"}`) has none, and its key is undocumented (§5.16): the first top-level key that contains
 * `uuid` in any case (`UUID`, `uuid`, `DocumentUUID`…) and holds a value wins; none → null.
 */
export function storedDocumentUuid(body: unknown): string | null {
  if (!isRecord(body)) return null;
  for (const [key, value] of Object.entries(body)) {
    if (!key.toLowerCase().includes('uuid') || isBlank(value)) continue;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
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
