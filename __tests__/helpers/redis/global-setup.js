// Jest globalSetup: finds a Redis for the tests that need one and publishes its URL in
// BANKHOOKS_TEST_REDIS_URL. A private redis-server on a free port is preferred, so that tests never touch
// a service's data; the service on 6379 is the fallback. Plain JS: it runs before any transform.
const { spawn, execFileSync } = require("node:child_process");
const net = require("node:net");

module.exports = async function globalSetup() {
  if (process.env.BANKHOOKS_TEST_REDIS_URL) return;
  // Pretend no Redis can be had: how a test proves that CI fails rather than skips.
  if (process.env.BANKHOOKS_TEST_REDIS === "none") {
    process.env.BANKHOOKS_TEST_REDIS_MISSING = "BANKHOOKS_TEST_REDIS=none";
    return;
  }
  const binary = findRedisServer();
  if (binary) {
    const port = await freePort();
    const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"], {
      stdio: "ignore",
    });
    // Not keeping Jest alive: global-teardown.js stops it.
    child.unref();
    globalThis.__BANKHOOKS_REDIS__ = child;
    if (await waitForPing(port, 5000)) {
      process.env.BANKHOOKS_TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
      return;
    }
    child.kill("SIGKILL");
  }
  if (await waitForPing(6379, 500)) {
    process.env.BANKHOOKS_TEST_REDIS_URL = "redis://127.0.0.1:6379";
    return;
  }
  process.env.BANKHOOKS_TEST_REDIS_URL = "";
  process.env.BANKHOOKS_TEST_REDIS_MISSING = binary
    ? `redis-server (${binary}) did not start and nothing answers on 127.0.0.1:6379`
    : "no redis-server on PATH and nothing answers on 127.0.0.1:6379";
};

function findRedisServer() {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ping(port)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(300);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
