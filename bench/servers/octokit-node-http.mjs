// @octokit/webhooks' own node middleware on plain node:http: HMAC-SHA256 verified, parsed, dispatched.
import { Webhooks, createNodeMiddleware } from "@octokit/webhooks";
import bench from "./serve.js";

const webhooks = new Webhooks({ secret: bench.secrets.octokitSecret });
webhooks.on("push", () => {});
const middleware = createNodeMiddleware(webhooks, { path: "/webhooks/github" });
bench.serve((req, res) => {
  middleware(req, res, () => res.writeHead(404).end());
});
