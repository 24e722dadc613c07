import type { State } from "../state";
import type { AnyHandlerFunction } from "../types";

/** Removes a handler registered with on() for these names, or with onAny() when the name is "*". */
export function removeListener(state: State, names: string | readonly string[], handler: AnyHandlerFunction): void {
  for (const name of [names].flat()) {
    const list = name === "*" ? state.anyHandlers : state.handlers.get(name);
    const index = list?.indexOf(handler) ?? -1;
    if (list && index !== -1) list.splice(index, 1);
  }
}
