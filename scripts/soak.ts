/**
 * Soak test: starts the subgraph as a child process on 127.0.0.1 with its embedded simulators
 * injecting faults, drives a bounded, concurrent GraphQL load at it, and reports what came back.
 * Exits non-zero when any answer is malformed or missing, any answer is a 5xx, or the subgraph
 * died. Usage: `npm run soak -- --duration 30s --concurrency 8` (see scripts/soak/options.ts).
 */
import { createRandom } from '../src/simulators/random.js';
import { startSubgraph, type SubgraphChild } from './soak/child.js';
import { runLoad } from './soak/load.js';
import { OperationMix } from './soak/operations.js';
import {
  DEFAULT_SOAK_FAULTS,
  parseSoakOptions,
  SoakUsageError,
  USAGE,
  type SoakOptions,
} from './soak/options.js';
import { formatReport, Tally, verdict, type ChildSummary, type Memory } from './soak/report.js';

const MEMORY_SAMPLE_MS = 1_000;

/** Both simulators get the default faults, except for variables the caller set explicitly. */
function faultEnv(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const prefix of ['SIMULATOR_CONFIRMA_', 'SIMULATOR_FACTORCLOUD_']) {
    for (const [suffix, value] of Object.entries(DEFAULT_SOAK_FAULTS)) {
      const name = `${prefix}${suffix}`;
      result[name] = env[name] ?? value;
    }
  }
  return result;
}

async function soak(options: SoakOptions): Promise<number> {
  const faults = faultEnv(process.env);
  console.log(
    `starting the subgraph with simulator faults: ${Object.entries(faults)
      .filter(([name]) => name.startsWith('SIMULATOR_CONFIRMA_'))
      .map(([name, value]) => `${name.replace('SIMULATOR_CONFIRMA_', '')}=${value}`)
      .join(' ')} (both simulators)`,
  );
  const child = await startSubgraph(faults);
  let interrupted = false;
  // Ctrl-C reaches the child too (same process group); stopping it here marks that exit as asked
  // for. Kept installed to the end: a wrapper (npm, tsx) may relay the same signal a second time.
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    console.log('\ninterrupted: stopping the load and the subgraph');
    void child.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await drive(child, options, () => interrupted);
  } finally {
    await child.stop();
  }
}

async function drive(
  child: SubgraphChild,
  options: SoakOptions,
  interrupted: () => boolean,
): Promise<number> {
  const memory: Memory = { startKiB: child.rssKiB(), peakKiB: undefined, endKiB: undefined };
  memory.peakKiB = memory.startKiB;
  const sampler = setInterval(() => {
    const now = child.rssKiB();
    if (now !== undefined) memory.peakKiB = Math.max(memory.peakKiB ?? 0, now);
  }, MEMORY_SAMPLE_MS);
  const tally = new Tally();
  const started = Date.now();
  console.log(`subgraph pid ${child.pid} healthy at ${child.baseUrl}; load for ${options.durationS} s`);
  try {
    await runLoad({
      url: `${child.baseUrl}/graphql`,
      concurrency: options.concurrency,
      deadline: started + options.durationS * 1000,
      mix: new OperationMix(createRandom(options.seed), new Date()),
      tally,
      stopped: () => interrupted() || child.exit() !== undefined,
    });
  } finally {
    clearInterval(sampler);
  }
  const elapsedS = (Date.now() - started) / 1000;
  memory.endKiB = child.rssKiB();
  const diedOnItsOwn = child.exit();
  const stopped = await child.stop();
  const summary: ChildSummary = {
    pid: child.pid,
    baseUrl: child.baseUrl,
    unexpectedExits: diedOnItsOwn && !diedOnItsOwn.requested ? 1 : 0,
    shutdown: stopped.requested
      ? `code ${stopped.code ?? '-'}, signal ${stopped.signal ?? '-'}`
      : 'not sent (it had already exited)',
    memory,
    logLevels: child.logLevels,
    warnings: child.warnings,
  };
  console.log(formatReport(tally, summary, elapsedS, options.concurrency));
  if (summary.unexpectedExits > 0) console.log(['last lines of the subgraph:', ...child.tail()].join('\n'));
  if (interrupted()) return 130;
  return verdict(tally, summary).length ? 1 : 0;
}

let options: SoakOptions;
try {
  options = parseSoakOptions(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof SoakUsageError)) throw error;
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
soak(options).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('soak failed:', error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
