// The bodies every contestant receives. `[<id>]` is autocannon's idReplacement placeholder: each request
// gets a fresh id there, so bankhooks' deduplication remembers a new event every time.

/** A BankConnect webhook of about 1 KB: the documented fields, plus the kind of extra fields providers add. */
export function bankConnectBody(): string {
  return JSON.stringify({
    entity_id: "[<id>]",
    statement_id: "f2c1e0d9-b8a7-4c6d-9e5f-4a3b2c1d0e9f",
    link_id: "customer-42",
    progress: "completed",
    reason: "",
    // Not in the schema (extra properties are allowed): they bring the body to the ~1 KB the peers receive.
    account: {
      bank_name: "Banque Populaire Auvergne Rhone Alpes",
      account_number: "FR7612345987650123456789014",
      account_category: "individual",
      currency: "EUR",
      months: ["2026-01", "2026-02", "2026-03"],
    },
    statement: {
      source: "pdf",
      pages: 12,
      transactions: 248,
      opening_balance: "10234.55",
      closing_balance: "12873.10",
      period: { from: "2026-01-01", to: "2026-03-31" },
      fraud: { suspicious: false, reasons: [] },
    },
    identity: {
      name: "Jeanne Dupont",
      address: "12 rue de la Republique, 69002 Lyon, France",
      email: "jeanne.dupont@example.com",
      phone: "+33 4 78 00 00 00",
    },
    webhook_version: "v1",
    sent_at: "2026-03-14T09:26:53Z",
    metadata: { customer_reference: "cust-00042", team: "underwriting", tags: ["retail", "priority", "q1-review"] },
    notes: "Extraction completed for all uploaded statements; categorisation run with model v7.",
  });
}

const TYPES = ["transferCreated", "transferUpdated", "documentRequired", "entityUpdated", "transferReversed"] as const;

/** An iBanFirst delivery of `count` notifications of mixed documented types, each with a fresh notificationId. */
export function ibanfirstBody(count = 10): string {
  const notifications = Array.from({ length: count }, (_, index) => ibanfirstNotification(TYPES[index % TYPES.length], index));
  return JSON.stringify({ requestId: "[<id>]", date: "2026-03-14 09:26:53", notifications });
}

function ibanfirstNotification(type: (typeof TYPES)[number], index: number) {
  const notificationId = `[<id>]-${index}`;
  const companyId = "MTIzNDU2";
  switch (type) {
    case "transferCreated":
      return { notificationId, item: "transfer", type, body: { transferId: `NTQ0NTgz${index}`, companyId, status: "created", amount: { value: "1250.00", currency: "EUR" }, valueDate: "2026-03-14" } };
    case "transferUpdated":
      return { notificationId, item: "transfer", type, body: { transferId: `NTQ0NTgz${index}`, companyId, status: "executed" } };
    case "transferReversed":
      return { notificationId, item: "transfer", type, body: { transferId: `NTQ0NTgz${index}`, companyId, status: "reversed", reason: "Beneficiary account closed" } };
    case "documentRequired":
      return { notificationId, item: "document", type, body: { companyId, documentType: "proofOfAddress", reason: "Periodic review" } };
    case "entityUpdated":
      return { notificationId, item: "entity", type, body: { companyId, status: "validated" } };
  }
}

/** The same bytes with the placeholder filled, for the micro-benchmarks that run without autocannon. */
export function fillIds(body: string, id: string): string {
  return body.replaceAll("[<id>]", id);
}
