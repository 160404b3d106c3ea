import type { PaymentControlResolvers } from '../__generated__/resolvers-types.js';
import { readableDate } from './Distribution.js';
import { PAYMENT_CONTROL_STATUSES } from './invoiceEnums.js';
import { enumOrUnknown, rawText } from './upstreamEnum.js';

export const PaymentControl: PaymentControlResolvers = {
  enabled: (control) => control.enabled,
  agency: (control) => control.agency,
  status: (control) => enumOrUnknown(PAYMENT_CONTROL_STATUSES, control.status),
  statusRaw: (control) => rawText(control.status),
  caseId: (control) => control.caseId,
  activatedAt: (control) => readableDate(control, 'activatedAt'),
  case: (control, _args, { loaders }) =>
    control.caseId
      ? loaders.confirma.caseById.load({ caseId: control.caseId, invoiceNumber: control.invoiceNumber })
      : null,
};
