import type { Command } from "../command";
import { loadWebhooksModule } from "../load-webhooks-module";
import { parseCommandArgs } from "../parse-command-args";

const usage = `Usage: bankhooks dead-letters <module> [--json]

Lists the queued events whose every attempt failed (queue mode), oldest first: id, event, attempts,
last error. Replay one with: bankhooks replay <module> <id>
<module> exports the Webhooks instance, as for \`bankhooks worker\`.

Options:
  --json       one JSON array instead of a table
  -h, --help   this help

Exit status: 0 listed (even when empty), 1 the queue could not be read, 2 bad arguments.`;

export const deadLetters: Command = {
  name: "dead-letters",
  summary: "list queued events whose every attempt failed",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean" } }, ["<module>"]);
    const webhooks = loadWebhooksModule(positionals[0]);
    try {
      const letters = await webhooks.deadLetters();
      if (values.json) {
        io.stdout.write(`${JSON.stringify(letters, null, 2)}\n`);
      } else if (letters.length === 0) {
        io.stdout.write("no dead letters\n");
      } else {
        for (const letter of letters) {
          io.stdout.write(`${letter.id}\t${letter.event.name}\t${letter.attempts} attempts\t${letter.failedAt.toISOString()}\t${letter.error}\n`);
        }
      }
      return 0;
    } finally {
      await webhooks.close();
    }
  },
};
