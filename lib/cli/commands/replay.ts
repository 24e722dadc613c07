import type { Command } from "../command";
import { loadWebhooksModule } from "../load-webhooks-module";
import { parseCommandArgs } from "../parse-command-args";

const usage = `Usage: bankhooks replay <module> <id>
       bankhooks replay <module> --all

Queues dead letters again, each with all its attempts, for a running worker to handle (queue mode).
Ids are those \`bankhooks dead-letters <module>\` lists.

Options:
  --all        every dead letter
  -h, --help   this help

Exit status: 0 replayed, 1 an id is no dead letter (or the queue could not be reached), 2 bad arguments.`;

export const replay: Command = {
  name: "replay",
  summary: "queue dead letters again once their fault is fixed",
  usage,
  async run(argv, io) {
    const all = argv.includes("--all");
    const { positionals } = parseCommandArgs(argv, { all: { type: "boolean" } }, all ? ["<module>"] : ["<module>", "<id>"]);
    const webhooks = loadWebhooksModule(positionals[0]);
    try {
      const ids = all ? (await webhooks.deadLetters()).map((letter) => letter.id) : [positionals[1]];
      let missing = 0;
      for (const id of ids) {
        if (await webhooks.replay(id)) {
          io.stdout.write(`replayed ${id}\n`);
        } else {
          missing++;
          io.stderr.write(`bankhooks replay: ${id} is not a dead letter\n`);
        }
      }
      if (all) io.stdout.write(`${ids.length - missing} replayed\n`);
      return missing === 0 ? 0 : 1;
    } finally {
      await webhooks.close();
    }
  },
};
