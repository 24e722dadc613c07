import type { Authenticator } from "../auth/authenticator";
import type { Validator } from "../validate/validator";
import type { AnyWebhookEvent, Delivery, FamilyName, WebhooksOptions } from "../types";

/**
 * All that differs between providers: how to authenticate, which schema a delivery must match,
 * and how a delivery splits into events with stable ids. Adding a provider means one of these.
 */
export interface Family<Name extends FamilyName = FamilyName> {
  name: Name;
  /** HTTP methods served; GET and HEAD only authenticate (iBanFirst's endpoint check). */
  methods: readonly string[];
  /** Sent with 401 answers. */
  authScheme?: string;
  validate: Validator;
  /** The authenticator for these options, or undefined when none is configured. */
  createAuthenticator(options: Exclude<WebhooksOptions[Name], false | undefined>): Authenticator | undefined;
  /**
   * How many events a parsed (not yet validated) body would split into, so that a delivery over
   * `maxNotifications` is refused before the costly part: schema validation over every item. Default 1.
   */
  countEvents?(body: Record<string, unknown>): number;
  /** Splits a valid delivery into its events, in the order they must be handled. */
  toEvents(body: Record<string, unknown>, delivery: Delivery): AnyWebhookEvent[];
  /** What `delivery` records from a valid body besides headers and time. */
  describeDelivery?(body: Record<string, unknown>): Pick<Delivery, "requestId" | "date">;
}
