/**
 * The browser build hashes with a SHA-256 written in TypeScript (src/core/text/sha256.browser.ts),
 * because the store compares hashes synchronously and Web Crypto only answers asynchronously.
 * Here, inside the web worker, Web Crypto is the reference it must agree with.
 */
import { sha256Hex } from '../../src/core/text/sha256.browser';
import { equal } from './check';
import { report } from './runInWorker';

async function webCryptoHex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Bytes of every value, in a pattern that crosses block and length-field boundaries. */
function patterned(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) bytes[index] = (index * 131 + (index >> 8)) & 0xff;
  return bytes;
}

describe('SHA-256 in the web worker', () => {
  it('agrees with Web Crypto on texts and bytes around every block boundary', async () => {
    const texts = ['', 'abc', 'Bogotá', 'Bogota\u0301', '周明远 🌍 القاهرة', 'x'.repeat(10_000)];
    for (const text of texts) equal(sha256Hex(text), await webCryptoHex(new TextEncoder().encode(text)), `the hash of ${JSON.stringify(text.slice(0, 20))}`);
    for (const length of [55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) equal(sha256Hex(patterned(length)), await webCryptoHex(patterned(length)), `the hash of ${length} bytes`);
  });

  it('hashes a 2 MB article, and reports how fast', async () => {
    const article = patterned(2_000_000);
    const started = performance.now();
    const hash = sha256Hex(article);
    const elapsed = performance.now() - started;
    equal(hash, await webCryptoHex(article), 'the hash of 2 MB');
    report(`web worker SHA-256: 2 MB in ${elapsed.toFixed(1)} ms`);
  });
});
