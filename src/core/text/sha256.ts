/**
 * Lowercase hex SHA-256 for the desktop and the command line: Node's `crypto`, native and fast.
 * The browser build swaps this module for sha256.browser.ts (see scripts/build.mjs), which has
 * the same signature in pure TypeScript: Web Crypto only hashes asynchronously, and the store
 * compares hashes synchronously while it reads.
 */
import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256; strings are hashed as their UTF-8 bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
