"use strict";
// bankhooks as the whole request handler of a plain node:http server.
const { createBankhooks } = require("./create-bankhooks");
const { serve } = require("./serve");

serve(createBankhooks().middleware({ path: "/webhooks" }));
