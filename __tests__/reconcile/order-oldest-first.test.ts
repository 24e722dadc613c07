import type { BankConnectStoredPayload } from "bankhooks";
import { buildBankConnectPayload } from "bankhooks/testing";
import { orderOldestFirst } from "../../lib/reconcile/order-oldest-first";

const at = (statement_id: string, date_time: string): BankConnectStoredPayload => ({ ...buildBankConnectPayload({ statement_id }), date_time });

describe("orderOldestFirst", () => {
  test("reverses BankConnect's newest-first list", () => {
    const newestFirst = [at("c", "2020-03-06 12:46:33"), at("b", "2020-03-06 09:00:00"), at("a", "2019-12-31 23:59:59")];
    expect(orderOldestFirst(newestFirst).map((p) => p.statement_id)).toEqual(["a", "b", "c"]);
    expect(newestFirst.map((p) => p.statement_id)).toEqual(["c", "b", "a"]);
  });

  test("payloads of the same second keep the provider's order, reversed; a misplaced one is put in its place", () => {
    const listed = [at("d", "2020-03-06 12:00:01"), at("c", "2020-03-06 12:00:00"), at("early", "2020-01-01 00:00:00"), at("b", "2020-03-06 12:00:00")];
    expect(orderOldestFirst(listed).map((p) => p.statement_id)).toEqual(["early", "b", "c", "d"]);
  });
});
