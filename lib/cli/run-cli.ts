import { ProviderApiError } from "../clients/provider-api-error";
import { CliUsageError } from "./cli-usage-error";
import type { CliIo, Command } from "./command";
import { COMMANDS } from "./commands";

/** `bankhooks <command> [arguments]`: finds the command, answers --help, and turns errors into exit codes. */
export async function runCli(argv: string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`${overview(commands)}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const command = commands.find((c) => c.name === rest[0]);
    io.stdout.write(`${command ? command.usage : overview(commands)}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`bankhooks: unknown command ${JSON.stringify(name)}\n\n${overview(commands)}\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return report(command, error, io);
  }
}

function report(command: Command, error: unknown, io: CliIo): number {
  if (error instanceof CliUsageError) {
    io.stderr.write(`bankhooks ${command.name}: ${error.message}\n\n${command.usage}\n`);
    return 2;
  }
  if (error instanceof ProviderApiError) {
    io.stderr.write(`bankhooks ${command.name}: ${error.message}\n`);
    return 1;
  }
  io.stderr.write(`bankhooks ${command.name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

/** --help anywhere before a "--" that ends the options. */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: bankhooks <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `bankhooks <command> --help` for a command's options and environment variables.",
  ].join("\n");
}
