import { z } from 'zod';
import { centsToAmount } from '../dataset/money.js';
import { RawJsonNumber, type JsonReply, type JsonValue } from '../http.js';
import {
  badRequest,
  currencyCode,
  isoDate,
  money,
  optionalText,
  parseRequest,
  positiveInteger,
} from './requests.js';
import { ACTION_CODES, invoiceOfCase, timestampAt, type CaseAction, type ConfirmaCall } from './state.js';

/**
 * POST /invoice/action (confirma.md §4.5). Docs show the request only. The simulator validates
 * the whole batch first and stores all actions or none, then answers 202 Accepted (the docs say
 * actions join a pending list and run asynchronously) with `{ "actions": [ <action> ] }`, each
 * echoing the request plus `actionId` (integer), `status: "PENDING"` and `createdAt`.
 * Statuses: 400 malformed or a case that belongs to another invoice, 404 unknown case,
 * 402 a case that is already closed (only COMMENT is still accepted) or a DIRECTPAYMENT in
 * another currency than the case's.
 */

const outstandingNames = [
  'outstandingCapitalAmount',
  'outstandingInterestAmount',
  'outstandingCostsAmount',
] as const;

const actionSchema = z
  .object({
    code: z.enum(ACTION_CODES),
    comment: z.string().max(2000, 'must be at most 2000 characters').nullish(),
    data: z.object({
      invoiceNumber: positiveInteger,
      caseId: positiveInteger,
      dueDate: isoDate.nullish(),
      paymentMethod: optionalText,
      amount: money.nullish(),
      currency: currencyCode.nullish(),
      paymentDate: isoDate.nullish(),
      reference: optionalText,
      outstandingCapitalAmount: money.nullish(),
      outstandingInterestAmount: money.nullish(),
      outstandingCostsAmount: money.nullish(),
    }),
  })
  .superRefine((action, ctx) => {
    const { data } = action;
    const issue = (field: string, message: string): void =>
      ctx.addIssue({ code: 'custom', path: ['data', field], message });
    if (action.code === 'DUEDATE' && !data.dueDate) issue('dueDate', 'is required for DUEDATE');
    if (action.code !== 'DIRECTPAYMENT') return;
    if (data.amount == null) issue('amount', 'is required for DIRECTPAYMENT');
    else if (data.amount <= 0) issue('amount', 'must be positive');
    if (!data.currency) issue('currency', 'is required for DIRECTPAYMENT');
    if (!data.paymentDate) issue('paymentDate', 'is required for DIRECTPAYMENT');
    // Docs show all three outstanding amounts together; half a balance cannot be applied.
    const given = outstandingNames.filter((name) => data[name] != null);
    if (given.length > 0 && given.length < outstandingNames.length) {
      const missing = outstandingNames.find((name) => data[name] == null) ?? 'outstandingCostsAmount';
      issue(missing, 'is required when any outstanding amount is sent');
    }
    for (const name of given) if ((data[name] ?? 0) < 0) issue(name, 'must not be negative');
  });

const actionsRequestSchema = z.object({
  actions: z
    .array(actionSchema)
    .min(1, 'must hold at least one action')
    .max(100, 'must hold at most 100 actions'),
});

type ActionRequest = z.output<typeof actionSchema>;

