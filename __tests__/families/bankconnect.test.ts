import { deriveBankConnectEventId } from "../../lib/families/bankconnect";
import { fixtures } from "bankhooks/testing";

describe("deriveBankConnectEventId", () => {
  const payload = fixtures.bankconnect.completed;

  test("is stable for the same payload, whatever the key order or added fields", () => {
    const reordered = Object.fromEntries(Object.entries(payload).reverse()) as typeof payload;
    expect(deriveBankConnectEventId(reordered)).toBe(deriveBankConnectEventId(payload));
    expect(deriveBankConnectEventId({ ...payload, added_later: true })).toBe(deriveBankConnectEventId(payload));
  });

  test("differs when any documented field differs", () => {
    const id = deriveBankConnectEventId(payload);
    for (const change of [{ entity_id: "x" }, { statement_id: "" }, { link_id: null }, { progress: "failed" }, { reason: "r" }]) {
      expect(deriveBankConnectEventId({ ...payload, ...change })).not.toBe(id);
    }
  });

  test("treats a missing reason like a null one, and keeps field boundaries", () => {
    const { reason: _, ...withoutReason } = payload;
    expect(deriveBankConnectEventId(withoutReason)).toBe(deriveBankConnectEventId({ ...payload, reason: null }));
    expect(deriveBankConnectEventId({ ...payload, entity_id: "ab", statement_id: "c" })).not.toBe(
      deriveBankConnectEventId({ ...payload, entity_id: "a", statement_id: "bc" }),
    );
  });
});
