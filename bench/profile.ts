import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ROOT } from './config.js';

/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and adds up self time by function and
 * by module: an npm package, a project file, Node's internals, or V8's own buckets (GC, idle).
 */

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  /** Microseconds on the system's monotonic clock (the one `process.hrtime` reads). */
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

export type CpuProfile = z.infer<typeof profileSchema>;

export interface SelfTime {
  name: string;
  ms: number;
  /** Share of the busy time (everything but idle). */
  percent: number;
}

export interface ProfileSummary {
  /** Whether samples were limited to the measured window (false: the clocks did not line up). */
  windowed: boolean;
  totalMs: number;
  idleMs: number;
  busyMs: number;
  byModule: SelfTime[];
  byFunction: SelfTime[];
}

/**
 * The main thread's profile from `dir` (each profiled run gets a fresh directory). `--cpu-prof`
 * also profiles worker threads (tsx's module loader runs in one, idle once modules are loaded);
 * the main thread is the one that was busy longest.
 */
export function readProfile(dir: string): CpuProfile {
  const profiles = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => profileSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
  const [main] = profiles.sort((a, b) => busyMs(b) - busyMs(a));
  if (!main) throw new Error(`no .cpuprofile was written to ${dir}`);
  return main;
}

/** Now, in microseconds on the monotonic clock V8 stamps profile samples with. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Self time by module and function. With `window`, only samples taken inside it count; when
 * none do (a platform whose profiler clock differs from `process.hrtime`), all samples count
 * and `windowed` says so.
 */
export function summariseProfile(
  profile: CpuProfile,
  window?: { fromUs: number; toUs: number },
  top = 15,
): ProfileSummary {
  const stamps: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas) stamps.push((at += delta));
  const inWindow = (index: number) => {
    const stamp = stamps[index] ?? 0;
    return window === undefined || (stamp >= window.fromUs && stamp <= window.toUs);
  };
  const windowed = window !== undefined && profile.samples.some((_id, index) => inWindow(index));
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, index) => {
    if (windowed && !inWindow(index)) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame) return;
    totalMs += ms;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    const module = moduleOf(frame.url, frame.functionName);
    add(byModule, module, ms);
    // Code that tsx transformed reports line 0 for every function: show a line only when known.
    const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : '';
    const where = frame.url ? ` ${shortUrl(frame.url)}${line}` : '';
    add(byFunction, `${frame.functionName || '(anonymous)'}${where}`, ms);
  });
  const busyMs = totalMs - idleMs;
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, percent: busyMs > 0 ? (ms / busyMs) * 100 : 0 }));
  return { windowed, totalMs, idleMs, busyMs, byModule: ranked(byModule), byFunction: ranked(byFunction) };
}

/** Sampled time outside the idle bucket, ms. */
function busyMs(profile: CpuProfile): number {
  const idle = new Set(
    profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id),
  );
  return (
    profile.samples.reduce(
      (sum, id, index) => sum + (idle.has(id) ? 0 : (profile.timeDeltas[index] ?? 0)),
      0,
    ) / 1000
  );
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

/** An npm package name, `src/<folder>` for project code (or its build), `node:internals`, or a V8 bucket. */
export function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(V8 builtins)';
  if (url.startsWith('node:')) return 'node:internals';
  // The last node_modules segment names the package (pnpm and nested installs have several).
  const local = shortUrl(url);
  if (url.includes('/node_modules/')) return /^((?:@[^/]+\/)?[^/]+)/.exec(local)?.[1] ?? local;
  // Compiled output (dist/, from `npm run build`) is grouped under the source folder it came from.
  const folder = /^(?:src|dist)\/([^/]+)\//.exec(local)?.[1];
  return folder === undefined ? local : `src/${folder}`;
}

/** A project-relative path, or the package-relative part after node_modules. */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inPackage = path.lastIndexOf('/node_modules/');
  if (inPackage >= 0) return path.slice(inPackage + '/node_modules/'.length);
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}
