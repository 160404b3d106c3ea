import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import type { Harness } from './harness.js';

/** The createInvoice and createInvoiceActions documents the Confirma write tests send. */

export const CREATE_INVOICE = `mutation ($input: CreateInvoiceInput!, $idempotencyKey: String) {
  createInvoice(input: $input, idempotencyKey: $idempotencyKey) {
    invoice { invoiceNumber distribution { status } }
    userErrors { field message code }
  }
}`;

export const CREATE_ACTIONS = `mutation ($input: CreateInvoiceActionsInput!, $idempotencyKey: String) {
  createInvoiceActions(input: $input, idempotencyKey: $idempotencyKey) {
    actions { code invoiceNumber caseId status statusRaw case { caseId actions { code status } } }
    userErrors { field message code }
  }
}`;

export interface UserError {
  field: string[];
  message: string;
  code: string;
}

export interface CreateInvoicePayload {
  invoice: unknown;
  userErrors: UserError[];
}

export interface ActionsPayload {
  actions: Array<Record<string, unknown>>;
  userErrors: UserError[];
}

/**
 * Sends createInvoice; a request-level error fails the test (user errors are the payload's). Each
 * call is its own intended write, so it carries a fresh idempotencyKey (the duplicate guard's
 * own behaviour is tested in writeGuard*.test.ts).
 */
export async function createInvoice(h: Harness, input: unknown): Promise<CreateInvoicePayload> {
  const { body } = await h.query(CREATE_INVOICE, { input, idempotencyKey: randomUUID() });
  expect(body.errors).toBeUndefined();
  return (body.data as { createInvoice: CreateInvoicePayload }).createInvoice;
}

/** Sends createInvoiceActions with `actions` (a fresh idempotencyKey); a request-level error fails the test. */
export async function createActions(h: Harness, actions: unknown[]): Promise<ActionsPayload> {
  const { body } = await h.query(CREATE_ACTIONS, { input: { actions }, idempotencyKey: randomUUID() });
  expect(body.errors).toBeUndefined();
  return (body.data as { createInvoiceActions: ActionsPayload }).createInvoiceActions;
}

/** The invoice (and its case) the createInvoiceActions tests act on. */
export const ACTION_TARGET = { invoiceNumber: '901', caseId: '480901' } as const;

/** Invoice 901 under payment control (case 480901) and invoice 902 without it. */
export function seedActionInvoices(h: Harness): void {
  h.confirma.records.push(
    distributionRecord(901),
    distributionRecord(902, { paymentControl: { enabled: false, agency: null, status: null, caseId: null } }),
  );
}
