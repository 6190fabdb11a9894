/**
 * A fresh nonce for a webview's Content-Security-Policy: 16 random bytes, base64. Through the
 * Web Crypto global, which the desktop's Node and the browser's worker both have.
 */
export function webviewNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
