import { resolve } from "node:path";
import type { Webhooks } from "../webhooks";
import { CliUsageError } from "./cli-usage-error";

/**
 * Loads the user's module that configures Webhooks (queue, store, handlers): its `webhooks` export or
 * its default export. Checked by shape, not instanceof: the module may load another copy of bankhooks.
 */
export function loadWebhooksModule(path: string): Webhooks {
  const file = resolve(path);
  let exported: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exported = require(file);
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === "MODULE_NOT_FOUND" && message?.includes(file)) throw new CliUsageError(`cannot find the module ${file}`);
    if (code === "ERR_UNKNOWN_FILE_EXTENSION" || /\.(m|c)?ts$/.test(file) && error instanceof SyntaxError) {
      throw new CliUsageError(`cannot load ${file} as JavaScript: compile it, or run with a TypeScript loader: NODE_OPTIONS="--import tsx" bankhooks …`);
    }
    throw error;
  }
  const candidate = [exported?.webhooks, exported?.default, (exported?.default as Record<string, unknown>)?.webhooks, exported].find(
    (value) => typeof (value as Partial<Webhooks> | undefined)?.startWorker === "function",
  );
  if (!candidate) {
    throw new CliUsageError(`${file} must export its Webhooks instance, as \`export const webhooks = new Webhooks({ … })\` or as the default export`);
  }
  return candidate as Webhooks;
}
