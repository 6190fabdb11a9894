/**
 * Lowercase hex SHA-256 for the desktop and the command line: Node's `crypto`, native and fast.
 * The browser build swaps this module for sha256.browser.ts (see scripts/browserBundle.mjs), which
 * has the same signature in pure TypeScript: Web Crypto only hashes asynchronously, and the store
 * compares hashes synchronously while it reads.
 */
import * as crypto from 'node:crypto';

// The one-shot `crypto.hash` (Node 20.12 and later) makes no Hash object: making one per text was
// half the hashing of a cold `stats`. Older Nodes (an older editor's extension host) fall back.
const oneShot: ((algorithm: string, data: Uint8Array | string, encoding: 'hex') => string) | undefined = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** Lowercase hex SHA-256; strings are hashed as their UTF-8 bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return oneShot !== undefined ? oneShot('sha256', bytes, 'hex') : crypto.createHash('sha256').update(bytes).digest('hex');
}
