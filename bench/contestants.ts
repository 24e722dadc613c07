import type autocannon from "autocannon";
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { bankConnectBody, ibanfirstBody } from "./payloads";
import type { WsseTokenPool } from "./wsse-token-pool";
import secrets from "./servers/secrets.json";

/** One request as autocannon's `requests[]` takes it; setupRequest gives each send its fresh ids. */
export type BenchRequest = autocannon.Request;

export interface Contestant {
  id: string;
  label: string;
  /** Peers are what bankhooks is compared with; bankhooks contestants carry the targets. */
  kind: "peer" | "bankhooks";
  server: string;
  /** The request to send; `tokens` is given to contestants that need fresh X-WSSE tokens. */
  request(tokens?: WsseTokenPool): BenchRequest;
  needsWsse?: boolean;
}

const SERVERS = join(__dirname, "servers");
const JSON_HEADERS = { "content-type": "application/json" };
const BANKCONNECT = bankConnectBody();
const IBANFIRST = ibanfirstBody(10);

let lastId = 0;

/**
 * A fresh id per request, in the place of every `[<id>]` of the body. autocannon's own idReplacement would do
 * it, but its ids vary in length while it declares a fixed Content-Length, which hangs requests.
 */
function freshId(): string {
  // 27 characters, always: every request of a contestant has the same size.
  return `bench${String(++lastId).padStart(22, "0")}`;
}

function withFreshIds(template: BenchRequest, sign?: (request: BenchRequest, id: string) => void): BenchRequest {
  const body = String(template.body);
  return {
    ...template,
    setupRequest(request) {
      const id = freshId();
      request.body = body.replaceAll("[<id>]", id);
      sign?.(request, id);
      return request;
    },
  };
}

const plainPost = (path: string) => () => withFreshIds({ method: "POST", path, headers: JSON_HEADERS, body: BANKCONNECT });

const bankconnectDelivery = () =>
  withFreshIds({
    method: "POST",
    path: "/webhooks/bankconnect",
    headers: { ...JSON_HEADERS, "x-secret-key": secrets.bankconnectToken },
    body: BANKCONNECT,
  });

const ibanfirstDelivery = (tokens?: WsseTokenPool) => {
  if (!tokens) throw new Error("the iBanFirst contestants need a pool of X-WSSE tokens");
  return withFreshIds({ method: "POST", path: "/webhooks/ibanfirst", headers: JSON_HEADERS, body: IBANFIRST }, (request) => {
    (request.headers ??= {})["x-wsse"] = tokens.next();
  });
};

/** GitHub signs the body, so the signature is made after the id is in. */
const octokitDelivery = () =>
  withFreshIds({ method: "POST", path: "/webhooks/github", headers: JSON_HEADERS, body: BANKCONNECT }, (request, id) => {
    const signature = createHmac("sha256", secrets.octokitSecret).update(String(request.body)).digest("hex");
    Object.assign((request.headers ??= {}), { "x-github-event": "push", "x-github-delivery": id, "x-hub-signature-256": `sha256=${signature}` });
  });

export const BASELINES = { expressRoute: "express-json-route", bareNodeHttp: "bare-node-http" } as const;

export const CONTESTANTS: Contestant[] = [
  {
    id: "bare-node-http",
    label: "bare `node:http`: read body, `JSON.parse`, 200 (ceiling)",
    kind: "peer",
    server: join(SERVERS, "bare-node-http.js"),
    request: plainPost("/webhooks/bankconnect"),
  },
  {
    id: "octokit-node-http",
    label: "`@octokit/webhooks` middleware, HMAC verified, `node:http`",
    kind: "peer",
    server: join(SERVERS, "octokit-node-http.mjs"),
    request: octokitDelivery,
  },
  {
    id: "octokit-express",
    label: "`@octokit/webhooks` middleware in Express 5",
    kind: "peer",
    server: join(SERVERS, "octokit-express.mjs"),
    request: octokitDelivery,
  },
  {
    id: "express-json-route",
    label: "Express 5 + `express.json()` + route answering 200 (hand-written)",
    kind: "peer",
    server: join(SERVERS, "express-json-route.js"),
    request: plainPost("/webhooks/bankconnect"),
  },
  {
    id: "express-ceiling",
    label: "Express 5 + one middleware: read, `JSON.parse`, `writeHead` + `end` (Express ceiling)",
    kind: "peer",
    server: join(SERVERS, "express-ceiling.js"),
    request: plainPost("/webhooks/bankconnect"),
  },
  {
    id: "bankhooks-express-bankconnect",
    label: "(a) bankhooks in Express 5, BankConnect (token, schema, dedup, no-op handler)",
    kind: "bankhooks",
    server: join(SERVERS, "bankhooks-express.js"),
    request: bankconnectDelivery,
  },
  {
    id: "bankhooks-express-ibanfirst",
    label: "(b) bankhooks in Express 5, iBanFirst, 10 notifications, X-WSSE",
    kind: "bankhooks",
    server: join(SERVERS, "bankhooks-express.js"),
    request: ibanfirstDelivery,
    needsWsse: true,
  },
  {
    id: "bankhooks-node-http-bankconnect",
    label: "(c) bankhooks as the `node:http` handler, BankConnect",
    kind: "bankhooks",
    server: join(SERVERS, "bankhooks-node-http.js"),
    request: bankconnectDelivery,
  },
  {
    id: "bankhooks-node-http-ibanfirst",
    label: "(d) bankhooks as the `node:http` handler, iBanFirst, 10 notifications, X-WSSE",
    kind: "bankhooks",
    server: join(SERVERS, "bankhooks-node-http.js"),
    request: ibanfirstDelivery,
    needsWsse: true,
  },
];
