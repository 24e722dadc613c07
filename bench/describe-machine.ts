import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  cpuModel: string;
  cpus: number;
  nodeVersion: string;
  platform: string;
  totalMemoryBytes: number;
  /** 1-minute load average when the run began: anything near `cpus` means the figures are shared with others. */
  loadAverageAtStart: number;
}

export function describeMachine(): Machine {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cpus: availableParallelism(),
    nodeVersion: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryBytes: totalmem(),
    loadAverageAtStart: loadavg()[0],
  };
}
