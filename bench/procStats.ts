import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Resident memory and CPU time of another process, read from outside it so the numbers cost the
 * measured process nothing. Linux /proc first; `ps` where there is no /proc (macOS).
 */

/** Resident set size in MB (MiB, as `ps` and /proc count kB of 1024 bytes). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // No /proc: fall through to ps.
  }
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  if (!Number.isFinite(kb)) throw new Error(`cannot read the memory of process ${pid}`);
  return kb / 1024;
}

/**
 * User + system CPU seconds the process has used so far, or `undefined` without /proc.
 * Clock ticks are 100 per second on every mainstream Linux build (USER_HZ).
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields are counted after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU use of each process over a stretch of time, in % of one core. */
export async function measureCpu<T>(
  pids: Record<string, number>,
  work: () => Promise<T>,
): Promise<{ result: T; cpuPercent: Record<string, number | undefined> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpuPercent: Record<string, number | undefined> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const start = before[name];
    const end = cpuSeconds(pid);
    cpuPercent[name] = start === undefined || end === undefined ? undefined : ((end - start) / seconds) * 100;
  }
  return { result, cpuPercent };
}
