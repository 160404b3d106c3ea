import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A real router (Hive Gateway, the `hive-gateway` binary from npm) serving a supergraph on 127.0.0.1. */
export interface RunningGateway {
  url: string;
  /** Everything the gateway printed, for a failing test's message. */
  output(): string;
  close(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../../node_modules/@graphql-hive/gateway/dist/bin.js', import.meta.url));
const READY_WITHIN_MS = 60_000;

/**
 * Writes `supergraphSdl` to a fresh temporary folder and starts the gateway there: it reads a
 * `gateway.config.*` in its working folder as its own config, and this folder has none. Runs
 * on the same Node as the tests.
 */
export async function startHiveGateway(supergraphSdl: string): Promise<RunningGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-graph-router-'));
  writeFileSync(join(dir, 'supergraph.graphql'), supergraphSdl);
  const port = await freePort();
  let output = '';
  const child = spawn(
    process.execPath,
    [BIN, 'supergraph', 'supergraph.graphql', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const close = async () => {
    process.off('exit', kill);
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(origin, child, () => output);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `${origin}/graphql`, output: () => output, close };
}

async function waitUntilReady(origin: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hive-gateway exited (${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${origin}/readiness`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`hive-gateway was not ready within ${READY_WITHIN_MS} ms:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
