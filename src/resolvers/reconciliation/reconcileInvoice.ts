import type { Context } from '../../context.js';
import { reconcile } from '../../reconciliation/index.js';
import type { InvoiceModel, InvoiceReconciliationModel } from '../models.js';
import { readSides } from './sides.js';

/** Reads both sides of one invoice through the request's loaders and compares them. */
export async function reconcileInvoice(
  invoice: InvoiceModel,
  context: Context,
): Promise<InvoiceReconciliationModel> {
  const sides = await readSides(invoice, context);
  return { ...reconcile({ ...sides, currencies: context.currencies }), invoice };
}
