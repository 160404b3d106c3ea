import type { JsonReply } from '../http.js';
import { ledgerStatusReply, submitLedger } from './accounting.js';
import { paymentStatusReply, submitAccountingPayments } from './accountingPayments.js';
import { createActions } from './actions.js';
import { caseReply } from './case.js';
import { distributionReply } from './distribution.js';
import { createInvoice } from './invoices.js';
import { createClient, renewToken, validateToken } from './onboarding.js';
import { paymentsReply } from './payments.js';
import { settlementsReply } from './settlements.js';
import type { ConfirmaCall } from './state.js';

export type Method = 'GET' | 'POST';
export type Handler = (call: ConfirmaCall) => JsonReply;

/** Every documented endpoint (confirma.md §0), by path below `/api/v1/partner` and method. */
export const ROUTES: ReadonlyMap<string, Partial<Record<Method, Handler>>> = new Map<
  string,
  Partial<Record<Method, Handler>>
>([
  ['/client', { POST: createClient }],
  ['/validate', { GET: validateToken }],
  ['/renew', { GET: renewToken }],
  ['/invoice', { POST: createInvoice }],
  ['/invoice/action', { POST: createActions }],
  ['/invoice/case', { GET: caseReply }],
  [
    '/invoice/distribution',
    { GET: ({ state, query }) => distributionReply(state.dataset, state.today, query) },
  ],
  ['/payments', { GET: paymentsReply }],
  ['/settlements', { GET: settlementsReply }],
  ['/accounting/ledger', { GET: ledgerStatusReply, POST: submitLedger }],
  ['/accounting/payment', { GET: paymentStatusReply, POST: submitAccountingPayments }],
]);
