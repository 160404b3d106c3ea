import { z } from 'zod';
import { dateTime, decimal, identifier, integer, list, text } from '../lenient.js';
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
  closedAt: dateTime,
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

const paymentSchema = z.preprocess(
  lowerCaseKeys,
  z
    .object({
      paymentdate: dateTime,
      date: dateTime,
      amount: decimal,
      paymentamount: decimal,
      currency: text,
      reference: text,
      paymentreference: text,
    })
    .transform((p) => ({
      paymentDate: p.paymentdate ?? p.date,
      amount: p.amount ?? p.paymentamount,
      currency: p.currency,
      reference: p.reference ?? p.paymentreference,
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
