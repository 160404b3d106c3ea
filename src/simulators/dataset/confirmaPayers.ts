import { createRandom, deriveSeed } from '../random.js';

/**
 * Who paid a generated invoice: `accountName` in GET /payments (confirma.md §4.9, example
 * `"ACME Oy"`). Generated Confirma invoices carry no buyer, so the simulator picks a Nordic
 * company name per invoice from its own seeded stream; the same invoice always gets the same
 * payer, and adding invoices does not reshuffle the others.
 */
const PAYER_NAMES = [
  'ACME Oy',
  'Pohjolan Rakennus Oy',
  'Kauppahuone Virtanen Oy',
  'Vaasan Konepaja Oy',
  'Nordic Timber Ab',
  'Lapin Matkailu Oy',
  'Helsingin Kahvipaahtimo Oy',
  'Turun Telakkapalvelu Oy',
  'Savon Sähköasennus Oy',
  'Oulun Ohjelmistotalo Oy',
  'Bergström & Co Ab',
  'Fjord Logistics AS',
] as const;

export function payerNameFor(seed: number, invoiceNumber: number): string {
  return createRandom(deriveSeed(seed, `confirma-payer-${invoiceNumber}`)).pick(PAYER_NAMES);
}
