import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { UpstreamError } from '../http/errors.js';
import { onboardClientSchema } from '../validation/confirmaRequests.js';
import { validateInput } from '../validation/userErrors.js';
import { confirmaTarget } from './confirmaTarget.js';
import type { CommandOutput } from './confirmaTarget.js';

/**
 * `npm run confirma:onboard-client -- <client.json>`: POST /client (confirma.md §4.1) with the
 * partner provisioning token, sent once. The reply holds the new client's first access token,
 * shown only once, so it is printed on stdout alone; it is the new client's credential and never
 * passes through the graph. The file holds `{ service, client, contacts }` as the docs' example.
 * Returns the exit code.
 */
export async function onboardConfirmaClient(
  config: Config,
  args: readonly string[],
  output: CommandOutput,
): Promise<number> {
  const say = (line: string) => output.say(`confirma:onboard-client: ${line}`);
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    say(
      'name the JSON file with { service, client, contacts }, e.g. npm run confirma:onboard-client -- client.json',
    );
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    say(`${file} is not readable JSON (${error instanceof Error ? error.message : String(error)})`);
    return 2;
  }
  const valid = validateInput(onboardClientSchema, input, []);
  if (!valid.ok) {
    for (const problem of valid.userErrors) say(`${problem.message} [${problem.code}]`);
    return 2;
  }
  const found = confirmaTarget(config, args);
  if (!found.ok) {
    say(found.problem);
    return 2;
  }
  const { client, http, credentials } = found.target;
  const token = credentials.provisioningToken;
  const tokenProblem =
    'the partner provisioning token is missing or refused (set CONFIRMA_PROVISIONING_TOKEN)';
  if (!token) {
    // POST /client takes only the provisioning token (§2.2): nothing is sent without one.
    say(tokenProblem);
    await http.close();
    return 1;
  }
  try {
    const result = await client.onboardClient({ client: valid.value, provisioningToken: token });
    if (!result.ok) {
      say(
        result.status === 401 || result.status === 403
          ? tokenProblem
          : `Confirma refused the client (HTTP ${result.status}${result.status === 409 ? ': the business code is already a client' : ''})`,
      );
      return 1;
    }
    const { accessToken, ...details } = result.value;
    say(`Confirma onboarded the client: ${JSON.stringify(details)}`);
    if (!accessToken) {
      say('Confirma sent no access token: it delivers the credentials to the onboarding contact.');
      return 0;
    }
    output.secret(accessToken);
    say(
      'The client\'s first access token is on stdout and is not shown again: store it in the new client\'s secret store (for a tenant of this subgraph: its "confirma".apiKey in TENANTS_FILE).',
    );
    return 0;
  } catch (error) {
    const what = error instanceof UpstreamError ? `${error.code}: ${error.message}` : String(error);
    say(
      `no answer from Confirma (${what}); the client may have been created: ask Confirma before sending it again.`,
    );
    return 1;
  } finally {
    await http.close();
  }
}
