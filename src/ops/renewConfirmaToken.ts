import type { Config } from '../config.js';
import { UpstreamError } from '../http/errors.js';
import { confirmaTarget } from './confirmaTarget.js';
import type { CommandOutput } from './confirmaTarget.js';

/**
 * `npm run confirma:renew-token [-- --tenant <id>]`: GET /renew (confirma.md §2.4) with the key the
 * subgraph uses, sent once. Confirma revokes the old key when it answers, so every replica needs
 * the new one: it is printed once, on stdout alone, with where to store it on stderr. An operator
 * action only: the graph offers no way to renew or read a key. Returns the exit code.
 */
export async function renewConfirmaToken(
  config: Config,
  args: readonly string[],
  output: CommandOutput,
): Promise<number> {
  const found = confirmaTarget(config, args);
  if (!found.ok) {
    output.say(`confirma:renew-token: ${found.problem}`);
    return 2;
  }
  const { client, credentials, apiKeySetting, http } = found.target;
  try {
    const result = await client.renewToken();
    if (!result.ok) {
      output.say(
        `confirma:renew-token: Confirma refused the renewal (HTTP ${result.status}); the current key is unchanged. Check it with { accessTokenStatus { valid message } }.`,
      );
      return 1;
    }
    // Confirma revoked the old key as it answered: this command's own copy switches to the new one.
    credentials.apiKey = result.value;
    output.secret(result.value);
    for (const line of storeInstructions(apiKeySetting)) output.say(line);
    return 0;
  } catch (error) {
    // Not retried (a second /renew would revoke the key the first one returned): whether Confirma
    // renewed cannot be known, so the operator checks the old key before trying again.
    const what = error instanceof UpstreamError ? `${error.code}: ${error.message}` : String(error);
    output.say(
      `confirma:renew-token: no answer from Confirma (${what}). The key may or may not have been renewed: check the current one with { accessTokenStatus { valid message } } before running this again.`,
    );
    return 1;
  } finally {
    await http.close();
  }
}

function storeInstructions(apiKeySetting: string): string[] {
  return [
    'confirma:renew-token: Confirma issued a new access token (printed on stdout) and revoked the old one.',
    `Store it now in ${apiKeySetting}, in the secret store every replica reads it from.`,
    'Then restart or roll every replica: until a replica runs with the new key its Confirma fields answer UPSTREAM_UNAUTHORIZED.',
    'See docs/operations-credentials.md for rotating a fleet.',
  ];
}
