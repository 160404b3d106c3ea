import type { Random } from '../random.js';
import { daysBetween } from './calendar.js';
import { amountToCents, centsToAmount } from './money.js';
import type {
  FactorCloudInvoiceEntry,
  FactorCloudPaymentMethod,
  FactorCloudReplyStyle,
  FactorCloudSchedule,
} from './types.js';

/**
 * Groups the seeded invoices into schedules (factorcloud.md §5.10–5.11), so get-sched answers on
 * the seed data. A client submits one schedule per fortnight of invoices: each client ends up with
 * a few schedules (at most five over the 60-day history). Ids are `SCHED-<ClientKey>-<n>`
 * (simulator-defined; the docs leave IntegrationBatchId to the caller).
 */
const WINDOW_DAYS = 15;

export function buildSchedules(
  random: Random,
  invoices: ReadonlyMap<string, FactorCloudInvoiceEntry>,
  chooseStyle: (random: Random) => FactorCloudReplyStyle,
): Map<string, FactorCloudSchedule> {
  const entries = [...invoices.values()].sort(
    (a, b) =>
      a.invoice.ClientKey.localeCompare(b.invoice.ClientKey) ||
      a.invoice.InvoiceDate.localeCompare(b.invoice.InvoiceDate) ||
      a.invoiceIntegrationId.localeCompare(b.invoiceIntegrationId),
  );
  const first = entries.map((entry) => entry.invoice.InvoiceDate).sort()[0];
  const groups = new Map<string, FactorCloudInvoiceEntry[]>();
  for (const entry of entries) {
    const window = Math.floor(
      daysBetween(first ?? entry.invoice.InvoiceDate, entry.invoice.InvoiceDate) / WINDOW_DAYS,
    );
    const key = JSON.stringify([entry.invoice.ClientKey, window]);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const schedules = new Map<string, FactorCloudSchedule>();
  const perClient = new Map<string, number>();
  for (const group of groups.values()) {
    const head = group[0];
    if (!head) continue;
    const clientKey = head.invoice.ClientKey;
    const n = (perClient.get(clientKey) ?? 0) + 1;
    perClient.set(clientKey, n);
    const last = group.at(-1)?.invoice.InvoiceDate ?? head.invoice.InvoiceDate;
    const cents = group.reduce((sum, entry) => sum + amountToCents(entry.invoice.InvoiceAmount), 0);
    const schedule: FactorCloudSchedule = {
      kind: 'standard',
      IntegrationBatchId: `SCHED-${clientKey}-${n}`,
      ClientKey: clientKey,
      Amount: centsToAmount(cents),
      Label: `Invoices ${head.invoice.InvoiceDate} to ${last}`,
      Notes: random.chance(0.25) ? 'Originals mailed to the factor' : null,
      PaymentMethod: random.weighted<FactorCloudPaymentMethod>([
        ['A', 60],
        ['W', 30],
        ['C', 10],
      ]),
      invoiceIds: group.map((entry) => entry.invoiceIntegrationId),
      replyStyle: chooseStyle(random),
    };
    schedules.set(schedule.IntegrationBatchId, schedule);
  }
  return schedules;
}
