// Fault injection: a simulated iBanFirst sender (retry any non-2xx hourly for 3 days, time compressed)
// delivers 10,000 notifications in batches of 1–20 to a receiver whose handlers throw on 30% of calls
// and outlast timeoutMs on 5%. At the end every notification was handled successfully exactly once.

import express from "express";
import { buildBatches } from "../helpers/fault-injection/build-batches";
import { createFlakyHandler } from "../helpers/fault-injection/create-flaky-handler";
import { CREDENTIAL, createWebhooks } from "../helpers/create-webhooks";
import { waitUntil } from "../helpers/deferred";
import { recordFigures } from "../helpers/record-figures";
import { simulateIbanfirstSender } from "../helpers/simulate-ibanfirst-sender";
import { closeServers, startServer } from "../helpers/start-server";

afterAll(closeServers);

const SEED = Number(process.env.FAULT_SEED) || 20260314;
const NOTIFICATIONS = Number(process.env.FAULT_NOTIFICATIONS) || 10_000;
const TIMEOUT_MS = 50;
// An hour of the sender's is 100 ms here: slow handlers take 60–300 ms, so most are over by the next
// attempt, and some are still running then (that retry gets 503 in_progress).
const HOUR_MS = 100;

test(`${NOTIFICATIONS} notifications through handlers that throw on 30% of calls and run past timeoutMs on 5%: none lost, none handled twice`, async () => {
  const webhooks = createWebhooks({ timeoutMs: TIMEOUT_MS, retryAfterSeconds: 3600 });
  const flaky = createFlakyHandler({ seed: SEED, throwRate: 0.3, slowRate: 0.05, slowMs: [TIMEOUT_MS + 10, 3 * HOUR_MS] });
  webhooks.onAny(flaky.handler);
  const app = express();
  app.use("/webhooks", webhooks.middleware());
  const { url } = await startServer(app);

  const deliveries = buildBatches(NOTIFICATIONS, SEED);
  const started = Date.now();
  const sender = await simulateIbanfirstSender(deliveries, { target: url, credential: CREDENTIAL, hourMs: HOUR_MS, concurrency: 64 });
  // A handler that outlasted its 503 may still be finishing its own event.
  await waitUntil(() => flaky.stats.running === 0, 10_000);

  const ids = deliveries.flatMap((delivery) => delivery.notifications.map((notification) => notification.notificationId));
  const lost = ids.filter((id) => !flaky.stats.succeeded.has(id));
  const twice = ids.filter((id) => (flaky.stats.succeeded.get(id) ?? 0) > 1);
  recordFigures("fault-injection-single-receiver", {
    seed: SEED,
    hourMs: HOUR_MS,
    timeoutMs: TIMEOUT_MS,
    notifications: ids.length,
    deliveries: sender.deliveries,
    attempts: sender.attempts,
    maxAttemptsOfOneDelivery: sender.maxAttempts,
    answers: sender.answers,
    handlerCalls: flaky.stats.calls,
    faultsInjected: { throws: flaky.stats.throws, pastTimeout: flaky.stats.slow },
    givenUp: sender.givenUp.length,
    eventsLost: lost.length,
    handledTwice: twice.length,
    overlappingRuns: flaky.stats.overlaps,
    durationMs: Date.now() - started,
  });

  expect(sender.givenUp).toEqual([]);
  expect(lost).toEqual([]);
  expect(twice).toEqual([]);
  expect(flaky.stats.overlaps).toBe(0);
  // The faults really happened, and each one cost a retry.
  expect(flaky.stats.throws).toBeGreaterThan(NOTIFICATIONS * 0.25);
  expect(flaky.stats.slow).toBeGreaterThan(NOTIFICATIONS * 0.03);
  expect(sender.answers["503 timeout"]).toBeGreaterThan(0);
  expect(sender.answers["500 handler_failed"]).toBeGreaterThan(0);
  // Nothing outside the status table, and never a bankhooks failure.
  expect(Object.keys(sender.answers).sort()).toEqual(expect.arrayContaining(["ok"]));
  for (const answer of Object.keys(sender.answers)) expect(["ok", "500 handler_failed", "503 timeout", "503 in_progress"]).toContain(answer);
}, 300_000);
