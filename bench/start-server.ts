import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";

export interface ServerStats {
  /** Microseconds of CPU, as process.cpuUsage() counts them. */
  cpu: { user: number; system: number };
  rssBytes: number;
  peakRssBytes: number;
}

export interface RunningServer {
  port: number;
  pid: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Starts one contestant in its own process and waits until it listens. */
export async function startServer(file: string, execArgv: string[] = []): Promise<RunningServer> {
  const child = fork(file, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before listening`)));
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message.type === "listening" && message.port) resolve(message.port);
    });
  });
  return { port, pid: child.pid!, stats: () => askStats(child), stop: () => stop(child) };
}

function askStats(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string } & ServerStats) => {
      if (message.type !== "stats") return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.send({ type: "stats" });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}
