/**
 * The frame of the extension's webview pages (the agreement report, the arc view): one place for
 * the strict content security policy, so every page loads nothing from the network and runs only
 * its own inline style and script, allowed by the page's nonce.
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
  readonly style: string;
  /** Markup of the body, already escaped. */
  readonly body: string;
  readonly script: string;
}

export function webviewPage({ nonce, cspSource, language, title, style, body, script }: WebviewPage): string {
  const policy = `default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src ${cspSource};`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${title === undefined ? '' : `<title>${escapeHtml(title)}</title>\n`}<style nonce="${escapeHtml(nonce)}">${style}</style>
</head>
<body>
${body}
<script nonce="${escapeHtml(nonce)}">${script}</script>
</body>
</html>`;
}
