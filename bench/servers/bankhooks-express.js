"use strict";
// bankhooks mounted in Express 5 with app.use(), nothing in front of it.
const express = require("express");
const { createBankhooks } = require("./create-bankhooks");
const { serve } = require("./serve");

const app = express();
app.use("/webhooks", createBankhooks().middleware());
serve(app);
