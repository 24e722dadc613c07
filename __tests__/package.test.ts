import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..");

// What a user installs: the compiled dist/ behind package.json "exports", not the sources the other tests use.
test("the built package exposes bankhooks and bankhooks/testing", async () => {
  await run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: root });
  const script = `
    const { Webhooks, memoryStore, EVENT_NAMES } = require("bankhooks");
    const { fixtures, wsseHeader } = require("bankhooks/testing");
    const credential = { username: "u", secret: "s" };
    const webhooks = new Webhooks({ ibanfirst: { credentials: [credential] }, bankconnect: false, idempotency: memoryStore() });
    webhooks.receive("ibanfirst", fixtures.ibanfirst.delivery, { headers: { "x-wsse": wsseHeader(credential) } })
      .then((answer) => console.log(JSON.stringify({ status: answer.status, names: EVENT_NAMES.length })));
  `;
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: root });
  expect(JSON.parse(stdout)).toEqual({ status: 200, names: 10 });
}, 120_000);