export function createActions(call: ConfirmaCall): JsonReply {
  const parsed = parseRequest(actionsRequestSchema, call.body);
  if (!parsed.ok) return parsed.reply;
  const { state } = call;
  for (const [index, action] of parsed.value.actions.entries()) {
    const refusal = refusalOf(call, action, `actions[${index}]`);
    if (refusal) return refusal;
  }
  const nowMs = state.now();
  const accepted = parsed.value.actions.map((action): CaseAction => {
    const { data } = action;
    const stored: CaseAction = {
      actionId: state.ids.nextActionId++,
      caseId: data.caseId,
      invoiceNumber: data.invoiceNumber,
      code: action.code,
      comment: action.comment ?? null,
      dueDate: action.code === 'DUEDATE' ? (data.dueDate ?? null) : null,
      directPayment:
        action.code === 'DIRECTPAYMENT'
          ? {
              amountCents: data.amount ?? 0,
              currency: data.currency ?? '',
              paymentDate: data.paymentDate ?? state.today,
              paymentMethod: data.paymentMethod ?? null,
              reference: data.reference ?? null,
              outstanding:
                data.outstandingCapitalAmount == null
                  ? null
                  : {
                      capitalCents: data.outstandingCapitalAmount,
                      interestCents: data.outstandingInterestAmount ?? 0,
                      costsCents: data.outstandingCostsAmount ?? 0,
                    },
            }
          : null,
      status: 'PENDING',
      statusMessage: null,
      createdAt: timestampAt(state, nowMs),
      appliedAt: null,
      dueAtMs: nowMs + state.processingDelayMs,
    };
    state.actions.push(stored);
    return stored;
  });
  return { status: 202, body: { actions: accepted.map(actionJson) } };
}

/** Checks against the simulator's state, in the order a client can fix them. */
function refusalOf(call: ConfirmaCall, action: ActionRequest, at: string): JsonReply | undefined {
  const { state } = call;
  const { data } = action;
  // Docs: DUEDATE "extends" the case due date; a date already past cannot extend anything.
  if (data.dueDate && action.code === 'DUEDATE' && data.dueDate < state.today) {
    return badRequest(`${at}.data.dueDate must not be in the past (today is ${state.today})`);
  }
  if (data.paymentDate && action.code === 'DIRECTPAYMENT' && data.paymentDate > state.today) {
    return badRequest(`${at}.data.paymentDate must not be in the future (today is ${state.today})`);
  }
  const found = state.dataset.confirmaCases.get(data.caseId);
  if (!found) return { status: 404, body: { message: `${at}.data.caseId ${data.caseId}: case not found` } };
  const owner = invoiceOfCase(state, data.caseId);
  if (owner?.invoiceNumber !== data.invoiceNumber) {
    return badRequest(`${at}.data.caseId ${data.caseId} does not belong to invoice ${data.invoiceNumber}`);
  }
  if (found.summary.status === 'CLOSED' && action.code !== 'COMMENT') {
    return {
      status: 402,
      body: { message: `${at}: case ${data.caseId} is closed; only COMMENT can be added to it` },
    };
  }
  if (action.code === 'DIRECTPAYMENT' && data.currency !== found.summary.currency) {
    const message = `${at}.data.currency ${data.currency ?? ''} does not match the case currency ${found.summary.currency}`;
    return { status: 402, body: { message } };
  }
  return undefined;
}

/** An action as POST /invoice/action echoes it and GET /invoice/case lists it. */
export function actionJson(action: CaseAction): JsonValue {
  const data: Record<string, JsonValue> = { invoiceNumber: action.invoiceNumber, caseId: action.caseId };
  if (action.dueDate) data.dueDate = action.dueDate;
  const direct = action.directPayment;
  if (direct) {
    const money = (cents: number): RawJsonNumber => new RawJsonNumber(centsToAmount(cents));
    Object.assign(data, {
      paymentMethod: direct.paymentMethod,
      amount: money(direct.amountCents),
      currency: direct.currency,
      paymentDate: direct.paymentDate,
      reference: direct.reference,
    });
    if (direct.outstanding) {
      data.outstandingCapitalAmount = money(direct.outstanding.capitalCents);
      data.outstandingInterestAmount = money(direct.outstanding.interestCents);
      data.outstandingCostsAmount = money(direct.outstanding.costsCents);
    }
  }
  return {
    actionId: action.actionId,
    code: action.code,
    status: action.status,
    statusMessage: action.statusMessage,
    comment: action.comment,
    createdAt: action.createdAt,
    appliedAt: action.appliedAt,
    data,
  };
}
