import type { MutationResolvers, QueryResolvers } from '../../__generated__/resolvers-types.js';
import { onboardClientBody, onboardClientSchema } from '../../validation/confirmaRequests.js';
import { validateInput } from '../../validation/userErrors.js';
import { guardedWrite } from '../guardedWrite.js';
import { refusal } from '../refusals.js';

export const onboardingQuery: QueryResolvers = {
  accessTokenStatus: (_root, _args, { upstreams }) => upstreams.confirma.validateToken(),
};

export const onboardingMutation: MutationResolvers = {
  onboardClient: guardedWrite('onboardClient', { replayable: false }, async ({ input }, { upstreams }) => {
    const valid = validateInput(onboardClientSchema, input);
    if (!valid.ok) return { client: null, userErrors: valid.userErrors };
    const result = await upstreams.confirma.onboardClient(onboardClientBody(valid.value));
    if (!result.ok) {
      const userError =
        result.status === 401 || result.status === 403
          ? {
              field: ['input'],
              code: 'REJECTED' as const,
              message:
                'input: the partner provisioning token is missing or refused (set CONFIRMA_PROVISIONING_TOKEN)',
            }
          : // A 409 means the business code is already a client; any other refusal is not
            // explained by Confirma, so it is not pinned on a field it may not be about.
            refusal(
              'Confirma',
              result.status,
              result.status === 409 ? ['input', 'client', 'businessCode'] : ['input'],
              'client',
            );
      return { client: null, userErrors: [userError] };
    }
    return { client: result.value, userErrors: [] };
  }),

  renewAccessToken: guardedWrite(
    'renewAccessToken',
    { replayable: false },
    async (_args, { upstreams, logger }) => {
      const result = await upstreams.confirma.renewToken();
      if (!result.ok)
        return {
          accessToken: null,
          userErrors: [refusal('Confirma', result.status, ['renewAccessToken'], 'token renewal')],
        };
      // The token itself is never logged; operators learn that they must store it.
      logger.warn(
        'Confirma access token renewed: the subgraph now uses the new token; update CONFIRMA_API_KEY before the next restart',
      );
      return { accessToken: result.value, userErrors: [] };
    },
  ),
};
