import type { Context } from '../../context.js';
import { reconcile } from '../../reconciliation/index.js';
import type { Reconciliation } from '../../reconciliation/index.js';
import type { InvoiceModel } from '../models.js';
import { readSides } from './sides.js';

/** What `InvoiceReconciliation` resolves from: the result plus the invoice it is about. */
export interface InvoiceReconciliationModel extends Reconciliation {
  invoice: InvoiceModel;
}

/** Reads both sides of one invoice through the request's loaders and compares them. */
export async function reconcileInvoice(
  invoice: InvoiceModel,
  context: Context,
): Promise<InvoiceReconciliationModel> {
  const sides = await readSides(invoice, context);
  return { ...reconcile({ ...sides, currencies: context.currencies }), invoice };
}
