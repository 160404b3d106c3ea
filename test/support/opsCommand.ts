import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandOutput } from '../../src/ops/confirmaTarget.js';

/** What an operator command printed: the secret lines (stdout) and the rest (stderr). */
export interface CapturedOutput extends CommandOutput {
  secrets: string[];
  said: string[];
}

export function captureOutput(): CapturedOutput {
  const secrets: string[] = [];
  const said: string[] = [];
  return { secrets, said, secret: (line) => secrets.push(line), say: (line) => said.push(line) };
}

/** Writes `value` as JSON to a fresh temporary file and returns its path. */
export function jsonFile(value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ops-')), 'input.json');
  writeFileSync(file, JSON.stringify(value));
  return file;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `scripts/<script>` as `npm run` would, with only `env` (plus PATH); stops by itself. */
export function runScript(
  script: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
