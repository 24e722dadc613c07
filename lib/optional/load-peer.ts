/** The optional peer dependencies: a user of the single-process default installs none of them. */
export type PeerName = "ioredis" | "bullmq";

/**
 * Loads an optional peer dependency on first use. A missing package becomes an error that names the
 * feature and the command that fixes it, instead of a bare "Cannot find module".
 */
export function loadPeer<T>(name: PeerName, feature: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    if (isMissing(error, name)) {
      throw new Error(`bankhooks: ${feature} needs the optional package "${name}", which is not installed. Run: npm install ${name}`, {
        cause: error,
      });
    }
    throw error;
  }
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.includes(`'${name}'`);
}
