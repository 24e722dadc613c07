import type { State } from "../state";
import type { AnyHandlerFunction, ErrorHandlerFunction } from "../types";
import { validateEventName } from "./validate-event-name";

export function on(state: State, names: string | readonly string[], handler: AnyHandlerFunction): void {
  assertFunction(handler, "on");
  for (const name of [names].flat()) {
    validateEventName(name);
    const list = state.handlers.get(name) ?? [];
    list.push(handler);
    state.handlers.set(name, list);
  }
}

export function onAny(state: State, handler: AnyHandlerFunction): void {
  assertFunction(handler, "onAny");
  state.anyHandlers.push(handler);
}

export function onError(state: State, handler: ErrorHandlerFunction): void {
  assertFunction(handler, "onError");
  state.errorHandlers.push(handler);
}

function assertFunction(handler: unknown, method: string): void {
  if (typeof handler !== "function") throw new TypeError(`bankhooks: ${method}() needs a handler function`);
}
