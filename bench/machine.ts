import { cpus, platform, release, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  node: string;
  os: string;
  memoryGb: number;
}

/** What the figures were measured on; ratios travel between machines, absolute times do not. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  };
}
