import type { BankConnectWebhook, IbanfirstDelivery } from "../generated/schema-types";

// The providers' documentation samples, made valid JSON (their pages show curly quotes, missing
// commas and a stray `Status` beside `status`): the shapes a real delivery has.

export const bankConnectCompleted: BankConnectWebhook = {
  entity_id: "8a1b3c2d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
  statement_id: "f2c1e0d9-b8a7-4c6d-9e5f-4a3b2c1d0e9f",
  link_id: "customer-42",
  progress: "completed",
  reason: "",
};

export const bankConnectFailed: BankConnectWebhook = {
  entity_id: "8a1b3c2d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
  statement_id: "",
  link_id: null,
  progress: "failed",
  reason: "Password protected statement, could not be opened",
};

export const ibanfirstDelivery: IbanfirstDelivery = {
  requestId: "c5f1b6a2-6b1e-4bde-9f6e-1f7c2f0e9a11",
  date: "2026-03-14 09:26:53",
  notifications: [
    {
      notificationId: "NjU1MzQ3OTA",
      item: "transfer",
      type: "transferCreated",
      body: {
        transferId: "NTQ0NTgzNjc",
        companyId: "MTIzNDU2",
        status: "created",
        amount: { value: "1250.00", currency: "EUR" },
        valueDate: "2026-03-14",
      },
    },
    {
      notificationId: "NjU1MzQ3OTE",
      item: "transfer",
      type: "transferUpdated",
      body: { transferId: "NTQ0NTgzNjc", companyId: "MTIzNDU2", status: "executed" },
    },
    {
      notificationId: "NjU1MzQ3OTI",
      item: "document",
      type: "documentRequired",
      body: { companyId: "MTIzNDU2", documentType: "proofOfAddress", reason: "Periodic review" },
    },
  ],
};

/** Deep copies, so that a test changing one cannot change another's. */
export const fixtures = {
  bankconnect: {
    get completed(): BankConnectWebhook {
      return structuredClone(bankConnectCompleted);
    },
    get failed(): BankConnectWebhook {
      return structuredClone(bankConnectFailed);
    },
  },
  ibanfirst: {
    get delivery(): IbanfirstDelivery {
      return structuredClone(ibanfirstDelivery);
    },
  },
};
