"use strict";
// The ceiling: node:http reading the body, JSON.parse, answering 200. Nothing checked, nothing remembered.
const { serve } = require("./serve");

serve((req, res) => {
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
