import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { ROOT } from './config.js';
import { simulatorMessageSchema } from './simulatorMessages.js';
import type { SimulatorMessage } from './simulatorMessages.js';

/**
 * Child processes of the suite: the simulators, the subgraph (its compiled entry point, dist/index.js)
 * and the hand-written proxy. Each runs on its own event loop so none of them competes with the
 * load generator inside one process. Everything listens on 127.0.0.1 only.
 */

const TSX = ['--import', 'tsx'];
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM, then wait for the exit (a CPU profile is written on exit). */
  stop(): Promise<void>;
}

export interface SimulatorProcess {
  confirmaUrl: string;
  factorCloudUrl: string;
  pid: number;
  /** Requests each path received since the last reset. */
  counts(): Promise<Record<string, number>>;
  resetCounts(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSimulatorProcess(options: {
  invoiceCount: number;
  latencyMs: number;
  latencyJitterMs?: number;
}): Promise<SimulatorProcess> {
  const child = fork(join(ROOT, 'bench/simulatorProcess.ts'), [JSON.stringify(options)], {
    cwd: ROOT,
    execArgv: TSX,
    env: cleanEnv({}),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr = keepTail(child);
  const next = (): Promise<SimulatorMessage> =>
    new Promise((resolve, reject) => {
      const onExit = () => reject(new Error(`simulator process exited early:\n${stderr()}`));
      child.once('exit', onExit);
      child.once('message', (raw) => {
        child.off('exit', onExit);
        resolve(simulatorMessageSchema.parse(raw));
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`simulator process sent ${ready.type} before ready`);
  const ask = async (type: 'counts' | 'reset') => {
    const reply = next();
    child.send({ type });
    const message = await reply;
    if (message.type !== 'counts') throw new Error(`simulator process answered ${message.type}`);
    return message.counts;
  };
  return {
    confirmaUrl: ready.confirmaUrl,
    factorCloudUrl: ready.factorCloudUrl,
    pid: pidOf(child),
    counts: () => ask('counts'),
    resetCounts: async () => {
      await ask('reset');
    },
    stop: () => stopChild(child, () => child.disconnect()),
  };
}

/**
 * Starts `script` (relative to the project root) under Node with `env`, waits until GET /healthz
 * answers 200. `nodeFlags` go before the script, e.g. `--cpu-prof`.
 */
export async function startServerProcess(
  script: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  // Compiled output (`.js`) runs on plain Node; TypeScript sources through the tsx loader.
  const loader = script.endsWith('.ts') ? TSX : [];
  const child = spawn(process.execPath, [...nodeFlags, ...loader, join(ROOT, script)], {
    cwd: ROOT,
    env: cleanEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = keepTail(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${stderr()}`);
    if (await answersHealthz(url)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not answer /healthz within ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
    }
    await sleep(100);
  }
  return { url, pid: pidOf(child), stop: () => stopChild(child, () => child.kill('SIGTERM')) };
}

async function answersHealthz(url: string): Promise<boolean> {
  try {
    const response = await request(`${url}/healthz`);
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  ask();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Only what a child needs: the parent's own environment must not change what is measured. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...extra };
}

function pidOf(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error('child process has no pid (spawn failed)');
  return child.pid;
}

/** The last few kB of a child's stderr, for the error message when it fails to start. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
  });
  return () => tail;
}

/** A port that was free a moment ago (the child binds it right after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}
