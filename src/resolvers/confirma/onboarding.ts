import type { QueryResolvers } from '../../__generated__/resolvers-types.js';

/**
 * Only the token check is on the graph. Renewal and onboarding hand out credentials, so they are
 * operator commands (scripts/confirma-renew-token.ts, scripts/confirma-onboard-client.ts).
 */
export const onboardingQuery: QueryResolvers = {
  accessTokenStatus: (_root, _args, { upstreams }) => upstreams.confirma.validateToken(),
};
