"use strict";
// bankhooks as a user configures it, loaded from the built package (dist/), as users run it: both families
// authenticated, the default memoryStore, and a no-op handler on every event.
const { Webhooks } = require("bankhooks");
const { secrets } = require("./serve");

function createBankhooks() {
  const webhooks = new Webhooks({
    ibanfirst: { credentials: [secrets.ibanfirst] },
    bankconnect: { token: secrets.bankconnectToken },
  });
  webhooks.onAny(() => {});
  return webhooks;
}

module.exports = { createBankhooks };
