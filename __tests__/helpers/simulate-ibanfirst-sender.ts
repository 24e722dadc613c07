import http from "node:http";
import type { IbanfirstDelivery } from "bankhooks";
import { wsseHeader } from "bankhooks/testing";

export interface SimulatedSenderOptions {
  /** Where each attempt goes: one URL, or a choice per attempt (several receivers behind a balancer). */
  target: string | (() => string);
  credential: { username: string; secret: string };
  /** One hour of the sender's time, compressed into this many milliseconds. */
  hourMs: number;
  /** Retries after the first attempt: hourly for 3 days. */
  maxRetries?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
}

export interface SenderReport {
  deliveries: number;
  attempts: number;
  /** Answers by `<status> <error code>` ("ok" for 2xx; "network" when the request itself failed). */
  answers: Record<string, number>;
  /** The most attempts one delivery needed. */
  maxAttempts: number;
  /** requestIds of deliveries still refused after every retry: lost, from the sender's side. */
  givenUp: string[];
}

/**
 * iBanFirst's documented behaviour, time compressed: a delivery is POSTed with a fresh X-WSSE token per
 * attempt, and any answer but 2xx is retried once an hour, for 3 days (72 retries), then given up.
 */
export async function simulateIbanfirstSender(deliveries: IbanfirstDelivery[], options: SimulatedSenderOptions): Promise<SenderReport> {
  const report: SenderReport = { deliveries: deliveries.length, attempts: 0, answers: {}, maxAttempts: 0, givenUp: [] };
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency ?? 16 });
  const pickTarget = typeof options.target === "string" ? () => options.target as string : options.target;
  const queue = [...deliveries];

  async function deliver(delivery: IbanfirstDelivery): Promise<void> {
    const body = JSON.stringify(delivery);
    const maxAttempts = 1 + (options.maxRetries ?? 72);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      report.attempts++;
      report.maxAttempts = Math.max(report.maxAttempts, attempt);
      const headers = { "content-type": "application/json", "x-wsse": wsseHeader(options.credential) };
      const answer = await postOnce(agent, `${pickTarget()}/webhooks/ibanfirst`, body, headers);
      report.answers[answer] = (report.answers[answer] ?? 0) + 1;
      if (answer === "ok") return;
      await new Promise((resolve) => setTimeout(resolve, options.hourMs));
    }
    report.givenUp.push(delivery.requestId ?? "?");
  }

  try {
    await Promise.all(
      Array.from({ length: options.concurrency ?? 16 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await deliver(next);
      }),
    );
  } finally {
    agent.destroy();
  }
  return report;
}

/** "ok" for a 2xx, else `<status> <error code>`, or "network" when no answer came. */
function postOnce(agent: http.Agent, url: string, body: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", () => resolve("network"));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve("ok");
        let error = "?";
        try {
          error = JSON.parse(Buffer.concat(chunks).toString("utf8")).error ?? "?";
        } catch {
          // Not ours: counted as is.
        }
        resolve(`${status} ${error}`);
      });
    });
    req.on("error", () => resolve("network"));
    req.end(body);
  });
}
