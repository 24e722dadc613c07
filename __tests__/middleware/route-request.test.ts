// Which requests are bankhooks' own: `<mount>/bankconnect` and `<mount>/ibanfirst` (with or without
// a trailing slash, with any query), or the mount path itself with `{ family }`. Everything else goes
// to next() in Express, and gets a 404 JSON answer in plain node:http.

import type http from "node:http";
import type { FamilyName } from "bankhooks";
import { buildBankConnectPayload, buildIbanfirstDelivery } from "bankhooks/testing";
import { routeRequest } from "../../lib/middleware/route-request";
import { createWebhooks, recordHandler, TOKEN } from "../helpers/create-webhooks";
import { bankconnectCase, ibanfirstCase } from "../helpers/family-cases";
import { httpRequest, post } from "../helpers/http-client";
import { express, express4 } from "../helpers/mounting-variants";
import { closeServers, startServer } from "../helpers/start-server";

const BOTH = new Set<FamilyName>(["bankconnect", "ibanfirst"]);
const NOT_FOUND = { ok: false, error: "not_found", message: "No webhook endpoint here." };

afterEach(closeServers);

function fakeRequest(url: string, route?: unknown): http.IncomingMessage & { route?: unknown } {
  return { url, route } as http.IncomingMessage & { route?: unknown };
}

describe("routeRequest()", () => {
  test.each([
    ["/bankconnect", "bankconnect"],
    ["/ibanfirst", "ibanfirst"],
    ["/ibanfirst/", "ibanfirst"],
    ["/bankconnect/", "bankconnect"],
    ["/bankconnect?token=abc", "bankconnect"],
    ["/ibanfirst/?a=1", "ibanfirst"],
  ])("%s is %s", (url, family) => {
    expect(routeRequest(fakeRequest(url), {}, BOTH)?.family).toBe(family);
  });

  test.each(["/", "", "/other", "/bankconnect/extra", "/ibanfirst//", "//ibanfirst", "/ibanfirstx", "/bank", "/webhooks/ibanfirst"])(
    "%j is not ours",
    (url) => {
      expect(routeRequest(fakeRequest(url), {}, BOTH)).toBeUndefined();
    },
  );

  test("a family this Webhooks does not serve is not ours", () => {
    expect(routeRequest(fakeRequest("/ibanfirst"), {}, new Set<FamilyName>(["bankconnect"]))).toBeUndefined();
  });

  test("the query is handed over", () => {
    const route = routeRequest(fakeRequest("/bankconnect?token=abc&x=%20y"), {}, BOTH);
    expect(route?.query.get("token")).toBe("abc");
    expect(route?.query.get("x")).toBe(" y");
  });

  test("a missing url is treated as /", () => {
    expect(routeRequest({} as http.IncomingMessage, {}, BOTH)).toBeUndefined();
  });

  describe("with { path }", () => {
    test.each(["/webhooks", "/webhooks/", "/webhooks//"])("path %j serves <path>/<family>", (prefix) => {
      expect(routeRequest(fakeRequest("/webhooks/ibanfirst"), { path: prefix }, BOTH)?.family).toBe("ibanfirst");
      expect(routeRequest(fakeRequest("/webhooks/bankconnect/?token=t"), { path: prefix }, BOTH)?.family).toBe("bankconnect");
    });

    test.each(["/webhooksx/ibanfirst", "/ibanfirst", "/webhooks", "/webhooks/", "/other/webhooks/ibanfirst", "/api/webhooks/ibanfirst"])(
      "%j is not ours under /webhooks",
      (url) => {
        expect(routeRequest(fakeRequest(url), { path: "/webhooks" }, BOTH)).toBeUndefined();
      },
    );

    test("with { path, family }, the path itself is the endpoint", () => {
      const options = { path: "/hook", family: "ibanfirst" as const };
      expect(routeRequest(fakeRequest("/hook"), options, BOTH)?.family).toBe("ibanfirst");
      expect(routeRequest(fakeRequest("/hook/?x=1"), options, BOTH)?.family).toBe("ibanfirst");
      expect(routeRequest(fakeRequest("/hook/ibanfirst"), options, BOTH)).toBeUndefined();
      expect(routeRequest(fakeRequest("/hooks"), options, BOTH)).toBeUndefined();
    });
  });

  describe("with { family }", () => {
    test.each(["", "/", "/?token=t"])("the mount path itself (%j) is the endpoint", (url) => {
      expect(routeRequest(fakeRequest(url), { family: "bankconnect" }, BOTH)?.family).toBe("bankconnect");
    });

    test.each(["/other", "/bankconnect", "/ibanfirst"])("%j below the mount path is not ours", (url) => {
      expect(routeRequest(fakeRequest(url), { family: "bankconnect" }, BOTH)).toBeUndefined();
    });

    test('on an Express route that runs this handler (app.all("/bc/:id", …)), the routed path is the endpoint', () => {
      const handler = () => undefined;
      const route = { path: "/bc/:id", stack: [{ handle: () => undefined }, { handle: handler }] };
      expect(routeRequest(fakeRequest("/bc/acme", route), { family: "bankconnect" }, BOTH, handler)?.family).toBe("bankconnect");
    });

    test("an Express route left on req by an earlier route that called next() does not count", () => {
      const handler = () => undefined;
      const earlier = { path: "*", stack: [{ handle: () => undefined }] };
      expect(routeRequest(fakeRequest("/other", earlier), { family: "bankconnect" }, BOTH, handler)).toBeUndefined();
      expect(routeRequest(fakeRequest("/other", earlier), { family: "bankconnect" }, BOTH)).toBeUndefined();
    });
  });
});

