import type { PaymentControlResolvers } from '../__generated__/resolvers-types.js';
import { readableDate } from './Distribution.js';

export const PaymentControl: PaymentControlResolvers = {
  enabled: (control) => control.enabled,
  agency: (control) => control.agency,
  status: (control) => control.status,
  caseId: (control) => control.caseId,
  activatedAt: (control) => readableDate(control, 'activatedAt'),
  case: (control, _args, { loaders }) =>
    control.caseId
      ? loaders.caseById.load({ caseId: control.caseId, invoiceNumber: control.invoiceNumber })
      : null,
};
