import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validators } from "../../lib/validate/validator";
import { toErrorPointers } from "../../lib/validate/to-error-pointers";
import { IBANFIRST_EVENT_TYPES } from "bankhooks";
import { buildIbanfirstDelivery, buildIbanfirstNotification, fixtures } from "bankhooks/testing";

const schemasDir = join(__dirname, "..", "..", "schemas");
const listJson = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listJson(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : []));

describe("schemas/", () => {
  test.each(listJson(schemasDir).map((file) => [file.slice(schemasDir.length + 1), file]))("%s has $schema, $id and a title", (_, file) => {
    const schema = JSON.parse(readFileSync(file, "utf8"));
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toMatch(/^https:\/\/bankhooks\.dev\/schemas\/.+\.json$/);
    expect(typeof schema.title).toBe("string");
  });

  test("the documentation's samples are valid", () => {
    expect(validators.validateBankConnectWebhook(fixtures.bankconnect.completed)).toBe(true);
    expect(validators.validateBankConnectWebhook(fixtures.bankconnect.failed)).toBe(true);
    expect(validators.validateIbanfirstDelivery(fixtures.ibanfirst.delivery)).toBe(true);
  });

  test("BankConnect: statement_id may be empty, link_id null, and extra fields are tolerated", () => {
    const payload = { ...fixtures.bankconnect.failed, statement_id: "", link_id: null, added_later: { x: 1 } };
    expect(validators.validateBankConnectWebhook(payload)).toBe(true);
  });

  test("BankConnect: what handlers rely on is required", () => {
    const { entity_id: _, ...payload } = fixtures.bankconnect.completed;
    expect(validators.validateBankConnectWebhook(payload)).toBe(false);
    expect(toErrorPointers(validators.validateBankConnectWebhook.errors)).toEqual([{ pointer: "/entity_id", message: "is required" }]);
    expect(validators.validateBankConnectWebhook({ ...fixtures.bankconnect.completed, link_id: 7 })).toBe(false);
  });

  test.each(IBANFIRST_EVENT_TYPES)("iBanFirst %s: a built notification is valid, its body is checked", (type) => {
    expect(validators.validateIbanfirstDelivery(buildIbanfirstDelivery([buildIbanfirstNotification(type)]))).toBe(true);
    const emptyBody = buildIbanfirstDelivery([{ ...buildIbanfirstNotification(type), body: {} } as never]);
    expect(validators.validateIbanfirstDelivery(emptyBody)).toBe(false);
    const pointers = toErrorPointers(validators.validateIbanfirstDelivery.errors).map((e) => e.pointer);
    expect(pointers.length).toBeGreaterThan(0);
    for (const pointer of pointers) expect(pointer).toMatch(/^\/notifications\/0\/body\//);
  });

  test("iBanFirst: undocumented types pass with any object body; the envelope fields are required", () => {
    const unknown = buildIbanfirstDelivery([{ notificationId: "n", type: "somethingNew", body: { anything: [1, 2] } } as never]);
    expect(validators.validateIbanfirstDelivery(unknown)).toBe(true);
    expect(validators.validateIbanfirstDelivery({ notifications: [] })).toBe(false);
    expect(validators.validateIbanfirstDelivery({ notifications: [{ type: "entityCreated", body: {} }] })).toBe(false);
    expect(toErrorPointers(validators.validateIbanfirstDelivery.errors)).toContainEqual({ pointer: "/notifications/0/notificationId", message: "is required" });
    expect(validators.validateIbanfirstDelivery({ ...fixtures.ibanfirst.delivery, date: "14/03/2026" })).toBe(false);
  });
});
