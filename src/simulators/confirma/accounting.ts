import { z } from 'zod';
import { centsToAmount } from '../dataset/money.js';
import type { JsonReply } from '../http.js';
import { PENDING_SYNC } from './accountingSync.js';
import { isoDate, money, optionalText, parseRequest, text } from './requests.js';
import type { ConfirmaCall, SyncState } from './state.js';

/**
 * Ledger sync (confirma.md §4.12–4.13). `ledgers` is one object, as in the docs' example (one
 * complete document per request); an array is refused with 400. Docs give only `ML`, `GROSS` and
 * `COST_CENTER` as values: `documentType` and `dimensionType` accept any text, `calculationMode`
 * is `GROSS` or `NET` (the simulator's second value).
 */
const ledgerRowSchema = z.object({
  bookingDate: isoDate,
  accountNumber: text,
  vatAccountNumber: optionalText,
  vatType: optionalText,
  vatPercentage: z.number().min(0).max(100).nullish(),
  vatCode: optionalText,
  amount: money,
  netAmount: money.nullish(),
  isVatRow: z
    .number()
    .refine((value) => value === 0 || value === 1, 'must be 0 or 1')
    .nullish(),
  projectNumber: optionalText,
  transactionType: optionalText,
  transactionDescription: optionalText,
  ledgerDimensions: z.array(z.object({ dimensionType: text, dimensionValue: text })).nullish(),
});

const submitLedgerSchema = z.object({
  ledgers: z
    .object({
      ledgerIdentifier: text.max(100, 'must be at most 100 characters'),
      companyIdentifier: text,
      documentType: text,
      documentName: text,
      documentDate: isoDate,
      documentDescription: z.string().max(210, 'must be at most 210 characters').nullish(),
      calculationMode: z.enum(['GROSS', 'NET']),
      ledgerRows: z.array(ledgerRowSchema).min(2, 'must hold at least two rows'),
    })
    .superRefine((ledger, ctx) => {
      // Double entry: the gross rows' `amount` values cancel out exactly. A VAT row (isVatRow 1)
      // breaks a gross row down into VAT and net, so it stays out of the sum, as in the docs'
      // example (§4.12: 2990 − 2990 = 0 beside a −607.53 VAT row).
      const sum = ledger.ledgerRows
        .filter((row) => row.isVatRow !== 1)
        .reduce((total, row) => total + row.amount, 0);
      if (sum !== 0) {
        const message = `amounts must balance to zero, but they sum to ${centsToAmount(sum)}`;
        ctx.addIssue({ code: 'custom', path: ['ledgerRows'], message });
      }
    }),
});

/**
 * POST /accounting/ledger. Docs show no response; the simulator answers 202 Accepted with
 * `{ "ledgerIdentifier": "...", "status": 0, "description": "Pending" }` (the sync runs later,
 * see accountingSync.ts). A ledgerIdentifier already submitted is refused with 409 Conflict.
 */
export function submitLedger(call: ConfirmaCall): JsonReply {
  const parsed = parseRequest(submitLedgerSchema, call.body);
  if (!parsed.ok) return parsed.reply;
  const ledger = parsed.value.ledgers;
  const { state } = call;
  if (state.ledgers.has(ledger.ledgerIdentifier)) {
    return {
      status: 409,
      body: { message: `Ledger ${ledger.ledgerIdentifier} has already been submitted` },
    };
  }
  const accountNumbers = ledger.ledgerRows.flatMap((row) =>
    row.vatAccountNumber ? [row.accountNumber, row.vatAccountNumber] : [row.accountNumber],
  );
  const sync: SyncState = { ...PENDING_SYNC, dueAtMs: state.now() + state.processingDelayMs };
  state.ledgers.set(ledger.ledgerIdentifier, {
    ledgerIdentifier: ledger.ledgerIdentifier,
    documentDate: ledger.documentDate,
    documentName: ledger.documentName,
    documentStatus: null,
    accountNumbers,
    sync,
  });
  return {
    status: 202,
    body: { ledgerIdentifier: ledger.ledgerIdentifier, status: sync.status, description: sync.description },
  };
}

/**
 * GET /accounting/ledger: 200 `{ "ledgers": [...] }` in submission order, or 204 with no body
 * when nothing matches (docs list a 204). Docs do not show the query parameters; the simulator
 * takes an optional `sourceIdentifier` (the submitted `ledgerIdentifier`). A body sent with the
 * GET (the docs show `{}`) is ignored.
 */
export function ledgerStatusReply(call: ConfirmaCall): JsonReply {
  const wanted = call.query.get('sourceIdentifier')?.trim() || null;
  const ledgers = [...call.state.ledgers.values()].filter(
    (ledger) => wanted === null || ledger.ledgerIdentifier === wanted,
  );
  if (ledgers.length === 0) return { status: 204, body: null };
  return {
    status: 200,
    body: {
      ledgers: ledgers.map((ledger) => ({
        sourceIdentifier: ledger.ledgerIdentifier,
        documentDate: ledger.documentDate,
        documentName: ledger.documentName,
        documentStatus: ledger.documentStatus,
        syncDate: ledger.sync.syncDate,
        status: ledger.sync.status,
        description: ledger.sync.description,
      })),
    },
  };
}
