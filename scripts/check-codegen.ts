/**
 * Fails when src/__generated__ is stale: regenerates in memory from codegen.ts and compares
 * with the committed files. Run by `npm run codegen:check` and by the test suite.
 */
import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

export async function staleGeneratedFiles(): Promise<string[]> {
  const outputs: Array<{ filename: string; content: string }> = await generate(
    { ...config, silent: true },
    false,
  );
  const stale: string[] = [];
  for (const output of outputs) {
    const committed = await readFile(output.filename, 'utf8').catch(() => '');
    if (committed !== output.content) stale.push(output.filename);
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stale = await staleGeneratedFiles();
  if (stale.length) {
    console.error(`Generated files are stale; run \`npm run codegen\` and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Generated resolver types are up to date.');
}
