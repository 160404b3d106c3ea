import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A real redis-server on 127.0.0.1, without persistence, owned by one test file. */
export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server (SIGKILL: an outage, not a shutdown). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const INSTALL_HINT =
  'redis-server is not installed, and the cache tests need a real one: ' +
  'run `apt-get update && apt-get install -y redis-server` (.ci/run does this on CI).';

/**
 * Whether this run has no redis-server and may skip the tests that need one: outside CI they
 * are skipped with a printed reason (a newcomer's `npm test` needs only Node); on CI
 * (`CI=true`, as .ci/run sets) they always run, and fail with INSTALL_HINT when it is missing.
 */
export function skipWithoutRedis(testFile: string): boolean {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  const installed = !probe.error && probe.status === 0;
  if (installed || process.env.CI === 'true') return false;
  console.warn(`SKIPPED ${testFile}: ${INSTALL_HINT} They always run on CI (CI=true).`);
  return true;
}

export async function startRedisServer(): Promise<RedisServer> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(INSTALL_HINT);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = await launch(port);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
    },
    close: () => server.stop(),
  };
  await server.start();
  // Never outlive the test run, even when a test file dies before its afterAll.
  process.once('exit', () => child?.kill('SIGKILL'));
  return server;
}

/** Starts redis-server and resolves once it accepts connections (its own log line says so). */
function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start within 15 s:\n${output}`)),
      15_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('error', (error) => fail(new Error(`${INSTALL_HINT} (${error.message})`)));
    child.on('exit', (code) =>
      fail(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  });
}

/** A port the OS says is free right now (bound on 127.0.0.1, then released). */
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
