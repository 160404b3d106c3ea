import type { CommandOutput } from '../src/ops/confirmaTarget.js';

/** The secret alone on stdout (so it can be piped into a secret store), the rest on stderr. */
export const commandOutput: CommandOutput = {
  secret: (line) => process.stdout.write(`${line}\n`),
  say: (line) => process.stderr.write(`${line}\n`),
};
