/**
 * The frame of the extension's webview pages (the agreement report, the arc view): one place for
 * the strict content security policy, so every page loads nothing from the network and runs only
 * its own style and script, inline or from the extension's own files, allowed by the page's nonce.
 */

const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values (quoted with "). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

export interface WebviewPage {
  readonly nonce: string;
  /** The webview's own resource origin (`webview.cspSource`), allowed for fonts and images. */
  readonly cspSource: string;
  readonly language: string;
  readonly title?: string;
  /** The style and the script: the text itself, or the webview URI of an extension file. */
  readonly style: string | { readonly uri: string };
  /** Markup of the body, already escaped. */
  readonly body: string;
  readonly script: string | { readonly uri: string };
}

export function webviewPage({ nonce, cspSource, language, title, style, body, script }: WebviewPage): string {
  // A file's style is also allowed by its origin: a nonce on <link> is not honoured everywhere.
  const styleSources = typeof style === 'string' ? `'nonce-${nonce}'` : `${cspSource} 'nonce-${nonce}'`;
  const policy = `default-src 'none'; img-src ${cspSource} data:; style-src ${styleSources}; script-src 'nonce-${nonce}'; font-src ${cspSource};`;
  const quotedNonce = escapeHtml(nonce);
  const styleTag = typeof style === 'string' ? `<style nonce="${quotedNonce}">${style}</style>` : `<link rel="stylesheet" nonce="${quotedNonce}" href="${escapeHtml(style.uri)}">`;
  const scriptTag = typeof script === 'string' ? `<script nonce="${quotedNonce}">${script}</script>` : `<script nonce="${quotedNonce}" src="${escapeHtml(script.uri)}"></script>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${title === undefined ? '' : `<title>${escapeHtml(title)}</title>\n`}${styleTag}
</head>
<body>
${body}
${scriptTag}
</body>
</html>`;
}
