import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  server: http.Server;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
}

const running = new Set<http.Server>();

/** Listens on an ephemeral port of 127.0.0.1; close with closeServers() in afterEach. */
export async function startServer(listener: http.RequestListener): Promise<RunningServer> {
  const server = http.createServer(listener);
  running.add(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, port, url: `http://127.0.0.1:${port}` };
}

/** Closes every server started, with their connections (kept-alive or stalled ones too). */
export async function closeServers(): Promise<void> {
  const servers = [...running];
  running.clear();
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
