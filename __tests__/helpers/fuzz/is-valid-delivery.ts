import { isUtf8 } from "node:buffer";
import type { FamilyName } from "bankhooks";
import { validators } from "../../../lib/validate/validator";

const VALIDATE = { bankconnect: validators.validateBankConnectWebhook, ibanfirst: validators.validateIbanfirstDelivery };

/**
 * The oracle: whether `body` is a delivery bankhooks may hand to handlers (UTF-8 JSON object, no
 * prototype keys, within the notifications bound, matching the family's schema). Written apart from
 * the pipeline, so that a pipeline that lets through more than this is caught.
 */
export function isValidDelivery(family: FamilyName, body: string | Buffer, maxNotifications = 1000): boolean {
  if (Buffer.isBuffer(body) && !isUtf8(body)) return false;
  let value: unknown;
  try {
    value = JSON.parse(body.toString().replace(/^\uFEFF/, ""));
  } catch {
    return false;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value) || hasPrototypeKey(value)) return false;
  const notifications = (value as { notifications?: unknown }).notifications;
  if (family === "ibanfirst" && Array.isArray(notifications) && notifications.length > maxNotifications) return false;
  return VALIDATE[family](value);
}

function hasPrototypeKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(
    ([key, child]) =>
      key === "__proto__" ||
      (key === "constructor" && child !== null && typeof child === "object" && Object.hasOwn(child, "prototype")) ||
      hasPrototypeKey(child),
  );
}
