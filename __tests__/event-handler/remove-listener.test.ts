import { Webhooks } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";

const silent = { warn() {}, error() {}, info() {}, debug() {} };

test("removeListener removes on() handlers by name and onAny() handlers by '*'", async () => {
  const webhooks = new Webhooks({ logger: silent });
  const named = jest.fn();
  const other = jest.fn();
  const any = jest.fn();
  webhooks.on(["bankconnect.completed", "bankconnect.failed"], named);
  webhooks.on("bankconnect.completed", other);
  webhooks.onAny(any);

  webhooks.removeListener("bankconnect.completed", named);
  webhooks.removeListener("*", any);
  await webhooks.receive("bankconnect", buildBankConnectPayload({ progress: "completed" }));
  expect(named).not.toHaveBeenCalled();
  expect(other).toHaveBeenCalledTimes(1);
  expect(any).not.toHaveBeenCalled();

  // Still registered for the name it was not removed from.
  await webhooks.receive("bankconnect", buildBankConnectPayload({ progress: "failed" }));
  expect(named).toHaveBeenCalledTimes(1);

  // Removing what is not there is a no-op.
  expect(() => webhooks.removeListener("ibanfirst.entityCreated", named)).not.toThrow();
});
