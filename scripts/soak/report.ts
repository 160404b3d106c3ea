import type { OperationName } from './operations.js';

/** What a soak saw, and whether that is a pass. */

export type Problem = 'malformed' | 'transport' | 'timeout';

export class Tally {
  requests = 0;
  readonly byOperation = new Map<OperationName, number>();
  readonly byStatus = new Map<number, number>();
  readonly errorCodes = new Map<string, number>();
  /** Responses with data and errors both: the partial answers upstream failures should give. */
  partial = 0;
  readonly problems = new Map<Problem, number>();
  /** A few examples of each problem, so a failure comes with something to reproduce. */
  readonly samples: string[] = [];
  readonly durationsMs: number[] = [];

  count<K>(map: Map<K, number>, key: K): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  problem(kind: Problem, sample: string): void {
    this.count(this.problems, kind);
    if (this.samples.length < 10) this.samples.push(`${kind}: ${sample}`);
  }

  get serverErrors(): number {
    return [...this.byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  }
}

export interface Memory {
  startKiB: number | undefined;
  peakKiB: number | undefined;
  endKiB: number | undefined;
}

export interface ChildSummary {
  pid: number;
  baseUrl: string;
  /** Exits the soak did not ask for (0 in a good run). */
  unexpectedExits: number;
  /** How the requested stop ended, e.g. `code 0`. */
  shutdown: string;
  memory: Memory;
  logLevels: Map<string, number>;
  warnings: Map<string, number>;
}

/** Fails on a malformed or missing answer, a 5xx, or a subgraph that died. */
export function verdict(tally: Tally, child: ChildSummary): string[] {
  const failures: string[] = [];
  for (const [kind, n] of tally.problems) failures.push(`${n} ${kind} response(s)`);
  if (tally.serverErrors > 0) failures.push(`${tally.serverErrors} HTTP 5xx response(s)`);
  if (child.unexpectedExits > 0)
    failures.push(`the subgraph exited ${child.unexpectedExits} time(s) on its own`);
  if (tally.requests === 0) failures.push('no request completed');
  return failures;
}

export function formatReport(
  tally: Tally,
  child: ChildSummary,
  elapsedS: number,
  concurrency: number,
): string {
  const lines = [
    `soak: ${elapsedS.toFixed(1)} s, concurrency ${concurrency}, subgraph pid ${child.pid} at ${child.baseUrl}`,
    `requests: ${tally.requests} (${(tally.requests / elapsedS).toFixed(1)}/s)`,
    `  by operation: ${entries(tally.byOperation)}`,
    `  by HTTP status: ${entries(new Map([...tally.byStatus].sort(([a], [b]) => a - b)))}`,
    `  GraphQL error codes (extensions.code): ${entries(sorted(tally.errorCodes)) || 'none'}`,
    `  partial responses (data + errors): ${tally.partial}`,
    `  latency ms: ${percentiles(tally.durationsMs)}`,
    `malformed responses: ${tally.problems.get('malformed') ?? 0}`,
    `transport errors (no HTTP answer): ${tally.problems.get('transport') ?? 0}`,
    `client timeouts: ${tally.problems.get('timeout') ?? 0}`,
    `HTTP 5xx: ${tally.serverErrors}`,
    `child exits during the run: ${child.unexpectedExits}; shutdown after SIGTERM: ${child.shutdown}`,
    `child RSS: start ${mib(child.memory.startKiB)}, peak ${mib(child.memory.peakKiB)}, end ${mib(child.memory.endKiB)}`,
    `child log lines: ${entries(child.logLevels) || 'none'}`,
  ];
  const warnings = [...sorted(child.warnings)].slice(0, 8);
  if (warnings.length)
    lines.push('  top warn/error messages:', ...warnings.map(([m, n]) => `    ${n} × ${m}`));
  if (tally.samples.length) lines.push('problem samples:', ...tally.samples.map((s) => `  ${s}`));
  const failures = verdict(tally, child);
  lines.push(failures.length ? `result: FAIL (${failures.join('; ')})` : 'result: PASS');
  return lines.join('\n');
}

function entries<K>(map: Map<K, number>): string {
  return [...map].map(([key, n]) => `${String(key)} ${n}`).join(', ');
}

function sorted(map: Map<string, number>): Map<string, number> {
  return new Map([...map].sort(([, a], [, b]) => b - a));
}

function mib(kib: number | undefined): string {
  return kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`;
}

function percentiles(values: number[]): string {
  if (values.length === 0) return 'n/a';
  const ordered = [...values].sort((a, b) => a - b);
  const at = (q: number) => ordered[Math.min(ordered.length - 1, Math.floor(q * ordered.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(0)}, p95 ${at(0.95).toFixed(0)}, p99 ${at(0.99).toFixed(0)}, max ${at(1).toFixed(0)}`;
}
