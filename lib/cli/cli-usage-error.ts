/** Bad arguments: the CLI prints the message and the command's usage, and exits 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
