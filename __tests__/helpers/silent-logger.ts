import type { Logger } from "bankhooks";

/** A logger that drops everything, so that refused and failing deliveries keep test output clean. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
