import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "./cli-usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;
/** What parseArgs returns for these options: values typed per option, and the positionals. */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>>;

/**
 * node:util parseArgs, strict: an unknown option, a missing value or a positional too many is a
 * CliUsageError. `positionals` names the positionals expected, in order; all are required.
 */
export function parseCommandArgs<const O extends Options>(argv: string[], options: O, positionals: readonly string[] = []): ParsedArgs<O> {
  let parsed: ParsedArgs<O>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(shorten(error));
  }
  if (parsed.positionals.length > positionals.length) {
    throw new CliUsageError(`unexpected argument ${JSON.stringify(parsed.positionals[positionals.length])}`);
  }
  if (parsed.positionals.length < positionals.length) {
    throw new CliUsageError(`missing ${positionals.slice(parsed.positionals.length).join(" and ")}`);
  }
  return parsed;
}

function shorten(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs goes on about "--" for positionals starting with "-"; the option's name is what matters.
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  return unknown ? `unknown option ${unknown[1]}` : message;
}
