"use strict";
// Run in a fresh process: prints the milliseconds from the first require to a ready receiver.
//   node startup-probe.js express     require("express") alone
//   node startup-probe.js bankhooks   require("bankhooks") and a constructed Webhooks
const start = process.hrtime.bigint();
if (process.argv[2] === "express") {
  require("express");
} else {
  const { Webhooks } = require("bankhooks");
  new Webhooks({ ibanfirst: { credentials: [{ username: "acme", secret: "s3cret" }] }, bankconnect: { token: "t0ken" } });
}
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
