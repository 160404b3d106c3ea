import { ConfigError, loadConfig } from '../src/config.js';
import { onboardConfirmaClient } from '../src/ops/onboardConfirmaClient.js';
import { commandOutput } from './commandOutput.js';

/** Entry point of `npm run confirma:onboard-client -- <client.json>`; see src/ops/onboardConfirmaClient.ts. */
try {
  process.exitCode = await onboardConfirmaClient(
    loadConfig(process.env),
    process.argv.slice(2),
    commandOutput,
  );
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`confirma:onboard-client: ${error.message}`);
  process.exitCode = 2;
}
