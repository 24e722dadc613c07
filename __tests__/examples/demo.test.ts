import request from "supertest";
import { fixtures } from "bankhooks/testing";
import { runDemo } from "../../examples/demo";
import { createApp } from "../../examples/server";

describe("examples/demo", () => {
  it("answers every sample delivery as the demo expects", async () => {
    const rows = await runDemo();

    for (const row of rows) {
      expect({ request: row.request, status: row.status, handlers: row.handlers.length, detail: row.detail }).toEqual({
        request: row.request,
        status: row.expectedStatus,
        handlers: row.expectedHandlers,
        detail: row.expectedDetail,
      });
      expect(row.ok).toBe(true);
    }
    // The expectations themselves, so that the demo cannot drift by editing them alone.
    expect(rows.map((row) => [row.request, row.expectedStatus, row.expectedHandlers])).toEqual([
      ["POST bankconnect completed", 200, 2],
      ["POST bankconnect failed", 200, 2],
      ["POST ibanfirst 3 notifications", 200, 6],
      ["POST ibanfirst same again (retry)", 200, 0],
      ["GET  ibanfirst handshake", 200, 0],
      ["POST ibanfirst wrong WSSE secret", 401, 0],
      ["POST ibanfirst no transferId", 400, 0],
    ]);
    expect(rows[3].detail).toBe("events 3, duplicates 3");
    expect(rows[6].detail).toBe("/notifications/0/body/transferId is required");
  });
});

describe("examples/server createApp()", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of ["IBF_USERNAME", "IBF_SECRET", "BC_TOKEN"]) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
    jest.restoreAllMocks();
  });

  it("runs on its built-in defaults, says so, and answers a BankConnect POST with 200", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    const log = jest.spyOn(console, "log").mockImplementation(() => {});
    const { app, handled } = createApp();

    expect(warn).toHaveBeenCalledWith(expect.stringContaining("IBF_USERNAME, IBF_SECRET, BC_TOKEN not set"));
    const response = await request(app)
      .post("/webhooks/bankconnect")
      .set("x-secret-key", "demo-token")
      .send(fixtures.bankconnect.completed);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, events: 1, duplicates: 0 });
    expect(handled.map((run) => run.handler)).toEqual(["bankconnect.completed", "onAny"]);
    expect(log).toHaveBeenCalled();
  });

  it("takes its token from BC_TOKEN, without the defaults warning for it", async () => {
    process.env.BC_TOKEN = "from-env";
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    const { app } = createApp({ log: () => {} });

    expect(warn).toHaveBeenCalledWith(expect.not.stringContaining("BC_TOKEN"));
    await request(app).post("/webhooks/bankconnect").set("x-secret-key", "demo-token").send(fixtures.bankconnect.completed).expect(401);
    await request(app).post("/webhooks/bankconnect").set("x-secret-key", "from-env").send(fixtures.bankconnect.completed).expect(200);
  });
});
