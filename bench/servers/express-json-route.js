"use strict";
// What users hand-write: Express 5, express.json(), a route answering 200.
const express = require("express");
const { serve } = require("./serve");

const app = express();
app.use(express.json());
app.post("/webhooks/bankconnect", (req, res) => {
  res.status(200).json({ ok: true });
});
serve(app);
