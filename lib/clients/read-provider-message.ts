// Where each provider puts its words: BankConnect `detail` (Django REST framework), iBanFirst
// `errorMessage`, and the usual others.
const MESSAGE_FIELDS = ["detail", "errorMessage", "message", "error_description", "error"];
const MAX_LENGTH = 300;

/** The provider's own explanation in an error body, shortened; undefined when there is none. */
export function readProviderMessage(text: string): string | undefined {
  let message: string | undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "string") message = body;
    else if (body && typeof body === "object") {
      const record = body as Record<string, unknown>;
      const field = MESSAGE_FIELDS.find((name) => typeof record[name] === "string" && record[name] !== "");
      message = field === undefined ? JSON.stringify(body) : (record[field] as string);
    }
  } catch {
    // Not JSON: an HTML error page or a proxy's text.
    message = text;
  }
  message = message?.replace(/\s+/g, " ").trim();
  if (!message) return undefined;
  return message.length > MAX_LENGTH ? `${message.slice(0, MAX_LENGTH)}…` : message;
}
