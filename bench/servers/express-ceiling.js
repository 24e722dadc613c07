"use strict";
// The ceiling for any middleware inside Express: one middleware that reads the body, JSON.parses it and
// answers with writeHead + end, skipping Express's own response helpers.
const express = require("express");
const { serve } = require("./serve");

const app = express();
app.use("/webhooks", (req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
});
serve(app);
