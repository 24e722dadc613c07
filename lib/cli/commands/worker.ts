import type { Command } from "../command";
import { loadWebhooksModule } from "../load-webhooks-module";
import { parseCommandArgs } from "../parse-command-args";
import { CliUsageError } from "../cli-usage-error";
import { parsePositiveNumber } from "../parse-option-values";

const usage = `Usage: bankhooks worker <module> [--concurrency N]

Runs the handlers of queued events (queue mode) until SIGINT or SIGTERM, then finishes the events in
flight and exits. <module> exports the Webhooks instance that registers the handlers and holds the
queue: \`export const webhooks = new Webhooks({ ack: "queue", queue: bullmqQueue(…), … })\`.
Start as many workers as you like, on any machines that reach the same Redis.
TypeScript modules need a loader: NODE_OPTIONS="--import tsx" bankhooks worker ./webhooks.ts

Options:
  --concurrency N   events run at once by this process (default: the queue's setting, else 1)
  -h, --help        this help

Exit status: 0 stopped by a signal, 1 the worker failed, 2 bad arguments.`;

export const worker: Command = {
  name: "worker",
  summary: "run the handlers of queued events (queue mode), with retries",
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { concurrency: { type: "string" } }, ["<module>"]);
    const concurrency = values.concurrency === undefined ? undefined : parsePositiveNumber("--concurrency", values.concurrency);
    if (concurrency !== undefined && !Number.isInteger(concurrency)) throw new CliUsageError("--concurrency must be a whole number");
    const webhooks = loadWebhooksModule(positionals[0]);
    const running = await webhooks.startWorker({ concurrency });
    io.stderr.write(`bankhooks worker: running (pid ${process.pid}); SIGINT or SIGTERM stops it\n`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    io.stderr.write(`bankhooks worker: ${signal}, finishing the events in flight\n`);
    await running.close();
    await webhooks.close();
    io.stderr.write("bankhooks worker: stopped\n");
    return 0;
  },
};
