import { classifyAnswer } from "../../lib/reconcile/classify-answer";

describe("classifyAnswer", () => {
  test.each([
    [200, { ok: true, events: 1, duplicates: 0 }, "handled"],
    [200, { ok: true, events: 1, duplicates: 1 }, "skipped"],
    [200, { ok: true, events: 1, queued: true }, "queued"],
    [500, { ok: false, error: "handler_failed" }, "failed"],
    [503, { ok: false, error: "in_progress" }, "failed"],
    [400, { ok: false, error: "invalid_payload" }, "failed"],
    [401, undefined, "failed"],
    [204, undefined, "failed"],
  ])("HTTP %i %j → %s", (status, body, outcome) => {
    expect(classifyAnswer(status, body)).toBe(outcome);
  });
});
