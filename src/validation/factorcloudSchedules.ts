import { z } from 'zod';
import { decimalToCents } from '../lib/decimal.js';
import type { BrokerScheduleWrite, ScheduleWrite } from '../upstreams/factorcloud/client.js';
import { SCHEDULE_PAYMENT_METHODS } from '../upstreams/factorcloud/scheduleSchema.js';
import {
  checkSum,
  checkUnique,
  membersOf,
  optionalBase64,
  optionalDate,
  optionalText,
  positiveMoney,
  required,
} from './factorcloudRules.js';
import { rule } from './userErrors.js';

/**
 * create-sched and create-sched-broker inputs (factorcloud.md §5.10, §5.14). An invoice's
 * `integrationInvoiceId` (the graph's name, paired with `integrationBatchId`) becomes the write's
 * `integrationId`, sent as `InvoiceIntegrationId`. Beyond the field
 * table: the schedule `Amount` is positive and equals the exact sum of its invoices' amounts (the
 * docs call it "the sum of the invoices" while their own example sends 100 for 725, so the graph
 * enforces it rather than trusting FactorCloud to); invoice ids and numbers are unique within the
 * schedule (each is "unique" in the system), and so is each debtor's `RefNum` (returned as
 * `RefNumber`, "unique to the debtor", §2, §4.1).
 */

const invoiceFields = {
  debtorKey: required,
  invoiceNumber: required,
  amount: positiveMoney,
  invoiceDate: optionalDate,
  dueDate: optionalDate,
  refNumber: optionalText,
  documentBase64: optionalBase64,
};

const scheduleFields = {
  integrationBatchId: required,
  clientKey: required,
  paymentMethod: z.enum(SCHEDULE_PAYMENT_METHODS),
  amount: positiveMoney,
  label: optionalText,
  notes: optionalText,
};

const textOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);
const trimmedOrUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Two invoices of one schedule with the same debtor and the same RefNum. Compared trimmed and
 * case-sensitively: the docs say "unique to the debtor" and nothing about case, and the graph
 * refuses only what they rule out (`BOL-1` and `bol-1` are left for FactorCloud to judge). An
 * invoice without a RefNum (it is optional) has nothing to repeat.
 */
function checkRefNumbersPerDebtor(ctx: z.RefinementCtx, invoices: unknown): void {
  const debtors = membersOf(invoices, 'debtorKey').map(trimmedOrUndefined);
  const seen = new Set<string>();
  membersOf(invoices, 'refNumber').forEach((raw, index) => {
    const refNumber = trimmedOrUndefined(raw);
    const debtorKey = debtors[index];
    if (refNumber === undefined || debtorKey === undefined) return;
    const pair = JSON.stringify([debtorKey, refNumber]);
    if (seen.has(pair)) {
      ctx.addIssue({
        code: 'custom',
        path: ['invoices', index, 'refNumber'],
        message: `repeats refNumber ${JSON.stringify(refNumber)} for debtorKey ${JSON.stringify(debtorKey)}; a RefNum must be unique per debtor`,
        ...rule('INCONSISTENT'),
      });
    }
    seen.add(pair);
  });
}

/**
 * Cross-field rules. They run even when a field failed on its own (`ALWAYS`), so every problem is
 * reported at once; the values may then be unparsed input, hence the defensive reads.
 */
function checkSchedule(schedule: { amount: unknown; invoices: unknown }, ctx: z.RefinementCtx): void {
  checkSum(ctx, schedule.amount, membersOf(schedule.invoices, 'amount'), ['amount'], 'invoice amounts');
  checkUnique(
    ctx,
    membersOf(schedule.invoices, 'integrationInvoiceId').map(textOrUndefined),
    (index) => ['invoices', index, 'integrationInvoiceId'],
    'integrationInvoiceId',
  );
  checkUnique(
    ctx,
    membersOf(schedule.invoices, 'invoiceNumber').map(textOrUndefined),
    (index) => ['invoices', index, 'invoiceNumber'],
    'invoiceNumber',
  );
  checkRefNumbersPerDebtor(ctx, schedule.invoices);
}

const ALWAYS = { when: () => true };

function atLeastOne<T extends z.ZodType>(item: T) {
  return z.array(item).refine((items) => items.length > 0, {
    message: 'must list at least one invoice',
    ...rule('REQUIRED'),
  });
}

export const createScheduleInput = z
  .object({
    ...scheduleFields,
    invoices: atLeastOne(z.object({ integrationInvoiceId: required, ...invoiceFields })),
  })
  .superRefine(checkSchedule, ALWAYS)
  .transform(({ invoices, ...schedule }) => ({
    ...schedule,
    // After every check (which name the input's fields): each invoice's id under the write's name.
    invoices: invoices.map(({ integrationInvoiceId, ...invoice }) => ({
      ...invoice,
      integrationId: integrationInvoiceId,
    })),
  })) satisfies z.ZodType<ScheduleWrite, unknown>;

/** A broker invoice's advance "may not exceed the advance % in the client's terms"; those terms are
 * not readable, so the graph only refuses an advance above the invoice's own amount. */
const brokerInvoice = z
  .object({
    integrationInvoiceId: optionalText,
    vendorKey: required,
    advanceAmount: positiveMoney,
    vendorInvoiceNumber: optionalText,
    ...invoiceFields,
  })
  .superRefine((invoice, ctx) => {
    const advance =
      typeof invoice.advanceAmount === 'string' ? decimalToCents(invoice.advanceAmount) : undefined;
    const amount = typeof invoice.amount === 'string' ? decimalToCents(invoice.amount) : undefined;
    if (advance !== undefined && amount !== undefined && advance > amount) {
      ctx.addIssue({
        code: 'custom',
        path: ['advanceAmount'],
        message: `must not be more than the invoice amount (${invoice.amount})`,
        ...rule('OUT_OF_RANGE'),
      });
    }
  });

export const createBrokerScheduleInput = z
  .object({ ...scheduleFields, invoices: atLeastOne(brokerInvoice) })
  .superRefine(checkSchedule, ALWAYS)
  .transform(({ invoices, ...schedule }) => ({
    ...schedule,
    // After every check (which name the input's fields): each invoice's id under the write's name.
    invoices: invoices.map(({ integrationInvoiceId, ...invoice }) => ({
      ...invoice,
      integrationId: integrationInvoiceId,
    })),
  })) satisfies z.ZodType<BrokerScheduleWrite, unknown>;
