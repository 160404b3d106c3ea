import { z } from 'zod';
import { date, dateTime, decimal, identifier, integer, list, text } from '../lenient.js';
import type { PaymentRecord } from './moneySchemas.js';
import { lowerCaseKeys } from '../records.js';

/**
 * GET /invoice/case reply (confirma.md §4.6). The docs show the summary and the start of the
 * balance; the intro names "payment history, case events and a timeline", whose fields were not
 * captured. Those lists are read leniently: keys in any case, under the likely names, and a
 * `timeline` or `pendingActions` list joins `events` or `actions` (a server showing queued
 * actions apart from the others is as plausible as one listing them together).
 */

const requiredId = identifier.pipe(z.string({ error: 'is required' }));

const summarySchema = z.object({
  caseId: requiredId,
  status: text,
  stage: text,
  createdAt: dateTime,
  // A day in the docs' example (`"2019-08-24"`); a timestamp is read as its day.
  closedAt: date,
  activeDays: integer,
  creditor: text,
  currency: text,
  agency: text,
});

/** `costsAmou…` is cut off in the docs: `costsAmount` is read, `costAmount` as a fallback. */
const balanceSchema = z
  .object({
    capitalAmount: decimal,
    interestAmount: decimal,
    costsAmount: decimal,
    costAmount: decimal,
    totalAmount: decimal,
  })
  .transform(({ costAmount, ...balance }) => ({
    ...balance,
    costsAmount: balance.costsAmount ?? costAmount,
  }));

/**
 * An item of the case's payment history: the same payments GET /payments lists (the intro calls
 * both the agency's received payments), so it is read into the same record. Its fields were not
 * captured: the /payments names are read, and the simulator's shorter `date`/`reference` are read
 * as `paymentDate` and the reference the payer quoted (`originalPaymentReference`).
 */
const paymentSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      caseid: identifier,
      invoicenumber: identifier,
      invoicepaymentreference: text,
      originalpaymentreference: text,
      reference: text,
      paymentreference: text,
      accountname: text,
      bookingdate: date,
      paymentdate: date,
      date: date,
      amount: decimal,
      paymentamount: decimal,
      currency: text,
    })
    .transform((p): PaymentRecord => ({
      caseId: p.caseid,
      invoiceNumber: p.invoicenumber,
      invoicePaymentReference: p.invoicepaymentreference,
      originalPaymentReference: p.originalpaymentreference ?? p.reference ?? p.paymentreference,
      accountName: p.accountname,
      bookingDate: p.bookingdate,
      paymentDate: p.paymentdate ?? p.date,
      amount: p.amount ?? p.paymentamount,
      currency: p.currency,
    })),
);

const eventSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      date: dateTime,
      eventdate: dateTime,
      timestamp: dateTime,
      createdat: dateTime,
      type: text,
      eventtype: text,
      description: text,
      message: text,
    })
    .transform((e) => ({
      date: e.date ?? e.eventdate ?? e.timestamp ?? e.createdat,
      type: e.type ?? e.eventtype,
      description: e.description ?? e.message,
    })),
);

const actionSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      actionid: identifier,
      id: identifier,
      code: text,
      actioncode: text,
      status: text,
      comment: text,
      createdat: dateTime,
      date: dateTime,
    })
    .transform((a) => ({
      actionId: a.actionid ?? a.id,
      code: a.code ?? a.actioncode,
      status: a.status,
      comment: a.comment,
      createdAt: a.createdat ?? a.date,
    })),
);

export const caseReplySchema = z.object({
  case: z
    .object({
      summary: summarySchema,
      balance: balanceSchema.nullish(),
      payments: list(paymentSchema),
      events: list(eventSchema),
      timeline: list(eventSchema),
      actions: list(actionSchema),
      pendingActions: list(actionSchema),
    })
    .transform(({ timeline, pendingActions, ...found }) => ({
      ...found,
      events: [...found.events, ...timeline],
      // A queued action listed apart has no status of its own: it is pending by being there.
      actions: [
        ...found.actions,
        ...pendingActions.map((action) => ({ ...action, status: action.status ?? 'PENDING' })),
      ],
    }))
    .nullish(),
});

export type CaseReply = z.output<typeof caseReplySchema>;
export type CaseRecord = NonNullable<CaseReply['case']>;