describe("over HTTP: plain node:http", () => {
  test.each([
    "/",
    "/webhooks",
    "/webhooks/",
    "/webhooks/other",
    "/webhooks/bankconnect/x",
    "/webhooksx/ibanfirst",
    "/ibanfirst",
    "/favicon.ico",
  ])("%s gets 404 JSON and no handler runs", async (path) => {
    const webhooks = createWebhooks();
    const handler = recordHandler(webhooks);
    const { url } = await startServer(webhooks.middleware({ path: "/webhooks" }));
    for (const method of ["GET", "POST"]) {
      const res = await httpRequest(url, path, {
        method,
        headers: ibanfirstCase.headers(),
        body: method === "POST" ? buildIbanfirstDelivery() : undefined,
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(NOT_FOUND);
    }
    expect(handler.count()).toBe(0);
  });

  test("without { path }, /bankconnect and /ibanfirst are served at the root", async () => {
    const webhooks = createWebhooks();
    const { url } = await startServer(webhooks.middleware());
    expect((await post(url, "/bankconnect", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
    expect((await post(url, "/ibanfirst/", buildIbanfirstDelivery(), ibanfirstCase.headers())).status).toBe(200);
    expect((await post(url, "/webhooks/ibanfirst", buildIbanfirstDelivery(), ibanfirstCase.headers())).status).toBe(404);
  });

  test("{ path, family } serves one family at that path", async () => {
    const webhooks = createWebhooks();
    const { url } = await startServer(webhooks.middleware({ path: "/hook", family: "bankconnect" }));
    expect((await post(url, "/hook", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
    expect((await post(url, `/hook/?token=${TOKEN}`, buildBankConnectPayload(), { "content-type": "application/json" })).status).toBe(200);
    expect((await post(url, "/hook/bankconnect", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(404);
  });

  test("a family turned off (false) is not served", async () => {
    const webhooks = createWebhooks({ ibanfirst: false });
    const { url } = await startServer(webhooks.middleware());
    expect((await post(url, "/ibanfirst", buildIbanfirstDelivery(), ibanfirstCase.headers())).status).toBe(404);
    expect((await post(url, "/bankconnect", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
  });

  test("middleware({ family }) naming a family that is turned off throws at once", () => {
    const webhooks = createWebhooks({ bankconnect: false });
    expect(() => webhooks.middleware({ family: "bankconnect" })).toThrow(TypeError);
  });
});

describe.each([
  { name: "Express 5", lib: express },
  { name: "Express 4", lib: express4 },
])("over HTTP: $name", ({ lib }) => {
  /** A final route that shows a request went past bankhooks. */
  function fallThrough(app: ReturnType<typeof lib>): void {
    app.use((req: { originalUrl: string }, res: { status(code: number): { json(body: unknown): void } }) => {
      res.status(299).json({ passedOn: req.originalUrl });
    });
  }

  test.each(["/webhooks/other", "/webhooks", "/webhooks/", "/webhooks/ibanfirst/more", "/elsewhere"])(
    "%s goes to next(): a later route answers",
    async (path) => {
      const webhooks = createWebhooks();
      const handler = recordHandler(webhooks);
      const app = lib();
      app.use("/webhooks", webhooks.middleware());
      fallThrough(app);
      const { url } = await startServer(app);
      const res = await post(url, path, buildIbanfirstDelivery(), ibanfirstCase.headers());
      expect(res.status).toBe(299);
      expect(res.body).toEqual({ passedOn: path });
      expect(handler.count()).toBe(0);
    },
  );

  test("mounted in a sub-router, the nested path is served", async () => {
    const webhooks = createWebhooks();
    const app = lib();
    const router = lib.Router();
    router.use("/hooks", webhooks.middleware());
    app.use("/api", router);
    fallThrough(app);
    const { url } = await startServer(app);
    expect((await post(url, "/api/hooks/ibanfirst", buildIbanfirstDelivery(), ibanfirstCase.headers())).status).toBe(200);
    expect((await post(url, "/api/hooks/bankconnect/", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
    expect((await post(url, "/api/hooks/other", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(299);
  });

  test("app.use without a path: /bankconnect and /ibanfirst at the root, the rest passed on", async () => {
    const webhooks = createWebhooks();
    const app = lib();
    app.use(webhooks.middleware());
    fallThrough(app);
    const { url } = await startServer(app);
    expect((await post(url, "/bankconnect", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
    expect((await httpRequest(url, "/", { method: "GET" })).status).toBe(299);
  });

  describe("one family at the mount path", () => {
    async function familyApp(before?: (app: ReturnType<typeof lib>) => void) {
      const webhooks = createWebhooks();
      const handler = recordHandler(webhooks);
      const app = lib();
      before?.(app);
      app.use("/ibf", webhooks.middleware({ family: "ibanfirst" }));
      app.all("/bc", webhooks.middleware({ family: "bankconnect" }));
      app.post("/bc/:tenant", webhooks.middleware({ family: "bankconnect" }));
      fallThrough(app);
      const { url } = await startServer(app);
      return { url, handler };
    }

    test('app.use("/ibf") serves /ibf, /ibf/ and /ibf?x; /ibf/other goes to next()', async () => {
      const { url, handler } = await familyApp();
      for (const path of ["/ibf", "/ibf/", "/ibf?x=1"]) {
        expect((await post(url, path, buildIbanfirstDelivery(), ibanfirstCase.headers())).status).toBe(200);
      }
      const other = await post(url, "/ibf/other", buildIbanfirstDelivery(), ibanfirstCase.headers());
      expect(other.status).toBe(299);
      expect(handler.count()).toBe(3);
    });

    test('app.all("/bc") serves /bc, /bc/ and /bc?token=; a route with a parameter works too', async () => {
      const { url, handler } = await familyApp();
      expect((await post(url, "/bc", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
      expect((await post(url, "/bc/", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
      expect((await post(url, `/bc?token=${TOKEN}`, buildBankConnectPayload(), { "content-type": "application/json" })).status).toBe(200);
      expect((await post(url, "/bc/acme", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
      expect(handler.count()).toBe(4);
      // app.all serves every method, and bankhooks answers the ones it does not take.
      const get = await httpRequest(url, "/bc", { method: "GET" });
      expect(get.status).toBe(405);
      expect(get.headers.allow).toBe("POST");
    });

    test("a route matched earlier that called next() does not make /ibf/other look like the mount path", async () => {
      // e.g. a request logger: app.all("*", log). Express leaves req.route set after it calls next().
      const { url, handler } = await familyApp((app) => {
        app.all(lib === express ? "/{*any}" : "*", (_req: unknown, _res: unknown, next: () => void) => next());
      });
      const other = await post(url, "/ibf/other", buildIbanfirstDelivery(), ibanfirstCase.headers());
      expect(other.status).toBe(299);
      expect(handler.count()).toBe(0);
      // The endpoints themselves are still served.
      expect((await post(url, "/ibf", buildIbanfirstDelivery(), ibanfirstCase.headers())).status).toBe(200);
      expect((await post(url, "/bc", buildBankConnectPayload(), bankconnectCase.headers())).status).toBe(200);
    });
  });
});
