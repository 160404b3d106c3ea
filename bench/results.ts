import type { CallsResult } from './calls.js';
import type { CriticalPathResult } from './criticalPath.js';
import type { Machine } from './machine.js';
import type { OverheadResult } from './overheadSuite.js';

/** Everything one `npm run bench` measured, for the console and for docs/benchmarks.md. */
export interface BenchResults {
  command: string;
  date: string;
  machine: Machine;
  durationSeconds: number;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAverage: { start: number; end: number };
  calls: CallsResult;
  criticalPath: CriticalPathResult[];
  overhead: OverheadResult;
}

export const verdict = (met: boolean): string => (met ? 'MET' : 'NOT MET');

export const fixed = (value: number, digits = 0): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

/** `CPU: target 97%, simulators 60%, load generator 45%` (of one core each). */
export function cpuLine(cpu: Record<string, number | undefined>): string {
  const names: Record<string, string> = {
    target: 'server',
    simulators: 'simulators',
    loadGenerator: 'load generator',
  };
  return Object.entries(cpu)
    .map(([key, percent]) => `${names[key] ?? key} ${percent === undefined ? 'n/a' : `${fixed(percent)}%`}`)
    .join(', ');
}
