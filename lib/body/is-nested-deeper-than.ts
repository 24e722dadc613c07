/**
 * Whether a parsed JSON value nests objects and arrays more than `max` levels deep (the value itself is
 * level 1). Walks with its own stack, so no depth can overflow the call stack here.
 */
export function isNestedDeeperThan(value: unknown, max: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 1; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (node === null || typeof node !== "object") continue;
      if (depth > max) return true;
      for (const child of Object.values(node)) if (child !== null && typeof child === "object") next.push(child);
    }
    level = next;
  }
  return false;
}
