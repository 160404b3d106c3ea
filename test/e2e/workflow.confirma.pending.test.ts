import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmaInvoice } from '../../src/simulators/dataset/types.js';
import { CONFIRMA_PATH, dataOf, startSimulatorHarness } from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * Confirma runs invoice actions asynchronously; until it has, they show as pending on the case.
 * Here the simulator holds accepted work for an hour, so the actions stay pending for the whole
 * test whatever the machine's speed (the simulator compares clock readings, it sets no timers).
 */

const ACT = `mutation ($input: CreateInvoiceActionsInput!) {
  createInvoiceActions(input: $input) {
    actions { code caseId actionId status case { caseId actions { actionId code status } } }
    userErrors { field code message }
  }
}`;

const READ = `query ($n: ID!, $caseId: ID!) {
  invoice(invoiceNumber: $n) {
    paymentControl { caseId case { caseId status events { type } actions { actionId code status comment } } }
  }
  collectionCase(caseId: $caseId) { caseId actions { actionId code status } }
}`;

type CaseActions = { caseId: string; actions: Array<{ actionId: string; code: string; status: string }> };

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness({ processingDelayMs: 3_600_000 });
});
afterAll(() => h.close());

/** A seeded invoice whose agency case is open and running. */
function invoiceWithOpenCase(): ConfirmaInvoice & { caseId: number } {
  for (const invoice of h.dataset.confirmaInvoices.values()) {
    const { caseId } = invoice.distribution.paymentControl;
    const found = caseId === null ? undefined : h.dataset.confirmaCases.get(caseId);
    if (caseId !== null && found?.summary.status === 'ACTIVE') return { ...invoice, caseId };
  }
  throw new Error(`seed ${h.dataset.seed} has no invoice with an ACTIVE case`);
}

describe('invoice actions before Confirma has run them', () => {
  it('shows queued actions as pending on the case, from the invoice and from the root field', async () => {
    const invoice = invoiceWithOpenCase();
    const target = { invoiceNumber: String(invoice.invoiceNumber), caseId: String(invoice.caseId) };
    const seededEvents = h.dataset.confirmaCases.get(invoice.caseId)!.events.map((e) => e.type);

    h.resetRequests();
    const { createInvoiceActions } = dataOf<{
      createInvoiceActions: {
        actions: Array<CaseActions['actions'][number] & { case: CaseActions }>;
        userErrors: unknown[];
      };
    }>(
      await h.query(ACT, {
        input: {
          actions: [
            { comment: { ...target, comment: 'Debtor called about the invoice' } },
            { dueDate: { ...target, dueDate: '2026-12-31' } },
          ],
        },
      }),
    );
    expect(createInvoiceActions.userErrors).toEqual([]);
    const ids = createInvoiceActions.actions.map((a) => a.actionId);
    const pending = [
      { actionId: ids[0], code: 'COMMENT', status: 'PENDING' },
      { actionId: ids[1], code: 'DUEDATE', status: 'PENDING' },
    ];
    expect(createInvoiceActions.actions.map((a) => [a.code, a.status, a.case])).toEqual([
      ['COMMENT', 'PENDING', { caseId: target.caseId, actions: pending }],
      ['DUEDATE', 'PENDING', { caseId: target.caseId, actions: pending }],
    ]);
    // The target is checked against the distribution record, then one POST and one case read.
    expect(h.requests.map((r) => `${r.method} ${r.path.slice(CONFIRMA_PATH.length)}`)).toEqual([
      'GET /invoice/distribution',
      'POST /invoice/action',
      'GET /invoice/case',
    ]);

    const data = dataOf<{
      invoice: {
        paymentControl: {
          caseId: string;
          case: CaseActions & { status: string; events: Array<{ type: string }> };
        };
      };
      collectionCase: CaseActions;
    }>(await h.query(READ, { n: target.invoiceNumber, caseId: target.caseId }));
    const onCase = data.invoice.paymentControl.case;
    expect(data.invoice.paymentControl.caseId).toBe(target.caseId);
    expect(onCase.actions).toEqual([
      { ...pending[0], comment: 'Debtor called about the invoice' },
      { ...pending[1], comment: null },
    ]);
    // Nothing has happened to the case yet: same status, no new events.
    expect(onCase.status).toBe('ACTIVE');
    expect(onCase.events.map((e) => e.type)).toEqual(seededEvents);
    expect(data.collectionCase).toEqual({ caseId: target.caseId, actions: pending });
  });
});
