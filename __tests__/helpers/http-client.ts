import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as text (empty for HEAD). */
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: any;
}

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent byte for byte: an object is sent as its JSON text, a Buffer as is (supertest would re-encode it). */
  body?: string | Buffer | object;
}

/** One request over a fresh connection (no keep-alive), so that nothing outlives a test. */
export function httpRequest(baseUrl: string, path: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const { method = "POST", headers = {}, body } = options;
  const payload = body === undefined ? undefined : typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  // Always declared: Node sends a DELETE or OPTIONS body without Content-Length otherwise.
  const allHeaders = payload === undefined ? headers : { "content-length": String(Buffer.byteLength(payload)), ...headers };
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl), { method, headers: allHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** A POST of a delivery to `path`. */
export function post(
  baseUrl: string,
  path: string,
  body: string | Buffer | object,
  headers: Record<string, string>,
): Promise<HttpResponse> {
  return httpRequest(baseUrl, path, { method: "POST", headers, body });
}
