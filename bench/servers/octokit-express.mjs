// @octokit/webhooks' node middleware mounted in Express 5, as its README shows.
import express from "express";
import { Webhooks, createNodeMiddleware } from "@octokit/webhooks";
import bench from "./serve.js";

const webhooks = new Webhooks({ secret: bench.secrets.octokitSecret });
webhooks.on("push", () => {});
const app = express();
app.use(createNodeMiddleware(webhooks, { path: "/webhooks/github" }));
bench.serve(app);
