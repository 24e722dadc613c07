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

// Runs after the build above. A user of the single-process default installs neither ioredis nor bullmq:
// the package must not load them, and must name the package to install when a feature needs it.
test("ioredis and bullmq load only when used; when missing, the error names the package to install", async () => {
  const script = `
    const Module = require("node:module");
    const resolve = Module._resolveFilename;
    // As if they were not installed.
    Module._resolveFilename = function (request, ...rest) {
      if (request === "ioredis" || request === "bullmq") {
        throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: "MODULE_NOT_FOUND" });
      }
      return resolve.call(this, request, ...rest);
    };
    const { Webhooks, redisStore, bullmqQueue, memoryQueue } = require("bankhooks");
    const quiet = { warn() {} };
    new Webhooks({ logger: quiet });
    new Webhooks({ ack: "queue", queue: memoryQueue(), logger: quiet });
    const result = { loaded: Object.keys(require.cache).filter((file) => /node_modules[\\\\/](ioredis|bullmq)[\\\\/]/.test(file)) };
    try { redisStore({ url: "redis://127.0.0.1:1" }); } catch (error) { result.store = error.message; }
    const queued = new Webhooks({ ack: "queue", queue: bullmqQueue({ connection: "redis://127.0.0.1:1" }), logger: quiet });
    queued.startWorker().catch((error) => {
      result.queue = error.message;
      console.log(JSON.stringify(result));
    });
  `;
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: root });
  expect(JSON.parse(stdout)).toEqual({
    loaded: [],
    store: 'bankhooks: redisStore() needs the optional package "ioredis", which is not installed. Run: npm install ioredis',
    queue: 'bankhooks: bullmqQueue() needs the optional package "bullmq", which is not installed. Run: npm install bullmq',
  });
}, 60_000);
