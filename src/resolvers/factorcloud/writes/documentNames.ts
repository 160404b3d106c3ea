import { createHash } from 'node:crypto';
import type { Context } from '../../../context.js';
import type { UserError } from '../../../validation/userErrors.js';

/**
 * Which file names this subgraph has stored for a tenant, and with what content.
 *
 * FactorCloud's store-docs answers 201 for a new document and 200 for an "update"; the docs do
 * not say what makes an upload an update (factorcloud.md §5.16), and our assumption, which the
 * simulator shares, is the same FileName. The upstream offers no way to ask first: no list of
 * documents, no lookup by file name, no checksum (get-docs needs the UUID). So a careful client
 * keeps its own record: the checksum of what it stored under each name, per tenant, in the write
 * guard's store (Redis when REDIS_URL is set, so every replica sees it). A name stored before
 * this record existed, or by another system, cannot be detected before sending; FactorCloud's
 * 200 then tells afterwards that a document was replaced (`created: false`).
 */
const KEPT_SECONDS = 365 * 24 * 3_600;

export interface StoredDocument {
  fileName: string;
  encodingType: string;
  encodedDoc: string;
}

function recordName(fileName: string): string {
  return `document-name:${fileName}`;
}

function checksum(doc: StoredDocument): string {
  return createHash('sha256').update(`${doc.encodingType}\n${doc.encodedDoc}`).digest('base64url');
}

/** A user error when `fileName` already holds other content and the caller did not ask to replace it. */
export async function nameTaken(
  doc: StoredDocument,
  replace: boolean,
  context: Context,
): Promise<UserError | null> {
  if (replace) return null;
  const known = await context.writes.recall(context.tenant.id, recordName(doc.fileName));
  if (known === undefined || known === checksum(doc)) return null;
  return {
    field: ['input', 'fileName'],
    code: 'CONFLICT',
    message:
      `input.fileName: a document named "${doc.fileName}" was already stored with other content; ` +
      'nothing was sent. Set replace: true to overwrite it, or use another fileName.',
  };
}

export async function rememberName(doc: StoredDocument, context: Context): Promise<void> {
  await context.writes.remember(context.tenant.id, recordName(doc.fileName), checksum(doc), KEPT_SECONDS);
}
