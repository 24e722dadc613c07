import { randomUUID } from "node:crypto";
import type { IbanfirstBodies } from "../generated/event-types";
import type { BankConnectWebhook, IbanfirstDelivery } from "../generated/schema-types";
import type { IbanfirstEventType, IbanfirstNotification } from "../types";

/** A valid BankConnect webhook; each call a new statement, so a new event id. */
export function buildBankConnectPayload(overrides: Partial<BankConnectWebhook> = {}): BankConnectWebhook {
  return {
    entity_id: randomUUID(),
    statement_id: randomUUID(),
    link_id: "link-1",
    progress: "completed",
    reason: "",
    ...overrides,
  };
}

const SAMPLE_BODIES: { [T in IbanfirstEventType]: () => IbanfirstBodies[T] } = {
  entityCreated: () => ({ companyId: id(), status: "pending", legalName: "Acme SAS" }),
  entityUpdated: () => ({ companyId: id(), status: "validated" }),
  transferCreated: () => ({ transferId: id(), companyId: id(), status: "created", amount: { value: "100.00", currency: "EUR" } }),
  transferReversed: () => ({ transferId: id(), companyId: id(), status: "reversed", reason: "Beneficiary account closed" }),
  transferUpdated: () => ({ transferId: id(), companyId: id(), status: "executed" }),
  documentUpdateStatus: () => ({ documentId: id(), companyId: id(), status: "accepted", documentType: "kbis" }),
  documentRequired: () => ({ companyId: id(), documentType: "proofOfAddress" }),
  "transaction refused": () => ({ transactionId: id(), companyId: id(), reason: "Insufficient funds" }),
};

/** A valid iBanFirst notification of a documented type, with a fresh notificationId. */
export function buildIbanfirstNotification<T extends IbanfirstEventType>(
  type: T,
  overrides: { notificationId?: string; item?: unknown; body?: Partial<IbanfirstBodies[T]> } = {},
): IbanfirstNotification<T> {
  const body = { ...SAMPLE_BODIES[type](), ...overrides.body } as IbanfirstBodies[T];
  return {
    notificationId: overrides.notificationId ?? id(),
    item: overrides.item ?? type,
    type,
    body,
  } as unknown as IbanfirstNotification<T>;
}

/** A valid iBanFirst delivery around these notifications (default: one transferCreated). */
export function buildIbanfirstDelivery(
  notifications: IbanfirstDelivery["notifications"] = [buildIbanfirstNotification("transferCreated")],
  overrides: Partial<Omit<IbanfirstDelivery, "notifications">> = {},
): IbanfirstDelivery {
  return { requestId: randomUUID(), date: formatIbanfirstDate(new Date()), notifications, ...overrides };
}

/** iBanFirst's envelope date: YYYY-MM-DD HH:MM:SS. */
export function formatIbanfirstDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

function id(): string {
  return Buffer.from(randomUUID()).toString("base64url").slice(0, 16);
}
