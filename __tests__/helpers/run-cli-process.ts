import { execFile } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
// Settings the CLI reads from the environment: a developer's own must not leak into a test.
const CLI_ENV = /^(BANKCONNECT|IBANFIRST)_/;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bankhooks <args>` as a child process (the TypeScript sources through tsx), with only `env` set of its variables. */
export function runCliProcess(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CLI_ENV.test(name)));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--require", "tsx/cjs", join(root, "lib", "cli", "main.ts"), ...args],
      { cwd: root, env: { ...inherited, ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
