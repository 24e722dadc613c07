// An Express 5 app receiving BankConnect (FinBox) and iBanFirst webhooks.
//   npx tsx examples/server.ts      (IBF_USERNAME, IBF_SECRET, BC_TOKEN, PORT from the environment)
import express from "express";
import { Webhooks, type AnyWebhookEvent } from "bankhooks";

export interface AppConfig {
  /** iBanFirst X-WSSE credentials. Default: $IBF_USERNAME / $IBF_SECRET, else "demo" / "demo-secret". */
  ibanfirstUsername?: string;
  ibanfirstSecret?: string;
  /** BankConnect's shared token (x-secret-key header or ?token=). Default: $BC_TOKEN, else "demo-token". */
  bankconnectToken?: string;
  /** Where handlers write their log lines. Default: console.log. */
  log?: (line: string) => void;
}

/** One handler run: which handler, for which event. */
export interface HandlerRun {
  handler: string;
  event: string;
  id: string;
}

const DEFAULTS = { IBF_USERNAME: "demo", IBF_SECRET: "demo-secret", BC_TOKEN: "demo-token" };

export function createApp(config: AppConfig = {}) {
  const defaulted: string[] = [];
  const setting = (value: string | undefined, name: keyof typeof DEFAULTS) => {
    value ??= process.env[name] || undefined;
    if (value !== undefined) return value;
    defaulted.push(name);
    return DEFAULTS[name];
  };
  const username = setting(config.ibanfirstUsername, "IBF_USERNAME");
  const secret = setting(config.ibanfirstSecret, "IBF_SECRET");
  const token = setting(config.bankconnectToken, "BC_TOKEN");
  if (defaulted.length > 0) {
    console.warn(`examples/server: ${defaulted.join(", ")} not set; using the built-in demo values. Do not deploy this.`);
  }

  const log = config.log ?? console.log;
  const handled: HandlerRun[] = [];
  const ran = (handler: string, event: AnyWebhookEvent) => handled.push({ handler, event: event.name, id: event.id });

  const webhooks = new Webhooks({
    ibanfirst: { credentials: [{ username, secret }] },
    bankconnect: { token },
  });

  webhooks.on("bankconnect.completed", (event) => {
    ran("bankconnect.completed", event);
    log(`statement ${event.payload.statement_id} of entity ${event.payload.entity_id} is ready`);
  });
  webhooks.on("bankconnect.failed", (event) => {
    ran("bankconnect.failed", event);
    log(`statement of entity ${event.payload.entity_id} failed: ${event.payload.reason}`);
  });
  webhooks.on(["ibanfirst.transferCreated", "ibanfirst.transferUpdated"], (event) => {
    ran("ibanfirst.transfer", event);
    log(`transfer ${event.payload.body.transferId}: ${event.type} (${event.payload.body.status})`);
  });
  webhooks.on("ibanfirst.documentRequired", (event) => {
    ran("ibanfirst.documentRequired", event);
    log(`company ${event.payload.body.companyId} must send a ${event.payload.body.documentType ?? "document"}`);
  });
  // Every event, including types the bundled schemas do not document yet.
  webhooks.onAny((event) => {
    ran("onAny", event);
    log(`received ${event.name} ${event.id}${event.documented ? "" : " (undocumented type)"}`);
  });
  // A handler threw: bankhooks answers 500 and the sender retries; events already handled are skipped.
  webhooks.onError((error, event) => {
    ran("onError", event);
    console.error(`handling ${event.name} ${event.id} failed:`, error);
  });

  const app = express();
  // Works before or after express.json(); with nothing in front, bankhooks reads the body itself.
  app.use("/webhooks", webhooks.middleware());

  return { app, webhooks, handled };
}

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  createApp().app.listen(port, (error) => {
    if (error) throw error;
    console.log(`BankConnect: POST     http://localhost:${port}/webhooks/bankconnect`);
    console.log(`iBanFirst:   GET/POST http://localhost:${port}/webhooks/ibanfirst`);
  });
}
