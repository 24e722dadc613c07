import { safeEqual } from "../../lib/auth/safe-equal";

test("safeEqual compares values of any length", () => {
  expect(safeEqual("secret", "secret")).toBe(true);
  expect(safeEqual("secret", "secreT")).toBe(false);
  expect(safeEqual("secret", "secret-longer")).toBe(false);
  expect(safeEqual("", "")).toBe(true);
});
