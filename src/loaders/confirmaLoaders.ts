import type { BatchSizes } from '../observability/loaderBatches.js';
import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import { createCaseByIdLoader } from './caseById.js';
import type { CaseByIdLoader } from './caseById.js';
import { createPaymentsByWindowLoader, createSettlementsByWindowLoader } from './confirmaMoney.js';
import type { PaymentsByWindowLoader, SettlementsByWindowLoader } from './confirmaMoney.js';
import { createDistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import type { DistributionByInvoiceNumberLoader } from './distributionByInvoiceNumber.js';
import { createDistributionPageLoader } from './distributionPages.js';
import type { DistributionPageLoader } from './distributionPages.js';

/** The Confirma loaders of one request. */
export interface ConfirmaLoaders {
  distributionPages: DistributionPageLoader;
  distributionByInvoiceNumber: DistributionByInvoiceNumberLoader;
  caseById: CaseByIdLoader;
  paymentsByWindow: PaymentsByWindowLoader;
  settlementsByWindow: SettlementsByWindowLoader;
}

export function createConfirmaLoaders(confirma: ConfirmaClient, sizes?: BatchSizes): ConfirmaLoaders {
  return new RequestConfirmaLoaders(confirma, sizes);
}

/** Each loader is built when a resolver first reads it. */
class RequestConfirmaLoaders implements ConfirmaLoaders {
  #distributionPages: DistributionPageLoader | undefined;
  #distributionByInvoiceNumber: DistributionByInvoiceNumberLoader | undefined;
  #caseById: CaseByIdLoader | undefined;
  #paymentsByWindow: PaymentsByWindowLoader | undefined;
  #settlementsByWindow: SettlementsByWindowLoader | undefined;

  constructor(
    private readonly confirma: ConfirmaClient,
    private readonly sizes: BatchSizes | undefined,
  ) {}

  get distributionPages(): DistributionPageLoader {
    return (this.#distributionPages ??= createDistributionPageLoader(this.confirma, this.sizes));
  }
  get distributionByInvoiceNumber(): DistributionByInvoiceNumberLoader {
    return (this.#distributionByInvoiceNumber ??= createDistributionByInvoiceNumberLoader(
      this.distributionPages,
      this.sizes,
    ));
  }
  get caseById(): CaseByIdLoader {
    return (this.#caseById ??= createCaseByIdLoader(this.confirma, this.sizes));
  }
  get paymentsByWindow(): PaymentsByWindowLoader {
    return (this.#paymentsByWindow ??= createPaymentsByWindowLoader(this.confirma, this.sizes));
  }
  get settlementsByWindow(): SettlementsByWindowLoader {
    return (this.#settlementsByWindow ??= createSettlementsByWindowLoader(this.confirma, this.sizes));
  }
}
