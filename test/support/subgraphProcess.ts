import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The subgraph as `npm start` runs it (src/index.ts in its own process), so what only the entry
 * point does, signals and shutdown, can be tested. It listens on a free port on 127.0.0.1.
 */
export interface SubgraphProcess {
  child: ChildProcess;
  /** Origin, e.g. http://127.0.0.1:40123 (GraphQL at /graphql). */
  origin: string;
  /** Every line the process wrote, stdout and stderr. */
  lines: string[];
  /** Resolves with the first line (already written or still to come) that contains `text`. */
  lineContaining(text: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function startSubgraphProcess(env: Record<string, string>): Promise<SubgraphProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    // Only what the test gives (plus PATH): the developer's own variables must not leak in.
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ text: string; resolve: (line: string) => void }> = [];
  const onLine = (line: string) => {
    lines.push(line);
    for (const waiter of waiters.filter((w) => line.includes(w.text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  };
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const lineContaining = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((line) => line.includes(text));
      if (seen !== undefined) return resolve(seen);
      waiters.push({ text, resolve });
      void exited.then(() => reject(new Error(`exited without printing "${text}":\n${lines.join('\n')}`)));
    });

  const ready = await lineContaining('subgraph ready at');
  const port = (JSON.parse(ready) as { port?: unknown }).port;
  if (typeof port !== 'number') throw new Error(`no port in the ready line: ${ready}`);
  return { child, origin: `http://127.0.0.1:${port}`, lines, lineContaining, exited };
}

/** Runs the subgraph expecting it to refuse to start: its exit code and what it wrote. */
export async function runFailingStart(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A start that does not fail would otherwise keep running: it is stopped once it says it is ready.
  child.stdout.on('data', () => {
    if (stdout.includes('subgraph ready at')) child.kill('SIGKILL');
  });
  const code = await new Promise<number | null>((resolve) =>
    child.once('exit', (exitCode) => resolve(exitCode)),
  );
  return { code, stdout, stderr };
}
