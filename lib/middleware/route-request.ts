import type { IncomingMessage } from "node:http";
import type { FamilyName } from "../types";

export interface MiddlewareOptions {
  /** Serve one family at the mount path itself, instead of `<mount>/bankconnect` and `<mount>/ibanfirst`. */
  family?: FamilyName;
  /** A path prefix to serve under, for plain node:http servers (Express strips its mount path already). */
  path?: string;
}

export interface Route {
  family: FamilyName;
  query: URLSearchParams;
}

/** Which family a request is for, or undefined when it is not ours (then: next(), or 404 without Express). */
export function routeRequest(
  req: IncomingMessage & { route?: unknown },
  options: MiddlewareOptions,
  served: ReadonlySet<FamilyName>,
  /** The middleware function itself, to tell its own Express route from one matched earlier. */
  handler?: unknown,
): Route | undefined {
  const url = req.url ?? "/";
  const queryStart = url.indexOf("?");
  let path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart + 1));

  if (options.path !== undefined) {
    const prefix = trimTrailingSlashes(options.path);
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return undefined;
    path = path.slice(prefix.length);
  }
  // A trailing slash is served as is: a redirect would be a 3xx, which senders count as failure.
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);

  if (options.family !== undefined) {
    // Mounted on an Express route (app.all("/hook", …)), the router has matched the path already. Express
    // leaves req.route set after a route calls next(), so it counts only when that route runs this handler.
    const atMount = path === "" || path === "/" || isRouteOf(req.route, handler);
    return atMount && served.has(options.family) ? { family: options.family, query } : undefined;
  }
  const family = path.slice(1) as FamilyName;
  return served.has(family) ? { family, query } : undefined;
}

function isRouteOf(route: unknown, handler: unknown): boolean {
  const stack = (route as { stack?: unknown } | undefined)?.stack;
  return handler !== undefined && Array.isArray(stack) && stack.some((layer) => (layer as { handle?: unknown })?.handle === handler);
}

// A loop rather than a regular expression: this runs on every request of a node:http server.
function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47 /* "/" */) end--;
  return end === path.length ? path : path.slice(0, end);
}
