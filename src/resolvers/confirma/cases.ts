import type {
  MutationResolvers,
  QueryResolvers,
  QueuedInvoiceActionResolvers,
} from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { createActionsSchema } from '../../validation/confirmaRequests.js';
import type { ValidAction } from '../../validation/confirmaRequests.js';
import type { UserError } from '../../validation/userErrors.js';
import { guardedWrite } from '../guardedWrite.js';
import { validateInput } from '../../validation/userErrors.js';
import { checkInvoiceNumber } from '../invoiceInput.js';
import { enumOrUnknown, rawText } from '../upstreamEnum.js';
import { ACTION_STATUSES } from './collectionCase.js';
import { refusedByConfirma } from './refused.js';

export const casesQuery: QueryResolvers = {
  collectionCase: (_root, { caseId }, { loaders }) =>
    loaders.confirma.caseById.load(checkInvoiceNumber(caseId, 'caseId')),
};

/**
 * Each action must name an invoice Confirma knows and that invoice's own case: acting on the
 * wrong case is refused here rather than left for the agency to untangle.
 */
async function targetProblems(actions: ValidAction[], { loaders }: Context): Promise<UserError[]> {
  const entries = await Promise.all(
    actions.map((action) => loaders.confirma.distributionByInvoiceNumber.load(action.data.invoiceNumber)),
  );
  return actions.flatMap((action, index): UserError[] => {
    const at = ['input', 'actions', String(index), action.kind];
    const entry = entries[index];
    if (!entry) {
      const field = [...at, 'invoiceNumber'];
      return [
        {
          field,
          code: 'NOT_FOUND',
          message: `${field.join('.')}: Confirma does not know invoice ${action.data.invoiceNumber}`,
        },
      ];
    }
    if (entry.error) throw entry.error;
    const caseId = entry.record.paymentControl?.caseId ?? null;
    if (caseId === action.data.caseId) return [];
    const field = [...at, 'caseId'];
    const actual = caseId ? `its case is ${caseId}` : 'it has no agency case';
    return [
      {
        field,
        code: 'INCONSISTENT',
        message: `${field.join('.')}: case ${action.data.caseId} is not the case of invoice ${action.data.invoiceNumber} (${actual})`,
      },
    ];
  });
}

export const casesMutation: MutationResolvers = {
  createInvoiceActions: guardedWrite('createInvoiceActions', {}, async ({ input }, context) => {
    const valid = validateInput(createActionsSchema, input);
    if (!valid.ok) return { actions: [], userErrors: valid.userErrors };
    const { actions } = valid.value;
    const problems = await targetProblems(actions, context);
    if (problems.length) return { actions: [], userErrors: problems };

    const result = await context.upstreams.confirma.createInvoiceActions(actions);
    if (!result.ok)
      return {
        actions: [],
        userErrors: [refusedByConfirma(result, ['input', 'actions'], 'actions')],
      };
    for (const action of actions) context.loaders.confirma.caseById.clear(action.data.caseId);
    // The response is undocumented: receipts are used when they line up with what was sent.
    const receipts = result.value.length === actions.length ? result.value : [];
    return {
      actions: actions.map((action, index) => ({
        code: action.code,
        invoiceNumber: action.data.invoiceNumber,
        caseId: action.data.caseId,
        actionId: receipts[index]?.actionId ?? null,
        status: receipts[index]?.status ?? null,
      })),
      userErrors: [],
    };
  }),
};

export const QueuedInvoiceAction: QueuedInvoiceActionResolvers = {
  // Queued actions are pending until Confirma runs them: no state reported reads as PENDING.
  status: (action) => enumOrUnknown(ACTION_STATUSES, action.status) ?? 'PENDING',
  statusRaw: (action) => rawText(action.status),
  case: (action, _args, { loaders }) =>
    loaders.confirma.caseById.load({ caseId: action.caseId, invoiceNumber: action.invoiceNumber }),
};
