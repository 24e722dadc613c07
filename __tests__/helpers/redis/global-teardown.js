// Stops the private redis-server that global-setup.js started, if any.
module.exports = async function globalTeardown() {
  const child = globalThis.__BANKHOOKS_REDIS__;
  if (!child || child.exitCode !== null) return;
  let timer;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
};
