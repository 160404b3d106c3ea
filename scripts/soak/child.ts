import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The subgraph as a child process on 127.0.0.1, watched for exits, memory and log levels. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST = '127.0.0.1';
const HEALTH_DEADLINE_MS = 90_000;
/** The subgraph's own shutdown deadline is 10 s; give it a little more before SIGKILL. */
const STOP_DEADLINE_MS = 12_000;
const TAIL_LINES = 30;
const PINO_LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the soak asked it to stop; false means it died on its own. */
  requested: boolean;
}

export interface SubgraphChild {
  pid: number;
  baseUrl: string;
  /** Log lines by level (pino's JSON lines; anything else counts as `text`). */
  logLevels: Map<string, number>;
  /** Messages of warn-and-above log lines with their counts. */
  warnings: Map<string, number>;
  /** The last lines the child printed, for a post-mortem. */
  tail(): string[];
  /** Resident memory in KiB from /proc, undefined when /proc is not there or the child is gone. */
  rssKiB(): number | undefined;
  /** Set once the child has exited. */
  exit(): ChildExit | undefined;
  /** SIGTERM, then SIGKILL after a deadline; resolves with how it ended. Idempotent. */
  stop(): Promise<ChildExit>;
}

/** Environment variables that would point the child at anything but this machine. */
const NON_LOCAL = /^(CONFIRMA_BASE_URL|FACTORCLOUD_BASE_URL|OTEL_EXPORTER_OTLP_.*)$/;

export async function startSubgraph(extraEnv: Record<string, string>): Promise<SubgraphChild> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !NON_LOCAL.test(name)) env[name] = value;
  }
  Object.assign(env, { NODE_ENV: 'development', LOG_LEVEL: 'warn', ...extraEnv, HOST, PORT: String(port) });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the subgraph process');
  const logLevels = new Map<string, number>();
  const warnings = new Map<string, number>();
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    const { level, message } = logLine(line);
    logLevels.set(level, (logLevels.get(level) ?? 0) + 1);
    if (level !== 'info' && level !== 'debug' && level !== 'trace') {
      warnings.set(message, (warnings.get(message) ?? 0) + 1);
    }
  };
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);

  let exited: ChildExit | undefined;
  let stopRequested = false;
  const exitPromise = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal, requested: stopRequested };
      resolve(exited);
    });
  });
  // Last resort: never leave the subgraph running after the soak itself ends.
  process.once('exit', () => {
    if (!exited) child.kill('SIGKILL');
  });

  const baseUrl = `http://${HOST}:${port}`;
  let stopping: Promise<ChildExit> | undefined;
  const handle: SubgraphChild = {
    pid,
    baseUrl,
    logLevels,
    warnings,
    tail: () => [...tail],
    rssKiB: () => (exited ? undefined : rssKiB(pid)),
    exit: () => exited,
    stop() {
      stopping ??= stopChild(child, exitPromise, () => {
        stopRequested = true;
      });
      return stopping;
    },
  };
  try {
    await waitForHealth(baseUrl, () => exited);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

async function stopChild(
  child: ChildProcess,
  exitPromise: Promise<ChildExit>,
  markRequested: () => void,
): Promise<ChildExit> {
  if (child.exitCode === null && child.signalCode === null) {
    markRequested();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
    const result = await exitPromise;
    clearTimeout(timer);
    return result;
  }
  return exitPromise;
}

async function waitForHealth(baseUrl: string, exited: () => ChildExit | undefined): Promise<void> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit)
      throw new Error(`the subgraph exited before it was healthy (code ${exit.code}, signal ${exit.signal})`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`the subgraph did not answer ${baseUrl}/healthz within ${HEALTH_DEADLINE_MS / 1000} s`);
}

/** A port that was free a moment ago (the subgraph binds it right after; a clash fails loudly). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address for a free port');
  return address.port;
}

function rssKiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

function logLine(line: string): { level: string; message: string } {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'level' in parsed) {
      const level =
        typeof parsed.level === 'number' ? (PINO_LEVELS[parsed.level] ?? String(parsed.level)) : 'text';
      const message = 'msg' in parsed && typeof parsed.msg === 'string' ? parsed.msg : '(no message)';
      return { level, message };
    }
  } catch {
    // Not a JSON log line: a stack trace or a plain console message.
  }
  return { level: 'text', message: line.slice(0, 120) };
}
