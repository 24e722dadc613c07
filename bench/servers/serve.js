"use strict";
// What every contestant's server shares: listen on a free port, tell the harness which, and report its own
// CPU time and memory when asked, so that the harness measures the server, not itself.

const secrets = require("./secrets.json");

/** Listens on 127.0.0.1 (a free port) and answers the harness's "stats" messages over IPC. */
function serve(handler) {
  const server = require("node:http").createServer(handler);
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send({ type: "listening", port: server.address().port }));
  process.on("message", (message) => {
    if (message?.type !== "stats") return;
    process.send({
      type: "stats",
      cpu: process.cpuUsage(),
      rssBytes: process.memoryUsage.rss(),
      peakRssBytes: peakRssBytes(),
    });
  });
  // The harness stops us with SIGTERM, or went away; exiting (not dying) lets --cpu-prof write its profile.
  process.on("SIGTERM", () => process.exit(0));
  process.on("disconnect", () => process.exit(0));
  return server;
}

/** The peak over the process's life, warm-up included. */
function peakRssBytes() {
  // Linux's VmHWM starts afresh at exec; getrusage's maxRSS would still count the harness that forked us.
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) * 1024;
  } catch {}
  return process.resourceUsage().maxRSS * 1024;
}

module.exports = { serve, secrets };
