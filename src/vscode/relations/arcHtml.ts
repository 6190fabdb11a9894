import { escapeHtml, webviewPage } from '../webviewPage';

/** What the arc view's page is drawn from (UTF-16 offsets: the webview slices JavaScript strings). */
export interface ArcArticle {
  readonly type: 'article';
  readonly title: string;
  readonly text: string;
  readonly spans: readonly { id: string; type: string; start: number; end: number; pieces: readonly (readonly [number, number])[]; light: string; dark: string }[];
  readonly relations: readonly { id: string; type: string; from: string; to: string }[];
}


/**
 * Where the page's script and style are (webview URIs of dist/webview/arcView.js and .css, which
 * the build writes from arcScript.ts and arcStyle.ts): files rather than inline text, so neither
 * bundle carries them (the browser bundle has a size budget).
 */
export interface ArcPageFiles {
  readonly script: string;
  readonly style: string;
}

/** The page: a title, the article's text, and the SVG the script draws labels and arcs in. */
export function arcHtml(nonce: string, cspSource: string, language: string, emptyText: string, files: ArcPageFiles): string {
  return webviewPage({
    nonce,
    cspSource,
    language,
    style: { uri: files.style },
    script: { uri: files.script },
    body: `<h1 id="title"></h1>
<p id="empty" hidden>${escapeHtml(emptyText)}</p>
<div id="page"><div id="article"></div><svg id="overlay" xmlns="http://www.w3.org/2000/svg"></svg></div>`,
  });
}
