import { ConfigError, loadConfig } from '../src/config.js';
import { renewConfirmaToken } from '../src/ops/renewConfirmaToken.js';
import { commandOutput } from './commandOutput.js';

/** Entry point of `npm run confirma:renew-token`; see src/ops/renewConfirmaToken.ts. */
try {
  process.exitCode = await renewConfirmaToken(loadConfig(process.env), process.argv.slice(2), commandOutput);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`confirma:renew-token: ${error.message}`);
  process.exitCode = 2;
}
