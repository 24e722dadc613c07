/**
 * The key as one flat string, for keys kept for days. A key built by concatenation (`${family}:${id}`) is a
 * rope in V8 that keeps both its parts alive: 128 bytes for a BankConnect key instead of 72. Reading a
 * character flattens it, and the garbage collector then drops the rope.
 */
export function compactKey(key: string): string {
  key.charCodeAt(0);
  return key;
}
