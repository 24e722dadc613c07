/** Where a command writes, and the environment it reads settings from; tests and main() pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/**
 * One `bankhooks <name>` command. Adding one = a file in commands/ exporting this, plus one line in
 * commands/index.ts. `--help`/`-h` is answered with `usage` before `run` is called; `run` throws a
 * CliUsageError for bad arguments (exit 2) or a ProviderApiError (exit 1), or resolves to its exit code.
 */
export interface Command {
  name: string;
  /** One line, for `bankhooks --help`. */
  summary: string;
  /** The full help text: synopsis, options (with their environment variables), exit codes. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
