import { memoryQueue } from "bankhooks";
import { describeQueueModeBehaviours } from "../helpers/queue-mode-behaviours";

describe("memoryQueue", () => {
  describeQueueModeBehaviours({ queue: () => memoryQueue({ retry: { attempts: 3, delayMs: 20 } }) });

  test("refuses bad retry options with a clear message", () => {
    expect(() => memoryQueue({ retry: { attempts: 0 } })).toThrow(/retry.attempts/);
    expect(() => memoryQueue({ retry: { delayMs: -1 } })).toThrow(/retry.delayMs/);
  });
});
