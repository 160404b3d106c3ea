import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { measureCalls } from './calls.js';
import type { CallsResult } from './calls.js';
import { CALLS_PAGE_SIZE, CRITICAL_PATH, ROOT } from './config.js';
import { measureCriticalPath } from './criticalPath.js';
import type { CriticalPathResult } from './criticalPath.js';
import { describeMachine } from './machine.js';
import { runOverheadSuite } from './overheadSuite.js';
import { withPageSetup } from './pageSetup.js';
import { consoleReport } from './report.js';
import { markdownReport } from './reportMarkdown.js';
import type { BenchResults } from './results.js';

/**
 * `npm run bench`: every benchmark side by side in one run, then the report on the console and
 * in docs/benchmarks.md. Exits non-zero only when a benchmark could not run; a missed target is
 * a finding, reported as NOT MET.
 */

const log = (line: string) => console.log(line);
const started = performance.now();

// The subgraph and the proxy are measured as compiled JavaScript, as production runs them.
log('building the subgraph and the proxy (tsc)');
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
for (const project of ['tsconfig.build.json', 'bench/tsconfig.proxy.json']) {
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, project)], { cwd: ROOT, stdio: 'inherit' });
}
const date = new Date().toISOString();
const loadAtStart = loadavg()[0] ?? Number.NaN;

const criticalPath: CriticalPathResult[] = [];
let calls: CallsResult | undefined;
for (const size of CRITICAL_PATH.sizes) {
  log(`critical path: ${size} invoices`);
  await withPageSetup({ invoiceCount: size, latencyMs: CRITICAL_PATH.latencyMs }, async (setup) => {
    criticalPath.push(await measureCriticalPath(setup));
    if (size === CALLS_PAGE_SIZE) {
      log(`upstream calls: ${size} invoices`);
      calls = await measureCalls(setup);
    }
  });
}
if (calls === undefined)
  throw new Error(`CALLS_PAGE_SIZE ${CALLS_PAGE_SIZE} is not one of the critical-path sizes`);
log('overhead and memory');
const overhead = await runOverheadSuite(log);

const results: BenchResults = {
  command: 'npm run bench',
  date,
  machine: describeMachine(),
  durationSeconds: (performance.now() - started) / 1000,
  loadAverage: { start: loadAtStart, end: loadavg()[0] ?? Number.NaN },
  calls,
  criticalPath,
  overhead,
};
log('');
log(consoleReport(results));
const docPath = join(ROOT, 'docs/benchmarks.md');
// Formatted as the repository's Prettier settings say, so the generated file passes the check.
const prettierOptions = (await resolveConfig(docPath)) ?? {};
writeFileSync(docPath, await format(markdownReport(results), { ...prettierOptions, parser: 'markdown' }));
log(`\nwritten to docs/benchmarks.md`);
