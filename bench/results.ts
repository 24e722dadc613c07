import type { Machine } from "./describe-machine";
import type { HttpRun } from "./http-throughput";
import type { MemoryStoreResult } from "./memory-store";
import type { StartupResult } from "./startup";
import type { ContestantSummary, TargetCheck } from "./summarise";
import type { ValidationResult } from "./validation";

/** What `npm run bench` writes to bench/results/latest.json, and what the markdown report is made from. */
export interface BenchResults {
  generatedAt: string;
  command: string;
  machine: Machine;
  settings: { rounds: number; durationSeconds: number; warmupSeconds: number; connections: number; rate?: number };
  http: { summary: ContestantSummary[]; runs: HttpRun[] };
  startup: StartupResult;
  memoryStore: MemoryStoreResult;
  validation: ValidationResult;
  targets: TargetCheck[];
}
