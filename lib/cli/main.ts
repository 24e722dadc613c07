#!/usr/bin/env node
// The `bankhooks` command (package.json "bin"): everything is in runCli, so tests can drive it too.
import { runCli } from "./run-cli";

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
    // A command is over when it resolves: connections a loaded user module opened (worker, dead-letters,
    // replay) must not keep the process alive. Exit once what was written has been flushed.
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
