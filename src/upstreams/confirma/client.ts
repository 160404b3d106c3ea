import type { UpstreamHttp } from '../../http/upstreamHttp.js';
import { createConfirmaAccounting } from './accounting.js';
import type { ConfirmaAccounting } from './accounting.js';
import { createConfirmaCall } from './call.js';
import type { ConfirmaCall, ConfirmaCredentials } from './call.js';
import { createConfirmaInvoiceWrites } from './invoiceWrites.js';
import type { ConfirmaInvoiceWrites } from './invoiceWrites.js';
import { createConfirmaMoney } from './money.js';
import type { ConfirmaMoney, DateWindow, SettlementQuery } from './money.js';
import { createConfirmaOnboarding } from './onboarding.js';
import type { ConfirmaOnboarding } from './onboarding.js';
import { createInvoiceReads } from './invoiceReads.js';
import type { ConfirmaInvoiceReads, DistributionQuery } from './invoiceReads.js';
import type { CaseRecord, DistributionRecord } from './schemas.js';

export { CONFIRMA_BASE_PATH } from './call.js';

export type { ConfirmaCredentials, WriteResult } from './call.js';

export type ConfirmaClient = ConfirmaInvoiceReads &
  ConfirmaInvoiceWrites &
  ConfirmaMoney &
  ConfirmaAccounting &
  ConfirmaOnboarding;

/** One method per Confirma endpoint; every reply is zod-parsed before it leaves this module. */
export function createConfirmaClient(http: UpstreamHttp, credentials: ConfirmaCredentials): ConfirmaClient {
  return new LazyConfirmaClient(createConfirmaCall(http, credentials), credentials);
}

/**
 * Each request gets its own client (its calls carry the request's id), and most requests use
 * one group of calls, the invoice reads: each group is built on first use.
 */
class LazyConfirmaClient implements ConfirmaClient {
  #reads: ConfirmaInvoiceReads | undefined;
  #writes: ConfirmaInvoiceWrites | undefined;
  #money: ConfirmaMoney | undefined;
  #accounting: ConfirmaAccounting | undefined;
  #onboarding: ConfirmaOnboarding | undefined;

  constructor(
    private readonly call: ConfirmaCall,
    private readonly credentials: ConfirmaCredentials,
  ) {}

  listDistribution(query: DistributionQuery) {
    return (this.#reads ??= createInvoiceReads(this.call)).listDistribution(query);
  }
  getCase(caseId: string, invoiceNumber?: string) {
    return (this.#reads ??= createInvoiceReads(this.call)).getCase(caseId, invoiceNumber);
  }
  createInvoice(body: unknown) {
    return (this.#writes ??= createConfirmaInvoiceWrites(this.call)).createInvoice(body);
  }
  createInvoiceActions(body: unknown) {
    return (this.#writes ??= createConfirmaInvoiceWrites(this.call)).createInvoiceActions(body);
  }
  listPayments(window: DateWindow) {
    return (this.#money ??= createConfirmaMoney(this.call)).listPayments(window);
  }
  listSettlements(query: SettlementQuery) {
    return (this.#money ??= createConfirmaMoney(this.call)).listSettlements(query);
  }
  submitLedger(body: unknown) {
    return (this.#accounting ??= createConfirmaAccounting(this.call)).submitLedger(body);
  }
  ledgerStatus(query: Record<string, string | undefined>) {
    return (this.#accounting ??= createConfirmaAccounting(this.call)).ledgerStatus(query);
  }
  submitPayments(body: unknown) {
    return (this.#accounting ??= createConfirmaAccounting(this.call)).submitPayments(body);
  }
  paymentStatus(query: Record<string, string | undefined>) {
    return (this.#accounting ??= createConfirmaAccounting(this.call)).paymentStatus(query);
  }
  onboardClient(body: unknown) {
    return this.#onboardingCalls().onboardClient(body);
  }
  validateToken() {
    return this.#onboardingCalls().validateToken();
  }
  renewToken() {
    return this.#onboardingCalls().renewToken();
  }

  #onboardingCalls(): ConfirmaOnboarding {
    return (this.#onboarding ??= createConfirmaOnboarding(this.call, this.credentials));
  }
}

export type { CaseRecord, DistributionRecord };
export type {
  ConfirmaInvoiceReads,
  DistributionEntry,
  DistributionPage,
  DistributionQuery,
} from './invoiceReads.js';
