import { Webhooks, memoryQueue } from "bankhooks";
import { silentLogger } from "../helpers/silent-logger";
import { describeQueueModeBehaviours } from "../helpers/queue-mode-behaviours";

describe("memoryQueue", () => {
  describeQueueModeBehaviours({ queue: () => memoryQueue({ retry: { attempts: 3, delayMs: 20 } }) });

  test("queue mode options that do not go together are refused, naming the fix (for JavaScript callers)", () => {
    const create = (options: object) => () => new Webhooks({ logger: silentLogger, ...options } as never);
    expect(create({ ack: "queue" })).toThrow('ack: "queue" needs a queue: pass queue: bullmqQueue({ connection })');
    expect(create({ queue: memoryQueue() })).toThrow('a queue was passed without ack: "queue"');
    expect(create({ ack: "later" })).toThrow('ack must be "handlers" or "queue"');
    expect(create({ ack: "queue", queue: memoryQueue(), enqueueTimeoutMs: 0 })).toThrow("enqueueTimeoutMs must be a positive number");
  });

  test("worker, dead letters and replay need queue mode", async () => {
    const webhooks = new Webhooks({ logger: silentLogger });
    await expect(webhooks.startWorker()).rejects.toThrow('startWorker() needs queue mode: new Webhooks({ ack: "queue"');
    await expect(webhooks.deadLetters()).rejects.toThrow("deadLetters() needs queue mode");
    await expect(webhooks.replay("x")).rejects.toThrow("replay() needs queue mode");
  });

  test("refuses bad retry options with a clear message", () => {
    expect(() => memoryQueue({ retry: { attempts: 0 } })).toThrow(/retry.attempts/);
    expect(() => memoryQueue({ retry: { delayMs: -1 } })).toThrow(/retry.delayMs/);
  });
});
