import { createRandom, deriveSeed } from '../random.js';
import { buildDebtors } from './factorCloudDebtors.js';
import { chooseReplyStyle } from './factorCloudInvoices.js';
import { buildSchedules } from './factorCloudSchedules.js';
import { emptyFactorCloudState, type FactorCloudState } from './factorCloudState.js';
import type { FactorCloudInvoiceEntry } from './types.js';

/**
 * The FactorCloud state that goes with the seeded clients and invoices: debtors and their client
 * links, and the schedules the invoices arrived in. Vendors, documents and payment batches start
 * empty; the write calls fill them. Each part draws from its own seeded stream.
 */
export function seedFactorCloudState(
  seed: number,
  invoices: ReadonlyMap<string, FactorCloudInvoiceEntry>,
): FactorCloudState {
  const state = emptyFactorCloudState();
  const debtors = buildDebtors(
    createRandom(deriveSeed(seed, 'factorcloud-debtors')),
    invoices,
    chooseReplyStyle,
  );
  for (const [key, entry] of debtors.masters) state.masterDebtors.set(key, entry);
  for (const [key, entry] of debtors.links) state.subDebtors.set(key, entry);
  const schedules = buildSchedules(
    createRandom(deriveSeed(seed, 'factorcloud-schedules')),
    invoices,
    chooseReplyStyle,
  );
  for (const [key, schedule] of schedules) state.schedules.set(key, schedule);
  return state;
}
