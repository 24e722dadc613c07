import type { Command } from "../command";
import { deadLetters } from "./dead-letters";
import { reconcile } from "./reconcile";
import { register } from "./register";
import { send } from "./send";
import { replay } from "./replay";
import { worker } from "./worker";
import { wsse } from "./wsse";

/** Every `bankhooks` command, in the order `bankhooks --help` lists them. One line per command. */
export const COMMANDS: readonly Command[] = [send, reconcile, register, wsse, worker, deadLetters, replay];
