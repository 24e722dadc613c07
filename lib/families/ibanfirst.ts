import { createWsseVerifier } from "../auth/verify-wsse";
import { IBANFIRST_EVENT_TYPES } from "../generated/event-types";
import type { IbanfirstDelivery } from "../generated/schema-types";
import type { AnyWebhookEvent } from "../types";
import { validators } from "../validate/validator";
import type { Family } from "./family";

const DOCUMENTED = new Set<string>(IBANFIRST_EVENT_TYPES);

export const ibanfirst: Family<"ibanfirst"> = {
  name: "ibanfirst",
  // GET (and HEAD) carry X-WSSE only: iBanFirst checks an endpoint with them before using it.
  methods: ["GET", "HEAD", "POST"],
  authScheme: 'WSSE realm="bankhooks", profile="UsernameToken"',
  validate: validators.validateIbanfirstDelivery,
  createAuthenticator(options) {
    const credentials = options.credentials ?? [];
    return credentials.length > 0 ? createWsseVerifier({ ...options, credentials }) : undefined;
  },
  countEvents(body) {
    return Array.isArray(body.notifications) ? body.notifications.length : 0;
  },
  describeDelivery(body) {
    const { requestId, date } = body as IbanfirstDelivery;
    return { requestId, date };
  },
  toEvents(body, delivery) {
    return (body as IbanfirstDelivery).notifications.map(
      (notification) =>
        ({
          id: notification.notificationId,
          name: `ibanfirst.${notification.type}`,
          family: "ibanfirst",
          type: notification.type,
          documented: DOCUMENTED.has(notification.type),
          payload: notification,
          delivery,
        }) as AnyWebhookEvent,
    );
  },
};
