import net from "node:net";

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** A bare TCP connection to a server: write requests byte by byte, stall, and see when the server hangs up. */
export interface RawConnection {
  socket: net.Socket;
  /** Writes; errors from writing to a socket the server has closed (EPIPE, ECONNRESET) are ignored. */
  write(data: string | Buffer): void;
  /** The first response on the connection; rejects if the connection ends before it is complete. */
  response: Promise<RawResponse>;
  /** Resolves when the connection is closed. The client never closes it itself, so this means the server did. */
  closed: Promise<void>;
  isClosed(): boolean;
}

export function openRawConnection(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let parsed: RawResponse | undefined;
    let closedFlag = false;
    let settleResponse!: { resolve(value: RawResponse): void; reject(error: Error): void };
    const response = new Promise<RawResponse>((res, rej) => (settleResponse = { resolve: res, reject: rej }));
    // Tests that only look at `closed` must not trip over an unhandled rejection.
    response.catch(() => undefined);
    const closed = new Promise<void>((res) => socket.once("close", () => res()));

    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (parsed) return;
      const result = tryParse(received);
      if (result) {
        parsed = result;
        settleResponse.resolve(result);
      }
    });
    socket.on("error", () => undefined);
    socket.once("close", () => {
      closedFlag = true;
      if (!parsed) settleResponse.reject(new Error(`connection closed before a complete response (${received.length} bytes read)`));
    });
    socket.once("connect", () =>
      resolve({
        socket,
        write(data) {
          if (!socket.destroyed && socket.writable) socket.write(data, () => undefined);
        },
        response,
        closed,
        isClosed: () => closedFlag,
      }),
    );
    socket.once("error", reject);
  });
}

/** The request line and headers of an HTTP/1.1 request, ending with the blank line. */
export function requestHead(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** One chunk of a chunked body. */
export function chunk(data: string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n")]);
}

function tryParse(buffer: Buffer): RawResponse | undefined {
  const end = buffer.indexOf("\r\n\r\n");
  if (end === -1) return undefined;
  const [statusLine, ...headerLines] = buffer.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? 0);
  const body = buffer.subarray(end + 4);
  if (body.length < length) return undefined;
  return { status, headers, body: body.subarray(0, length).toString("utf8") };
}
