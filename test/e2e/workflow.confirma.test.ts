import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import {
  CONFIRMA_PATH,
  SIM_TODAY,
  bodyOf,
  dataOf,
  startSimulatorHarness,
} from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * A creditor's invoice through Confirma on the embedded simulator: send it, see it distributed
 * with an agency case, and act on that case (onboarding is in workflow.confirma.onboarding).
 * Steps run in order and build on each other; each checks what the graph returned and what
 * reached Confirma.
 */

const NUMBER = '261120001';

const CREATE = `mutation ($input: CreateInvoiceInput!, $idempotencyKey: String) {
  createInvoice(input: $input, idempotencyKey: $idempotencyKey) {
    invoice { invoiceNumber }
    userErrors { field code message }
  }
}`;

const INVOICE = `query ($n: ID!) {
  invoice(invoiceNumber: $n) {
    invoiceNumber
    distribution { status method message errors { code } createdAt printedAt distributedAt fileUrl }
    paymentControl { enabled agency status caseId activatedAt }
  }
}`;

const ACT = `mutation ($input: CreateInvoiceActionsInput!) {
  createInvoiceActions(input: $input) {
    actions { code invoiceNumber caseId actionId status }
    userErrors { field code message }
  }
}`;

const CASE = `query ($n: ID!, $caseId: ID!) {
  invoice(invoiceNumber: $n) {
    paymentControl { case { caseId status balance { capitalAmount { amount currency } totalAmount { amount currency } } actions { actionId code status comment } } }
  }
  collectionCase(caseId: $caseId) { caseId events { type description } actions { actionId code status } }
}`;

/** The workflow's invoice: the docs' example with dates around the simulated today. */
function invoiceInput() {
  const input = validInvoiceInput(NUMBER);
  input.invoice.header = { ...input.invoice.header, date: SIM_TODAY, dueDate: '2026-12-04' };
  return input;
}

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

describe('Confirma workflow on the simulator', () => {
  let caseId = '';
  let actionId = '';

  it('creates the invoice once; a re-send is a CONFLICT and creates nothing', async () => {
    h.resetRequests();
    const first = dataOf<{ createInvoice: { invoice: unknown; userErrors: unknown[] } }>(
      await h.query(CREATE, { input: invoiceInput() }),
    );
    expect(first.createInvoice).toEqual({ invoice: { invoiceNumber: NUMBER }, userErrors: [] });
    const posts = h.requestsTo(`${CONFIRMA_PATH}/invoice`).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toContain(`"number":${NUMBER}`);
    expect(posts[0]?.body).toContain('"totalAmount":1305.33');
    expect(bodyOf(posts[0])).toMatchObject({ processing: { paymentControlEnabled: true } });

    h.resetRequests();
    const again = dataOf<{
      createInvoice: { invoice: unknown; userErrors: Array<{ code: string; field: string[] }> };
    }>(await h.query(CREATE, { input: invoiceInput(), idempotencyKey: 'resend' }));
    expect(again.createInvoice.invoice).toBeNull();
    expect(again.createInvoice.userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'invoice', 'header', 'invoiceNumber'] }),
    ]);
    expect(h.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(h.dataset.confirmaInvoices.get(Number(NUMBER))?.amount).toBe('1305.33');
  });

  it('shows the invoice delivered by e-mail with payment control and a case', async () => {
    h.resetRequests();
    const { invoice } = dataOf<{ invoice: Record<string, Record<string, unknown>> }>(
      await h.query(INVOICE, { n: NUMBER }),
    );
    expect(invoice.distribution).toMatchObject({
      status: 'DELIVERED',
      method: 'EMAIL',
      errors: [],
      fileUrl: expect.stringContaining(`${NUMBER}.pdf`),
    });
    expect(invoice.distribution?.distributedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect(invoice.paymentControl).toMatchObject({ enabled: true, agency: 'CASH-IN', status: 'ACTIVE' });
    caseId = String(invoice.paymentControl?.caseId);
    expect(caseId).toMatch(/^\d+$/);
    const [read] = h.requestsTo(`${CONFIRMA_PATH}/invoice/distribution`);
    expect(read?.query).toEqual({ invoiceNumber: NUMBER });
  });

  it('queues a DUEDATE action on the case, which Confirma then applies', async () => {
    h.resetRequests();
    const target = { invoiceNumber: NUMBER, caseId, comment: 'Extension agreed by phone' };
    const { createInvoiceActions } = dataOf<{
      createInvoiceActions: { actions: Array<Record<string, string>>; userErrors: unknown[] };
    }>(await h.query(ACT, { input: { actions: [{ dueDate: { ...target, dueDate: '2026-12-31' } }] } }));
    expect(createInvoiceActions.userErrors).toEqual([]);
    expect(createInvoiceActions.actions).toEqual([
      {
        code: 'DUEDATE',
        invoiceNumber: NUMBER,
        caseId,
        actionId: expect.stringMatching(/^\d+$/),
        status: 'PENDING',
      },
    ]);
    actionId = createInvoiceActions.actions[0]?.actionId ?? '';
    const [post] = h.requestsTo(`${CONFIRMA_PATH}/invoice/action`);
    expect(bodyOf(post)).toEqual({
      actions: [
        {
          code: 'DUEDATE',
          comment: 'Extension agreed by phone',
          data: { invoiceNumber: Number(NUMBER), caseId: Number(caseId), dueDate: '2026-12-31' },
        },
      ],
    });

    // With no processing delay the simulator applies the action before its next answer.
    h.resetRequests();
    const data = dataOf<{
      invoice: { paymentControl: { case: Record<string, unknown> } };
      collectionCase: { events: Array<{ type: string }>; actions: unknown[] };
    }>(await h.query(CASE, { n: NUMBER, caseId }));
    expect(data.invoice.paymentControl.case).toEqual({
      caseId,
      status: 'ACTIVE',
      balance: {
        capitalAmount: { amount: '1305.33', currency: 'EUR' },
        totalAmount: { amount: '1305.33', currency: 'EUR' },
      },
      actions: [{ actionId, code: 'DUEDATE', status: 'APPLIED', comment: 'Extension agreed by phone' }],
    });
    expect(data.collectionCase.actions).toEqual([{ actionId, code: 'DUEDATE', status: 'APPLIED' }]);
    expect(data.collectionCase.events.map((e) => e.type)).toEqual(['CASE_OPENED', 'DUE_DATE_CHANGED']);
    // Both fields read the same case: one GET /invoice/case for the request.
    expect(h.requestsTo(`${CONFIRMA_PATH}/invoice/case`).map((r) => r.query)).toEqual([{ caseId }]);
  });
});
