// `npm run demo`: starts examples/server.ts on a free port, sends it sample deliveries as the
// providers would, and prints what each got back and which handlers ran. Exits 1 if anything differs.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AnswerBody } from "bankhooks";
import { bankConnectHeaders, buildIbanfirstDelivery, buildIbanfirstNotification, fixtures, wsseHeader } from "bankhooks/testing";
import { createApp, type HandlerRun } from "./server";

const credential = { username: "demo", secret: "demo-secret" };
const token = "demo-token";

interface Sample {
  request: string;
  method: "GET" | "POST";
  path: "/webhooks/bankconnect" | "/webhooks/ibanfirst";
  /** Built at send time: every X-WSSE token is fresh, as the sender's would be. */
  headers: () => Record<string, string>;
  body?: unknown;
  expected: { status: number; handlers: number; detail: string };
}

export interface DemoRow {
  request: string;
  status: number;
  expectedStatus: number;
  /** The handlers this request ran, in order. */
  handlers: string[];
  expectedHandlers: number;
  /** The answer, in short: events and duplicates, the handshake, the error, or the pointers of an invalid payload. */
  detail: string;
  expectedDetail: string;
  ok: boolean;
}

function samples(): Sample[] {
  const ibanfirstJson = () => ({ "content-type": "application/json", "x-wsse": wsseHeader(credential) });
  const delivery = fixtures.ibanfirst.delivery;

  // A transferCreated notification without its transferId: the whole delivery is refused.
  const invalid = buildIbanfirstDelivery([buildIbanfirstNotification("transferCreated")]);
  delete (invalid.notifications[0].body as { transferId?: string }).transferId;

  return [
    {
      request: "bankconnect completed",
      method: "POST",
      path: "/webhooks/bankconnect",
      headers: () => bankConnectHeaders(token),
      body: fixtures.bankconnect.completed,
      expected: { status: 200, handlers: 2, detail: "events 1, duplicates 0" },
    },
    {
      request: "bankconnect failed",
      method: "POST",
      path: "/webhooks/bankconnect",
      headers: () => bankConnectHeaders(token),
      body: fixtures.bankconnect.failed,
      expected: { status: 200, handlers: 2, detail: "events 1, duplicates 0" },
    },
    {
      request: `ibanfirst ${delivery.notifications.length} notifications`,
      method: "POST",
      path: "/webhooks/ibanfirst",
      headers: ibanfirstJson,
      body: delivery,
      expected: { status: 200, handlers: 6, detail: "events 3, duplicates 0" },
    },
    {
      request: "ibanfirst same again (retry)",
      method: "POST",
      path: "/webhooks/ibanfirst",
      headers: ibanfirstJson,
      body: delivery,
      expected: { status: 200, handlers: 0, detail: "events 3, duplicates 3" },
    },
    {
      request: "ibanfirst handshake",
      method: "GET",
      path: "/webhooks/ibanfirst",
      headers: () => ({ "x-wsse": wsseHeader(credential) }),
      expected: { status: 200, handlers: 0, detail: "handshake" },
    },
    {
      request: "ibanfirst wrong WSSE secret",
      method: "POST",
      path: "/webhooks/ibanfirst",
      headers: () => ({ "content-type": "application/json", "x-wsse": wsseHeader({ ...credential, secret: "wrong-secret" }) }),
      body: buildIbanfirstDelivery(),
      expected: { status: 401, handlers: 0, detail: "unauthorized" },
    },
    {
      request: "ibanfirst no transferId",
      method: "POST",
      path: "/webhooks/ibanfirst",
      headers: ibanfirstJson,
      body: invalid,
      expected: { status: 400, handlers: 0, detail: "/notifications/0/body/transferId is required" },
    },
  ];
}

/** Runs every sample against a fresh app on 127.0.0.1 and a free port; the server is closed before it resolves. */
export async function runDemo(options: { log?: (line: string) => void } = {}): Promise<DemoRow[]> {
  const { app, handled } = createApp({
    ibanfirstUsername: credential.username,
    ibanfirstSecret: credential.secret,
    bankconnectToken: token,
    log: options.log ?? (() => {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, "127.0.0.1", (error) => (error ? reject(error) : resolve(listening)));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    const rows: DemoRow[] = [];
    for (const sample of samples()) {
      const before = handled.length;
      const response = await fetch(base + sample.path, {
        method: sample.method,
        headers: sample.headers(),
        body: sample.body === undefined ? undefined : JSON.stringify(sample.body),
      });
      const detail = describe((await response.json()) as AnswerBody);
      // Handlers have all finished when the answer is sent, so the log is complete for this request.
      const handlers = handled.slice(before).map((run: HandlerRun) => run.handler);
      rows.push({
        request: `${sample.method.padEnd(4)} ${sample.request}`,
        status: response.status,
        expectedStatus: sample.expected.status,
        handlers,
        expectedHandlers: sample.expected.handlers,
        detail,
        expectedDetail: sample.expected.detail,
        ok:
          response.status === sample.expected.status &&
          handlers.length === sample.expected.handlers &&
          detail === sample.expected.detail,
      });
    }
    return rows;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function describe(body: AnswerBody): string {
  if (body.ok) {
    if ("handshake" in body) return "handshake";
    return "queued" in body ? `queued ${body.events}` : `events ${body.events}, duplicates ${body.duplicates}`;
  }
  // The status says what went wrong; for an invalid payload, the pointers say where.
  return body.errors?.map((error) => `${error.pointer} ${error.message}`).join("; ") || body.error;
}

/** "6  transfer ×2, documentRequired, onAny ×3": how many ran, then which (the family is the request's). */
function summarize(handlers: string[]): string {
  const counts = new Map<string, number>();
  for (const handler of handlers) {
    const name = handler.replace(/^\w+\./, "");
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts]
    .sort(([a], [b]) => Number(a === "onAny") - Number(b === "onAny"))
    .map(([name, count]) => (count > 1 ? `${name} ×${count}` : name));
  return `${handlers.length}  ${names.join(", ")}`.trimEnd();
}

export function formatTable(rows: DemoRow[]): string {
  const header = ["", "request", "status", "handlers run", "answer"];
  const cells = rows.map((row) => [
    row.ok ? "ok" : "!!",
    row.request,
    row.status === row.expectedStatus ? String(row.status) : `${row.status} (expected ${row.expectedStatus})`,
    row.handlers.length === row.expectedHandlers
      ? summarize(row.handlers)
      : `${summarize(row.handlers)} (expected ${row.expectedHandlers})`,
    row.detail === row.expectedDetail ? row.detail : `${row.detail} (expected ${row.expectedDetail})`,
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...cells.map((line) => line[i].length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
  console.log("Sending sample deliveries to examples/server.ts ...\n");
  const rows = await runDemo({ log: (line) => console.log(`  [handler] ${line}`) });
  console.log(`\n${formatTable(rows)}\n`);
  const differing = rows.filter((row) => !row.ok).length;
  console.log(differing === 0 ? `All ${rows.length} requests answered as expected.` : `${differing} of ${rows.length} requests did not answer as expected.`);
  process.exitCode = differing === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
