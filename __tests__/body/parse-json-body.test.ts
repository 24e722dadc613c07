// Turning whatever the body is (the bytes bankhooks read, a string from express.text(), an object
// from express.json()) into a plain JSON object, or a 400.

import { buildBankConnectPayload } from "bankhooks/testing";
import { parseJsonBody } from "../../lib/body/parse-json-body";
import { AnswerError } from "../../lib/pipeline/answers";
import { createWebhooks, recordHandler, TOKEN } from "../helpers/create-webhooks";
import { post } from "../helpers/http-client";
import { MOUNTING_VARIANTS } from "../helpers/mounting-variants";
import { closeServers, startServer } from "../helpers/start-server";

afterEach(closeServers);

/** The 400 message parseJsonBody refuses `body` with, or "ok" with the value it returns. */
function outcome(body: Buffer | string | object): string {
  try {
    parseJsonBody(body);
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(AnswerError);
    const { answer } = error as AnswerError;
    expect(answer.status).toBe(400);
    return answer.body.ok ? "?" : answer.body.message;
  }
}

const NOT_JSON = "The body is not valid JSON.";
const NOT_OBJECT = "The body must be a JSON object.";
const EMPTY = "The body is empty.";
const NOT_UTF8 = "The body is not valid UTF-8.";
const FORBIDDEN = "The body has a forbidden key (__proto__ or constructor.prototype).";

describe("parseJsonBody()", () => {
  describe.each([
    { kind: "Buffer", as: (text: string) => Buffer.from(text) },
    { kind: "string", as: (text: string) => text },
  ])("from a $kind", ({ as }) => {
    test.each([
      ['{"a":1}', "ok"],
      ['  {"a":[1,2,{"b":null}]}\n', "ok"],
      ['{"emoji":"💶","accent":"é","escaped":"\\u00e9"}', "ok"],
      ['{"constructor":{"name":"fine"}}', "ok"],
      ['\uFEFF{"bom":true}', "ok"],
      ["", EMPTY],
      ["   \r\n\t", EMPTY],
      ["\uFEFF", EMPTY],
      ["{", NOT_JSON],
      ["{'a':1}", NOT_JSON],
      ['{"a":1}{"b":2}', NOT_JSON],
      ['{"a":1,}', NOT_JSON],
      ["undefined", NOT_JSON],
      ["[]", NOT_OBJECT],
      ['[{"a":1}]', NOT_OBJECT],
      ["42", NOT_OBJECT],
      ["-0.5e3", NOT_OBJECT],
      ["null", NOT_OBJECT],
      ["true", NOT_OBJECT],
      ['"a string"', NOT_OBJECT],
      ['{"__proto__":{"polluted":1}}', FORBIDDEN],
      ['{"a":{"b":[{"__proto__":{}}]}}', FORBIDDEN],
      ['{"constructor":{"prototype":{"polluted":1}}}', FORBIDDEN],
    ])("%j → %s", (text, expected) => {
      expect(outcome(as(text))).toBe(expected);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  test("the object parsed from bytes is the JSON, key for key", () => {
    expect(parseJsonBody(Buffer.from('{"a":{"b":[1,"x",null]},"c":"é"}'))).toEqual({ a: { b: [1, "x", null] }, c: "é" });
  });

  test.each([
    ["a lone continuation byte", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d]],
    ["a truncated sequence", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]],
    ["an overlong encoding", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]],
    ["0xFF", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]],
    ["an encoded surrogate", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]],
    ["latin-1 text", [...Buffer.from('{"a":"caf', "latin1"), 0xe9, 0x22, 0x7d]],
  ])("bytes with %s are not UTF-8", (_what, bytes) => {
    expect(outcome(Buffer.from(bytes))).toBe(NOT_UTF8);
  });

  describe("from an object a body parser made", () => {
    test("a plain object is handed over as it is", () => {
      const body = { a: 1 };
      expect(parseJsonBody(body)).toBe(body);
    });

    test("an object without a prototype is fine", () => {
      const body = Object.assign(Object.create(null), { a: 1 });
      expect(outcome(body)).toBe("ok");
    });

    test.each([
      ["an array", [1, 2]],
      ["an empty array", []],
    ])("%s is not an object", (_what, body) => {
      expect(outcome(body)).toBe(NOT_OBJECT);
    });

    test("a __proto__ key that JSON.parse made an own property is refused", () => {
      expect(outcome(JSON.parse('{"a":1,"__proto__":{"polluted":1}}'))).toBe(FORBIDDEN);
      expect(outcome(JSON.parse('{"a":[{"__proto__":{"polluted":1}}]}'))).toBe(FORBIDDEN);
      expect(outcome(JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'))).toBe(FORBIDDEN);
    });
  });
});

// Over HTTP the body reaches parseJsonBody as bytes (no parser before bankhooks), as a string
// (express.text() before) or as an object (express.json() before).
const PARSER_VARIANTS = MOUNTING_VARIANTS.filter(
  (variant) => variant.express === 5 && variant.layout === "prefix" && ["none", "text-before", "json-before"].includes(variant.parser),
);

describe.each(PARSER_VARIANTS.map((variant) => ({ ...variant, label: variant.name })))("over HTTP: $label", (variant) => {
  async function setup() {
    const webhooks = createWebhooks();
    const handler = recordHandler(webhooks);
    const mounted = variant.mount(webhooks);
    const { url } = await startServer(mounted.listener);
    return { url, path: mounted.paths.bankconnect, handler };
  }
  const headers = { "content-type": "application/json", "x-secret-key": TOKEN };
  const valid = () => JSON.stringify(buildBankConnectPayload());

  test.each([
    ["__proto__ at the top", (text: string) => `{"__proto__":{"polluted":"yes"},${text.slice(1)}`],
    ["__proto__ nested", (text: string) => `${text.slice(0, -1)},"meta":[{"__proto__":{"polluted":"yes"}}]}`],
    ["constructor.prototype", (text: string) => `${text.slice(0, -1)},"constructor":{"prototype":{"polluted":"yes"}}}`],
  ])("%s gets 400, no handler runs, Object.prototype stays clean", async (_what, attack) => {
    const { url, path, handler } = await setup();
    const res = await post(url, path, attack(valid()), headers);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, error: "bad_request", message: FORBIDDEN });
    expect(handler.count()).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  test("an array gets 400", async () => {
    const { url, path } = await setup();
    const res = await post(url, path, `[${valid()}]`, headers);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: "bad_request" });
  });

  test("a body led by a UTF-8 byte order mark is accepted", async () => {
    const { url, path, handler } = await setup();
    const res = await post(url, path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid())]), headers);
    expect(res.status).toBe(200);
    expect(handler.count()).toBe(1);
  });

  test("a harmless key named constructor is accepted", async () => {
    const { url, path, handler } = await setup();
    const res = await post(url, path, `${valid().slice(0, -1)},"constructor":{"name":"x"}}`, headers);
    expect(res.status).toBe(200);
    expect(handler.count()).toBe(1);
  });
});
