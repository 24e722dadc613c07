import { createWsseHeader } from "../../auth/create-wsse-header";
import type { Command } from "../command";
import { parseCommandArgs } from "../parse-command-args";
import { requireSetting } from "../read-setting";

const usage = `Usage: bankhooks wsse --username U --secret S

Prints a fresh X-WSSE header value (32-hex nonce, Created in UTC), valid for one request, e.g.
  curl -H "X-WSSE: $(bankhooks wsse)" https://api.ibanfirst.com/api/wallets/

Options:
  --username U   iBanFirst username (env IBANFIRST_USERNAME)
  --secret S     iBanFirst secret (env IBANFIRST_SECRET)
  -h, --help     this help

Exit status: 0 printed, 2 bad arguments.`;

export const wsse: Command = {
  name: "wsse",
  summary: "print a fresh X-WSSE header value, for curl",
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { username: { type: "string" }, secret: { type: "string" } });
    const username = requireSetting("--username", values.username, "IBANFIRST_USERNAME", io);
    const secret = requireSetting("--secret", values.secret, "IBANFIRST_SECRET", io);
    io.stdout.write(`${createWsseHeader({ username, secret })}\n`);
    return 0;
  },
};
