import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, type RequestWithBody } from "../body/read-body";
import { answers } from "../pipeline/answers";
import { handleDelivery } from "../pipeline/handle-delivery";
import type { State } from "../state";
import { routeRequest, type MiddlewareOptions } from "./route-request";
import { sendAnswer } from "./send-answer";

export type NextFunction = (error?: unknown) => void;
/** Fits `app.use()` in Express 4 and 5, and `http.createServer()` (without `next`, unknown paths get 404). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;

type ExpressRequest = RequestWithBody & { ip?: string; route?: unknown };

/** The seam between HTTP frameworks and the pipeline: route, hand over the request, write the answer. */
export function createMiddleware(state: State, options: MiddlewareOptions = {}): Middleware {
  if (options.family !== undefined && !state.families.has(options.family)) {
    throw new TypeError(`bankhooks: middleware({ family: ${JSON.stringify(options.family)} }) names a family this Webhooks does not serve`);
  }
  const served = new Set(state.families.keys());
  const bodyOptions = { limit: state.bodyLimit, timeoutMs: state.bodyTimeoutMs };

  return function bankhooksMiddleware(req: ExpressRequest, res, next) {
    const route = routeRequest(req, options, served, bankhooksMiddleware);
    if (!route) {
      if (next) return next();
      return sendAnswer(req, res, answers.notFound());
    }
    handleDelivery(state, route.family, {
      method: req.method ?? "GET",
      headers: req.headers,
      query: route.query,
      // Express's req.ip honours `trust proxy`; plain node:http has only the socket. A function, not a getter:
      // an object literal with an accessor is a slow object for V8, and this one is made for every request.
      getIp: () => req.ip ?? req.socket.remoteAddress,
      readBody: () => readBody(req, bodyOptions),
      checkContentType: true,
      verify: true,
    })
      // handleDelivery answers every failure itself; this guards against a failure in writing the answer
      // (one reaction for both, rather than then() and catch(): this runs for every request).
      .then(
        (answer) => {
          try {
            sendAnswer(req, res, answer);
          } catch (error) {
            answerInternalError(state, req, res, error);
          }
        },
        (error) => answerInternalError(state, req, res, error),
      );
  };
}

function answerInternalError(state: State, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  state.log.error("bankhooks: could not answer a request", error);
  try {
    sendAnswer(req, res, answers.internalError());
  } catch {
    res.destroy();
  }
}
